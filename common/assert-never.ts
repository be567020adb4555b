/** The end of every exhaustive switch: a compile error when a case is missing, a throw if one slips by. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
