import { rowProjection } from '@union/event-store';
import {
  evolveApplicationRow,
  type ApplicationEvent,
  type ApplicationRow,
} from '@union/education-grants/domain';
import { GrantApplicationEntity } from './grant-application.entity';

const APPLICATION_EVENTS: ApplicationEvent['type'][] = [
  'GrantApplicationSubmitted',
  'GrantApplicationApproved',
  'GrantApplicationRejected',
  'GrantDisbursed',
  'GrantApplicationWithdrawn',
  'GrantApplicationPutOnHold',
  'GrantApplicationReleasedFromHold',
];

const toEntity = (row: ApplicationRow, version: number): GrantApplicationEntity => ({
  applicationId: row.applicationId,
  campaignId: row.campaignId,
  unitId: row.unitId,
  status: row.status,
  parentPersonRef: row.parentPersonRef,
  studentPersonRef: row.studentPersonRef,
  recurring: row.recurring,
  submittedAt: new Date(row.submittedAt),
  version,
  data: row,
});

/** The application read model: the domain's pure evolve, persisted per application stream. */
export const grantApplicationProjection = rowProjection<GrantApplicationEntity>({
  name: 'grant_application',
  entity: GrantApplicationEntity,
  key: 'applicationId',
  handles: APPLICATION_EVENTS,
  keyOf: (e) => (e.streamType === 'application' ? e.streamId.slice('application-'.length) : null),
  evolve: (row, e) => {
    const event = { type: e.type, data: e.data } as ApplicationEvent;
    const next = evolveApplicationRow(row?.data ?? null, event, e.version);
    return next ? toEntity(next, e.version) : null;
  },
});
