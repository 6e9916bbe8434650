import type { ApplicationState } from '@union/education-grants/domain';
import type { AuditPolicyResolver } from '@union/runtime';
import { campaignStreamId } from '../grants.streams';

/**
 * The policy of a decision on a grant application: its campaign (amounts by level, eligible
 * tiers, budget reserved and paid) as it stood at the instant of the decision. A campaign's own
 * events are its terms; they have no policy beyond themselves.
 */
export const grantsAuditPolicy: AuditPolicyResolver = async ({ decision, before, stateOf }) => {
  if (decision.streamType !== 'application') return null;
  const campaignId =
    (before as ApplicationState).submitted?.campaignId ??
    (decision.data as { campaignId?: string } | null)?.campaignId;
  if (typeof campaignId !== 'string') return null;
  const at = await stateOf(campaignStreamId(campaignId), { asOf: decision.recordedAt });
  const policyVersion =
    typeof decision.metadata.policyVersion === 'string' ? decision.metadata.policyVersion : null;
  if (!at) return { kind: 'campaign', policyVersion, source: null, terms: null };
  const { streamId, version, recordedAt } = at;
  return { kind: 'campaign', policyVersion, source: { streamId, version, recordedAt }, terms: at.state };
};
