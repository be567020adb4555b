import type { ReactNode } from 'react';

/** A checkbox with its label beside it, reporting the new checked state. */
export const CheckboxField = ({
  checked,
  onCheckedChange,
  className = 'checkbox',
  title,
  children,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  className?: string;
  title?: string;
  children: ReactNode;
}) => (
  <label className={className} title={title}>
    <input
      type="checkbox"
      checked={checked}
      onChange={(event) => {
        onCheckedChange(event.target.checked);
      }}
    />
    {children}
  </label>
);
