import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockStream } from '@union/event-store';
import { chinaToday, parseIdNumber, personRef, type IsoDate } from '@union/kernel';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { DEFAULT_RETENTION_YEARS } from '../service-settings';
import { scrubReadModels } from './personal-read-models';
import { peopleDueForErasure, retentionOf, type Retention } from './retention';

/** The stream of one person's privacy requests in a service: `privacy-<personRef>`. */
export const privacyStreamId = (ref: string): string => `privacy-${ref}`;

/** What an admin asks (API.md, "Personal information"). */
export type PrivacyRequestKind = 'restrict' | 'erase';

export interface PrivacyRequest {
  readonly requestId: string;
  readonly kind: PrivacyRequestKind;
  readonly reason: string;
  readonly legalBasis: string;
  readonly actor: string;
}

/** An erasure request: a {@link PrivacyRequest} of kind `erase`. */
export type ErasureRequest = Omit<PrivacyRequest, 'kind'>;

/** What one service did with a request. */
export interface PrivacyOutcome {
  readonly service: string;
  readonly outcome: 'erased' | 'already_erased' | 'restricted' | 'already_restricted';
  /** Restricted: until when (the retention end), or null until further notice (a record is open). */
  readonly until: IsoDate | null;
  readonly restrictedAt: string | null;
  readonly erasedAt: string | null;
  /** The person's retention end here; null while a record of theirs is open. */
  readonly retentionEndsOn: IsoDate | null;
  /** Read-model fields scrubbed by an erasure now (0 otherwise). */
  readonly rowsScrubbed: number;
}

/** A person's personal data in this service (`GET /privacy/people/{idNumber}`). */
export interface PrivacyStatus {
  readonly service: string;
  readonly status: 'active' | 'restricted' | 'erased';
  readonly restrictedAt: string | null;
  /** Restricted: until the retention end, or null until further notice. */
  readonly until: IsoDate | null;
  readonly erasedAt: string | null;
  readonly retentionEndsOn: IsoDate | null;
  /** A record of theirs is still open here (their retention has not started). */
  readonly openRecords: boolean;
  readonly records: number;
}

/** The retention sweep's request: PIPL Art. 47 (1) 2, the retention period has expired. */
const SWEEP_REQUEST = {
  kind: 'erase',
  reason: '保存期限届满，自动删除',
  legalBasis: '《个人信息保护法》第四十七条第一款第（二）项',
  actor: 'system:retention',
} as const;

/**
 * Restriction and erasure of a person's personal data in this service (DOMAIN.md §5, issue 18;
 * docs/personal-information.md). A request, of either kind, erases when the person's retention
 * here has passed, and otherwise restricts processing until it passes (PIPL Art. 47: stored and
 * protected, not used): `PersonalDataRestricted` on `privacy-<personRef>`, whose projection
 * (`restricted_people`) the store's append checks before writing anything about the person. The
 * retention sweep erases whoever's retention has passed, restricted or not.
 *
 * Erasure, in one transaction: the person's data key destroyed (every event stays, every chain and
 * seal still verifies; their fields read as erased from then on, in every read and every
 * rebuild), the copies the read models hold scrubbed, the snapshots of their streams dropped (a
 * snapshot is a cache of a fold over the events, and would keep the plain values), and the
 * request itself recorded as an event (`PersonalDataErased`, with no personal field).
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  refOf(idNumber: string): string {
    return personRef(this.settings.personRefSecret, parseIdNumber(idNumber, { field: 'idNumber' }));
  }

  get retentionYears(): number {
    return this.settings.retentionYears ?? DEFAULT_RETENTION_YEARS;
  }

  /** A request about the person (idempotent: asking again records nothing new). */
  async request(idNumber: string, request: PrivacyRequest, now: Date = new Date()): Promise<PrivacyOutcome> {
    const ref = this.refOf(idNumber);
    return this.infra.dataSource.transaction(async (tx) => {
      // Requests about one person (and the sweep) take turns.
      await lockStream(tx, privacyStreamId(ref));
      const retention = await this.retention(tx, ref, now);
      const erasedAt = await this.infra.personalData.keys.erasedAt(tx, ref);
      if (erasedAt) return this.outcome('already_erased', retention, { erasedAt });
      if (retention.passed) return this.eraseIn(tx, ref, request, retention);
      const restrictedAt = await this.restrictedAt(tx, ref);
      if (restrictedAt) return this.outcome('already_restricted', retention, { restrictedAt });
      const [stored] = (
        await this.infra.store.append(
          privacyStreamId(ref),
          [
            {
              type: 'PersonalDataRestricted',
              data: {
                requestId: request.requestId,
                requested: request.kind,
                reason: request.reason,
                legalBasis: request.legalBasis,
                // As it stood at the request: it moves when the person's last record closes.
                retentionEndsOn: retention.endsOn,
              },
              metadata: { actor: request.actor, correlationId: request.requestId },
              personRef: ref,
            },
          ],
          { expectedVersion: 'any', streamType: 'privacy', tx },
        )
      ).events;
      return this.outcome('restricted', retention, { restrictedAt: stored.recordedAt });
    });
  }

  /** `request` of kind `erase`: erased when the retention has passed, restricted until then. */
  erase(idNumber: string, request: ErasureRequest, now: Date = new Date()): Promise<PrivacyOutcome> {
    return this.request(idNumber, { ...request, kind: 'erase' }, now);
  }

  /** Whether the person's data is active, restricted or erased here, and their retention end. */
  async status(idNumber: string, now: Date = new Date()): Promise<PrivacyStatus> {
    const ref = this.refOf(idNumber);
    const m = this.infra.dataSource.manager;
    const retention = await this.retention(m, ref, now);
    const erasedAt = await this.infra.personalData.keys.erasedAt(m, ref);
    const restrictedAt = await this.restrictedAt(m, ref);
    return {
      service: this.infra.definition.name,
      status: erasedAt ? 'erased' : restrictedAt ? 'restricted' : 'active',
      restrictedAt: restrictedAt?.toISOString() ?? null,
      until: restrictedAt && !erasedAt ? retention.endsOn : null,
      erasedAt: erasedAt?.toISOString() ?? null,
      retentionEndsOn: retention.endsOn,
      openRecords: retention.open,
      records: retention.records,
    };
  }

  /**
   * Erases everyone here whose retention has passed on `now`'s date (restricted or not: PIPL
   * Art. 47 (1) 2 asks the handler to delete on its own once the retention period expired), each
   * in a transaction of their own, as a request of the system's. Run periodically by the runtime
   * (`PRIVACY_SWEEP_INTERVAL_MS`), and by tests with the clock they need. Answers how many it erased.
   */
  async sweep(now: Date = new Date(), batch = 200): Promise<number> {
    const records = this.infra.definition.retention;
    if (!records) return 0;
    const today = chinaToday(now);
    let erased = 0;
    for (;;) {
      const due = await peopleDueForErasure(this.infra.dataSource.manager, records, this.retentionYears, today, batch);
      let erasedNow = 0;
      for (const ref of due) {
        const done = await this.infra.dataSource.transaction(async (tx) => {
          await lockStream(tx, privacyStreamId(ref));
          if (await this.infra.personalData.keys.erasedAt(tx, ref)) return false;
          const retention = await this.retention(tx, ref, now);
          if (!retention.passed) return false;
          await this.eraseIn(tx, ref, { ...SWEEP_REQUEST, requestId: randomUUID() }, retention);
          return true;
        });
        if (done) erasedNow += 1;
      }
      erased += erasedNow;
      // A batch that erased nobody it found (each changed meanwhile) ends the sweep too.
      if (due.length < batch || erasedNow === 0) break;
    }
    if (erased > 0) this.logger.log(`retention sweep erased ${erased} people`);
    return erased;
  }

  private async eraseIn(
    tx: EntityManager,
    ref: string,
    request: PrivacyRequest,
    retention: Retention,
  ): Promise<PrivacyOutcome> {
    const { store, personalData, definition } = this.infra;
    const destroyed = await personalData.keys.erase(tx, ref);
    const rowsScrubbed = await scrubReadModels(tx, definition.personalReadModels ?? [], ref);
    await tx.query(
      `DELETE FROM snapshots WHERE stream_id IN (SELECT DISTINCT stream_id FROM events WHERE person_ref = $1)`,
      [ref],
    );
    const erasedAt = (await personalData.keys.erasedAt(tx, ref)) ?? new Date();
    if (destroyed) {
      await store.append(
        privacyStreamId(ref),
        [
          {
            type: 'PersonalDataErased',
            data: {
              requestId: request.requestId,
              requested: request.kind,
              reason: request.reason,
              legalBasis: request.legalBasis,
              retentionEndsOn: retention.endsOn,
            },
            metadata: { actor: request.actor, correlationId: request.requestId },
            personRef: ref,
          },
        ],
        { expectedVersion: 'any', streamType: 'privacy', tx },
      );
    }
    return {
      ...this.outcome(destroyed ? 'erased' : 'already_erased', retention, { erasedAt }),
      rowsScrubbed,
    };
  }

  private outcome(
    outcome: PrivacyOutcome['outcome'],
    retention: Retention,
    at: { erasedAt?: Date; restrictedAt?: Date },
  ): PrivacyOutcome {
    const restricted = outcome === 'restricted' || outcome === 'already_restricted';
    return {
      service: this.infra.definition.name,
      outcome,
      until: restricted ? retention.endsOn : null,
      restrictedAt: at.restrictedAt?.toISOString() ?? null,
      erasedAt: at.erasedAt?.toISOString() ?? null,
      retentionEndsOn: retention.endsOn,
      rowsScrubbed: 0,
    };
  }

  private async retention(m: EntityManager, ref: string, now: Date): Promise<Retention> {
    const records = this.infra.definition.retention;
    // A service that keeps no records of people has nothing to keep.
    if (!records) return { records: 0, open: false, lastClosedOn: null, endsOn: null, passed: true };
    return retentionOf(m, records, this.retentionYears, chinaToday(now), ref);
  }

  private async restrictedAt(m: EntityManager, ref: string): Promise<Date | undefined> {
    const rows: { restricted_at: Date | null }[] = await m.query(
      `SELECT restricted_at FROM restricted_people WHERE person_ref = $1`,
      [ref],
    );
    return rows[0]?.restricted_at ?? undefined;
  }
}
