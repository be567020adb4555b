import type { ReactNode } from 'react';

/** One of a few choices as radio buttons in a fieldset, each with its own label. */
export const RadioChoices = <Choice extends string>({
  name,
  legend,
  legendClassName,
  className = 'choices',
  choices,
  value,
  onChoose,
  labelOf,
}: {
  name: string;
  legend: string;
  legendClassName: string;
  className?: string;
  choices: readonly Choice[];
  value: Choice;
  onChoose: (choice: Choice) => void;
  labelOf: (choice: Choice) => ReactNode;
}) => (
  <fieldset className={className}>
    <legend className={legendClassName}>{legend}</legend>
    {choices.map((choice) => (
      <label key={choice} className="choice">
        <input
          type="radio"
          name={name}
          value={choice}
          checked={value === choice}
          onChange={() => {
            onChoose(choice);
          }}
        />
        {labelOf(choice)}
      </label>
    ))}
  </fieldset>
);
