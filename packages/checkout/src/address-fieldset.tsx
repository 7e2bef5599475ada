/**
 * The sheet's shipping address, laid out per country from libaddressinput's
 * data (@cartlift/core/address): a chunk of its own (`address`), fetched as
 * the sheet opens, so the data never weighs on the cart or the payment views.
 */
import { type AddressField, type AddressFormField, addressForm, addressProblems, phoneRequired } from '@cartlift/core/address';
import type { AddressRequest } from '@cartlift/core/contract';
import { addressText as text } from './address-text.js';
import { Field } from './fields.js';
import { type Locale, pick } from './i18n.js';

export { phoneRequired };

/** The sheet's countries, in the order it offers them. */
const COUNTRIES = ['US', 'CN', 'HK', 'TW', 'SG', 'JP', 'GB', 'CA', 'AU', 'DE', 'FR'];

/** An address as the sheet's form holds it: every field a string, kept across countries. */
export type AddressForm = Record<AddressField | 'country', string>;

const ID: Record<AddressField, string> = {
  line1: 'cartlift-line1',
  line2: 'cartlift-line2',
  district: 'cartlift-district',
  city: 'cartlift-city',
  state: 'cartlift-state',
  postal_code: 'cartlift-postal',
};

/** A field's label in the shopper's language, "(optional)" added where it is. */
function labelFor(field: AddressFormField, locale: Locale): string {
  const named = pick(text.labels, locale)[field.label] ?? field.label;
  const label = field.mark ? `${named} ${field.mark}` : named;
  return field.required ? label : pick(text.optional, locale)(label);
}

/**
 * The address the form holds, as `/checkout` and Stripe take it: only the
 * fields the country's form shows (what was typed for another country stays
 * in the form, not in the order), and China's district as `line2` (Stripe's
 * address has no district; China's form has one street line, so it is free).
 *
 * @example
 * addressRequest({ country: 'CN', state: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号', line2: '', postal_code: '' })
 * // { country: "CN", state: "浙江省", city: "杭州市", line1: "文三路 1 号", line2: "西湖区" }
 */
export function addressRequest(form: AddressForm): AddressRequest {
  const address: AddressRequest = { line1: form.line1.trim(), country: form.country };
  for (const { field } of addressForm(form.country, 'en')) {
    const value = form[field].trim();
    if (value && field !== 'line1') address[field === 'district' ? 'line2' : field] = value;
  }
  return address;
}

/**
 * The address part of a saved profile: the fields the country's form shows,
 * China's district kept as `district`, so it reads back into its own field.
 *
 * @example
 * savedAddress(form) // { country: "CN", state: "浙江省", city: "杭州市", district: "西湖区", line1: "文三路 1 号" }
 */
export function savedAddress(form: AddressForm): Partial<AddressForm> & { line1: string; country: string } {
  const saved: Partial<AddressForm> & { line1: string; country: string } = { line1: form.line1.trim(), country: form.country };
  for (const { field } of addressForm(form.country, 'en')) if (form[field].trim()) saved[field] = form[field].trim();
  return saved;
}

/**
 * What the shopper must fix in the address (and the phone, where the country
 * requires it), as one sentence per field in their language.
 *
 * @example
 * addressErrors({ ...form, country: 'US', postal_code: '' }, '', 'en') // { postal_code: "ZIP code is required." }
 */
export function addressErrors(form: AddressForm, phone: string, locale: Locale): Partial<Record<AddressField | 'phone', string>> {
  const labels = pick(text.labels, locale);
  const found: Partial<Record<AddressField | 'phone', string>> = {};
  for (const problem of addressProblems(form)) {
    const label = labels[problem.label] ?? problem.label;
    found[problem.field] = problem.kind === 'required' ? pick(text.required, locale)(label) : pick(text.badPostcode, locale)(label, problem.example ?? '');
  }
  if (phoneRequired(form.country) && !phone.trim()) found.phone = pick(text.required, locale)(pick(text.phone, locale));
  return found;
}

/**
 * The form after a change of country: what still applies is kept; a state
 * that isn't one of the new country's choices is cleared, so a stale value
 * can't pass for a chosen one.
 *
 * @example
 * withCountry({ ...form, country: 'US', state: 'CA' }, 'CA') // state: "" (Canada has no province "CA")
 */
export function withCountry(form: AddressForm, country: string): AddressForm {
  const options = addressForm(country, 'en').find((f) => f.field === 'state')?.options;
  const keepState = !options || options.some((o) => o.value === form.state);
  return { ...form, country, state: keepState ? form.state : '' };
}

/** The phone field's label: required where the country's couriers call (China), else optional. */
export function phoneLabel(country: string, locale: Locale): string {
  const label = pick(text.phone, locale);
  return phoneRequired(country) ? label : pick(text.optional, locale)(label);
}

interface AddressFieldsetProps {
  form: AddressForm;
  errors: Partial<Record<AddressField, string>>;
  locale: Locale;
  legend: string;
  onField(field: AddressField, value: string): void;
  onCountry(country: string): void;
}

/**
 * The shipping address fieldset: country first, then the country's fields in
 * its order, each with its label, autocomplete token and, for states and
 * provinces with data, a select.
 */
export function AddressFieldset({ form, errors, locale, legend, onField, onCountry }: AddressFieldsetProps) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="field">
        <label for="cartlift-country">{pick(text.country, locale)}</label>
        <select id="cartlift-country" name="country" autocomplete="country" value={form.country} onChange={(e) => onCountry(e.currentTarget.value)}>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {names.of(code)}
            </option>
          ))}
        </select>
      </div>
      {addressForm(form.country, locale).map((field) =>
        field.options ? (
          <RegionSelect
            key={field.field}
            field={field}
            label={labelFor(field, locale)}
            value={form.state}
            error={errors.state}
            locale={locale}
            onValue={(v) => onField('state', v)}
          />
        ) : (
          <Field
            key={field.field}
            id={ID[field.field]}
            label={labelFor(field, locale)}
            autocomplete={field.autocomplete}
            required={field.required}
            value={form[field.field]}
            error={errors[field.field]}
            onValue={(v) => onField(field.field, v)}
          />
        ),
      )}
    </fieldset>
  );
}

interface RegionSelectProps {
  field: AddressFormField;
  label: string;
  value: string;
  error: string | undefined;
  locale: Locale;
  onValue(value: string): void;
}

/** A state/province select, labelled and marked like the sheet's inputs. */
function RegionSelect({ field, label, value, error, locale, onValue }: RegionSelectProps) {
  const id = ID.state;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name="state"
        autocomplete={field.autocomplete}
        required={field.required}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        <option value="">{pick(text.choose, locale)}</option>
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  );
}
