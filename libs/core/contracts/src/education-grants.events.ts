import type { EventContracts } from './validation/event-contract';

/** Integration events on `education.grants.v1`. */

/** Every education level a grant is paid for. */
export const EDUCATION_LEVELS = [
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'undergraduate',
  'postgraduate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export interface GrantDisbursedV1 {
  personRef: string;
  applicationId: string;
  campaignId: string;
  studentPersonRef: string;
  level: EducationLevel;
  amountFen: number;
  paidOn: string;
}

export type EducationGrantsIntegrationEvent = { type: 'GrantDisbursed'; version: 1; data: GrantDisbursedV1 };

/** The contract of each `education.grants.v1` event. `personRef` is the parent's. */
export const EDUCATION_GRANTS_CONTRACT: EventContracts<EducationGrantsIntegrationEvent> = {
  GrantDisbursed: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      applicationId: p.uuid('applicationId'),
      campaignId: p.uuid('campaignId'),
      studentPersonRef: p.personRef('studentPersonRef'),
      level: p.oneOf('level', EDUCATION_LEVELS),
      amountFen: p.fen('amountFen'),
      paidOn: p.date('paidOn'),
    }),
  },
};
