import type { ServiceName } from './fault-platform';

/** One HTTP attempt of a logical write. `status` 0 is a network error or a timeout. */
export interface Attempt {
  at: number;
  ms: number;
  status: number;
  code?: string;
  /** The platform did not decide (network error, 5xx, 429, "in progress"): not a rule's answer. */
  refused: boolean;
}

/** A logical write: one Idempotency-Key (also its correlation id), however many attempts. */
export interface Write {
  op: string;
  service: ServiceName;
  /** The event type the command must have appended exactly once when it was accepted. */
  expects: string;
  key: string;
  path: string;
  sent: unknown;
  attempts: Attempt[];
  /** The final answer; `gave-up` when retries ran out (its status is the last attempt's). */
  outcome: 'accepted' | 'rejected' | 'gave-up';
  status: number;
  /** The problem code of the final answer, if it was a problem. */
  code?: string;
  body: Record<string, unknown>;
}

/**
 * The id of the record a write created: from its answer, or, when the service answered a retry
 * with the committed writes because the first answer was lost (`outcome: committed`), from the
 * stream it wrote (`<prefix>-<id>`), as a client reads it there.
 */
export function createdId(w: Write, field: string, prefix: string): string | undefined {
  const direct = w.body[field];
  if (typeof direct === 'string') return direct;
  const writes = w.body.outcome === 'committed' && Array.isArray(w.body.writes) ? w.body.writes : [];
  const stream = (writes as { streamId?: unknown }[])
    .map((x) => x.streamId)
    .find((id): id is string => typeof id === 'string' && id.startsWith(`${prefix}-`));
  return stream?.slice(prefix.length + 1);
}

/** Every write of the run, and the read-backs of the oracle. */
export class Ledger {
  readonly writes: Write[] = [];
  private seq = 0;
  constructor(readonly runId: string) {}
  nextKey(op: string): string {
    return `${this.runId}.${op}.${++this.seq}`;
  }
}

export interface WriteSpec {
  op: string;
  service: ServiceName;
  expects: string;
  path: string;
  body: unknown;
  token: string;
  /** Extra answers worth retrying with the same key (e.g. NOT_ELIGIBLE while Kafka catches up). */
  retryIf?: (status: number, code: string | undefined) => boolean;
}

const TIMEOUT_MS = 15_000;
/** A logical write keeps retrying this long: longer than any fault the suite holds open. */
const GIVE_UP_MS = 90_000;

/** True for an answer that says "try again" rather than "no": the platform did not decide. */
export function isRefusal(status: number, code?: string, detail?: string): boolean {
  if (status === 0 || status >= 500 || status === 429) return true;
  if (status === 409 && code === 'VERSION_CONFLICT') return true;
  // The idempotency store's "a request with this key is still being handled".
  return status === 409 && code === 'CONFLICT' && /still being handled|in progress/i.test(detail ?? '');
}

/**
 * POSTs a logical write through the gateway with one Idempotency-Key (and the same value as
 * x-correlation-id, so its events can be found in the log), retrying with that key on network
 * errors, 5xx, 429 and "still in progress", with backoff, until an answer decides it.
 */
export async function write(base: string, ledger: Ledger, spec: WriteSpec): Promise<Write> {
  const key = ledger.nextKey(spec.op);
  const w: Write = {
    op: spec.op,
    service: spec.service,
    expects: spec.expects,
    key,
    path: spec.path,
    sent: spec.body,
    attempts: [],
    outcome: 'gave-up',
    status: 0,
    body: {},
  };
  ledger.writes.push(w);
  const first = Date.now();
  for (let n = 0; ; n++) {
    const at = Date.now();
    const answer = await post(`${base}/api/v1${spec.path}`, spec.token, key, spec.body);
    const code = typeof answer.body.code === 'string' ? answer.body.code : undefined;
    const detail = typeof answer.body.detail === 'string' ? answer.body.detail : '';
    const refused = isRefusal(answer.status, code, detail);
    w.attempts.push({ at, ms: Date.now() - at, status: answer.status, code, refused });
    w.status = answer.status;
    w.code = code ?? (typeof answer.body.error === 'string' ? answer.body.error : undefined);
    w.body = answer.body;
    const retry = refused || (spec.retryIf?.(answer.status, code) ?? false);
    if (!retry) {
      w.outcome = answer.status >= 200 && answer.status < 300 ? 'accepted' : 'rejected';
      return w;
    }
    if (Date.now() - first > GIVE_UP_MS) return w;
    await sleep(Math.min(2000, 100 * 2 ** Math.min(n, 5)) * (0.5 + Math.random()));
  }
}

async function post(url: string, token: string, key: string, body: unknown) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
        'x-correlation-id': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { raw: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed };
  } catch (error) {
    return { status: 0, body: { error: String(error) } };
  }
}

/** GET through the gateway: status and JSON body (status 0 when the call itself failed). */
export async function get(base: string, token: string, path: string) {
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  } catch (error) {
    return { status: 0, body: { error: String(error) } };
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
