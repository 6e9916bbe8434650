import type { RebuildCompareReport, VerifyReport } from '@union/event-store';
import type { AuditEvent as ServiceAuditEvent } from '@union/runtime';
import { usageError } from './cli-io';

// The audit answers as the gateway returns them (API.md, "Audit").

export const SERVICES = ['hardship-cases', 'education-grants', 'medical-aid'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The service's `AuditEvent` (libs/runtime), labelled with a known service. */
export type AuditEvent = Omit<ServiceAuditEvent, 'service'> & { service: ServiceName };

/** The answers carry the service's name beside the event store's reports, as JSON. */
export type VerifyAnswer = VerifyReport & { service: string };

export type RebuildAnswer = RebuildCompareReport & { service: string };

/** A service named on the command line, or a usage error listing them. */
export function serviceArg(value: string | undefined): ServiceName {
  if (value && (SERVICES as readonly string[]).includes(value)) return value as ServiceName;
  throw usageError(`Name a service: ${SERVICES.join(', ')}${value ? ` (not ${value})` : ''}.`);
}
