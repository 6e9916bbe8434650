import { TOPICS } from '@union/contracts';
import { HARDSHIP_ELIGIBILITY_SCHEMA, type ServiceDefinition } from '@union/runtime';

/** The education-grants service's schema, read models and publications, for the runtime. */
export const educationGrantsService: ServiceDefinition = {
  name: 'education-grants',
  publishes: TOPICS.educationGrants,
  consumes: [TOPICS.hardshipCases],
  migrations: [...HARDSHIP_ELIGIBILITY_SCHEMA.migrations],
  entities: [...HARDSHIP_ELIGIBILITY_SCHEMA.entities],
  projections: [],
  toMessage: () => null,
};
