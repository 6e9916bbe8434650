// Public API of @union/hardship-cases/domain: the pure hardship case file programme (DOMAIN.md §1).
// No Nest, no IO: time, ids, the actor and the policy in force come in with each command.

export * from './shared/hardship-vocabulary';
export type { ReferralAttached } from './shared/referral-attached.event';

export * from './policy/region-policy';
export * from './tier/compute-tier';

export * from './case/case.events';
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
