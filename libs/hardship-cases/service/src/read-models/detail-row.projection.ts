import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { rowTable, type InlineProjection, type StoredEvent } from '@union/event-store';
import { detailRowKeyOf, type CaseEvent, type DetailRowKey } from '@union/hardship-cases/domain';

/** A detail row of a case: keyed by its own id, carrying the case stream's version it reflects. */
export interface DetailEntity<Row> extends ObjectLiteral {
  caseId: string;
  version: number;
  data: Row;
}

export interface DetailRowProjectionDefinition<Row, Entity extends DetailEntity<Row>> {
  /** The table, also the projection's name. */
  name: string;
  entity: EntityTarget<Entity>;
  /** The entity property holding the row's id (the primary key). */
  key: keyof Entity & string;
  /** Which of the domain's detail tables this is. */
  table: DetailRowKey['table'];
  handles: readonly CaseEvent['type'][];
  /** The domain's pure evolve for this row. */
  evolve(row: Row | null, event: CaseEvent): Row | null;
  toEntity(row: Row, version: number): Entity;
}

const asCaseEvent = (e: StoredEvent): CaseEvent => ({ type: e.type, data: e.data }) as CaseEvent;

/**
 * A projection of rows keyed by an id other than the stream's (an assistance, a visit, a source
 * event), fed by case streams. Idempotent: a row remembers the version of the last case event
 * applied to it, and an event at or below that version is skipped, so applying the same events
 * twice (a redelivery, or a rebuild over live rows) changes nothing.
 */
export function detailRowProjection<Row, Entity extends DetailEntity<Row>>(
  def: DetailRowProjectionDefinition<Row, Entity>,
): InlineProjection {
  const keyOf = (e: StoredEvent): string | null => {
    if (e.streamType !== 'case') return null;
    const key = detailRowKeyOf(asCaseEvent(e));
    return key !== null && key.table === def.table ? key.id : null;
  };
  return {
    name: def.name,
    handles: def.handles,
    tables: [def.name],
    async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
      const ids = [...new Set(events.map(keyOf).filter((k): k is string => k !== null))];
      if (ids.length === 0) return;
      // Plain SQL (rowTable): the repository's query builder cost more than the rows' evolve.
      const table = rowTable(tx, def.entity, def.key);
      const current = new Map<string, Entity>();
      for (const row of await table.load<Entity>(ids)) current.set(String(row[def.key]), row);
      const touched = new Set<string>();
      for (const event of events) {
        const id = keyOf(event);
        if (id === null) continue;
        const row = current.get(id) ?? null;
        if (row && event.version <= row.version) continue;
        const next = def.evolve(row?.data ?? null, asCaseEvent(event));
        if (next === null) continue;
        current.set(id, def.toEntity(next, event.version));
        touched.add(id);
      }
      const upserts = [...touched].map((id) => current.get(id)).filter((r): r is Entity => r !== undefined);
      await table.upsert(upserts);
    },
  };
}
