import { Injectable } from '@nestjs/common';
import { maskIdNumber, maskIdNumbersIn, type IdNumber } from '@union/kernel';
import { ProblemException } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';

/** One programme's part of the view: its answer, or why it is missing. */
export type ProgrammePart =
  | { readonly available: true; readonly records: unknown }
  | { readonly available: false; readonly detail: string };

type Programme = 'hardship' | 'grants' | 'medicalAid';

/**
 * `GET /api/v1/people/{idNumber}`: one person across the three programmes, and what each paid
 * them this year (integer fen). A programme whose service could not answer counts as null, and
 * then so does the total: a partial sum is never shown as the total.
 */
export interface PersonView {
  readonly idNumberMasked: string;
  /** The full number, only on a read with a stated purpose (each service records it). */
  readonly idNumber?: string;
  readonly hardship: ProgrammePart;
  readonly grants: ProgrammePart;
  readonly medicalAid: ProgrammePart;
  readonly receivedThisYearFen: Readonly<Record<Programme | 'total', number | null>>;
}

/**
 * Each service's per-person route (`GET /api/v1/<prefix>/people/{idNumber}`), answering the
 * person's records there and `receivedThisYearFen`, filtered to the caller's units by the service.
 */
const SOURCES: readonly {
  part: Programme;
  upstream: UpstreamName;
  path: string;
}[] = [
  { part: 'hardship', upstream: 'hardship-cases', path: '/api/v1/hardship/people/' },
  { part: 'grants', upstream: 'education-grants', path: '/api/v1/grants/people/' },
  { part: 'medicalAid', upstream: 'medical-aid', path: '/api/v1/medical-aid/people/' },
];

/**
 * Asks the three services at once with the caller's token (so each applies its own unit rules);
 * a service that fails or times out is marked unavailable instead of failing the whole view.
 * The identity number only ever leaves masked: the services' answers are masked again, except
 * on a read with a stated `purpose` (DOMAIN.md §5), which is forwarded to each service: each
 * checks it, reveals what its own rules allow and records the read with the purpose.
 */
@Injectable()
export class PersonViewService {
  constructor(private readonly proxy: ProxyService) {}

  async view(idNumber: IdNumber, authorization: string, purpose: string | null = null): Promise<PersonView> {
    const query = purpose === null ? '' : `?purpose=${encodeURIComponent(purpose)}`;
    const results = await Promise.allSettled(
      SOURCES.map((s) =>
        this.proxy.getJson(s.upstream, `${s.path}${encodeURIComponent(idNumber)}${query}`, { authorization }),
      ),
    );
    const parts = Object.fromEntries(
      SOURCES.map((source, i) => [source.part, partOf(results[i], source.upstream, purpose !== null)]),
    ) as Record<Programme, ProgrammePart>;
    const received = Object.fromEntries(SOURCES.map(({ part }) => [part, receivedOf(parts[part])])) as Record<
      Programme,
      number | null
    >;
    const amounts = Object.values(received);
    return {
      idNumberMasked: maskIdNumber(idNumber),
      ...(purpose === null ? {} : { idNumber }),
      ...parts,
      receivedThisYearFen: {
        ...received,
        total: amounts.every((fen) => fen !== null) ? amounts.reduce((a, b) => a + b, 0) : null,
      },
    };
  }
}

/** A programme's `receivedThisYearFen`, when it answered one as a whole, non-negative fen. */
function receivedOf(part: ProgrammePart): number | null {
  if (!part.available) return null;
  const fen = (part.records as { receivedThisYearFen?: unknown } | null)?.receivedThisYearFen;
  return typeof fen === 'number' && Number.isSafeInteger(fen) && fen >= 0 ? fen : null;
}

function partOf(
  result: PromiseSettledResult<{ status: number; body: unknown }>,
  upstream: UpstreamName,
  revealing: boolean,
): ProgrammePart {
  if (result.status === 'rejected') {
    const detail =
      result.reason instanceof ProblemException
        ? result.reason.body.detail
        : `The ${upstream} service gave an answer the gateway could not read.`;
    return { available: false, detail };
  }
  const { status, body } = result.value;
  if (status >= 200 && status < 300) return { available: true, records: revealing ? body : masked(body) };
  return { available: false, detail: `The ${upstream} service answered ${status}.` };
}

/** Masks any identity number a service may have left in its answer. */
function masked(body: unknown): unknown {
  return JSON.parse(maskIdNumbersIn(JSON.stringify(body ?? null))) as unknown;
}
