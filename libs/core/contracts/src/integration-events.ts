import { EDUCATION_GRANTS_CONTRACT, type EducationGrantsIntegrationEvent } from './education-grants.events';
import { HARDSHIP_CASES_CONTRACT, type HardshipIntegrationEvent } from './hardship-cases.events';
import { HEADERS } from './headers';
import { MEDICAL_AID_CLAIMS_CONTRACT, type MedicalAidIntegrationEvent } from './medical-aid.events';
import {
  ORG_TREE_KEY,
  ORGANISATION_UNITS_CONTRACT,
  type OrganisationIntegrationEvent,
} from './organisation.events';
import { TOPICS, type Topic } from './topics';
import { ContractViolation } from './validation/contract-violation';
import type { ContractEvent, EventContract } from './validation/event-contract';
import { PayloadReader } from './validation/payload-reader';

/** Every integration event that crosses a service border, on any topic. */
export type IntegrationEvent =
  | HardshipIntegrationEvent
  | EducationGrantsIntegrationEvent
  | MedicalAidIntegrationEvent
  | OrganisationIntegrationEvent;
export type IntegrationEventType = IntegrationEvent['type'];
export type IntegrationEventOf<T extends IntegrationEventType> = Extract<IntegrationEvent, { type: T }>;

/** Each topic's events and their contracts (DOMAIN.md, "Events that cross service borders"). */
const CONTRACTS: Readonly<Record<Topic, Readonly<Record<string, EventContract<ContractEvent>>>>> = {
  [TOPICS.hardshipCases]: HARDSHIP_CASES_CONTRACT,
  [TOPICS.educationGrants]: EDUCATION_GRANTS_CONTRACT,
  [TOPICS.medicalAidClaims]: MEDICAL_AID_CLAIMS_CONTRACT,
  [TOPICS.organisationUnits]: ORGANISATION_UNITS_CONTRACT,
};

/** A consumed message as far as its contract is concerned. */
export interface IntegrationEnvelope {
  topic: string;
  /** The message key, which the contract says is the payload's personRef. */
  key: string;
  /** The `event-type` and `event-version` headers ('' and 0 when missing or unreadable). */
  type: string;
  version: number;
  /** The `occurred-at` header: when the event was recorded, an ISO 8601 instant. */
  occurredAt: string;
  /** The JSON-parsed value; `undefined` when it was not JSON (then `valueProblem` says why). */
  value: unknown;
  valueProblem?: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const contractsOf = (topic: string): Readonly<Record<string, EventContract<ContractEvent>>> | undefined =>
  Object.hasOwn(CONTRACTS, topic) ? CONTRACTS[topic as Topic] : undefined;

/**
 * True for an event a later release defines: a type this topic's contract does not name, or a
 * version above the one it is at. Such an event is not broken; a consumer skips it (it stays on
 * the topic, which keeps everything) rather than parking it as a violation.
 */
export function isFromNewerContract(topic: string, type: string, version: number): boolean {
  const contracts = contractsOf(topic);
  if (!contracts || type === '') return false;
  const contract = Object.hasOwn(contracts, type) ? contracts[type] : undefined;
  return !contract || (Number.isSafeInteger(version) && version > contract.version);
}

/**
 * Reads a consumed message against its topic's contract: the type, version and occurred-at
 * headers, the key, and every field of the payload (required, typed, enumerations, identity and date formats,
 * whole non-negative fen). Returns the event with exactly the contract's fields.
 * @throws ContractViolation listing every problem found.
 */
export function parseIntegrationEvent(envelope: IntegrationEnvelope): IntegrationEvent {
  const { topic, key, type, version, occurredAt, value, valueProblem } = envelope;
  const contracts = contractsOf(topic);
  if (!contracts) throw new ContractViolation(topic, type, [`${topic} is not a topic of the contracts`]);
  const contract = type !== '' && Object.hasOwn(contracts, type) ? contracts[type] : undefined;
  if (!contract) {
    const known = Object.keys(contracts).join(', ');
    const why =
      type === '' ? `the ${HEADERS.eventType} header is missing` : `${type} is not an event of ${topic}`;
    throw new ContractViolation(topic, type, [`${why} (its events: ${known})`]);
  }
  const problems: string[] = [];
  if (version !== contract.version) {
    problems.push(`${HEADERS.eventVersion} must be ${contract.version}; got ${version || 'none'}`);
  }
  if (!INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    problems.push(
      `${HEADERS.occurredAt} must be an ISO 8601 instant; got ${occurredAt ? 'another text' : 'none'}`,
    );
  }
  const reader = new PayloadReader(valueProblem === undefined ? value : undefined);
  const data = valueProblem === undefined ? contract.read(reader) : undefined;
  problems.push(...(valueProblem === undefined ? reader.problems : [valueProblem]));
  if (topic === TOPICS.organisationUnits) {
    if (key !== ORG_TREE_KEY) {
      problems.push(
        `the message key must be ${ORG_TREE_KEY} (the whole tree shares one partition, in order)`,
      );
    }
  } else {
    const personRef = (data as { personRef?: unknown } | undefined)?.personRef;
    if (data !== undefined && personRef !== '' && key !== personRef) {
      problems.push(
        `the message key must be the payload's personRef (one person's events share a partition)`,
      );
    }
  }
  if (problems.length > 0) throw new ContractViolation(topic, type, problems);
  return { type, version: contract.version, data } as IntegrationEvent;
}
