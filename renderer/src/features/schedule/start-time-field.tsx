import { useId } from 'react';
import { describeTimeZone, startTimeFromInput } from './start-time-format.ts';

/**
 * A local date and time with the zone it is read in named beside it, checked as it is typed by the rule
 * main applies again when the batch is committed.
 */
export const StartTimeField = ({
  label,
  value,
  nowMs,
  onValueChange,
}: {
  label: string;
  value: string;
  nowMs: number;
  onValueChange: (value: string) => void;
}) => {
  const hintId = useId();
  const checked = startTimeFromInput(value, nowMs);
  const zoneAt = checked.ok ? Date.parse(checked.value) : nowMs;
  return (
    <label className="field start-time">
      <span className="field__label">{label}</span>
      <input
        className="input"
        type="datetime-local"
        value={value}
        aria-invalid={!checked.ok}
        aria-describedby={hintId}
        onChange={(event) => {
          onValueChange(event.target.value);
        }}
      />
      <span
        id={hintId}
        className={checked.ok ? 'field__hint' : 'field__hint text-error'}
        data-testid="start-time-hint"
      >
        {checked.ok ? `Your local time: ${describeTimeZone(zoneAt)}.` : checked.error}
      </span>
    </label>
  );
};
