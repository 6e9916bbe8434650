// Public API of @union/medical-aid/domain: the pure write and read side of medical mutual aid
// (DOMAIN.md §3). No Nest, no IO; time, ids, actor and period come in with each command.
export * from './period/period.events';
export * from './period/open-period.validation';
export * from './period/period.decider';

export * from './enrollment/plan-enrollment';

export * from './membership/membership.events';
export * from './membership/membership.queries';
export * from './membership/membership.decider';
export * from './membership/after-claim-paid';

export * from './claim/claim.events';
export * from './claim/quote-claim';
export * from './claim/submit-claim.command';
export * from './claim/adjudicate-claim.command';
export * from './claim/claim.decider';
export * from './claim/claim-to-membership';

export * from './read-models/claim-row.projection';
export * from './read-models/membership-row.projection';
export * from './read-models/period-row.projection';
export * from './read-models/fund-report';

export * from './integration/to-integration-event';
export * from './personal-fields';
