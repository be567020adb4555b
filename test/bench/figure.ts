/** One measured figure; `pass` compares it with its target (lower is better for every figure here). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: number;
  readonly pass: boolean;
  /** What the value was computed from, for the printed line. */
  readonly detail?: string;
}

export const figure = (
  name: string,
  value: number,
  unit: string,
  target: number,
  detail?: string,
  /** How finely the value can be measured at all; a value within it of the target passes. */
  resolution = 0,
): Figure => ({
  name,
  value: Math.round(value * 1000) / 1000,
  unit,
  target,
  pass: value <= target + resolution,
  ...(detail === undefined ? {} : { detail }),
});
