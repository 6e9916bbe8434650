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
  return fast(value, 0) ?? write(value, '$', new Set());
}

/**
 * `canonicalJson` of a value that `JSON.parse` returned (only strings, numbers, booleans, null,
 * arrays and plain objects). Such a value whose object keys already stand in sorted order at every
 * level, with only finite numbers, has `JSON.stringify` as its canonical form (same escaping, `-0`
 * written `0`), and the native writer is several times faster than the sorting one; any other
 * value goes through `canonicalJson`. Verify hashes every stored event's data this way.
 */
export function canonicalJsonOfParsed(value: unknown): string {
  return inCanonicalOrder(value, 0) ? JSON.stringify(value) : canonicalJson(value);
}

function inCanonicalOrder(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth > FAST_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!inCanonicalOrder(item, depth + 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key of Object.keys(record)) {
    // Strictly increasing by UTF-16 code units, the order `canonicalJson` sorts into.
    if (previous !== null && !(previous < key)) return false;
    if (!inCanonicalOrder(record[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}

/** Deeper than this the careful path takes over (it detects cycles). */
const FAST_DEPTH = 64;

/**
 * The fast path for plain data (what JSON.parse gives, what domain code builds): no path
 * strings, no cycle set. On anything else it answers null and `write`, which defines the output,
 * decides; so both give the same bytes for whatever the fast one accepts. Verify hashes every
 * event: this is its hot loop.
 */
function fast(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : null;
    case 'object': {
      if (value === null) return 'null';
      if (depth > FAST_DEPTH) return null;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype || 'toJSON' in value) return null;
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const written = item === undefined ? null : fast(item, depth + 1);
          if (written === null) return null;
          out += (i === 0 ? '' : ',') + written;
        }
        return `${out}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return null;
      const record = value as Record<string, unknown>;
      if (typeof record.toJSON === 'function') return null;
      // The default sort compares UTF-16 code units, as `write` does with `<`.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        const written = fast(member, depth + 1);
        if (written === null) return null;
        out += (out.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + written;
      }
      return `${out}}`;
    }
    default:
      return null;
  }
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
