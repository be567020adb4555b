/**
 * The provider documents PascalCase but its lookalike answers camelCase (docs/provider-api.md §13.2), so the wire is
 * read case-insensitively: every key is lower-cased before a schema sees it. The client reads responses
 * this way and the sandbox reads requests this way.
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
