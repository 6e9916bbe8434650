import { Injectable } from '@nestjs/common';
import { maskIdNumbersIn } from '@union/kernel';
import { ProblemException, type Principal } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';

/** The kinds of decision the inbox offers, one per programme's pending list. */
export type ApprovalKind = 'assistance' | 'application' | 'claim' | 'holidayBatch';

/** One decision waiting for the caller, with the record its service listed (what the decision needs). */
export interface ApprovalItem {
  readonly kind: ApprovalKind;
  readonly id: string;
  readonly submittedBy: string;
  /** An instant; a date (`YYYY-MM-DD`) for assistance recorded before instants were kept. */
  readonly submittedAt: string;
  readonly unitId: string;
  /** What the decision is about, in fen: the assistance, the grant, the claim's payout, the batch's total. */
  readonly amountFen: number;
  readonly record: Record<string, unknown>;
}

/** One programme's pending list: how many wait for the caller and how many are in `items`, or why it is missing. */
export type ApprovalSection =
  | { readonly available: true; readonly total: number; readonly shown: number }
  | { readonly available: false; readonly detail: string };

/** `GET /api/v1/approvals`. */
export interface ApprovalInbox {
  readonly items: readonly ApprovalItem[];
  readonly sections: Readonly<Record<ApprovalKind, ApprovalSection>>;
}

type Json = Record<string, unknown>;

interface Source {
  readonly kind: ApprovalKind;
  readonly upstream: UpstreamName;
  /** The service's list and the status of what waits for a decision there. */
  readonly path: string;
  readonly status: string;
  readonly id: (r: Json) => unknown;
  /** Who submitted it: the one person who may not decide it (four eyes). */
  readonly submittedBy: (r: Json) => unknown;
  readonly submittedAt: (r: Json) => unknown;
  readonly unitId: (r: Json) => unknown;
  readonly amountFen: (r: Json) => unknown;
}

const field = (r: Json, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Json)[k] : undefined), r);

/** Each programme's list of what waits for a reviewer (the services check roles and units). */
const SOURCES: readonly Source[] = [
  {
    kind: 'assistance',
    upstream: 'hardship-cases',
    path: '/api/v1/hardship/assistance',
    status: 'pending_approval',
    id: (r) => r.assistanceId,
    submittedBy: (r) => r.recordedBy,
    submittedAt: (r) => r.recordedAt ?? r.recordedOn,
    unitId: (r) => field(r, 'case', 'unitId'),
    amountFen: (r) => r.amountFen,
  },
  {
    kind: 'application',
    upstream: 'education-grants',
    path: '/api/v1/grants/applications',
    status: 'submitted',
    id: (r) => r.applicationId,
    submittedBy: (r) => r.submittedBy,
    submittedAt: (r) => r.submittedAt,
    unitId: (r) => r.unitId,
    amountFen: (r) => r.amountFen,
  },
  {
    kind: 'claim',
    upstream: 'medical-aid',
    path: '/api/v1/medical-aid/claims',
    status: 'submitted',
    id: (r) => r.claimId,
    submittedBy: (r) => r.submittedBy,
    submittedAt: (r) => r.submittedAt,
    unitId: (r) => r.unitId,
    amountFen: (r) => field(r, 'quote', 'payoutFen'),
  },
  {
    kind: 'holidayBatch',
    upstream: 'hardship-cases',
    path: '/api/v1/hardship/holiday-batches',
    status: 'draft',
    id: (r) => r.batchId,
    submittedBy: (r) => r.preparedBy,
    submittedAt: (r) => r.preparedAt,
    unitId: (r) => r.orgId,
    amountFen: (r) => field(r, 'totals', 'totalFen'),
  },
];

const CAMPAIGN_FIELDS = [
  'campaignId',
  'name',
  'year',
  'status',
  'budgetFen',
  'reservedFen',
  'disbursedFen',
  'remainingFen',
];

/**
 * The reviewer's approvals inbox (CONSOLE.md, reviewer): what waits for a decision in every
 * programme, asked of each service at once with the caller's token, so each applies its own role
 * and unit rules. FOUR EYES, here and only here: the inbox never offers what the caller submitted.
 * Each list is asked to leave out the caller's own (`submittedByNot`, in SQL, so totals and pages
 * are exact), and anything a service still answered as the caller's is dropped here. Deciding
 * stays on each programme's route, where the service refuses its submitter (403 SAME_ACTOR).
 * A programme whose service fails is marked unavailable; the others are still offered.
 */
@Injectable()
export class ApprovalsInboxService {
  constructor(private readonly proxy: ProxyService) {}

  async inbox(principal: Principal, authorization: string, pageSize: number): Promise<ApprovalInbox> {
    const headers = { authorization };
    const results = await Promise.allSettled(
      SOURCES.map((s) => {
        const query = new URLSearchParams({
          status: s.status,
          submittedByNot: principal.sub,
          pageSize: String(pageSize),
        });
        return this.proxy.getJson(s.upstream, `${s.path}?${query.toString()}`, headers);
      }),
    );
    const items: ApprovalItem[] = [];
    const sections = {} as Record<ApprovalKind, ApprovalSection>;
    SOURCES.forEach((source, i) => {
      const page = pageOf(results[i], source.upstream);
      if (!page.ok) {
        sections[source.kind] = { available: false, detail: page.detail };
        return;
      }
      const offered = page.items.map((r) => itemOf(source, r)).filter((it) => it !== null);
      // The caller's own never reach the inbox, whatever a service answered.
      const own = offered.filter((it) => it.submittedBy === principal.sub).length;
      const mine = offered.filter((it) => it.submittedBy !== principal.sub);
      items.push(...mine);
      sections[source.kind] = { available: true, total: Math.max(0, page.total - own), shown: mine.length };
    });
    await this.withCampaigns(items, headers);
    items.sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
    return { items, sections };
  }

  /**
   * An application's decision needs its campaign's budget (approval reserves the grant, refused
   * when the remaining budget cannot cover it): each campaign is asked once, with the caller's
   * token; `campaign` is null when it could not be read.
   */
  private async withCampaigns(items: ApprovalItem[], headers: Record<string, string>): Promise<void> {
    const applications = items.filter((it) => it.kind === 'application');
    const ids = [
      ...new Set(applications.map((it) => it.record.campaignId).filter((id) => typeof id === 'string')),
    ];
    const answers = await Promise.allSettled(
      ids.map((id) =>
        this.proxy.getJson('education-grants', `/api/v1/grants/campaigns/${encodeURIComponent(id)}`, headers),
      ),
    );
    const campaigns = new Map<string, Json>();
    ids.forEach((id, i) => {
      const answer = answers[i];
      if (answer.status === 'fulfilled' && answer.value.status === 200 && isJson(answer.value.body)) {
        const body = answer.value.body;
        campaigns.set(id, Object.fromEntries(CAMPAIGN_FIELDS.map((k) => [k, body[k]])));
      }
    });
    for (const it of applications) {
      (it.record as Json).campaign = campaigns.get(String(it.record.campaignId)) ?? null;
    }
  }
}

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

type PageAnswer = { ok: true; items: Json[]; total: number } | { ok: false; detail: string };

function pageOf(
  result: PromiseSettledResult<{ status: number; body: unknown }>,
  upstream: UpstreamName,
): PageAnswer {
  if (result.status === 'rejected') {
    const detail =
      result.reason instanceof ProblemException
        ? result.reason.body.detail
        : `The ${upstream} service gave an answer the gateway could not read.`;
    return { ok: false, detail };
  }
  const { status, body } = result.value;
  const items = isJson(body) ? body.items : undefined;
  const total = isJson(body) ? body.total : undefined;
  if (status !== 200 || !Array.isArray(items) || typeof total !== 'number') {
    return { ok: false, detail: `The ${upstream} service answered ${status}.` };
  }
  // Identity numbers leave the gateway masked, whatever a service answered.
  const masked = JSON.parse(maskIdNumbersIn(JSON.stringify(items))) as unknown[];
  return { ok: true, items: masked.filter(isJson), total };
}

function itemOf(source: Source, record: Json): ApprovalItem | null {
  const id = source.id(record);
  const submittedBy = source.submittedBy(record);
  const submittedAt = source.submittedAt(record);
  const unitId = source.unitId(record);
  const amountFen = source.amountFen(record);
  // A record the gateway cannot place (who submitted it) is never offered: four eyes needs the submitter.
  if (
    typeof id !== 'string' ||
    typeof submittedBy !== 'string' ||
    typeof submittedAt !== 'string' ||
    typeof unitId !== 'string' ||
    typeof amountFen !== 'number'
  ) {
    return null;
  }
  return { kind: source.kind, id, submittedBy, submittedAt, unitId, amountFen, record };
}
