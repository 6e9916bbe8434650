/**
 * Which fields of which event types are personal (DOMAIN.md §5: identity number, name, phone,
 * diagnosis, household figures tied to a person, a student's data). Each service names its own,
 * next to its events; the event store seals exactly these on append. A path is dot-separated
 * from the event's data; `*` stands for every element of an array (`members.*.name`). A field of
 * another person than the event's (a student on the parent's application) names where that
 * person's ref stands: `studentName@studentPersonRef` seals with the key of `data.studentPersonRef`.
 */
export type PersonalFieldMap = Readonly<Record<string, readonly string[]>>;

/**
 * A copy of `data` where the value at each of `paths` that is present is replaced by
 * `replace(value)`; everything else is shared, untouched. Absent paths are skipped.
 */
export function mapPaths(data: unknown, paths: readonly string[], replace: (value: unknown) => unknown): unknown {
  let result = data;
  for (const path of paths) result = mapPath(result, path.split('.'), replace);
  return result;
}

function mapPath(node: unknown, path: readonly string[], replace: (value: unknown) => unknown): unknown {
  if (path.length === 0) return node === undefined ? node : replace(node);
  const [head, ...rest] = path;
  if (head === '*') {
    return Array.isArray(node) ? node.map((item) => mapPath(item, rest, replace)) : node;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node) || !(head in node)) return node;
  const record = node as Record<string, unknown>;
  return { ...record, [head]: mapPath(record[head], rest, replace) };
}

/**
 * `data` with every string that `test` accepts replaced, wherever it stands: a copy of the objects
 * and arrays on the way to a replaced string, the rest shared (and `data` itself when nothing is
 * replaced), since every read of the log passes its events through here.
 */
export function mapStrings(
  data: unknown,
  test: (value: string) => boolean,
  replace: (value: string) => unknown,
): unknown {
  if (typeof data === 'string') return test(data) ? replace(data) : data;
  if (typeof data !== 'object' || data === null) return data;
  if (Array.isArray(data)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const item: unknown = data[i];
      const mapped = mapStrings(item, test, replace);
      if (mapped !== item) (copy ??= data.slice())[i] = mapped;
    }
    return copy ?? data;
  }
  let copy: Record<string, unknown> | undefined;
  const record = data as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    const mapped = mapStrings(value, test, replace);
    if (mapped !== value) (copy ??= { ...record })[key] = mapped;
  }
  return copy ?? data;
}

/** Calls `visit` with every string in `data` that `test` accepts, wherever it stands; copies nothing. */
export function forEachString(data: unknown, test: (value: string) => boolean, visit: (value: string) => void): void {
  if (typeof data === 'string') {
    if (test(data)) visit(data);
  } else if (Array.isArray(data)) {
    for (const item of data) forEachString(item, test, visit);
  } else if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    for (const key in record) {
      if (Object.prototype.hasOwnProperty.call(record, key)) forEachString(record[key], test, visit);
    }
  }
}

/** A field spec split into its path and, when it names one, the path of its person's ref. */
export function parseFieldSpec(spec: string): { path: string; refPath?: string } {
  const [path, refPath] = spec.split('@');
  return refPath ? { path, refPath } : { path };
}

/** The value at a dot-separated path of `data` (no `*`), or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let node = data;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
