import type { ReactNode, SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'onChange' | 'value' | 'className' | 'children'
> {
  readonly label: string;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Each choice as [value, what the person reads]. */
  readonly options: readonly (readonly [string, string])[];
  /** Choices shown before `options`, e.g. "None" or a value the list no longer offers. */
  readonly leading?: ReactNode;
}

/** A labelled drop-down, the select beside TextField. */
export const SelectField = ({
  label,
  value,
  onValueChange,
  options,
  leading,
  ...selectProps
}: SelectFieldProps) => (
  <label className="field">
    <span className="field__label">{label}</span>
    <select
      {...selectProps}
      className="input"
      value={value}
      onChange={(event) => {
        onValueChange(event.target.value);
      }}
    >
      {leading}
      {options.map(([optionValue, optionLabel]) => (
        <option key={optionValue} value={optionValue}>
          {optionLabel}
        </option>
      ))}
    </select>
  </label>
);
