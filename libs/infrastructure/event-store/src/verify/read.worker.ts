import { parentPort, workerData } from 'node:worker_threads';
import { Client, type ClientConfig } from 'pg';
import { hashBatch, SELECT_RAW_RANGE, type RawRow } from './raw-row';

// Reads and hashes batches for verify on its own connection (see batch-reader.ts).
const client = new Client((workerData as { connection: ClientConfig }).connection);
// Queries go one after another; the next is sent as soon as the previous one's rows arrive, so
// Postgres reads it while this thread hashes.
let previous: Promise<unknown> = client.connect();
// Loading this thread's modules and connecting take a moment: until it says it is ready, the
// main thread reads the first batches itself, so the progress moves from the start.
void previous.then(() => parentPort?.postMessage({ ready: true }));

parentPort?.on('message', (message: { id: number; from: number; to: number } | { close: true }) => {
  if ('close' in message) {
    void previous.then(() => client.end()).finally(() => parentPort?.close());
    return;
  }
  const { id, from, to } = message;
  const read = previous.then(() => client.query<RawRow>(SELECT_RAW_RANGE, [from, to]));
  previous = read.catch(() => undefined);
  read.then(
    (result) => parentPort?.postMessage({ id, batch: hashBatch(result.rows) }),
    (error: unknown) =>
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
