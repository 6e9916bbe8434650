import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import type { StoredEvent } from '../types';
import type { InlineProjection } from './inline-projection';

/** A read-model row: one per stream, carrying the stream version it reflects. */
export interface VersionedRow extends ObjectLiteral {
  version: number;
}

export interface RowProjectionDefinition<Row extends VersionedRow> {
  name: string;
  entity: EntityTarget<Row>;
  /** The entity property that is the row's primary key. */
  key: keyof Row & string;
  handles: readonly string[];
  /** The row an event is about (null: none). */
  keyOf(event: StoredEvent): string | null;
  /** The row after the event; null deletes it. Pure: no IO, no clock. */
  evolve(row: Row | null, event: StoredEvent): Row | null;
}

/** How many rows one upsert statement carries (keeps under Postgres' 65,535 parameters). */
const UPSERT_CHUNK = 1000;

/**
 * A projection of one row per stream, kept idempotent by the stream version: an event whose
 * version the row has already reflected is skipped, so applying the same events twice changes
 * nothing. Loads the rows a batch touches in one query and writes them back in a few.
 */
export function rowProjection<Row extends VersionedRow>(def: RowProjectionDefinition<Row>): InlineProjection {
  return {
    name: def.name,
    handles: def.handles,
    get tables() {
      return [def.name];
    },
    async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
      const repo = tx.getRepository(def.entity);
      const keys = [...new Set(events.map((e) => def.keyOf(e)).filter((k): k is string => k !== null))];
      if (keys.length === 0) return;
      const current = new Map<string, Row | null>();
      for (const row of await repo.findBy({ [def.key]: In(keys) } as never))
        current.set(String(row[def.key]), row);
      const touched = new Set<string>();
      for (const event of events) {
        const key = def.keyOf(event);
        if (key === null) continue;
        const row = current.get(key) ?? null;
        if (row && event.version <= row.version) continue;
        const next = def.evolve(row, event);
        current.set(key, next ? { ...next, version: event.version } : null);
        touched.add(key);
      }
      const upserts = [...touched].map((k) => current.get(k)).filter((r): r is Row => !!r);
      const deletes = [...touched].filter((k) => current.get(k) === null);
      for (let i = 0; i < upserts.length; i += UPSERT_CHUNK) {
        await repo.upsert(upserts.slice(i, i + UPSERT_CHUNK), [def.key]);
      }
      if (deletes.length > 0) await repo.delete({ [def.key]: In(deletes) } as never);
    },
  };
}
