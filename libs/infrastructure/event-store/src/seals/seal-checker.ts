import { createHash, type Hash } from 'node:crypto';
import { sealHash, type Seal } from './seal';

export interface SealBreak {
  sealId: number;
  globalPosition: number;
  reason: string;
}

export interface SealsReport {
  checked: number;
  valid: boolean;
  firstInvalid?: SealBreak;
  /**
   * The newest seal, once its chain checked out: an auditor who keeps `sealId:hash` outside the
   * database can later verify with it as an anchor (`VerifyRange.anchor`).
   */
  newest?: SealAnchor;
}

/** A seal as an auditor records it: its id and hash (which chains every seal and event before it). */
export interface SealAnchor {
  sealId: number;
  hash: string;
}

/** A seal anchor as written down and typed back: `<sealId>:<64 hex digits>`. */
export const SEAL_ANCHOR_TEXT = /^[1-9]\d{0,15}:[0-9a-f]{64}$/;

/** The anchor `text` names (checked against {@link SEAL_ANCHOR_TEXT}), or null. */
export function parseSealAnchor(text: string): SealAnchor | null {
  if (!SEAL_ANCHOR_TEXT.test(text)) return null;
  const [id, hash] = text.split(':');
  return { sealId: Number(id), hash };
}

interface Tally {
  seal: Seal;
  events: number;
  maxPosition: number;
  rolling: Hash;
}

/**
 * Checks the seals: their own chain (ids, links, hashes, counts), and, for each seal whose
 * events all lie in the verified position range, that the events still there are the ones sealed
 * (count, highest position, rolling hash). Rows are fed in global-position order, as sealed.
 */
export class SealChecker {
  private readonly horizons: bigint[];
  private readonly tallies: (Tally | null)[];
  private lastIndex = 0;

  constructor(
    private readonly seals: readonly Seal[],
    fromPosition: number,
    toPosition: number,
    private readonly anchor?: SealAnchor,
  ) {
    this.horizons = seals.map((s) => BigInt(s.horizon));
    this.tallies = seals.map((seal, i) =>
      seal.fromPosition >= fromPosition && seal.upToPosition <= toPosition
        ? {
            seal,
            events: 0,
            maxPosition: 0,
            rolling: createHash('sha256').update(i === 0 ? '' : seals[i - 1].rollingHash),
          }
        : null,
    );
  }

  /** One event row: which seal covers it (the first whose horizon is above its transaction). */
  add(transactionId: string, globalPosition: number, hash: string): void {
    const i = this.sealOf(BigInt(transactionId));
    const tally = i === null ? null : this.tallies[i];
    if (!tally) return;
    tally.events += 1;
    tally.maxPosition = Math.max(tally.maxPosition, globalPosition);
    tally.rolling.update(hash);
  }

  finish(): SealsReport {
    let checked = 0;
    for (let i = 0; i < this.seals.length; i++) {
      const reason = chainBreak(this.seals[i], i === 0 ? null : this.seals[i - 1]);
      const tally = this.tallies[i];
      const contentReason = reason ?? (tally ? contentBreak(tally) : null);
      if (contentReason) {
        const seal = this.seals[i];
        return {
          checked,
          valid: false,
          firstInvalid: { sealId: seal.sealId, globalPosition: seal.upToPosition, reason: contentReason },
        };
      }
      if (tally) checked += 1;
    }
    const anchorBreak = this.anchor ? this.anchorBreak(this.anchor) : null;
    if (anchorBreak) return { checked, valid: false, firstInvalid: anchorBreak };
    const newest = this.seals.at(-1);
    return {
      checked,
      valid: true,
      ...(newest ? { newest: { sealId: newest.sealId, hash: newest.hash } } : {}),
    };
  }

  /**
   * The seal chain checked out, so the log matches its own seals; an anchor kept outside the
   * database tells whether those seals are still the ones the auditor saw: a log rewritten with
   * recomputed hashes and re-sealed passes every other check, not this one.
   */
  private anchorBreak(anchor: SealAnchor): SealBreak | null {
    const seal = this.seals.find((s) => s.sealId === anchor.sealId);
    const last = this.seals.at(-1)?.upToPosition ?? 0;
    if (!seal) {
      return {
        sealId: anchor.sealId,
        globalPosition: last,
        reason: `the anchored seal ${anchor.sealId} is missing`,
      };
    }
    if (seal.hash !== anchor.hash) {
      return {
        sealId: seal.sealId,
        globalPosition: seal.upToPosition,
        reason: `seal ${seal.sealId} is not the anchored one: the log up to position ${seal.upToPosition} was rewritten and sealed again after the anchor was taken`,
      };
    }
    return null;
  }

  private sealOf(xid: bigint): number | null {
    const h = this.horizons;
    // Transactions mostly grow with positions: try the seal of the previous row first.
    const last = this.lastIndex;
    if (last < h.length && xid < h[last] && (last === 0 || xid >= h[last - 1])) return last;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xid < h[mid]) hi = mid;
      else lo = mid + 1;
    }
    if (lo === h.length) return null;
    this.lastIndex = lo;
    return lo;
  }
}

function chainBreak(seal: Seal, prev: Seal | null): string | null {
  const expectedId = (prev?.sealId ?? 0) + 1;
  if (seal.sealId !== expectedId) return `seal ${expectedId} is missing`;
  if (seal.prevSealId !== (prev?.sealId ?? null) || seal.prevHash !== (prev?.hash ?? null)) {
    return 'prev_hash does not match the previous seal';
  }
  if (sealHash(seal) !== seal.hash) return 'seal hash does not match its content (altered)';
  if (seal.eventCount !== (prev?.eventCount ?? 0) + seal.events) return 'seal count does not add up';
  if (prev && BigInt(seal.horizon) <= BigInt(prev.horizon)) return 'seal horizon does not advance';
  return null;
}

function contentBreak(t: Tally): string | null {
  const { seal } = t;
  const range = `positions ${seal.fromPosition}..${seal.upToPosition}`;
  if (t.maxPosition < seal.upToPosition) {
    return `the sealed event at position ${seal.upToPosition} is missing (${seal.events} sealed in ${range}, ${t.events} found: the newest events were removed)`;
  }
  if (t.events !== seal.events) {
    return `${seal.events} events sealed in ${range}, ${t.events} found (events were ${t.events < seal.events ? 'removed' : 'added'})`;
  }
  if (t.rolling.digest('hex') !== seal.rollingHash) {
    return `the rolling hash of ${range} does not match the seal (events altered or replaced)`;
  }
  return null;
}
