import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rowHash, type RawRow } from './raw-row';

/** Computes rows' hashes: on the calling thread, or on worker threads beside it. */
export interface RowHasher {
  hash(rows: RawRow[]): Promise<string[]>;
  close(): Promise<void>;
}

export const inlineHasher: RowHasher = {
  hash: (rows) => Promise.resolve(rows.map(rowHash)),
  close: () => Promise.resolve(),
};

interface Pending {
  resolve: (hashes: string[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Worker threads that hash batches round-robin (parsing JSON, canonical JSON and SHA-256 are
 * the CPU cost of verify), so hashing overlaps fetching and checking on the main thread. Run
 * from TypeScript sources (tests, `node -r tools/register.js`), the workers register SWC too.
 */
export function workerHasher(count: number): RowHasher {
  const source = extname(__filename);
  const entry = join(__dirname, `hash.worker${source}`);
  const code =
    source === '.ts'
      ? `require('@swc-node/register'); require(${JSON.stringify(entry)});`
      : `require(${JSON.stringify(entry)});`;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(code, { eval: true });
    worker.on('message', (m: { id: number; hashes: string[] }) => {
      pending.get(m.id)?.resolve(m.hashes);
      pending.delete(m.id);
    });
    worker.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    hash(rows) {
      const id = nextId++;
      return new Promise<string[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % count].postMessage({ id, rows });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
