import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadState, type EventStore } from '@union/event-store';
import {
  policyInForce,
  policyStreamId,
  regionPolicyDecider,
  type RegionPolicy,
  type RegionPolicyState,
} from '@union/hardship-cases/domain';
import type { Principal } from '@union/platform';
import { EVENT_STORE, requestFacts, runCommand } from '@union/runtime';

/** A region's policy as the API shows it, with the stream version for `ETag`. */
export interface RegionPolicyAnswer {
  policy: RegionPolicy;
  /** The region's publications so far (0: the default policy applies). */
  version: number;
}

/** The policy stream of each region: what applies there, and admins' publications. */
@Injectable()
export class RegionPolicies {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The policy in force in a region: its latest publication, or the default. */
  async inForce(regionCode: string, tx?: EntityManager): Promise<RegionPolicy> {
    return policyInForce((await this.state(regionCode, tx)).state);
  }

  async get(regionCode: string): Promise<RegionPolicyAnswer> {
    const { state, version } = await this.state(regionCode);
    return { policy: policyInForce(state), version };
  }

  /**
   * Publishes a new version of a region's policy. Its metadata names the version it creates, so
   * the expected version is pinned to the one read (a concurrent publication is a 409, never a
   * publication recorded under another version's name).
   */
  async publish(
    regionCode: string,
    lines: { minimumLivingStandardFen: number; relativeMultiplierBp: number },
    principal: Principal,
    ifMatch?: number,
  ): Promise<RegionPolicyAnswer> {
    const { version } = await this.state(regionCode);
    const facts = requestFacts(principal, { policyVersion: `${regionCode}-${version + 1}` });
    const result = await runCommand(
      this.store,
      regionPolicyDecider,
      { type: 'PublishRegionPolicy', regionCode, ...lines, actor: facts.actor, now: facts.now },
      {
        streamId: policyStreamId(regionCode),
        streamType: 'policy',
        metadata: facts.metadata,
        ifMatch: ifMatch ?? version,
      },
    );
    return { policy: policyInForce(result.state), version: result.version };
  }

  private async state(
    regionCode: string,
    tx?: EntityManager,
  ): Promise<{ state: RegionPolicyState; version: number }> {
    const { state, version } = await loadState(this.store, regionPolicyDecider, policyStreamId(regionCode), {
      tx,
    });
    return { state, version };
  }
}
