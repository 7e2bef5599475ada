import type { Localized } from './i18n.js';

type Fn = (s: string) => string;

/**
 * The address form's strings, by the label keys of @cartlift/core/address
 * (libaddressinput's name types); they load with the address chunk.
 */
export const addressText = {
  labels: {
    en: {
      line1: 'Address',
      line2: 'Apartment, suite',
      zip: 'ZIP code',
      postal: 'Postal code',
      state: 'State',
      province: 'Province',
      prefecture: 'Prefecture',
      area: 'Area',
      county: 'County',
      region: 'Region',
      city: 'City',
      post_town: 'Post town',
      suburb: 'Suburb',
      district: 'District',
    },
    'zh-CN': {
      line1: '详细地址',
      line2: '门牌、楼层',
      zip: '邮政编码',
      postal: '邮政编码',
      state: '州',
      province: '省份',
      prefecture: '都道府县',
      area: '地区',
      county: '县/市',
      region: '大区',
      city: '城市',
      post_town: '城镇',
      suburb: '市郊',
      district: '区/县',
    },
  } as Localized<Record<string, string>>,
  optional: { en: ((label) => `${label} (optional)`) as Fn, 'zh-CN': ((label) => `${label}（选填）`) as Fn },
  choose: { en: 'Choose…', 'zh-CN': '请选择' },
  country: { en: 'Country or region', 'zh-CN': '国家或地区' },
  phone: { en: 'Phone', 'zh-CN': '电话' },
  required: { en: ((label) => `${label} is required.`) as Fn, 'zh-CN': ((label) => `请填写${label}。`) as Fn },
  badPostcode: {
    en: ((label, example) => `${label} must look like ${example}.`) as (label: string, example: string) => string,
    'zh-CN': ((label, example) => `请输入有效的${label}，例如 ${example}。`) as (label: string, example: string) => string,
  },
} satisfies Record<string, Localized<unknown>>;
