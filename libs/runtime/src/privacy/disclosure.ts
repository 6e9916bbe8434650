import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { WHOLE_TREE } from '@union/contracts';
import { DomainError, maskName } from '@union/kernel';
import { canActForPath, type Principal } from '@union/platform';
import { DATA_SOURCE } from '../runtime.di-tokens';
import { PersonIdentities } from './person-identities';

type Reader = Pick<Principal, 'roles' | 'units'>;

/**
 * Who sees a record's names in full (DOMAIN.md §5, "Minimum disclosure"): auditors, and users of
 * the record's unit, which in the union's tree means anyone who may act for it: one of their
 * units is on the unit's path (its own unit or a federation above it; `*`: every unit). Everyone
 * else who may read the record (an admin reading another scope's records) sees `王*国`.
 */
export function showsFullNames(reader: Reader, unitPath: readonly string[]): boolean {
  return reader.roles.includes('auditor') || canActForPath(reader, unitPath);
}

/** A reader's view of the records of some units: which of them show names in full. */
export interface NameView {
  /** True when the reader sees full names on records of `unitId`. */
  full(unitId: string): boolean;
  /** `name` as the reader may see it on a record of `unitId`: in full, or masked (`maskName`). */
  name<N extends string | null | undefined>(unitId: string, name: N): N;
}

const EVERYTHING: NameView = { full: () => true, name: (_unit, name) => name };

/**
 * The one place the services decide what of a person a read shows (DOMAIN.md §5): names in full
 * or masked by the reader's relation to the record's unit, and the full identity number only
 * with a stated purpose, to a reader who sees the names in full.
 */
@Injectable()
export class Disclosure {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly identities: PersonIdentities,
  ) {}

  /** The reader's {@link NameView} of records of `unitIds` (their paths read once, together). */
  async names(reader: Reader, unitIds: Iterable<string>, m?: Pick<EntityManager, 'query'>): Promise<NameView> {
    if (reader.roles.includes('auditor') || reader.units.includes(WHOLE_TREE)) return EVERYTHING;
    const asked = [...new Set(unitIds)].filter((u) => !reader.units.includes(u));
    const paths = new Map<string, readonly string[]>();
    if (asked.length > 0) {
      const rows: { org_id: string; path: string[] }[] = await (m ?? this.dataSource).query(
        `SELECT org_id, path FROM org_units WHERE org_id = ANY($1::text[])`,
        [asked],
      );
      for (const row of rows) paths.set(row.org_id, row.path);
    }
    // A unit the tree does not know is a tree of its own (OrgScope's rule).
    const full = (unitId: string): boolean =>
      reader.units.includes(unitId) || showsFullNames(reader, paths.get(unitId) ?? [unitId]);
    return {
      full,
      name: (unitId, name) => (full(unitId) ? name : (maskName(name) as typeof name)),
    };
  }

  /**
   * The full identity numbers of `refs` on a record of `unitId`, for a read with a stated
   * purpose: 403 `FORBIDDEN` to a reader who does not see the record's names in full (the number
   * is more than the name). A number not kept (a record from before numbers were kept, an erased
   * person) is null.
   */
  async revealNumbers(reader: Reader, unitId: string, refs: readonly string[]): Promise<Map<string, string | null>> {
    await this.assertRevealable(reader, unitId);
    return this.identities.reveal(refs);
  }

  /** 403 `FORBIDDEN` unless the reader sees full names on records of `unitId` (a purpose read's precondition). */
  async assertRevealable(reader: Reader, unitId: string): Promise<void> {
    const view = await this.names(reader, [unitId]);
    if (!view.full(unitId)) {
      throw new DomainError(
        'FORBIDDEN',
        "Only users of the record's unit and auditors may see a full identity number or a diagnosis.",
      );
    }
  }
}
