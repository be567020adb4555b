/**
 * The provider documents PascalCase but its lookalike answers camelCase (docs/provider-api.md §13.2), so the wire is
 * read case-insensitively: every key is lower-cased before a schema sees it. The client reads responses
 * this way and the sandbox reads requests this way. A plain loop rather than entries/fromEntries: it
 * runs over every answer of a send, on the thread the requests share.
 */
export const lowerCaseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(lowerCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const lowered: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = lowerCaseKeys((value as Record<string, unknown>)[key]);
    const name = key.toLowerCase();
    // An answer's own "__proto__" key stays a key: assigned, it would become the object's prototype.
    if (name === '__proto__') Object.defineProperty(lowered, name, { value: item, enumerable: true });
    else lowered[name] = item;
  }
  return lowered;
};
