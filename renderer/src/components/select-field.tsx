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

/** A select's choices, each given as [value, what the person reads]. */
export const SelectOptions = ({ options }: { options: readonly (readonly [string, string])[] }) =>
  options.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));

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
      <SelectOptions options={options} />
    </select>
  </label>
);
