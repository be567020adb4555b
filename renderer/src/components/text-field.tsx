import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'className'
> {
  readonly label: string;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Extra class for the label, e.g. `field--wide`. */
  readonly fieldClassName?: string;
  /** Why the value cannot be used, shown under the field and announced with it. */
  readonly error?: string | null;
  /** Shown under the field when there is no error: a note, or an action next to it. */
  readonly hint?: ReactNode;
}

/** A labelled text input, the form control most screens use. */
export const TextField = ({
  label,
  value,
  onValueChange,
  fieldClassName,
  error = null,
  hint,
  ...inputProps
}: TextFieldProps) => {
  const labelId = useId();
  const messageId = useId();
  const hasMessage = error !== null || (hint !== undefined && hint !== null);
  return (
    <label className={fieldClassName === undefined ? 'field' : `field ${fieldClassName}`}>
      <span className="field__label" id={labelId}>
        {label}
      </span>
      <input
        {...inputProps}
        // Named by its label alone: the message under it is its description, not part of its name.
        aria-labelledby={labelId}
        className="input"
        value={value}
        aria-invalid={error !== null ? true : inputProps['aria-invalid']}
        aria-describedby={hasMessage ? messageId : inputProps['aria-describedby']}
        onChange={(event) => {
          onValueChange(event.target.value);
        }}
      />
      {error !== null ? (
        <span className="field__hint text-error" id={messageId} role="alert">
          {error}
        </span>
      ) : hasMessage ? (
        <span className="field__hint" id={messageId}>
          {hint}
        </span>
      ) : null}
    </label>
  );
};
