import { parseArgs } from 'node:util';
import {
  adoptUnits,
  databaseVariable,
  gatewayOrgApi,
  legacyUnitIdsAt,
  UNIT_TABLES,
} from '@union/organisation/service';

const USAGE = `npm run org:adopt-units -- --parent <orgId> [--dev-login]

Makes every unit id the programmes' records name (read from their read models) a grass-roots node
of the union tree under <orgId>, unless the tree holds it already. Safe to run again.

  DATABASE_URL_HARDSHIP_CASES, DATABASE_URL_EDUCATION_GRANTS, DATABASE_URL_MEDICAL_AID
                 the databases to read (at least one)
  ORG_GATEWAY_URL  the gateway (default http://127.0.0.1:3000)
  ORG_TOKEN        an admin token, or --dev-login on the embedded platform
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { parent: { type: 'string' }, 'dev-login': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.parent) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const urls = Object.fromEntries(
    Object.keys(UNIT_TABLES).flatMap((s) => {
      const url = process.env[databaseVariable(s)];
      return url ? [[s, url]] : [];
    }),
  );
  if (Object.keys(urls).length === 0) {
    process.stderr.write(
      `Set at least one of ${Object.keys(UNIT_TABLES).map(databaseVariable).join(', ')}.\n`,
    );
    return 2;
  }
  const baseUrl = process.env.ORG_GATEWAY_URL ?? 'http://127.0.0.1:3000';
  let token = process.env.ORG_TOKEN;
  if (values['dev-login'] || !token) {
    if (!values['dev-login']) {
      process.stderr.write(
        'Set ORG_TOKEN to an admin token, or pass --dev-login on the embedded platform.\n',
      );
      return 2;
    }
    const res = await fetch(`${baseUrl}/api/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'org-adopt-units', roles: ['admin'], units: ['*'] }),
    });
    if (!res.ok) throw new Error(`dev-token: ${res.status} ${await res.text()}`);
    token = ((await res.json()) as { token: string }).token;
  }
  const report = await adoptUnits(gatewayOrgApi(baseUrl, token), values.parent, await legacyUnitIdsAt(urls));
  process.stdout.write(
    `created ${report.created.length}: ${report.created.join(', ') || '-'}\n` +
      `already in the tree ${report.present.length}: ${report.present.join(', ') || '-'}\n` +
      `not usable as node ids ${report.unusable.length}: ${report.unusable.join(', ') || '-'}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
