/** One measured figure; `pass` compares it with its target (lower is better unless `higherIsBetter`). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: number;
  readonly pass: boolean;
  /** What the value was computed from, for the printed line. */
  readonly detail?: string;
  readonly higherIsBetter?: boolean;
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

/** A figure where more is better (a rate): it passes at or above its target. */
export const rateFigure = (
  name: string,
  value: number,
  unit: string,
  target: number,
  detail?: string,
): Figure => ({
  ...figure(name, value, unit, target, detail),
  pass: value >= target,
  higherIsBetter: true,
});
