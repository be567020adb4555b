/**
 * The provider documents PascalCase but its lookalike answers camelCase (API notes §13.2), so responses
 * are read case-insensitively: every key is lower-cased before the schemas in wire-schemas.ts see it.
 */
export const lowerCaseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(lowerCaseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.toLowerCase(), lowerCaseKeys(item)]),
    );
  }
  return value;
};
