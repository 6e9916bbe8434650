import { ProxyService } from '../proxy/proxy.service';

/**
 * How long a unit's path is kept: at most 2 s. The gateway's unit check is only the first line
 * (every service checks again against its own copy of the tree), so a path a move has just made
 * stale can, for these 2 s, let through a request the service then refuses, or refuse one the
 * service would take. Long enough to spare the organisation service a call per request under
 * load (a worklist page and its follow-ups name the same units); short enough that a move is
 * seen at the gateway about as soon as the services' projections have it.
 */
export const UNIT_PATH_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Cached {
  path: string[];
  until: number;
}

/**
 * A unit's path from the root (itself last), as the organisation service answers
 * `GET /api/v1/org/units/{orgId}`, with the caller's token. A unit it does not know (404) is a
 * tree of its own, `[unitId]`, as everywhere. When the organisation service cannot answer, the
 * path is `[unitId]` too, uncached: the check then admits only the units named in the token, no
 * more than before the tree existed.
 */
export class UnitPaths {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly proxy: ProxyService,
    private readonly now: () => number = Date.now,
  ) {}

  async pathOf(unitId: string, authorization: string | undefined): Promise<string[]> {
    const cached = this.cache.get(unitId);
    if (cached && cached.until > this.now()) return cached.path;
    let path: string[] | null;
    try {
      path = await this.fetch(unitId, authorization);
    } catch {
      path = null;
    }
    if (path === null) return [unitId];
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(unitId, { path, until: this.now() + UNIT_PATH_TTL_MS });
    return path;
  }

  /** The path, `[unitId]` for a 404, or null when the answer says nothing about the tree. */
  private async fetch(unitId: string, authorization: string | undefined): Promise<string[] | null> {
    const answer = await this.proxy.getJson(
      'organisation',
      `/api/v1/org/units/${encodeURIComponent(unitId)}`,
      authorization ? { authorization } : {},
    );
    if (answer.status === 404) return [unitId];
    if (answer.status !== 200) return null;
    const path = (answer.body as { path?: unknown } | null)?.path;
    return isPath(path) && path.at(-1) === unitId ? path : null;
  }
}

const isPath = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');
