import { parseArgs } from 'node:util';
import { parseSealAnchor } from '@union/event-store';
import { CliError, EXIT, processIo, usageError, type CliIo } from './audit/cli-io';
import { SERVICES, serviceArg } from './audit/audit-types';
import { checkExport, exportStream } from './audit/export';
import { connect } from './audit/gateway-client';
import { rebuildCompare } from './audit/rebuild';
import { acrossServices, history, state } from './audit/records';
import { describe, verifyService } from './audit/verify';

const USAGE = `npm run audit -- <command> [--json] [--dev-login]

  history <service> <streamId>                         every event with actor, correlation, cause, policy, hashes
  state <service> <streamId> --as-of <instant> | --version <N>
                                                       the record as it was then
  verify [<service>|all] [--from N --to N] [--page-size N] [--anchor <sealId>:<hash>]
                                                       hash chain and seals; exit 0 only when all is valid;
                                                       prints the newest seal to keep, --anchor checks a kept one
  timeline <idNumber>                                  a person's events in all three services
  trace <correlationId>                                one chain of causes across the services
  rebuild --compare <service>|all                      rebuild read models into a shadow copy and compare (admin)
  export <service> <streamId> --out <dir>              the history as JSON and CSV with hashes
  check-export <file.json>                             recompute every hash of an export, offline

services: ${SERVICES.join(', ')}
AUDIT_GATEWAY_URL (default http://127.0.0.1:3000); AUDIT_TOKEN, or --dev-login on the embedded platform.
exit codes: 0 ok, 1 a check failed, 2 usage, 3 the API failed
`;

const OPTIONS = {
  json: { type: 'boolean' },
  'dev-login': { type: 'boolean' },
  compare: { type: 'boolean' },
  help: { type: 'boolean' },
  'as-of': { type: 'string' },
  version: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'page-size': { type: 'string' },
  anchor: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Runs one CLI command; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return parseError ? EXIT.usage : EXIT.apiFailed;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  const [command, ...args] = positionals;
  if (o.help || !command) {
    io.out(USAGE);
    return o.help ? EXIT.ok : EXIT.usage;
  }
  const json = o.json ?? false;
  const devLogin = o['dev-login'] ?? false;
  if (command === 'check-export') {
    if (!args[0]) throw usageError('check-export <file.json>');
    return (await checkExport(io, args[0], json)) ? EXIT.ok : EXIT.checkFailed;
  }
  const admin = command === 'rebuild';
  // Connected only once the arguments are known good: a usage error needs no token.
  const gateway = () => connect(io, { devLogin, roles: admin ? ['admin'] : ['auditor'] });
  const need = (n: number, usage: string) => {
    if (args.length < n) throw usageError(`usage: npm run audit -- ${usage}`);
  };
  switch (command) {
    case 'history':
      need(2, 'history <service> <streamId>');
      await history(await gateway(), io, serviceArg(args[0]), args[1], json);
      return EXIT.ok;
    case 'state':
      need(2, 'state <service> <streamId> --as-of <instant> | --version <N>');
      await state(
        await gateway(),
        io,
        serviceArg(args[0]),
        args[1],
        { asOf: o['as-of'], version: o.version },
        json,
      );
      return EXIT.ok;
    case 'timeline':
      need(1, 'timeline <idNumber>');
      await acrossServices(await gateway(), io, { kind: 'timeline', idNumber: args[0] }, json);
      return EXIT.ok;
    case 'trace':
      need(1, 'trace <correlationId>');
      await acrossServices(await gateway(), io, { kind: 'trace', correlationId: args[0] }, json);
      return EXIT.ok;
    case 'verify':
      return verify(gateway, io, args[0] ?? 'all', o, json);
    case 'rebuild': {
      if (!o.compare) throw usageError('rebuild only compares: rebuild --compare <service>|all');
      need(1, 'rebuild --compare <service>|all');
      const services = servicesOf(args[0]);
      const client = await gateway();
      let equal = true;
      for (const service of services)
        equal = (await rebuildCompare(client, io, service, json)).equal && equal;
      return equal ? EXIT.ok : EXIT.checkFailed;
    }
    case 'export':
      need(2, 'export <service> <streamId> --out <dir>');
      if (!o.out) throw usageError('export needs --out <dir>');
      await exportStream(await gateway(), io, serviceArg(args[0]), args[1], o.out);
      return EXIT.ok;
    default:
      throw usageError(`Unknown command ${command}.\n${USAGE}`);
  }
}

async function verify(
  gateway: () => ReturnType<typeof connect>,
  io: CliIo,
  which: string,
  o: { from?: string; to?: string; 'page-size'?: string; anchor?: string },
  json: boolean,
): Promise<number> {
  if (o.anchor !== undefined && parseSealAnchor(o.anchor) === null)
    throw usageError(`--anchor must be <sealId>:<64 hex digits>, as verify printed it (got ${o.anchor}).`);
  if (o.anchor !== undefined && which === 'all')
    throw usageError("--anchor is one service's seal: name the service.");
  const options = {
    from: positiveInt(o.from, '--from'),
    to: positiveInt(o.to, '--to'),
    pageSize: positiveInt(o['page-size'], '--page-size') ?? 250_000,
    anchor: o.anchor,
  };
  const services = servicesOf(which);
  const client = await gateway();
  const results = [];
  for (const service of services) {
    const result = await verifyService(client, io, service, options);
    results.push(result);
    if (!json) io.out(describe(result));
  }
  const valid = results.every((r) => r.valid);
  if (json) io.out(`${JSON.stringify({ valid, services: results }, null, 2)}\n`);
  return valid ? EXIT.ok : EXIT.checkFailed;
}

function servicesOf(which: string | undefined) {
  return which === 'all' ? [...SERVICES] : [serviceArg(which)];
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(value))
    throw usageError(`${flag} must be a positive whole number (got ${value}).`);
  return Number(value);
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
