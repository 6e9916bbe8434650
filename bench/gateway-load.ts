// The load generator of bench/gateway.bench.ts, run in a child process of its own so that it never
// shares an event loop with the gateway or the service: CONCURRENCY workers, each keeping one
// request in flight on its own keep-alive connection for `seconds`, recording every latency.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { assertionPrivateKey, GATEWAY_ASSERTION_HEADER, signGatewayAssertion } from '@union/platform';

export interface LoadJob {
  /** Base URL: the gateway's or the service's. */
  base: string;
  auth: string;
  kind: 'read' | 'write';
  /** Cases to use; worker w uses cases w, w + concurrency, … so no two writes race on one case. */
  caseIds: string[];
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * Straight to the service: the gateway's private key (base64 DER), so that each request carries
   * the assertion the gateway would sign, signed here (its CPU counts to the load generator).
   */
  assertionKey?: string;
}

export interface LoadResult {
  /** Requests after the warm-up (the figures); `sent` counts the warm-up too (for CPU per request). */
  requests: number;
  sent: number;
  seconds: number;
  /** Sorted latencies in ms. */
  latencies: number[];
  /** Answers other than the expected status (must be 0 for the figures to count). */
  errors: number;
  firstError?: string;
}

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function once(
  agent: Agent,
  job: LoadJob,
  caseId: string,
  key: ReturnType<typeof assertionPrivateKey> | undefined,
): Promise<{ status: number; body: string }> {
  const write = job.kind === 'write';
  const body = write
    ? JSON.stringify({
        visitedOn: TODAY,
        visitor: '张红（社区工会主席）',
        findings: '老人卧床，孩子读高中，家庭收入主要靠低保。',
      })
    : undefined;
  const url = new URL(`/api/v1/hardship/cases/${caseId}${write ? '/visits' : ''}`, job.base);
  const method = write ? 'POST' : 'GET';
  const assertion = key
    ? signGatewayAssertion(key, {
        service: 'hardship-cases',
        method,
        url: url.pathname,
        authorization: job.auth,
        correlationId: randomUUID(),
      })
    : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method,
        headers: {
          authorization: job.auth,
          ...(assertion ? { [GATEWAY_ASSERTION_HEADER]: assertion } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const key = job.assertionKey ? assertionPrivateKey('assertionKey', job.assertionKey) : undefined;
  const expected = job.kind === 'write' ? 201 : 200;
  const result: LoadResult = { requests: 0, sent: 0, seconds: 0, latencies: [], errors: 0 };
  const warmupEnds = performance.now() + job.warmupSeconds * 1000;
  const ends = warmupEnds + job.seconds * 1000;
  const worker = async (w: number) => {
    const mine = job.caseIds.filter((_, i) => i % job.concurrency === w);
    for (let i = 0; performance.now() < ends; i++) {
      const started = performance.now();
      const answer = await once(agent, job, mine[i % mine.length], key);
      result.sent += 1;
      if (started < warmupEnds) continue;
      result.requests += 1;
      result.latencies.push(performance.now() - started);
      if (answer.status !== expected) {
        result.errors += 1;
        result.firstError ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, (_, w) => worker(w)));
  result.seconds = (performance.now() - warmupEnds) / 1000;
  result.latencies.sort((a, b) => a - b);
  agent.destroy();
  return result;
}
