import type { EntityManager } from 'typeorm';
import { ERASED } from '@union/event-store';

/**
 * Where a service's read models keep a person's personal fields (the projections copy them from
 * the events): the table, how to find the person's rows by their ref (`$1`), and the paths under
 * the row's `data` (jsonb) holding personal text. Erasure scrubs exactly these, in the
 * transaction that destroys the person's key, so the live rows read as a rebuild would.
 */
export interface PersonalReadModel {
  readonly table: string;
  /** An SQL condition on the table's rows, `$1` the person's ref. */
  readonly whereRef: string;
  /** Dot paths under `data`, e.g. `member.name`. */
  readonly paths: readonly string[];
}

/** Replaces the person's personal fields in every read model listed with {@link ERASED}. Answers the fields replaced. */
export async function scrubReadModels(
  tx: EntityManager,
  models: readonly PersonalReadModel[],
  personRef: string,
): Promise<number> {
  let touched = 0;
  for (const { table, whereRef, paths } of models) {
    for (const path of paths) {
      // Only where the row holds a text there: an absent or null field stays as it was.
      const at = `'{${path.split('.').join(',')}}'`;
      const result: [unknown[], number] = await tx.query(
        `UPDATE ${table} SET data = jsonb_set(data, ${at}, to_jsonb($2::text), false)
         WHERE (${whereRef}) AND jsonb_typeof(data #> ${at}) = 'string' AND data #>> ${at} <> $2`,
        [personRef, ERASED],
      );
      touched += result[1];
    }
  }
  return touched;
}
