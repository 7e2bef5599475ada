import { formatMoney } from '@cartlift/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ConsoleApiError } from './api.js';
import { useConsole } from './console-context.js';
import type { Loaded } from './use-load.js';

/** The id of a form control for a file field ("rule.tiers[0].spend" → "field-rule-tiers-0-spend"). */
export const fieldId = (field: string) => `field-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

interface ControlProps {
  /** The file's field path, used for the id and to find its error. */
  field: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function FieldMessages({ field, error, hint }: Omit<ControlProps, 'label'>) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${fieldId(field)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${fieldId(field)}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = ({ field, error, hint }: Omit<ControlProps, 'label'>) =>
  [hint && `${fieldId(field)}-hint`, error && `${fieldId(field)}-error`].filter(Boolean).join(' ') || undefined;

/**
 * A labelled text input with its hint and error, linked for screen readers.
 *
 * @example
 * <TextField field="rule.amount" label="Amount off" value={form.amount} onValue={(amount) => update({ amount })} />
 */
export function TextField(
  props: ControlProps & {
    value: string;
    onValue(value: string): void;
    type?: 'text' | 'email' | 'password' | 'search';
    inputMode?: 'decimal' | 'numeric' | 'text';
    autoComplete?: string;
  },
) {
  const { field, label, error, value, onValue, type = 'text', inputMode, autoComplete } = props;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(field)}>{label}</label>
      <input
        id={fieldId(field)}
        name={field}
        // preact types each input type apart; the union is checked on the props above.
        type={type as 'text'}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <FieldMessages {...props} />
    </div>
  );
}

/** A labelled select of `options` (value and label). */
export function SelectField(props: ControlProps & { value: string; options: readonly { value: string; label: string }[]; onValue(value: string): void }) {
  const { field, label, error, value, options, onValue } = props;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(field)}>{label}</label>
      <select
        id={fieldId(field)}
        name={field}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages {...props} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField(props: ControlProps & { checked: boolean; onChecked(checked: boolean): void }) {
  const { field, label, error, checked, onChecked } = props;
  return (
    <div class={error ? 'field check has-error' : 'field check'}>
      <input
        id={fieldId(field)}
        name={field}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onChecked(event.currentTarget.checked)}
      />
      <label for={fieldId(field)}>{label}</label>
      <FieldMessages {...props} />
    </div>
  );
}

/** A page's heading, focused when the page opens so keyboard and screen-reader users start there. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** The sentence of an API refusal, or of anything else that went wrong. */
export const messageOf = (error: unknown) => (error instanceof ConsoleApiError || error instanceof Error ? error.message : String(error));

/** An error in the page, said at once to screen readers. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: (() => void) | undefined }) {
  const { t } = useConsole();
  return (
    <div class="notice error" role="alert">
      <p>{messageOf(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/**
 * Shows what a page loaded: a loading line, the error with a retry, or the page's content.
 *
 * @example
 * <LoadedView loaded={orders}>{(data) => <OrdersTable orders={data.orders} />}</LoadedView>
 */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useConsole();
  if (loaded.data === null && loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null) return <p class="loading">{t('loading')}</p>;
  return (
    <>
      {loaded.error && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {children(loaded.data)}
    </>
  );
}

/** Money in the console's language, or the raw minor units for a currency this browser can't format. */
export function useMoney() {
  const { locale } = useConsole();
  return (amount: number, currency: string) => {
    try {
      return formatMoney({ amount, currency }, locale);
    } catch {
      return `${amount} ${currency}`;
    }
  };
}

/** A time in the console's language. */
export function useTime() {
  const { locale } = useConsole();
  return (at: number | string) => new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A table that scrolls sideways on a narrow screen instead of widening the page; `columns` are its header cells,
 * `label` names a table without buttons or links (its scrolling region then takes focus).
 *
 * @example
 * <Table columns={[t('when'), t('order')]}>{orders.map((order) => <tr key={order.id}>…</tr>)}</Table>
 */
export function Table({ columns, label, children }: { columns: string[]; label?: string; children: ComponentChildren }) {
  // A table with nothing focusable in it that may scroll sideways is named and takes focus, so a keyboard can scroll it.
  return (
    <div class="table-scroll" {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
