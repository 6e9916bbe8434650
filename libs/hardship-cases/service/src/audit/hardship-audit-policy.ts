import { applyRatioBp } from '@union/kernel';
import {
  DEFAULT_POLICY,
  policyInForce,
  policyStreamId,
  type RegionPolicy,
  type RegionPolicyState,
} from '@union/hardship-cases/domain';
import type { AuditPolicy, AuditPolicyResolver } from '@union/runtime';

/** `<regionCode>-<n>`: the n-th publication of that region's policy (region-policies.service.ts). */
const REGION_VERSION = /^(\d{6})-([1-9]\d*)$/;
/** `assistance-<threshold>-<cap>`: the assistance limits in force (hardship.settings.ts). */
const LIMITS_VERSION = /^assistance-(\d+)-(\d+)$/;

const linesOf = (policy: RegionPolicy) => ({
  regionCode: policy.regionCode,
  minimumLivingStandardFen: policy.minimumLivingStandardFen,
  relativeMultiplierBp: policy.relativeMultiplierBp,
  relativeLineFen: applyRatioBp(policy.minimumLivingStandardFen, policy.relativeMultiplierBp),
});

/**
 * The policy a hardship decision names in `policyVersion`: a region's hardship lines (the
 * publication it names, read from the region's policy stream at that version, or the built-in
 * default), or the assistance limits (approval threshold and yearly cap) the version spells out.
 */
export const hardshipAuditPolicy: AuditPolicyResolver = async ({ decision, stateOf }) => {
  const policyVersion = decision.metadata.policyVersion;
  if (typeof policyVersion !== 'string') return null;
  if (policyVersion === DEFAULT_POLICY.policyVersion) {
    return { kind: 'region-policy', policyVersion, source: null, terms: linesOf(DEFAULT_POLICY) };
  }
  const region = REGION_VERSION.exec(policyVersion);
  if (region) {
    const at = await stateOf(policyStreamId(region[1]), { version: Number(region[2]) });
    if (!at) return unknownPolicy(policyVersion);
    const { streamId, version, recordedAt } = at;
    const terms = linesOf(policyInForce(at.state as RegionPolicyState));
    return { kind: 'region-policy', policyVersion, source: { streamId, version, recordedAt }, terms };
  }
  const limits = LIMITS_VERSION.exec(policyVersion);
  if (limits) {
    const terms = { approvalThresholdFen: Number(limits[1]), annualAssistanceCapFen: Number(limits[2]) };
    return { kind: 'assistance-limits', policyVersion, source: null, terms };
  }
  return unknownPolicy(policyVersion);
};

const unknownPolicy = (policyVersion: string): AuditPolicy => ({
  kind: 'unknown',
  policyVersion,
  source: null,
  terms: null,
});
