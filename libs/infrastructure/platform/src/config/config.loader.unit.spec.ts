import { ConfigError, loadConfig, type ConfigSchema } from './config.loader';

const schema = {
  PORT: { type: 'int', default: 3000, min: 1, max: 65535 },
  JWT_SECRET: { type: 'string', required: true, secret: true, devDefault: 'dev-only' },
  DATABASE_URL: { type: 'url', required: true },
  AUTH_DEV_LOGIN: { type: 'bool', default: false },
  KAFKA_BROKERS: { type: 'list' },
  LOG_LEVEL: { type: 'string', default: 'info', oneOf: ['silent', 'error', 'info'] },
} satisfies ConfigSchema;

function problemsOf(env: Record<string, string>, embedded = false): readonly string[] {
  try {
    loadConfig(schema, env, { embedded });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses every type and applies defaults, typed', () => {
    const config = loadConfig(schema, {
      JWT_SECRET: 's3cret',
      DATABASE_URL: 'postgres://db:5432/hardship',
      AUTH_DEV_LOGIN: 'TRUE',
      KAFKA_BROKERS: ' k1:9092, k2:9092 ,',
    });
    expect(config).toEqual({
      PORT: 3000,
      JWT_SECRET: 's3cret',
      DATABASE_URL: 'postgres://db:5432/hardship',
      AUTH_DEV_LOGIN: true,
      KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
      LOG_LEVEL: 'info',
    });
    // Compile-time checks of the result type: required/defaulted values are not optional.
    const port: number = config.PORT;
    const brokers: string[] | undefined = config.KAFKA_BROKERS;
    expect([port, brokers?.length]).toEqual([3000, 2]);
  });

  it('reports every problem at once, naming each variable and why', () => {
    expect(
      problemsOf({ PORT: 'eighty', AUTH_DEV_LOGIN: 'maybe', DATABASE_URL: 'db:5432', LOG_LEVEL: 'loud' }),
    ).toEqual([
      "PORT must be a whole number, got 'eighty'",
      'JWT_SECRET is required (set it in the environment; see .env.example)',
      "DATABASE_URL must be an absolute URL (e.g. postgres://host:5432/db), got 'db:5432'",
      "AUTH_DEV_LOGIN must be true or false, got 'maybe'",
      "LOG_LEVEL must be one of silent, error, info, got 'loud'",
    ]);
  });

  it('checks integer bounds', () => {
    expect(problemsOf({ PORT: '70000', JWT_SECRET: 'x', DATABASE_URL: 'postgres://db/x' })).toEqual([
      "PORT must be at most 65535, got '70000'",
    ]);
  });

  it('treats empty values as unset', () => {
    expect(problemsOf({ JWT_SECRET: '  ', DATABASE_URL: 'postgres://db/x' })).toEqual([
      'JWT_SECRET is required (set it in the environment; see .env.example)',
    ]);
  });

  it('uses devDefault only in the embedded mode', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://db/x' }, { embedded: true }).JWT_SECRET).toBe(
      'dev-only',
    );
  });

  it('never prints a secret value', () => {
    const secretSchema = { PERSON_REF_SECRET: { type: 'int', secret: true } } satisfies ConfigSchema;
    let message = '';
    try {
      loadConfig(secretSchema, { PERSON_REF_SECRET: 'hunter2-top-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('The configuration is not valid:\n  - PERSON_REF_SECRET must be a whole number');
    expect(message).not.toContain('hunter2');
  });
});
