import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventHash } from '@union/event-store';
import { exportFileBase, type AuditEvent, type StreamExport } from '@union/runtime';
import { CliError, EXIT, type CliIo } from './cli-io';
import type { ServiceName } from './audit-types';
import type { GatewayClient } from './gateway-client';

/**
 * `export <service> <streamId> --out <dir>`: the record's evidence files, JSON and CSV with every
 * hash, as the service's export route makes them (the console downloads the same files).
 */
export async function exportStream(
  client: GatewayClient,
  io: CliIo,
  service: ServiceName,
  streamId: string,
  outDir: string,
): Promise<{ json: string; csv: string }> {
  const route = `/api/v1/audit/${service}/streams/${encodeURIComponent(streamId)}/export`;
  const [json, csv] = await Promise.all([
    client.getText(`${route}?format=json`),
    client.getText(`${route}?format=csv`),
  ]);
  const doc = JSON.parse(json) as StreamExport;
  await mkdir(outDir, { recursive: true });
  const base = join(outDir, exportFileBase(service, streamId));
  const files = { json: `${base}.json`, csv: `${base}.csv` };
  await writeFile(files.json, `${JSON.stringify(doc, null, 2)}\n`);
  await writeFile(files.csv, csv);
  io.out(`${doc.events.length} events of ${service} ${streamId}\n  ${files.json}\n  ${files.csv}\n`);
  return files;
}

/**
 * `check-export <file.json>`: recomputes every hash with the event store's own `eventHash` and
 * checks each `prevHash` links to the event before, versions without gaps. Offline: no gateway.
 */
export async function checkExport(io: CliIo, file: string, json: boolean): Promise<boolean> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as Partial<StreamExport>;
  if (!Array.isArray(doc.events)) throw new CliError(`${file} is not an export (no events).`, EXIT.usage);
  const events = [...doc.events].sort((a, b) => a.version - b.version);
  let prev: AuditEvent | undefined;
  let problem: { version: number; globalPosition: number; reason: string } | undefined;
  for (const e of events) {
    const reason = breakOf(e, prev);
    if (reason) {
      problem = { version: e.version, globalPosition: e.globalPosition, reason };
      break;
    }
    prev = e;
  }
  if (json)
    io.out(
      `${JSON.stringify({ file, checked: events.length, valid: !problem, firstInvalid: problem }, null, 2)}\n`,
    );
  else if (problem) {
    io.out(
      `${file}: INVALID at version ${problem.version} (position ${problem.globalPosition}): ${problem.reason}\n`,
    );
  } else
    io.out(
      `${file}: valid: ${events.length} events of ${doc.service ?? ''} ${doc.streamId ?? ''}, every hash recomputed\n`,
    );
  return !problem;
}

function breakOf(e: AuditEvent, prev: AuditEvent | undefined): string | null {
  const expectedVersion = prev ? prev.version + 1 : e.version;
  if (e.version !== expectedVersion) return `version ${expectedVersion} is missing`;
  if (prev && e.prevHash !== prev.hash) return 'prevHash does not match the previous event';
  if (!prev && e.version === 1 && e.prevHash !== null) return 'the first event has a prevHash';
  if (e.personRef === undefined) return 'the export lacks personRef, which the hash covers';
  const hash = eventHash(e.prevHash, { ...e, personRef: e.personRef });
  return hash === e.hash ? null : 'hash does not match the event content (altered)';
}
