import type { ServerResponse } from 'node:http';
import type { VerifyRange, VerifyReport } from '@union/event-store';

/**
 * The lines of a streamed verification (`GET /audit/verify/stream`), one JSON object per line
 * (NDJSON): `started` once the range is known, `progress` while it runs (at least once a second),
 * then exactly one `result` (the answer `GET /audit/verify` gives) or one `error`.
 */
export type VerifyStreamLine =
  | { type: 'started'; service: string; fromPosition: number; toPosition: number }
  | { type: 'progress'; checked: number; toPosition: number }
  | ({ type: 'result'; service: string } & VerifyReport)
  | { type: 'error'; code: 'SERVICE_UNAVAILABLE'; detail: string };

export const NDJSON = 'application/x-ndjson; charset=utf-8';

/**
 * How often progress is written at most, and at least (repeating the last one while a batch runs).
 * The heartbeat is checked every `HEARTBEAT_MS / 5`, so a line is never more than 0.6 s after the
 * one before while the event loop turns: the 1 s promised to the reader keeps 0.4 s for a batch
 * that holds the thread and for the hop through the gateway.
 */
const PROGRESS_EVERY_MS = 250;
const HEARTBEAT_MS = 500;

/** Thrown from the progress hook when the reader hung up: stops the verification. */
class ReaderGone extends Error {}

/**
 * Runs `verify` (the log's one verification, `verifyLog`) over `range`, writing its progress and
 * its answer to `res` as they come, so a long log is checked in one request that the reader sees
 * moving. Headers are sent only once the verification has started; a failure before that is
 * thrown (the usual problem answer), a failure after it is an `error` line. A reader who hangs up
 * stops the verification at the next batch.
 */
export async function streamVerification(
  res: ServerResponse,
  service: string,
  range: VerifyRange,
  verify: (range: VerifyRange) => Promise<VerifyReport>,
): Promise<void> {
  let gone = false;
  res.once('close', () => (gone = !res.writableFinished));
  let last: { checked: number; toPosition: number } = { checked: 0, toPosition: 0 };
  let sentAt = 0;
  const write = (line: VerifyStreamLine) => {
    if (!res.headersSent) {
      res.writeHead(200, { 'content-type': NDJSON, 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    }
    res.write(`${JSON.stringify(line)}\n`);
    sentAt = Date.now();
  };
  const heartbeat = setInterval(() => {
    if (res.headersSent && Date.now() - sentAt >= HEARTBEAT_MS) write({ type: 'progress', ...last });
  }, HEARTBEAT_MS / 5);
  try {
    const report = await verify({
      ...range,
      onStart: ({ fromPosition, toPosition }) => {
        last = { checked: 0, toPosition: fromPosition - 1 };
        write({ type: 'started', service, fromPosition, toPosition });
      },
      onProgress: (checked, toPosition) => {
        if (gone) throw new ReaderGone();
        last = { checked, toPosition };
        if (Date.now() - sentAt >= PROGRESS_EVERY_MS) write({ type: 'progress', ...last });
      },
    });
    write({ type: 'progress', ...last });
    write({ type: 'result', service, ...report });
    res.end();
  } catch (error) {
    if (error instanceof ReaderGone || gone) return void res.destroy();
    if (!res.headersSent) throw error;
    write({
      type: 'error',
      code: 'SERVICE_UNAVAILABLE',
      detail: `The verification stopped before its end (${error instanceof Error ? error.message : String(error)}); run it again.`,
    });
    res.end();
  } finally {
    clearInterval(heartbeat);
  }
}
