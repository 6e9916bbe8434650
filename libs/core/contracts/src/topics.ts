/** Kafka topics that cross service borders (DOMAIN.md, "Events that cross service borders"). */
export const TOPICS = {
  hardshipCases: 'hardship.cases.v1',
  educationGrants: 'education.grants.v1',
  medicalAidClaims: 'medical-aid.claims.v1',
  organisationUnits: 'organisation.units.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

/** Where a message that keeps failing is parked, with the error, so consumption goes on. */
export const dlqTopic = (topic: string): string => `${topic}.dlq`;

/** The services that publish, as named in headers (`source`) and in the audit API. */
export type ServiceName = 'hardship-cases' | 'education-grants' | 'medical-aid' | 'organisation';
