/** The kinds of value a variable may hold. `list` is comma-separated; `url` must parse as a URL. */
export type ConfigType = 'string' | 'int' | 'bool' | 'url' | 'list';

type Raw = string | number | boolean;

/** How one environment variable is read. */
export interface ConfigVar {
  readonly type: ConfigType;
  readonly required?: boolean;
  /** Used when the variable is unset or empty, in every mode. Written as it would be in the env. */
  readonly default?: Raw;
  /** Used only in the embedded (try-it-out) mode, so a newcomer can start with no setup. */
  readonly devDefault?: Raw;
  /** Its value is never printed, not even in error messages. */
  readonly secret?: boolean;
  /** For `string`: the allowed values. */
  readonly oneOf?: readonly string[];
  /** For `int`: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  /** One line on what it is for, shown with its problems. */
  readonly description?: string;
}

/** The variables a process reads, by name. */
export type ConfigSchema = Readonly<Record<string, ConfigVar>>;

type ValueOf<T extends ConfigType> = T extends 'int'
  ? number
  : T extends 'bool'
    ? boolean
    : T extends 'list'
      ? string[]
      : string;
type AlwaysSet<V> = V extends { required: true } ? true : V extends { default: Raw } ? true : false;

/** The typed result of {@link loadConfig}: required or defaulted variables are never undefined. */
export type ConfigOf<S extends ConfigSchema> = {
  readonly [K in keyof S]: AlwaysSet<S[K]> extends true
    ? ValueOf<S[K]['type']>
    : ValueOf<S[K]['type']> | undefined;
};

/** Thrown by {@link loadConfig}: every problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks environment variables against `schema` (STYLE.md: config is validated at
 * boot; a service with bad config refuses to start and says why). Empty values count as unset.
 * @param options.embedded use each variable's `devDefault` when it is unset.
 * @throws ConfigError listing each variable and what is wrong with it.
 */
export function loadConfig<S extends ConfigSchema>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { embedded?: boolean } = {},
): ConfigOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const given = env[name]?.trim();
    const fallback = spec.default ?? (options.embedded === true ? spec.devDefault : undefined);
    const raw =
      given !== undefined && given !== '' ? given : fallback === undefined ? undefined : String(fallback);
    if (raw === undefined) {
      if (spec.required === true)
        problems.push(`${name} is required (set it in the environment; see .env.example)${about(spec)}`);
      continue;
    }
    const parsed = parse(spec, raw);
    if ('problem' in parsed)
      problems.push(`${name} ${parsed.problem}${spec.secret === true ? '' : `, got '${raw}'`}${about(spec)}`);
    else result[name] = parsed.value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as ConfigOf<S>;
}

function about(spec: ConfigVar): string {
  return spec.description === undefined ? '' : ` (${spec.description})`;
}

function parse(spec: ConfigVar, raw: string): { value: unknown } | { problem: string } {
  switch (spec.type) {
    case 'string':
      if (spec.oneOf !== undefined && !spec.oneOf.includes(raw))
        return { problem: `must be one of ${spec.oneOf.join(', ')}` };
      return { value: raw };
    case 'int': {
      const n = Number(raw);
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) return { problem: 'must be a whole number' };
      if (spec.min !== undefined && n < spec.min) return { problem: `must be at least ${spec.min}` };
      if (spec.max !== undefined && n > spec.max) return { problem: `must be at most ${spec.max}` };
      return { value: n };
    }
    case 'bool': {
      const v = raw.toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return { value: true };
      if (['false', '0', 'no'].includes(v)) return { value: false };
      return { problem: 'must be true or false' };
    }
    case 'url':
      // `host:5432` parses as a URL with scheme "host:", so also insist on `scheme://`.
      return /^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(raw) && URL.canParse(raw)
        ? { value: raw }
        : { problem: 'must be an absolute URL (e.g. postgres://host:5432/db)' };
    case 'list':
      return {
        value: raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    default: {
      const exhaustive: never = spec.type;
      return { problem: `has an unknown type ${String(exhaustive)}` };
    }
  }
}
