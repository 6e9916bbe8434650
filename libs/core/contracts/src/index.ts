export * from './topics';
export * from './headers';
export * from './hardship-cases.events';
export * from './education-grants.events';
export * from './medical-aid.events';
export * from './integration-events';
export * from './hardship-eligibility';
export { ContractViolation } from './validation/contract-violation';
export type { ContractEvent, EventContract, EventContracts } from './validation/event-contract';
