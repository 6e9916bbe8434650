// Shared by the standalone int specs that drive the whole platform through the gateway: a tiny
// HTTP client, tokens, people and the event counts of every service database.
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { signDevToken, type Role } from '@union/platform';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../embedded-platform';

export const TODAY = chinaToday(new Date());
export const YEAR = Number(TODAY.slice(0, 4));
export { addDays };

/**
 * The embedded platform with a rate limit no test reaches, and quiet logs; `seedOrganisation`
 * seeds the tree `npm start` seeds (河南省总工会 and below).
 */
export function startQuietPlatform(
  env: Record<string, string> = {},
  options: { seedOrganisation?: boolean } = {},
): Promise<EmbeddedPlatform> {
  return startEmbeddedPlatform({
    gatewayPort: 0,
    // The retention sweep runs only when a test calls it (PrivacyService.sweep, with its clock).
    env: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', PRIVACY_SWEEP_INTERVAL_MS: '0', ...env },
    seedOrganisation: options.seedOrganisation,
  });
}

/** `Bearer <token>` signed with the embedded dev secret. */
export async function bearer(
  sub: string,
  roles: readonly Role[],
  units: readonly string[],
  ttlSeconds = 600,
): Promise<string> {
  return `Bearer ${await signDevToken(EMBEDDED_DEV_SECRETS.jwtSecret, { sub, roles: [...roles], units: [...units] }, ttlSeconds)}`;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
  text: string;
}

/** Calls the gateway (or a service) and returns status, parsed body and headers. */
export async function call(
  baseUrl: string,
  auth: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(auth === undefined ? {} : { authorization: auth }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** Like {@link call} but fails with the answer when the status is not `expected`. */
export async function expectCall(
  expected: number,
  ...args: Parameters<typeof call>
): Promise<Record<string, unknown>> {
  const answer = await call(...args);
  if (answer.status !== expected) {
    throw new Error(`${args[2]} ${args[3]}: expected ${expected}, got ${answer.status} ${answer.text}`);
  }
  return answer.body;
}

let serial = 0;
/** A fresh valid identity number per call (born 1980 in Beijing 110105, serial 001-999). */
export function newIdNumber(birth = '19800101'): string {
  serial += 1;
  const region = ['110105', '630102', '310101'][Math.floor(serial / 999) % 3];
  return idNumberWithCheckChar(`${region}${birth}${String((serial % 999) + 1).padStart(3, '0')}`);
}

/** Rows of `events` in every service database. */
export async function eventCounts(platform: EmbeddedPlatform): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, { infra }] of Object.entries(platform.services)) {
    const [row]: { n: string }[] = await infra.dataSource.query('SELECT count(*) AS n FROM events');
    counts[name] = Number(row.n);
  }
  return counts;
}

/** Waits for what the bus delivers asynchronously, failing after a bound. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
