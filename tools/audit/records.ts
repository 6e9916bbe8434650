import type { CliIo } from './cli-io';
import { usageError } from './cli-io';
import type { AuditEvent, ServiceName } from './audit-types';
import type { GatewayClient } from './gateway-client';
import { short, table } from './table';

const enc = encodeURIComponent;

/** `history <service> <streamId>`: every event of the stream with who, why, policy and hashes. */
export async function history(
  client: GatewayClient,
  io: CliIo,
  service: ServiceName,
  streamId: string,
  json: boolean,
): Promise<void> {
  const answer = await client.get<{ events: AuditEvent[] }>(
    `/api/v1/audit/${service}/streams/${enc(streamId)}/events`,
  );
  if (json) return io.out(`${JSON.stringify(answer, null, 2)}\n`);
  io.out(`${service} ${streamId}: ${answer.events.length} events\n`);
  io.out(
    table(
      [
        'ver',
        'pos',
        'recordedAt',
        'type',
        'actor',
        'policy',
        'correlationId',
        'causationId',
        'prevHash',
        'hash',
      ],
      answer.events.map((e) => [
        e.version,
        e.globalPosition,
        e.recordedAt,
        e.type,
        e.metadata.actor,
        e.metadata.policyVersion,
        e.metadata.correlationId,
        e.metadata.causationId,
        short(e.prevHash),
        short(e.hash),
      ]),
    ),
  );
}

/** `state <service> <streamId> --as-of <instant> | --version N`: the record as it was then. */
export async function state(
  client: GatewayClient,
  io: CliIo,
  service: ServiceName,
  streamId: string,
  at: { asOf?: string; version?: string },
  json: boolean,
): Promise<void> {
  if ((at.asOf === undefined) === (at.version === undefined)) {
    throw usageError('state needs exactly one of --as-of <ISO instant> and --version <N>.');
  }
  const query = at.asOf !== undefined ? `asOf=${enc(at.asOf)}` : `asOfVersion=${enc(at.version ?? '')}`;
  const answer = await client.get<{
    streamType: string;
    version: number;
    recordedAt: string;
    state: unknown;
  }>(`/api/v1/audit/${service}/streams/${enc(streamId)}/state?${query}`);
  if (json) return io.out(`${JSON.stringify(answer, null, 2)}\n`);
  io.out(
    `${service} ${streamId} (${answer.streamType}) at version ${answer.version}, recorded ${answer.recordedAt}\n`,
  );
  io.out(`${JSON.stringify(answer.state, null, 2)}\n`);
}

/** `timeline <idNumber>` and `trace <correlationId>`: the merged events of the three services. */
export async function acrossServices(
  client: GatewayClient,
  io: CliIo,
  what: { kind: 'timeline'; idNumber: string } | { kind: 'trace'; correlationId: string },
  json: boolean,
): Promise<void> {
  const path =
    what.kind === 'timeline'
      ? `/api/v1/audit/people/${enc(what.idNumber)}/timeline`
      : `/api/v1/audit/trace/${enc(what.correlationId)}`;
  const answer = await client.get<{ idNumberMasked?: string; events: AuditEvent[] }>(path);
  if (json) return io.out(`${JSON.stringify(answer, null, 2)}\n`);
  const title =
    what.kind === 'timeline' ? `person ${answer.idNumberMasked ?? ''}` : `correlation ${what.correlationId}`;
  io.out(
    `${title}: ${answer.events.length} events in ${new Set(answer.events.map((e) => e.service)).size} services\n`,
  );
  io.out(
    table(
      [
        'recordedAt',
        'service',
        'stream',
        'ver',
        'type',
        'actor',
        'policy',
        what.kind === 'timeline' ? 'correlationId' : 'causationId',
        'summary',
      ],
      answer.events.map((e) => [
        e.recordedAt,
        e.service,
        e.streamId,
        e.version,
        e.type,
        e.metadata.actor,
        e.metadata.policyVersion,
        what.kind === 'timeline' ? e.metadata.correlationId : e.metadata.causationId,
        summary(e.data),
      ]),
    ),
  );
}

// What a family received and from where: the money and the deciding fields of an event, in one cell.
const SUMMARY_FIELDS = /(Fen|status|tier|kind|category|reason|source|level|paymentRef)$/;

function summary(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  return Object.entries(data)
    .filter(([key, value]) => SUMMARY_FIELDS.test(key) && (typeof value !== 'object' || value === null))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}
