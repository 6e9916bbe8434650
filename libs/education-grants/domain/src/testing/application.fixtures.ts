// Application events and commands for this lib's unit tests only.
import type { ApplicationCommand } from '../application/application.commands';
import type { ApplicationEvent } from '../application/application.events';
import { APPLICATION_ID, CAMPAIGN_ID, NOW } from './grants.fixtures';

const id = APPLICATION_ID;

export const approve = (by = 'reviewer-1', recurring?: boolean): ApplicationCommand => ({
  type: 'ApproveApplication',
  by,
  recurring,
  now: NOW,
});
export const reject = (reason = 'Income above the line', by = 'reviewer-1'): ApplicationCommand => ({
  type: 'RejectApplication',
  by,
  reason,
  now: NOW,
});
export const disburse = (paidOn = '2024-08-25'): ApplicationCommand => ({
  type: 'DisburseGrant',
  paymentRef: 'PAY-001',
  paidOn,
  schoolStartOn: '2024-09-01',
  by: 'caseworker-2',
  now: NOW,
});
export const withdraw = (reason = 'Family moved away'): ApplicationCommand => ({
  type: 'WithdrawApplication',
  reason,
  by: 'caseworker-1',
  now: NOW,
});

/** The approval by reviewer-1. */
export const approved = (recurring = false): ApplicationEvent => ({
  type: 'GrantApplicationApproved',
  data: { applicationId: id, by: 'reviewer-1', at: NOW, recurring },
});
export const rejected: ApplicationEvent = {
  type: 'GrantApplicationRejected',
  data: { applicationId: id, by: 'reviewer-1', at: NOW, reason: 'No' },
};
export const withdrawn: ApplicationEvent = {
  type: 'GrantApplicationWithdrawn',
  data: { applicationId: id, reason: 'Moved', by: 'caseworker-1', at: NOW },
};
export const held = (previousStatus: 'submitted' | 'approved'): ApplicationEvent => ({
  type: 'GrantApplicationPutOnHold',
  data: { applicationId: id, previousStatus, reason: 'parent_case_closed', caseId: 'case-1', at: NOW },
});
export const disbursed = (paidOn: string, late: boolean): ApplicationEvent => ({
  type: 'GrantDisbursed',
  data: {
    ...{
      applicationId: id,
      campaignId: CAMPAIGN_ID,
      parentPersonRef: 'ref-parent',
      studentPersonRef: 'ref-student',
    },
    ...{
      level: 'undergraduate',
      amountFen: 500_000,
      paymentRef: 'PAY-001',
      paidOn,
      late,
      by: 'caseworker-2',
      at: NOW,
    },
  },
});
