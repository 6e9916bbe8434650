import type { KeyObject } from 'node:crypto';
import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceName, Topic } from '@union/contracts';
import type { InlineProjection, PersonalFieldMap, StoredEvent, Upcasters } from '@union/event-store';
import type { OutgoingMessage } from '@union/messaging';
import type { LogLevel } from '@union/platform';
import type { AuditPolicyResolver } from './audit/audit-policy';
import type { AuditStateModel } from './audit/audit-state';
import type { PersonalReadModel } from './privacy/personal-read-models';
import type { ProcessingKinds } from './privacy/processing-records';
import type { RetentionRecords } from './privacy/retention';

/** What a service contributes to the runtime: its schema, read models and what it publishes. */
export interface ServiceDefinition {
  name: ServiceName;
  /** The topic its relay publishes to. */
  publishes: Topic;
  /** The topics its consumers read. */
  consumes: readonly Topic[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  projections: InlineProjection[];
  upcasters?: Upcasters;
  /**
   * Per event type, the personal fields the event store seals with the person's key (DOMAIN.md
   * §5; docs/personal-information.md). Kept next to the service's events.
   */
  personalFields?: PersonalFieldMap;
  /** Where its read models copy those fields, for erasure to scrub (privacy/personal-read-models.ts). */
  personalReadModels?: readonly PersonalReadModel[];
  /** Per event type, the kinds of personal information it processes: the records of processing (DOMAIN.md §5). */
  processingKinds?: ProcessingKinds;
  /**
   * The person's records here and whether each is still open, for their retention period
   * (privacy/retention.ts). A service without it keeps no personal data.
   */
  retention?: RetentionRecords;
  /**
   * The event types a restricted person's records still take (everything else is refused,
   * `PERSON_RESTRICTED`): the closing of a record, which starts the retention period, and what
   * the service records on its own from other programmes' events (docs/personal-information.md).
   */
  restrictedPersonPasses?: readonly string[];
  /** Per stream type (`case`, `claim`…), the decider the audit folds a record's state with. */
  auditStates: Readonly<Record<string, AuditStateModel>>;
  /** Which policy a decision was taken under, for the audit's "as decided" (none: no policy shown). */
  auditPolicy?: AuditPolicyResolver;
  /** Maps a stored domain event to the integration message the relay publishes, or null. */
  toMessage(event: StoredEvent): OutgoingMessage | null;
}

/** How users' tokens are verified (an `AuthConfig`), and the metrics scraper's token: gateway and services alike. */
export interface AuthSettings {
  jwtSecret?: string;
  jwksUrl?: string;
  /** `JWT_ISSUER`: tokens must carry this `iss` (required with `jwksUrl`). */
  issuer?: string;
  /** `JWT_AUDIENCE`: tokens must carry this `aud` (required with `jwksUrl`). */
  audience?: string;
  /** `TOKEN_MAX_AGE_SECONDS`: tokens issued longer ago are refused (default 12 h). */
  maxTokenAgeSeconds?: number;
  /** `METRICS_TOKEN`: the bearer `/metrics` needs; unset only in the embedded default (then open). */
  metricsToken?: string;
}

/** Settings every service needs at run time, validated at boot. */
export interface ServiceSettings extends AuthSettings {
  service: ServiceName;
  /** The gateway's Ed25519 public key: every call but the probes and /metrics carries its assertion. */
  gatewayPublicKey: KeyObject;
  personRefSecret: string;
  logLevel: LogLevel;
  /** How often the log is sealed (`SEAL_INTERVAL_MS`, default 30000; 0: only on shutdown). */
  sealIntervalMs?: number;
  /** `RETENTION_YEARS_<SERVICE>`: years after a person's last record closed (default 10; 0 allowed). */
  retentionYears?: number;
  /**
   * How often the retention sweep erases the people whose retention passed
   * (`PRIVACY_SWEEP_INTERVAL_MS`, default an hour from the environment; absent or 0: never on its
   * own, as in tests, which call `PrivacyService.sweep` with a clock).
   */
  privacySweepIntervalMs?: number;
}
