export interface FieldProps {
  id: string;
  label: string;
  value: string;
  autocomplete: string;
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  error?: string;
  onValue(value: string): void;
  inputMode?: 'email' | 'tel' | 'text';
}

/** A labelled input with the autocomplete token browsers use to autofill it. */
export function Field({ id, label, value, autocomplete, type = 'text', required = true, error, onValue, inputMode }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id.replace(/^cartlift-/, '')}
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
        inputMode={inputMode}
      />
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  );
}
