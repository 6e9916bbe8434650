import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { applyRatioBp } from '@union/kernel';
import { loadState, type EventStore } from '@union/event-store';
import {
  DEFAULT_POLICY,
  policyInForce,
  policyStreamId,
  regionPolicyDecider,
  type RegionPolicy,
  type RegionPolicyEvent,
  type RegionPolicyState,
} from '@union/hardship-cases/domain';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, requestFacts, runCommand } from '@union/runtime';

/** A region's policy as the API shows it, with the stream version for `ETag`. */
export interface RegionPolicyAnswer {
  policy: RegionPolicy;
  /** The region's publications so far (0: the default policy applies). */
  version: number;
}

/** One publication of a region's policy, with the relative line it gives. */
export interface PolicyVersionView {
  readonly version: number;
  readonly policyVersion: string;
  readonly minimumLivingStandardFen: number;
  readonly relativeMultiplierBp: number;
  /** `floor(L * relativeMultiplierBp / 10000)`, the line the tier rule applies. */
  readonly relativeLineFen: number;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** A region with its own policy: the version in force, and every version, newest first. */
export interface RegionPolicyListItem extends PolicyVersionView {
  readonly regionCode: string;
  readonly history: readonly PolicyVersionView[];
}

/** `GET /policies/regions`: the default policy and the regions that published their own. */
export interface RegionPolicyList {
  readonly default: Omit<PolicyVersionView, 'version' | 'publishedBy' | 'publishedAt'> & {
    readonly regionCode: string;
  };
  readonly items: readonly RegionPolicyListItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

interface VersionRow {
  region_code: string;
  version: number;
  policy_version: string;
  minimum_living_standard_fen: string;
  relative_multiplier_bp: number;
  published_by: string;
  published_at: string;
}

const versionView = (r: VersionRow): PolicyVersionView => {
  const minimumLivingStandardFen = Number(r.minimum_living_standard_fen);
  return {
    version: r.version,
    policyVersion: r.policy_version,
    minimumLivingStandardFen,
    relativeMultiplierBp: r.relative_multiplier_bp,
    relativeLineFen: applyRatioBp(minimumLivingStandardFen, r.relative_multiplier_bp),
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
};

/** The policy stream of each region: what applies there, and admins' publications. */
@Injectable()
export class RegionPolicies {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /**
   * The regions that published a policy, by region code, each with its history (from the
   * `region_policy_version` read model), and the default policy every other region uses.
   */
  async list(query: { page: number; pageSize: number }): Promise<RegionPolicyList> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(DISTINCT region_code)::int AS total FROM region_policy_version`,
    );
    const rows = await this.dataSource.query<VersionRow[]>(
      `SELECT v.* FROM region_policy_version v
       WHERE v.region_code IN (SELECT DISTINCT region_code FROM region_policy_version
                               ORDER BY region_code LIMIT $1 OFFSET $2)
       ORDER BY v.region_code, v.version DESC`,
      [query.pageSize, (query.page - 1) * query.pageSize],
    );
    const items: RegionPolicyListItem[] = [];
    for (const row of rows) {
      const last = items[items.length - 1];
      if (last?.regionCode === row.region_code) {
        (last.history as PolicyVersionView[]).push(versionView(row));
      } else {
        const current = versionView(row);
        items.push({ regionCode: row.region_code, ...current, history: [current] });
      }
    }
    const { regionCode, minimumLivingStandardFen, relativeMultiplierBp, policyVersion } = DEFAULT_POLICY;
    return {
      default: {
        regionCode,
        minimumLivingStandardFen,
        relativeMultiplierBp,
        relativeLineFen: applyRatioBp(minimumLivingStandardFen, relativeMultiplierBp),
        policyVersion,
      },
      items,
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The policy in force in a region: its latest publication, or the default. */
  async inForce(regionCode: string, tx?: EntityManager): Promise<RegionPolicy> {
    return policyInForce((await this.state(regionCode, tx)).state);
  }

  /**
   * The policy a decision names in its `policyVersion`: the built-in default, or the publication
   * `<regionCode>-<n>` read from the region's stream up to version n; null for another name.
   */
  async decidedUnder(policyVersion: string): Promise<RegionPolicy | null> {
    if (policyVersion === DEFAULT_POLICY.policyVersion) return DEFAULT_POLICY;
    const named = /^(\d{6})-([1-9]\d*)$/.exec(policyVersion);
    if (!named) return null;
    const events = await this.store.readStream(policyStreamId(named[1]), { toVersion: Number(named[2]) });
    const state = events.reduce(
      (s, e) => regionPolicyDecider.evolve(s, { type: e.type, data: e.data } as RegionPolicyEvent),
      regionPolicyDecider.initialState(),
    );
    return state.publications === Number(named[2]) ? policyInForce(state) : null;
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
