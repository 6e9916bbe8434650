import { Injectable } from '@nestjs/common';
import { maskIdNumber, maskIdNumbersIn, type IdNumber } from '@union/kernel';
import { ProblemException } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';

/** One programme's part of the view: its answer, or why it is missing. */
export type ProgrammePart =
  | { readonly available: true; readonly records: unknown }
  | { readonly available: false; readonly detail: string };

/** `GET /api/v1/people/{idNumber}`: one person across the three programmes. */
export interface PersonView {
  readonly idNumberMasked: string;
  readonly hardship: ProgrammePart;
  readonly grants: ProgrammePart;
  readonly medicalAid: ProgrammePart;
}

/**
 * Each service's per-person route. The services serve it under their own prefix; until one does,
 * its 404 reads as "no records there" rather than an error, so the view degrades gracefully.
 */
const SOURCES: readonly {
  part: keyof Omit<PersonView, 'idNumberMasked'>;
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
 * The identity number only ever leaves masked: the services' answers are masked again.
 */
@Injectable()
export class PersonViewService {
  constructor(private readonly proxy: ProxyService) {}

  async view(idNumber: IdNumber, authorization: string): Promise<PersonView> {
    const results = await Promise.allSettled(
      SOURCES.map((s) =>
        this.proxy.getJson(s.upstream, `${s.path}${encodeURIComponent(idNumber)}`, { authorization }),
      ),
    );
    const parts = SOURCES.map((source, i): [string, ProgrammePart] => [
      source.part,
      partOf(results[i], source.upstream),
    ]);
    return {
      idNumberMasked: maskIdNumber(idNumber),
      ...(Object.fromEntries(parts) as Omit<PersonView, 'idNumberMasked'>),
    };
  }
}

function partOf(
  result: PromiseSettledResult<{ status: number; body: unknown }>,
  upstream: UpstreamName,
): ProgrammePart {
  if (result.status === 'rejected') {
    const detail =
      result.reason instanceof ProblemException
        ? result.reason.body.detail
        : `The ${upstream} service gave an answer the gateway could not read.`;
    return { available: false, detail };
  }
  const { status, body } = result.value;
  if (status === 404) return { available: true, records: [] };
  if (status >= 200 && status < 300) return { available: true, records: masked(body) };
  return { available: false, detail: `The ${upstream} service answered ${status}.` };
}

/** Masks any identity number a service may have left in its answer. */
function masked(body: unknown): unknown {
  return JSON.parse(maskIdNumbersIn(JSON.stringify(body ?? null))) as unknown;
}
