import { usageError } from './cli-io';

// The audit answers as the gateway returns them (API.md, "Audit").

export const SERVICES = ['hardship-cases', 'education-grants', 'medical-aid'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface AuditEvent {
  service: ServiceName;
  streamId: string;
  streamType: string;
  version: number;
  globalPosition: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: {
    actor?: string;
    correlationId?: string;
    causationId?: string;
    policyVersion?: unknown;
  } & Record<string, unknown>;
  recordedAt: string;
  /** The pseudonymous person reference the hash covers (never an identity number). */
  personRef?: string | null;
  hash: string;
  prevHash: string | null;
}

export interface VerifyAnswer {
  service: string;
  checked: number;
  valid: boolean;
  firstInvalid?: { globalPosition: number; streamId: string; version: number; reason: string };
  seals: {
    checked: number;
    valid: boolean;
    firstInvalid?: { sealId: string | number; globalPosition: number; reason: string };
  };
  /** The positions checked: the page widened to the seals it touches. */
  verifiedRange?: { fromPosition: number; toPosition: number };
}

export interface RebuildAnswer {
  service: string;
  equal: boolean;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  tables: {
    table: string;
    liveRows: number;
    rebuiltRows: number;
    missing: number;
    extra: number;
    differing: number;
    samples: unknown[];
  }[];
}

/** A service named on the command line, or a usage error listing them. */
export function serviceArg(value: string | undefined): ServiceName {
  if (value && (SERVICES as readonly string[]).includes(value)) return value as ServiceName;
  throw usageError(`Name a service: ${SERVICES.join(', ')}${value ? ` (not ${value})` : ''}.`);
}
