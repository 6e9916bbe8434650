/**
 * The streamed verification (`GET /api/v1/audit/{service}/verify/stream`, NDJSON) as the verify
 * screen reads it: each line as it arrives, parsed, so the progress moves while the service works.
 */
import type { VerifyStreamLine } from './audit-api';

/** The JSON lines of a byte stream, each yielded as soon as its newline has arrived. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<VerifyStreamLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line !== '') yield JSON.parse(line) as VerifyStreamLine;
        newline = pending.indexOf('\n');
      }
      if (done) break;
    }
    if (pending.trim() !== '') yield JSON.parse(pending) as VerifyStreamLine;
  } finally {
    reader.releaseLock();
  }
}

/** Where a running verification stands, for the progress bar. */
export interface VerifyProgress {
  readonly fromPosition: number;
  readonly toPosition: number;
  readonly checked: number;
  /** The highest position checked so far. */
  readonly reached: number;
}

/** The share of the range checked, 0 to 100 (whole numbers: a bar, not an amount). */
export function percentOf(p: VerifyProgress): number {
  const span = p.toPosition - p.fromPosition + 1;
  if (span <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor(((p.reached - p.fromPosition + 1) * 100) / span)));
}

export type VerifyOutcome =
  | { readonly kind: 'result'; readonly line: VerifyStreamLine }
  | { readonly kind: 'problem'; readonly status: number; readonly code?: string };

/**
 * Runs one service's streamed verification with the session's token, calling `onProgress` for
 * each `started`/`progress` line; resolves with the result line, or the refusal (a problem
 * answer, or an `error` line).
 */
export async function runVerification(
  url: string,
  token: string,
  onProgress: (p: VerifyProgress) => void,
  signal?: AbortSignal,
): Promise<VerifyOutcome> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/x-ndjson' },
    signal,
  });
  if (!res.ok || !res.body) {
    const problem = (await res.json().catch(() => ({}))) as { code?: string };
    return { kind: 'problem', status: res.status, code: problem.code };
  }
  let range = { fromPosition: 1, toPosition: 0 };
  for await (const line of ndjsonLines(res.body)) {
    if (line.type === 'started') {
      range = { fromPosition: line.fromPosition ?? 1, toPosition: line.toPosition ?? 0 };
      onProgress({ ...range, checked: 0, reached: range.fromPosition - 1 });
    } else if (line.type === 'progress') {
      onProgress({ ...range, checked: line.checked ?? 0, reached: line.toPosition ?? 0 });
    } else if (line.type === 'result') {
      return { kind: 'result', line };
    } else {
      return { kind: 'problem', status: 503, code: line.code };
    }
  }
  return { kind: 'problem', status: 503, code: 'SERVICE_UNAVAILABLE' };
}
