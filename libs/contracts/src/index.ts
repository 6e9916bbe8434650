export * from './topics';
export * from './headers';
export * from './hardship-cases.events';
export * from './education-grants.events';
export * from './medical-aid.events';
export * from './hardship-eligibility';
