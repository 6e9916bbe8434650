// Public API of @union/hardship-cases/domain: the pure hardship case file programme (DOMAIN.md §1).
// No Nest, no IO: time, ids, the actor and the policy in force come in with each command.

export * from './shared/hardship-vocabulary';
export type { ReferralAttached } from './shared/referral-attached.event';

export * from './policy/region-policy';
export * from './tier/compute-tier';

export * from './case/case.events';
export { upcastAssistanceRecordedV1 } from './case/assistance.events';
export * from './case/case.commands';
export {
  evolveCase,
  initialCaseState,
  assistanceInYearFen,
  type CaseState,
  type AssistanceEntry,
} from './case/case.state';
export { assess, nextReviewDue } from './case/case.rules';
export { caseDecider, decideCase } from './case/case.decider';

export * from './referral/referral.events';
export * from './referral/referral.commands';
export { referralDecider, decideReferral } from './referral/referral.decider';

export * from './read-models/case-summary.projection';
export * from './read-models/case-details.projection';
export * from './read-models/referral.projection';

export { toIntegrationEvent } from './integration/to-integration-event';

export * from './fund/fund.events';
export * from './fund/fund.decider';
export * from './read-models/fund-row.projection';

export * from './holiday-batch/holiday-batch.events';
export * from './holiday-batch/holiday-batch.commands';
export * from './holiday-batch/holiday-batch.preview';
export {
  evolveHolidayBatch,
  initialHolidayBatchState,
  linesLeft,
  type HolidayBatchState,
  type HolidayBatchStatus,
} from './holiday-batch/holiday-batch.state';
export { holidayBatchDecider, decideHolidayBatch } from './holiday-batch/holiday-batch.decider';
export * from './holiday-batch/holiday-batch.row';
export * from './personal-fields';
