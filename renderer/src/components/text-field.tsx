import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'className'
> {
  readonly label: string;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Extra class for the label, e.g. `field--wide`. */
  readonly fieldClassName?: string;
}

/** A labelled text input, the form control most screens use. */
export const TextField = ({ label, value, onValueChange, fieldClassName, ...inputProps }: TextFieldProps) => (
  <label className={fieldClassName === undefined ? 'field' : `field ${fieldClassName}`}>
    <span className="field__label">{label}</span>
    <input
      {...inputProps}
      className="input"
      value={value}
      onChange={(event) => {
        onValueChange(event.target.value);
      }}
    />
  </label>
);
