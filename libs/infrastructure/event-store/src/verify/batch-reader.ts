import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { hashBatch, SELECT_RAW_RANGE, type HashedBatch, type RawRow } from './raw-row';

/** Reads a range of global positions and hashes each row's content, in position order. */
export interface BatchReader {
  read(from: number, to: number): Promise<HashedBatch>;
  close(): Promise<void>;
}

/** Reads on the data source's pool and hashes on the calling thread. */
export function inlineReader(dataSource: DataSource): BatchReader {
  return {
    async read(from, to) {
      const rows: RawRow[] = await dataSource.query(SELECT_RAW_RANGE, [from, to]);
      return hashBatch(rows);
    },
    close: () => Promise.resolve(),
  };
}

interface Pending {
  resolve: (batch: HashedBatch) => void;
  reject: (error: unknown) => void;
}

type Reply = { id: number; batch: HashedBatch } | { id: number; error: string } | { ready: true };

/**
 * Worker threads, each with its own connection, that read and hash batches round-robin (decoding
 * the rows, parsing their JSON, writing it canonically and SHA-256 are verify's CPU cost) and send
 * back only what the checks need, so the main thread is left with the chain and the seals. Run
 * from TypeScript sources (tests, `node -r tools/register.js`), the workers register SWC too.
 * Until a worker has loaded and connected, batches are read by `starting` (the calling thread).
 */
export function workerReader(
  count: number,
  connection: ClientConfig,
  starting: BatchReader,
): BatchReader & { allReady: Promise<void> } {
  const source = extname(__filename);
  const entry = join(__dirname, `read.worker${source}`);
  const code =
    source === '.ts'
      ? `require('@swc-node/register'); require(${JSON.stringify(entry)});`
      : `require(${JSON.stringify(entry)});`;
  const pending = new Map<number, Pending>();
  const failAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  let nextId = 0;
  const ready: Worker[] = [];
  let startingQueue = Promise.resolve();
  let allStarted = () => undefined as void;
  const allReady = new Promise<void>((resolve) => (allStarted = resolve));
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(code, { eval: true, workerData: { connection } });
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        ready.push(worker);
        if (ready.length === count) allStarted();
        return;
      }
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) p?.reject(new Error(`verify worker: ${reply.error}`));
      else p?.resolve(reply.batch);
    });
    worker.on('error', failAll);
    return worker;
  });
  return {
    allReady,
    read(from, to) {
      if (ready.length === 0) {
        // One at a time: several batches parsed and hashed at once on the calling thread would
        // hold it (and the progress it reports) for as long as they take together.
        const read = startingQueue.then(() => starting.read(from, to));
        startingQueue = read.then(
          () => undefined,
          () => undefined,
        );
        return read;
      }
      const id = nextId++;
      return new Promise<HashedBatch>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ready[id % ready.length].postMessage({ id, from, to });
      });
    },
    async close() {
      // Each worker ends its connection (a clean goodbye to Postgres), then exits.
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.once('exit', () => resolve());
              w.postMessage({ close: true });
            }),
        ),
      );
      failAll(new Error('verify workers closed'));
    },
  };
}

/** The data source's connection settings, for a worker's own client. */
export function connectionOf(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: unknown;
    database?: string;
  };
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
  };
}
