/**
 * Deterministic JSON for hashing (the event store's hash chain): the same value always gives the
 * same bytes, whoever built the object and in whatever key order.
 *
 * - object keys sorted by UTF-16 code units (plain `<` on strings), recursively; no whitespace;
 * - array elements in order; `undefined` object properties dropped (as JSON.stringify does);
 * - numbers must be finite; `-0` is written `0`;
 * - refused with a TypeError naming the path: NaN, ±Infinity, BigInt, functions, symbols,
 *   `undefined` inside arrays or at the top, Date (pass an ISO string: a Date's JSON form depends
 *   on its `toJSON`), Map/Set/typed arrays and any object with a `toJSON` method (their JSON form
 *   is not their data), and cycles.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw refuse(path, String(value));
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, path, ancestors);
    default:
      // undefined, bigint, function, symbol
      throw refuse(path, typeof value);
  }
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (value instanceof Date) throw refuse(path, 'a Date (pass an ISO string)');
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value) || value instanceof RegExp) {
    throw refuse(path, value.constructor.name);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    throw refuse(path, 'an object with toJSON');
  if (ancestors.has(value)) throw refuse(path, 'a cycle');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item: unknown, i) => write(item, `${path}[${i}]`, ancestors)).join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function refuse(path: string, what: string): TypeError {
  return new TypeError(`canonicalJson: ${what} at ${path} has no canonical JSON form.`);
}
