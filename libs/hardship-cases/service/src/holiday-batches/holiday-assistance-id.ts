import { nameBasedUuid } from '../shared/name-based-uuid';

// A fixed namespace (itself a random v4 uuid) for the assistance ids of holiday batches.
const NAMESPACE = Buffer.from('3b9e0d1c7a2f4e58b6c4d2a1f0e9c8b7', 'hex');

/**
 * The id of the assistance a batch gives on a case: name-based (v5) on batch and case, so a run
 * resumed after a crash gives the same id again (and the case decider refuses a second one).
 */
export const holidayAssistanceId = (batchId: string, caseId: string): string =>
  nameBasedUuid(NAMESPACE, `${batchId}/${caseId}`);
