import type { CliIo } from './cli-io';
import type { RebuildAnswer, ServiceName } from './audit-types';
import type { GatewayClient } from './gateway-client';
import { table } from './table';

/**
 * `rebuild --compare <service>`: the service rebuilds every read model into a shadow copy from
 * its log and compares it with the live rows (which it leaves alone). Admin only.
 */
export async function rebuildCompare(
  client: GatewayClient,
  io: CliIo,
  service: ServiceName,
  json: boolean,
): Promise<RebuildAnswer> {
  io.err(`rebuild-compare ${service}: rebuilding the read models from the log…\n`);
  const answer = await client.post<RebuildAnswer>(`/api/v1/audit/${service}/rebuild-compare`);
  if (json) {
    io.out(`${JSON.stringify(answer, null, 2)}\n`);
    return answer;
  }
  io.out(
    `${service}: ${answer.equal ? 'EQUAL' : 'DIFFERENT'}: ${answer.events} events replayed in ${answer.seconds}s (${Math.round(answer.eventsPerSecond)}/s)\n`,
  );
  io.out(
    table(
      ['table', 'live', 'rebuilt', 'missing', 'extra', 'differing'],
      answer.tables.map((t) => [t.table, t.liveRows, t.rebuiltRows, t.missing, t.extra, t.differing]),
    ),
  );
  for (const t of answer.tables.filter((x) => x.samples.length > 0)) {
    io.out(`${t.table}: ${t.samples.map((s) => JSON.stringify(s)).join('\n  ')}\n`);
  }
  return answer;
}
