import { Inject, Injectable } from '@nestjs/common';
import {
  EventStore,
  eventColumns,
  readSealsPage,
  rebuildAndCompare,
  toStoredEvent,
  Upcasters,
  verifyLog,
  type EventRow,
  type Seal,
  type StoredEvent,
  type VerifyRange,
} from '@union/event-store';
import { DomainError, parseIdNumber, personRef } from '@union/kernel';
import type { Page } from '@union/platform';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { toAuditEvent, type AuditEvent } from './audit-event';
import { exportCsv, streamExport, type StreamExport } from './audit-export';
import type { AuditPolicy, AuditStateAt } from './audit-policy';

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
    const events = await this.readFolded(streamId, asOf);
    const last = events[events.length - 1];
    if (!last) throw notFound(`The stream ${streamId} had no events by then.`);
    return { service: this.service, ...this.fold(streamId, events) };
  }

  /**
   * "As decided" (API.md "Audit"): the decision at `version` of the stream as stored, the record
   * as the decider saw it (folded up to the version before) and after, and the policy in force
   * then as the service knows it (`ServiceDefinition.auditPolicy`).
   */
  async asDecided(streamId: string, version: number) {
    const events = await this.readFolded(streamId, { version });
    const decision = events[events.length - 1];
    if (decision?.version !== version) throw notFound(`The stream ${streamId} has no version ${version}.`);
    const before = events.length > 1 ? this.fold(streamId, events.slice(0, -1)) : null;
    const after = this.fold(streamId, events);
    const [stored] = await this.raw.readStream(streamId, { fromVersion: version, toVersion: version });
    const resolver = this.infra.definition.auditPolicy;
    const policy: AuditPolicy | null = resolver
      ? await resolver({
          decision,
          before: before?.state ?? this.modelOf(decision).initialState(),
          stateOf: async (id, at) => {
            const upTo = await this.readFolded(id, { version: at.version, instant: at.asOf });
            return upTo.length === 0 ? null : this.fold(id, upTo);
          },
        })
      : null;
    return {
      service: this.service,
      streamId,
      decision: toAuditEvent(this.service, stored),
      before,
      after,
      policy,
    };
  }

  async verify(range: VerifyRange) {
    return { service: this.service, ...(await this.verifyReport(range)) };
  }

  /** The log's one verification (hash chain and seals), as `verify` and its streamed form run it. */
  verifyReport(range: VerifyRange) {
    return verifyLog(this.infra.dataSource, range);
  }

  get serviceName(): string {
    return this.service;
  }

  /** The log's seals, newest first (what verify checks removed streams and newest events against). */
  async seals(page: number, pageSize: number): Promise<Page<Seal>> {
    const { seals, total } = await readSealsPage(this.infra.dataSource, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: seals, page, pageSize, total };
  }

  /** The record's whole history as stored, as an evidence file (JSON, or CSV), for `exportedBy`. */
  async evidence(streamId: string, exportedBy: string): Promise<{ json: StreamExport; csv: string }> {
    const { events } = await this.history(streamId);
    return {
      json: streamExport(this.service, streamId, events, exportedBy, new Date()),
      csv: exportCsv(events),
    };
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

  private readFolded(streamId: string, at: { version?: number; instant?: Date }): Promise<StoredEvent[]> {
    return this.infra.store.readStream(streamId, { toVersion: at.version, asOf: at.instant });
  }

  private modelOf(event: StoredEvent) {
    const model = this.infra.definition.auditStates[event.streamType];
    if (!model) throw notFound(`${this.service} keeps no state model for ${event.streamType} streams.`);
    return model;
  }

  /** `events` (a stream's first ones, in order) folded with the live evolve. */
  private fold(streamId: string, events: readonly StoredEvent[]): AuditStateAt {
    const last = events[events.length - 1];
    const model = this.modelOf(last);
    return {
      streamId,
      streamType: last.streamType,
      version: last.version,
      recordedAt: last.recordedAt.toISOString(),
      state: events.reduce((state, e) => model.evolve(state, e), model.initialState()),
    };
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
