/**
 * @cartlift/core/address: each country's address form and the rules an
 * address must meet, from Google libaddressinput's metadata (pruned into
 * address-formats.generated.ts by scripts/address-formats.mjs). The checkout
 * sheet renders and checks its form with it; the server refuses, with the
 * same rules, what the sheet would have refused.
 *
 * @example
 * import { addressForm, addressProblems } from '@cartlift/core/address';
 */
import type { AddressFormatData } from './address-format-data.js';
import { ADDRESS_FORMATS } from './address-formats.generated.js';

/** An address field of the form. `district` has no field in Stripe's address: the sheet sends it as `line2` (see docs/checkout.md). */
export type AddressField = 'line1' | 'line2' | 'district' | 'city' | 'state' | 'postal_code';

/** An address as the form holds it: any field may be missing or empty. */
export type AddressValues = Partial<Record<AddressField, string>> & { country: string };

/** What a field is called in a country: the key of its label ("zip", "prefecture", "post_town", …). */
export type AddressLabel = string;

/** One field of a country's form, in the country's order. */
export interface AddressFormField {
  field: AddressField;
  label: AddressLabel;
  required: boolean;
  /** The HTML autocomplete token browsers autofill it with. */
  autocomplete: string;
  /** The choices for a state/province select, labelled in the shopper's language. */
  options?: { value: string; label: string }[];
  /** A mark the country writes before the postcode (Japan's "〒"), to show with its label. */
  mark?: string;
}

/** Why an address field is refused: missing, or a postcode that isn't one (with an example that is). */
export interface AddressProblem {
  field: AddressField;
  kind: 'required' | 'format';
  label: AddressLabel;
  /** For `format`: a valid postcode of the country, from libaddressinput's examples. */
  example?: string;
}

// libaddressinput's defaults ("ZZ"), for fields a country leaves out and for countries not in the generated list.
const DEFAULT: AddressFormatData = { fmt: 'AC', require: 'AC' };

/**
 * Cartlift's corrections to the data, each for a reason the data can't carry:
 * - CN: Chinese shoppers and couriers don't use postcodes (libaddressinput
 *   requires one, "ACSZ"): no postcode field, none required.
 */
const OVERRIDES: Record<string, (data: AddressFormatData) => AddressFormatData> = {
  CN: (data) => ({ ...data, fmt: data.fmt.replace('Z', ''), lfmt: data.lfmt?.replace('Z', ''), require: data.require?.replace('Z', '') }),
};

/** Countries where a courier calls before delivering: the phone number is required (China). */
const PHONE_REQUIRED = new Set(['CN']);

const AUTOCOMPLETE: Record<AddressField, string> = {
  line1: 'address-line1',
  line2: 'address-line2',
  district: 'address-level3',
  city: 'address-level2',
  state: 'address-level1',
  postal_code: 'postal-code',
};

// Countries whose local order is written in Chinese script: a shopper reading English gets their Latin-script order.
const CHINESE_SCRIPT = new Set(['CN', 'HK', 'TW']);

function formatOf(country: string): AddressFormatData {
  const data = ADDRESS_FORMATS[country] ?? DEFAULT;
  return OVERRIDES[country]?.(data) ?? data;
}

function labelOf(letter: string, data: AddressFormatData): AddressLabel {
  if (letter === 'Z') return data.zip_name ?? 'postal';
  if (letter === 'S') return data.state_name ?? 'province';
  if (letter === 'C') return data.locality_name ?? 'city';
  return data.sublocality_name ?? 'suburb';
}

const FIELD_OF: Record<string, AddressField> = { D: 'district', C: 'city', S: 'state', Z: 'postal_code' };

/**
 * Which order a shopper gets: the local one (libaddressinput's `fmt`), except
 * for Chinese-script countries (CN, TW, HK) shown to a shopper not reading
 * Chinese, who gets the Latin-script order (`lfmt`): street first, province
 * last, as those addresses are written in Latin letters. Japan keeps its local
 * order in English too: postcode first, as Japanese forms ask it in any language.
 */
function orderOf(country: string, data: AddressFormatData, locale: string): string {
  return CHINESE_SCRIPT.has(country) && !/^zh/i.test(locale) && data.lfmt ? data.lfmt : data.fmt;
}

/**
 * The address fields of a country's form, in its order, with each field's
 * label key, whether it is required, its autocomplete token and, for the
 * state of US, CA, AU, JP and CN, the choices. The street ("A") is one line
 * where the format has a district (China: the district travels as `line2`),
 * else a line and an optional second line.
 *
 * @example
 * addressForm('CN', 'zh-CN').map((f) => f.field) // ["state", "city", "district", "line1"]
 * addressForm('US', 'en').map((f) => f.field)    // ["line1", "line2", "city", "state", "postal_code"]
 */
export function addressForm(country: string, locale: string): AddressFormField[] {
  const data = formatOf(country);
  const required = data.require ?? 'AC';
  const fields: AddressFormField[] = [];
  const add = (field: AddressField, label: AddressLabel, isRequired: boolean) =>
    fields.push({ field, label, required: isRequired, autocomplete: AUTOCOMPLETE[field] });
  for (const letter of orderOf(country, data, locale)) {
    if (letter === 'A') {
      add('line1', 'line1', required.includes('A'));
      if (!data.fmt.includes('D')) add('line2', 'line2', false);
    } else add(FIELD_OF[letter]!, labelOf(letter, data), required.includes(letter));
  }
  const postcode = fields.find((f) => f.field === 'postal_code');
  if (postcode && data.zip_prefix) postcode.mark = data.zip_prefix;
  const state = fields.find((f) => f.field === 'state');
  if (state && data.regions) state.options = data.regions.map(([value, name, latin]) => ({ value, label: /^zh/i.test(locale) ? name : (latin ?? name) }));
  return fields;
}

/**
 * Whether the country's couriers need the shopper's phone number (China's call before delivering).
 *
 * @example
 * phoneRequired('CN') // true
 */
export function phoneRequired(country: string): boolean {
  return PHONE_REQUIRED.has(country);
}

/**
 * What is wrong with an address by its country's rules: each required field
 * that is empty, and a postcode that doesn't match the country's pattern
 * (with an example that does). Empty when the address is good.
 *
 * @example
 * addressProblems({ country: 'US', line1: '1 Main St', city: 'Cupertino', state: 'CA' })
 * // [{ field: "postal_code", kind: "required", label: "zip" }]
 */
export function addressProblems(address: AddressValues): AddressProblem[] {
  const data = formatOf(address.country);
  const problems: AddressProblem[] = [];
  for (const f of addressForm(address.country, 'en')) {
    const value = address[f.field]?.trim() ?? '';
    if (!value && f.required) problems.push({ field: f.field, kind: 'required', label: f.label });
  }
  const postcode = address.postal_code?.trim();
  if (postcode && data.zip && data.fmt.includes('Z') && !new RegExp(`^(?:${data.zip})$`, 'i').test(postcode)) {
    problems.push({ field: 'postal_code', kind: 'format', label: labelOf('Z', data), ...(data.zipex ? { example: data.zipex } : {}) });
  }
  return problems;
}
