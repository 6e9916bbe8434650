import { periodStreamId } from '@union/medical-aid/domain';
import type { AuditPolicyResolver } from '@union/runtime';

/** `period-<periodId>-<n>`: the rules of a coverage period (period.events.ts, `periodPolicyVersion`). */
const PERIOD_VERSION = /^period-(.+)-([1-9]\d*)$/;

/**
 * The policy of a medical-aid decision (a claim's quote, approval, payment; an enrollment): the
 * rules of the coverage period its `policyVersion` names, as the period stood at the decision.
 */
export const medicalAidAuditPolicy: AuditPolicyResolver = async ({ decision, stateOf }) => {
  const policyVersion = decision.metadata.policyVersion;
  if (typeof policyVersion !== 'string') return null;
  const period = PERIOD_VERSION.exec(policyVersion);
  if (!period) return { kind: 'unknown', policyVersion, source: null, terms: null };
  const at = await stateOf(periodStreamId(period[1]), { asOf: decision.recordedAt });
  if (!at) return { kind: 'period-rules', policyVersion, source: null, terms: null };
  const { streamId, version, recordedAt } = at;
  return { kind: 'period-rules', policyVersion, source: { streamId, version, recordedAt }, terms: at.state };
};
