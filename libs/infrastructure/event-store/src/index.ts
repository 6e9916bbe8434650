export * from './types';
export * from './errors';
export * from './hash-chain';
export * from './upcasters';
export * from './event-store';
export * from './checkpoints';
export * from './inbox';
export * from './idempotency';
export * from './idempotency-attempt';
export * from './projections/inline-projection';
export * from './database/pglite-server';
export * from './database/data-source';
export * from './verify';
export * from './seals/seal';
export * from './seals/sealer';
export {
  parseSealAnchor,
  SEAL_ANCHOR_TEXT,
  type SealAnchor,
  type SealBreak,
  type SealsReport,
} from './seals/seal-checker';
export * from './command-handler';
export { lockStream } from './stream-lock';
export * from './snapshots/snapshots';
export { loadState, type LoadedStream } from './snapshots/stream-state';
export * from './projections/row-projection';
export * from './projections/rebuild';
export * from './projections/rebuild-compare';
export * from './projections/progress';
export { eventColumns, toStoredEvent, type EventRow } from './rows';
export * from './leadership';
export * from './bulk-commands';
export * from './personal-data/field-cipher';
export * from './personal-data/personal-fields';
export * from './personal-data/master-key';
export * from './personal-data/key-store';
export * from './personal-data/personal-data';
export * from './personal-data/restrictions';
