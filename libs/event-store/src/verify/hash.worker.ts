import { parentPort } from 'node:worker_threads';
import { rowHash, type RawRow } from './raw-row';

// Hashes batches of rows for verify while the main thread fetches and checks the next ones.
parentPort?.on('message', (message: { id: number; rows: RawRow[] }) => {
  parentPort?.postMessage({ id: message.id, hashes: message.rows.map(rowHash) });
});
