import { Inject, Injectable } from '@nestjs/common';
import {
  EventStore,
  eventColumns,
  rebuildAndCompare,
  toStoredEvent,
  Upcasters,
  verifyLog,
  type EventRow,
  type StoredEvent,
  type VerifyRange,
} from '@union/event-store';
import { DomainError, parseIdNumber, personRef } from '@union/kernel';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { toAuditEvent, type AuditEvent } from './audit-event';

/** The audit's reads of the service's own log (the contract of notes/audit-contract.md). */
@Injectable()
export class AuditService {
  /** Reads events as stored: no upcasters, so data and schemaVersion are what the hash covers. */
  private readonly raw: EventStore;
  private readonly service: string;

  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {
    this.raw = new EventStore(infra.dataSource);
    this.service = infra.definition.name;
  }

  async history(streamId: string, fromVersion = 1) {
    if ((await this.raw.version(undefined, streamId)) === 0)
      throw notFound(`The stream ${streamId} has no events.`);
    const events = await this.raw.readStream(streamId, { fromVersion });
    return { service: this.service, streamId, events: await this.asAudited(events) };
  }

  /** The record's state folded up to a version or an instant, upcast, with the live evolve. */
  async state(streamId: string, asOf: { version?: number; instant?: Date }) {
    const events = await this.infra.store.readStream(streamId, {
      toVersion: asOf.version,
      asOf: asOf.instant,
    });
    const last = events[events.length - 1];
    if (!last) throw notFound(`The stream ${streamId} had no events by then.`);
    const model = this.infra.definition.auditStates[last.streamType];
    if (!model) throw notFound(`${this.service} keeps no state model for ${last.streamType} streams.`);
    return {
      service: this.service,
      streamId,
      streamType: last.streamType,
      version: last.version,
      recordedAt: last.recordedAt.toISOString(),
      state: events.reduce((state, e) => model.evolve(state, e), model.initialState()),
    };
  }

  async verify(range: VerifyRange) {
    return { service: this.service, ...(await verifyLog(this.infra.dataSource, range)) };
  }

  /** Every event about the person (by the ref of their identity number), oldest first. */
  async person(idNumber: string) {
    const ref = personRef(this.settings.personRefSecret, parseIdNumber(idNumber, { field: 'idNumber' }));
    return { service: this.service, events: await this.where(`person_ref = $1`, ref) };
  }

  async correlation(correlationId: string) {
    return {
      service: this.service,
      events: await this.where(`metadata->>'correlationId' = $1`, correlationId),
    };
  }

  async rebuildCompare() {
    const { definition, dataSource } = this.infra;
    const report = await rebuildAndCompare(dataSource, this.infra.store, definition.projections);
    return { service: this.service, ...report };
  }

  private async where(condition: string, value: string): Promise<AuditEvent[]> {
    const rows: EventRow[] = await this.infra.dataSource.query(
      `SELECT ${eventColumns()} FROM events WHERE ${condition} ORDER BY global_position`,
      [value],
    );
    const none = new Upcasters();
    return this.asAudited(rows.map((r) => toStoredEvent(r, none)));
  }

  /** Events as stored, each with its personal fields opened alongside (the one place: the store's). */
  private async asAudited(events: StoredEvent[]): Promise<AuditEvent[]> {
    const opened = await this.infra.personalData.open(this.infra.dataSource.manager, events);
    return events.map((e, i) => toAuditEvent(this.service, e, opened[i]));
  }
}

const notFound = (detail: string) => new DomainError('NOT_FOUND', detail);
