import { progressReporter } from '@union/event-store';
import { usageError, type CliIo } from './cli-io';
import type { ServiceName, VerifyAnswer } from './audit-types';
import type { GatewayClient } from './gateway-client';

export interface VerifyOptions {
  from?: number;
  to?: number;
  /** Positions per request (default 250,000): each is one verify call to the service. */
  pageSize: number;
  /** `sealId:hash` of a seal kept from an earlier run: every page fails unless it is unchanged. */
  anchor?: string;
}

export interface ServiceVerification {
  service: ServiceName;
  valid: boolean;
  checked: number;
  sealsChecked: number;
  pages: number;
  /** The first break, as the service named it (chain or seal). */
  firstInvalid?: VerifyAnswer['firstInvalid'];
  firstInvalidSeal?: VerifyAnswer['seals']['firstInvalid'];
  /** The log's newest seal, to keep outside the database and pass as `--anchor` later. */
  newestSeal?: VerifyAnswer['seals']['newest'];
}

/**
 * Verifies one service's log in position ranges of `pageSize`, stopping at the first break.
 * Without `--to` the end is unknown: after the first empty range one open-ended request checks
 * whatever lies beyond (a gap in positions cannot end the run early). Each page asks the service
 * to widen it to whole seals (`wholeSeals=true`), so a seal straddling two pages is still checked
 * whole; the next page starts after what the service actually checked.
 */
export async function verifyService(
  client: GatewayClient,
  io: CliIo,
  service: ServiceName,
  options: VerifyOptions,
): Promise<ServiceVerification> {
  const from = options.from ?? 1;
  if (options.to !== undefined && options.to < from) throw usageError('--to must not be below --from.');
  const result: ServiceVerification = { service, valid: true, checked: 0, sealsChecked: 0, pages: 0 };
  const progress = progressOf(io, service, from, options.to);
  for (let start = from; ;) {
    const last =
      options.to === undefined
        ? start + options.pageSize - 1
        : Math.min(options.to, start + options.pageSize - 1);
    let page = await ask(client, service, start, last, options.anchor);
    if (page.checked === 0 && page.seals.checked === 0 && page.valid && options.to === undefined) {
      page = await ask(client, service, start, undefined, options.anchor); // the tail, whatever its size
      add(result, page);
      progress(result.checked, last, true);
      return result;
    }
    add(result, page);
    const checkedTo = Math.max(last, page.verifiedRange?.toPosition ?? last);
    const done = !page.valid || (options.to !== undefined && checkedTo >= options.to);
    progress(result.checked, Math.min(checkedTo, options.to ?? checkedTo), done);
    if (done) return result;
    start = checkedTo + 1;
  }
}

function ask(
  client: GatewayClient,
  service: ServiceName,
  from: number,
  to: number | undefined,
  anchor: string | undefined,
): Promise<VerifyAnswer> {
  const range =
    `fromPosition=${from}${to === undefined ? '' : `&toPosition=${to}`}&wholeSeals=true` +
    (anchor === undefined ? '' : `&anchor=${anchor}`);
  return client.get<VerifyAnswer>(`/api/v1/audit/${service}/verify?${range}`);
}

function add(result: ServiceVerification, page: VerifyAnswer): void {
  result.pages += 1;
  result.checked += page.checked;
  result.sealsChecked += page.seals.checked;
  if (page.seals.newest) result.newestSeal = page.seals.newest;
  if (page.valid) return;
  result.valid = false;
  result.firstInvalid = page.firstInvalid;
  result.firstInvalidSeal = page.seals.firstInvalid;
}

/** A bar over the positions when the range's end is known; otherwise a running count. */
function progressOf(
  io: CliIo,
  service: ServiceName,
  from: number,
  to: number | undefined,
): (checked: number, upTo: number, done: boolean) => void {
  const write = (text: string) => io.err(text);
  const stream = { isTTY: io.isTty, write } as unknown as NodeJS.WriteStream;
  if (to !== undefined) {
    const bar = progressReporter(`verify ${service} positions`, to - from + 1, stream);
    return (_checked, upTo) => bar(Math.min(upTo, to) - from + 1);
  }
  const started = Date.now();
  return (checked, upTo, done) => {
    const rate = Math.round(checked / Math.max((Date.now() - started) / 1000, 0.001));
    const text = `verify ${service}: ${checked} events checked (positions ${from}..${upTo}) ${rate}/s`;
    if (io.isTty) write(`\r${text}${done ? '\n' : ''}`);
    else write(`${text}\n`);
  };
}

/** One line per service for people, then the first break in full. */
export function describe(v: ServiceVerification): string {
  const head = `${v.service}: ${v.valid ? 'valid' : 'INVALID'}: ${v.checked} events and ${v.sealsChecked} seals checked in ${v.pages} range(s)`;
  if (v.valid) {
    const seal = v.newestSeal;
    if (!seal) return `${head}\n`;
    return `${head}\n  newest seal ${seal.sealId}:${seal.hash}\n  (keep it outside the database; verify --anchor ${seal.sealId}:${seal.hash} later fails if the log up to it was rewritten)\n`;
  }
  const lines = [head];
  if (v.firstInvalid) {
    const f = v.firstInvalid;
    lines.push(
      `  first break at position ${f.globalPosition} (${f.streamId} version ${f.version}): ${f.reason}`,
    );
  }
  if (v.firstInvalidSeal) {
    const s = v.firstInvalidSeal;
    lines.push(`  seal ${s.sealId} (up to position ${s.globalPosition}): ${s.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
