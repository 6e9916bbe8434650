// The bad-input corpus of issue 6: for a valid request body, every way a client (or an attacker)
// can get it wrong, each as the raw JSON text to send. Values JavaScript cannot hold (2^53 + 1,
// 1e309) are spliced into the text so they reach the parsers exactly as written.

export interface Probe {
  /** What was done, e.g. `household.size = 1.5`. */
  name: string;
  /** The raw request body. */
  text: string;
  contentType?: string;
}

const SQL = "'; DROP TABLE events; --";
const SCRIPT = '<script>alert(document.cookie)</script>';
/** Identity numbers that look right but are not: bad check character, 30 February, 17 characters. */
export const BAD_ID_NUMBERS = [
  '110105198001010019',
  '110105198002300014',
  '11010519800101001',
  '11010519800101001XX',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Malformed documents and wrong top-level shapes: refused whatever the route. */
export const WHOLE_BODY: Probe[] = [
  { name: 'truncated JSON', text: '{"reason": ' },
  { name: 'trailing comma', text: '{"reason": "x",}' },
  { name: 'single quotes', text: "{'reason': 'x'}" },
  { name: 'two documents', text: '{"a":1}{"b":2}' },
  { name: 'a JSON array', text: '[]' },
  { name: 'a JSON string', text: '"x"' },
  { name: 'a JSON number', text: '42' },
  { name: 'JSON null', text: 'null' },
  { name: 'deeply nested', text: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
  { name: 'form-encoded', text: 'reason=x', contentType: 'application/x-www-form-urlencoded' },
];

let raw = 0;
/** Builds a probe that sets the value at `path` (raw JSON text when `rawValue`). */
function setAt(base: Json, path: (string | number)[], value: Json, name: string, rawValue?: string): Probe {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const marker = `__raw_${++raw}__`;
  node[path[path.length - 1]] = rawValue === undefined ? value : marker;
  const text = JSON.stringify(copy);
  return { name, text: rawValue === undefined ? text : text.replace(`"${marker}"`, rawValue) };
}

/** Leaves of a body with their paths (array elements included). */
function leaves(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return [{ path, value }, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  }
  return [{ path, value }];
}

const label = (path: (string | number)[]) =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.');
/** Fields whose value has a format (ids, dates, codes, enums): free text would be fine elsewhere. */
const FORMATTED =
  /(idNumber|IdNumber|On$|Start$|End$|regionCode|channel|kind|category|level|campaignId|periodId|causes)/;

/** Every probe for one route's valid `base` body. */
export function corpusFor(base: Json, optional: readonly string[] = []): Probe[] {
  const probes: Probe[] = [...WHOLE_BODY];
  for (const { path, value } of leaves(base)) {
    const name = (what: string) => `${label(path) || 'body'} = ${what}`;
    if (path.length === 0) {
      const rest = JSON.stringify(base).slice(1);
      const withField = (field: string) => (rest === '}' ? `{${field}}` : `{${field},${rest}`);
      probes.push(
        { name: 'unknown field evilField', text: withField('"evilField":1') },
        { name: 'unknown field __proto__', text: withField('"__proto__":{"admin":true}') },
        { name: 'unknown field constructor', text: withField('"constructor":{"prototype":{"admin":true}}') },
      );
      continue;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      probes.push(setAt(base, [...path, 'evilField'], 'x', `unknown field ${label(path)}.evilField`));
      probes.push(setAt(base, path, 'x', name('a string instead of an object')));
      continue;
    }
    if (typeof value === 'string') {
      const key = String(path[path.length - 1]);
      probes.push(
        setAt(base, path, 12345, name('a number')),
        setAt(base, path, ['x'], name('an array')),
        setAt(base, path, { x: 1 }, name('an object')),
        ...(optional.includes(label(path)) ? [] : [setAt(base, path, null, name('null'))]),
        setAt(base, path, 'x'.repeat(100_000), name('100,000 characters')),
        setAt(base, path, `${value}\u0000`, name('with a NUL byte')),
        setAt(base, path, `${value}\uD800`, name('with a lone surrogate')),
        setAt(base, path, `${value.slice(0, 1)}\uDC00${value.slice(1)}`, name('with a lone low surrogate')),
      );
      if (
        FORMATTED.test(label(path)) ||
        (key === 'reason' && (base as { reason?: string }).reason === 'moved_away')
      ) {
        probes.push(
          setAt(base, path, SQL, name('an SQL injection')),
          setAt(base, path, SCRIPT, name('a script')),
          setAt(base, path, `\u202E${value}`, name('with an RTL override')),
          setAt(base, path, `${value}😀`, name('with an emoji')),
          setAt(base, path, '', name('empty')),
        );
      }
      if (/idNumber|IdNumber/.test(key))
        BAD_ID_NUMBERS.forEach((id) => probes.push(setAt(base, path, id, name(id))));
      if (/On$|Start$|End$/.test(key)) probes.push(setAt(base, path, '2026-02-30', name('30 February')));
    } else if (typeof value === 'number') {
      probes.push(
        setAt(base, path, String(value), name('a numeric string')),
        setAt(base, path, 1.5, name('a float')),
        setAt(base, path, -1, name('negative')),
        setAt(base, path, 0, name('2^53 + 1'), '9007199254740993'),
        setAt(base, path, 0, name('1e309'), '1e309'),
        setAt(base, path, 0, name('-1e309'), '-1e309'),
        setAt(base, path, true, name('a boolean')),
        ...(optional.includes(label(path)) ? [] : [setAt(base, path, null, name('null'))]),
      );
    } else if (typeof value === 'boolean') {
      probes.push(setAt(base, path, 'true', name('a string')), setAt(base, path, 1, name('a number')));
    }
  }
  return probes;
}
