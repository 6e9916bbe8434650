import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { isSealed, openValue, sealValue } from '@union/event-store';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';

/**
 * Each person's full identity number, sealed with their data key (DOMAIN.md §5, "Purpose on
 * sensitive reads"): the events and the read models keep only the masked number and the
 * personRef, which cannot be turned back into the number. A read with a stated purpose opens it
 * here. Sealed like the personal fields of the log, so destroying the person's key (erasure)
 * leaves it unreadable, with no scrub needed.
 */
export class PersonIdentities1732300000400 implements MigrationInterface {
  name = 'PersonIdentities1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_identities (
        person_ref  text        PRIMARY KEY,
        id_number   text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_identities`);
  }
}

export const PERSON_IDENTITY_MIGRATIONS = [PersonIdentities1732300000400];

/** A person a command named by their full identity number. */
export interface NamedPerson {
  readonly personRef: string;
  readonly idNumber: string;
}

/**
 * Keeps and opens the full identity numbers of `person_identities`. A command that takes a
 * person's number (opening a case, an application, an enrollment, a claim) remembers it in its
 * own transaction; a read with a purpose reveals it.
 */
@Injectable()
export class PersonIdentities {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  /** Seals and keeps each person's number (the first one kept stays). An erased person is skipped. */
  async remember(people: readonly NamedPerson[], m: EntityManager = this.infra.dataSource.manager): Promise<void> {
    if (people.length === 0) return;
    const keys = await this.infra.personalData.keys.keysFor(
      m,
      people.map((p) => p.personRef),
      true,
    );
    const refs: string[] = [];
    const sealed: string[] = [];
    for (const p of people) {
      const key = keys.get(p.personRef);
      if (!key || refs.includes(p.personRef)) continue;
      refs.push(p.personRef);
      sealed.push(sealValue(key, p.idNumber, p.personRef));
    }
    if (refs.length === 0) return;
    await m.query(
      `INSERT INTO person_identities (person_ref, id_number)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (person_ref) DO NOTHING`,
      [refs, sealed],
    );
  }

  /**
   * The full numbers of `refs`: the number, or null when it was never kept here (a record from
   * before numbers were kept) or the person was erased.
   */
  async reveal(refs: readonly string[], m: EntityManager = this.infra.dataSource.manager): Promise<Map<string, string | null>> {
    const unique = [...new Set(refs)];
    const found = new Map<string, string | null>(unique.map((r) => [r, null]));
    if (unique.length === 0) return found;
    const rows: { person_ref: string; id_number: string }[] = await m.query(
      `SELECT person_ref, id_number FROM person_identities WHERE person_ref = ANY($1::text[])`,
      [unique],
    );
    const keys = await this.infra.personalData.keys.keysFor(
      m,
      rows.map((r) => r.person_ref),
      false,
    );
    for (const row of rows) {
      const key = keys.get(row.person_ref);
      if (!key || !isSealed(row.id_number)) continue;
      const opened = openValue(key, row.id_number);
      found.set(row.person_ref, typeof opened === 'string' ? opened : null);
    }
    return found;
  }
}
