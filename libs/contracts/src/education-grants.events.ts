/** Integration events on `education.grants.v1`. */
export type EducationLevel =
  'primary' | 'junior_high' | 'senior_high' | 'vocational' | 'undergraduate' | 'postgraduate';

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
