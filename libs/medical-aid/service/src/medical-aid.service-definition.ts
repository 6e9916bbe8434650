import { TOPICS } from '@union/contracts';
import { HARDSHIP_ELIGIBILITY_SCHEMA, type ServiceDefinition } from '@union/runtime';

/** The medical-aid service's schema, read models and publications, for the runtime. */
export const medicalAidService: ServiceDefinition = {
  name: 'medical-aid',
  publishes: TOPICS.medicalAidClaims,
  consumes: [TOPICS.hardshipCases],
  migrations: [...HARDSHIP_ELIGIBILITY_SCHEMA.migrations],
  entities: [...HARDSHIP_ELIGIBILITY_SCHEMA.entities],
  projections: [],
  toMessage: () => null,
};
