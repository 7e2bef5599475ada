import { localizedName } from '@cartlift/core';

/**
 * A promotion name in `locale`: core's one rule for names by locale
 * (the locale, else English, else the first given).
 *
 * @example
 * promotionName({ en: 'First order ¥30 off', 'zh-CN': '首单立减30元' }, 'zh-CN') // "首单立减30元"
 */
export const promotionName = localizedName;
