export * from './org-unit/org-unit.events';
export * from './org-unit/org-unit.commands';
export * from './org-unit/org-unit.rules';
export * from './org-unit/org-unit.decider';
export * from './integration/to-integration-event';
