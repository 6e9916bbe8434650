// Public API of @union/education-grants/domain: the pure domain of 金秋助学 (DOMAIN.md §2).
// Deciders, read-model evolve functions and mappers; no Nest, no IO, no clock.

export {
  EDUCATION_LEVELS,
  DEFAULT_ELIGIBLE_TIERS,
  isEducationLevel,
  isHardshipTier,
  type AmountsByLevelFen,
} from './shared/grant-vocabulary';

export {
  type CampaignOpened,
  type CampaignClosed,
  type BudgetReserved,
  type ReservationReleased,
  type GrantPaidFromBudget,
  type CampaignEvent,
  type CampaignState,
  type ReleaseReason,
  type Reservation,
  type ReservationStatus,
  initialCampaignState,
  evolveCampaign,
  remainingFen,
  reservationOf,
} from './campaign/campaign.events';
export {
  type CampaignTerms,
  type ValidCampaignTerms,
  validateCampaignTerms,
} from './campaign/open-campaign.validation';
export {
  type OpenCampaign,
  type CloseCampaign,
  type ReserveBudget,
  type ReleaseReservation,
  type RecordGrantPaid,
  type ReservationCommand,
  type ReservationRequest,
  type CampaignCommand,
  decideCampaign,
  campaignDecider,
  withReservationFacts,
  campaignFactsOf,
} from './campaign/campaign.decider';

export {
  type ApplicationStatus,
  type HoldableStatus,
  type HoldReason,
  type GrantApplicationSubmitted,
  type GrantApplicationApproved,
  type GrantApplicationRejected,
  type GrantDisbursed,
  type GrantApplicationWithdrawn,
  type GrantApplicationPutOnHold,
  type GrantApplicationReleasedFromHold,
  type ApplicationEvent,
  type ApplicationState,
  APPLICATION_STATUSES,
  initialApplicationState,
  evolveApplication,
  holdsReservation,
} from './application/application.events';
export {
  type CampaignFacts,
  type ParentEligibility,
  type PersonOnApplication,
  type StudentOnApplication,
  type SubmitApplication,
  type ApproveApplication,
  type RejectApplication,
  type DisburseGrant,
  type WithdrawApplication,
  type PutApplicationOnHold,
  type ReleaseApplicationFromHold,
  type ApplicationCommand,
} from './application/application.commands';
export { decideApplication, applicationDecider } from './application/application.decider';
export {
  type RecurringStudent,
  type RecurringContext,
  type RecurringSource,
  SYSTEM_ACTOR,
  recurringApplicationsFor,
  recurringStudentsFrom,
} from './application/recurring-applications';

export {
  type ParentEligibilityRow,
  type ApplicationUnderEligibility,
  type EligibilityEffect,
  evolveParentEligibility,
  eligibilityEffects,
} from './eligibility/parent-eligibility.projection';

export { type CampaignRow, evolveCampaignRow } from './read-models/campaign-row.projection';
export {
  type ApplicationRow,
  evolveApplicationRow,
  isLive,
  applicationRowToRecurringSource,
} from './read-models/application-row.projection';
export {
  type ApplicationFigures,
  type CampaignReport,
  type CountAndAmount,
  applicationFigures,
  campaignReport,
} from './read-models/campaign-report';

export { toIntegrationEvent } from './integration/to-integration-event';
export * from './personal-fields';
