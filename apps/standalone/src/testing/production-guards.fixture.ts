// The production-guard matrix (docs/security-hop.md, "Production guards"): each row is a real app
// process started with the production environment of `productionEnv` but for one bad variable.
// The base environment is the one the security suite's cluster boots with, so each refusal is
// that one variable's.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { productionEnv, type ProductionSecrets } from '@union/testing';

const ROOT = resolve(__dirname, '../../../..');

export type App = 'gateway' | 'hardship-cases' | 'education-grants' | 'medical-aid';

/** One bad environment: what changes (undefined: unset) and the variables the refusal must name. */
export interface GuardRow {
  readonly name: string;
  readonly app: App;
  readonly change: (secrets: ProductionSecrets) => Record<string, string | undefined>;
  readonly names: readonly string[];
}

/** A published development default, a placeholder and a repeated unit. */
const PUBLISHED_JWT = 'embedded-development-only-jwt-secret-not-for-production';
const PUBLISHED_REF = 'embedded-development-only-person-ref-secret';
const PLACEHOLDER = 'change-me-to-a-long-random-secret-please';
const REPEATED = 'k3Y!'.repeat(12);

// prettier-ignore
export const GUARD_MATRIX: readonly GuardRow[] = [
  { name: 'AUTH_DEV_LOGIN=true on a separate gateway', app: 'gateway', change: () => ({ AUTH_DEV_LOGIN: 'true' }), names: ['AUTH_DEV_LOGIN'] },
  { name: 'published JWT_SECRET (gateway)', app: 'gateway', change: () => ({ JWT_SECRET: PUBLISHED_JWT }), names: ['JWT_SECRET'] },
  { name: 'placeholder JWT_SECRET (service)', app: 'hardship-cases', change: () => ({ JWT_SECRET: PLACEHOLDER }), names: ['JWT_SECRET'] },
  { name: 'JWKS_URL without JWT_ISSUER and JWT_AUDIENCE', app: 'medical-aid', change: () => ({ JWT_SECRET: undefined, JWKS_URL: 'http://127.0.0.1:1/jwks.json' }), names: ['JWT_ISSUER', 'JWT_AUDIENCE'] },
  { name: 'published PERSON_REF_SECRET', app: 'hardship-cases', change: () => ({ PERSON_REF_SECRET: PUBLISHED_REF }), names: ['PERSON_REF_SECRET'] },
  { name: 'repeated-unit METRICS_TOKEN (gateway)', app: 'gateway', change: () => ({ METRICS_TOKEN: REPEATED }), names: ['METRICS_TOKEN'] },
  { name: 'no METRICS_TOKEN (service)', app: 'education-grants', change: () => ({ METRICS_TOKEN: undefined }), names: ['METRICS_TOKEN'] },
  { name: 'no assertion private key (gateway)', app: 'gateway', change: () => ({ GATEWAY_ASSERTION_PRIVATE_KEY: undefined }), names: ['GATEWAY_ASSERTION_PRIVATE_KEY'] },
  { name: 'the public key where the private one belongs (gateway)', app: 'gateway', change: (s) => ({ GATEWAY_ASSERTION_PRIVATE_KEY: s.assertionKeys.publicKey }), names: ['GATEWAY_ASSERTION_PRIVATE_KEY'] },
  { name: 'no assertion public key (service)', app: 'hardship-cases', change: () => ({ GATEWAY_ASSERTION_PUBLIC_KEY: undefined }), names: ['GATEWAY_ASSERTION_PUBLIC_KEY'] },
  { name: 'a private key where the public one belongs (service)', app: 'medical-aid', change: (s) => ({ GATEWAY_ASSERTION_PUBLIC_KEY: s.assertionKeys.privateKey }), names: ['GATEWAY_ASSERTION_PUBLIC_KEY'] },
];

const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');

/** What a refused process left: its exit code (null: still running when killed) and all it printed. */
export interface Refusal {
  readonly code: number | null;
  readonly output: string;
  /** Every value of the row's environment that is a secret (the bad one included). */
  readonly secrets: readonly string[];
}

/**
 * Starts the row's app as `node -r ./tools/register.js apps/<app>/src/main.ts` with its bad
 * environment (upstreams and the database unreachable: a guard must stop it before it uses them)
 * and waits for it to exit, killing it once it listens or after `timeoutMs`.
 */
export function runGuardRow(row: GuardRow, secrets: ProductionSecrets, timeoutMs = 90_000): Promise<Refusal> {
  const base: Record<string, string | undefined> = {
    ...productionEnv(row.app, secrets),
    ...(row.app === 'gateway'
      ? {
          GATEWAY_PORT: '0',
          HARDSHIP_CASES_URL: 'http://127.0.0.1:1',
          EDUCATION_GRANTS_URL: 'http://127.0.0.1:1',
          MEDICAL_AID_URL: 'http://127.0.0.1:1',
          ORGANISATION_URL: 'http://127.0.0.1:1',
        }
      : {
          [`DATABASE_URL_${envName(row.app)}`]: 'postgres://guard:guard@127.0.0.1:1/guard',
          [`${envName(row.app)}_PORT`]: '0',
        }),
  };
  const env: Record<string, string | undefined> = { ...base, ...row.change(secrets) };
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/SECRET|TOKEN|KEY|JWT|JWKS|AUTH_|_URL$|_PORT$/.test(k)),
  );
  const childEnv = {
    ...inherited,
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
  };
  const secretValues = Object.entries(env)
    .filter(([k, v]) => v !== undefined && /(SECRET|_TOKEN|_KEY)$/.test(k))
    .map(([, v]) => v as string);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', `apps/${row.app}/src/main.ts`], {
      cwd: ROOT,
      env: childEnv,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      // Started despite the bad variable: the row has failed, no need to wait for the timeout.
      if (output.includes('listening on')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output, secrets: secretValues });
    });
  });
}

/** Runs `items` through `work`, at most `limit` at a time, keeping their order. */
export async function bounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (t: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
