/**
 * Where a 409 body may name the original order (docs/provider-api.md §13.8): the documented `Id`, the 3P
 * `PreviousOrderIds`, or another name a provider could choose, at the top or nested
 * (`{ "Error": { "ExistingOrder": { "Id": … } } }`). Read by hand because the shape is open-ended: a
 * schema can only name the shapes already seen.
 */
const idKeys = new Set([
  'id',
  'orderid',
  'existingorderid',
  'originalorderid',
  'duplicateorderid',
  'previousorderid',
]);
const idListKeys = new Set(['previousorderids', 'existingorderids', 'originalorderids', 'orderids']);

const maxDepth = 4;
const maxArrayItems = 10;
/** Each candidate costs a GET; a body naming more is not telling us about one order. */
const maxCandidates = 4;
const maxIdLength = 128;

export interface DuplicateBodyReading {
  /** Order ids to try, most likely first; each is checked against the PO number once fetched. */
  readonly candidateIds: readonly string[];
  /** The body's top-level field names, to say what the answer held when no id could be found. */
  readonly fields: readonly string[];
}

const asId = (value: unknown): string | undefined => {
  if (typeof value === 'string') {
    const id = value.trim();
    return id !== '' && id.length <= maxIdLength && !/[\p{Cc}\s]/u.test(id) ? id : undefined;
  }
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
};

interface Candidate {
  readonly id: string;
  readonly rank: number;
}

/**
 * An id at the top, or under a name that mentions an order, ranks by depth; a bare `Id` nested under
 * anything else (`Error.Id` may be the error's own id) comes last.
 */
const collect = (value: unknown, depth: number, aboutOrder: boolean, found: Candidate[]): void => {
  if (depth > maxDepth || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, maxArrayItems)) collect(item, depth + 1, aboutOrder, found);
    return;
  }
  const entries = Object.entries(value);
  for (const [name, item] of entries) {
    const key = name.toLowerCase();
    const rank = depth === 0 || aboutOrder || key.includes('order') ? depth : 10 + depth;
    if (idKeys.has(key)) {
      const id = asId(item);
      if (id !== undefined) found.push({ id, rank });
    } else if (idListKeys.has(key) && Array.isArray(item)) {
      for (const element of item.slice(0, maxArrayItems)) {
        const id = asId(element);
        if (id !== undefined) found.push({ id, rank });
      }
    }
  }
  for (const [name, item] of entries) {
    collect(item, depth + 1, aboutOrder || name.toLowerCase().includes('order'), found);
  }
};

const fieldName = (name: string): string => name.replace(/[^\w.$-]/g, '?').slice(0, 40);

/** `body`: the 409's JSON as parsed, in its own casing; undefined when it was not JSON. */
export const readDuplicateBody = (body: unknown): DuplicateBodyReading => {
  const found: Candidate[] = [];
  collect(body, 0, false, found);
  const candidateIds = [
    ...new Set([...found].sort((a, b) => a.rank - b.rank).map((candidate) => candidate.id)),
  ].slice(0, maxCandidates);
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).slice(0, 8).map(fieldName)
      : [];
  return { candidateIds, fields };
};
