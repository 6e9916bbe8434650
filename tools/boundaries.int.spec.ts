import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Three files that break the boundaries, each in its own way: linted in one run of eslint. */
const PROBES = {
  domainImportsNest: {
    file: 'libs/hardship-cases/domain/src/boundary-probe.ts',
    source:
      "import { Injectable } from '@nestjs/common';\nimport { Kafka } from 'kafkajs';\nexport const probe = [Injectable, Kafka];\n",
  },
  scopeImportsScope: {
    file: 'libs/education-grants/domain/src/boundary-probe.ts',
    source:
      "import { caseDecider } from '@union/hardship-cases/domain';\nexport const probe = caseDecider;\n",
  },
  // Most upward imports are also cycles, which the rule reports first; the event store imports
  // only the kernel, so contracts (core) importing it (infrastructure) is not one.
  coreImportsInfrastructure: {
    file: 'libs/core/contracts/src/boundary-probe.ts',
    source: "import { EventStore } from '@union/event-store';\nexport const probe = EventStore;\n",
  },
} as const;

/**
 * The module boundaries are enforced, not only declared: a domain library that imports Nest, or
 * a service that imports another service, fails `eslint` (as `npm run lint` runs it).
 */
describe('Nx module boundaries', () => {
  const root = join(__dirname, '..');
  let status: number | null;
  const messages = new Map<string, string>();

  beforeAll(() => {
    // The rule reads Nx's project graph; computing it first is what `npm run lint` does too.
    execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    const probes = Object.values(PROBES);
    try {
      for (const p of probes) writeFileSync(join(root, p.file), p.source);
      const result = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules/eslint/bin/eslint.js'),
          '--no-cache',
          '--format',
          'json',
          ...probes.map((p) => p.file),
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      status = result.status;
      const report = JSON.parse(result.stdout) as { filePath: string; messages: { message: string }[] }[];
      for (const entry of report) {
        messages.set(entry.filePath, entry.messages.map((m) => m.message).join('\n'));
      }
    } finally {
      for (const p of probes) rmSync(join(root, p.file), { force: true });
    }
  });
  const of = (probe: keyof typeof PROBES) => messages.get(join(root, PROBES[probe].file)) ?? '';

  it('fails the lint run', () => expect(status).toBe(1));

  it('refuses @nestjs/*, typeorm, pg and kafkajs in domain code', () => {
    expect(of('domainImportsNest')).toContain(
      'A project tagged with "type:domain" is not allowed to import "@nestjs/common"',
    );
    expect(of('domainImportsNest')).toContain('is not allowed to import "kafkajs"');
  });

  it('refuses one service scope importing another', () => {
    expect(of('scopeImportsScope')).toMatch(
      /scope:education-grants.*can only depend on libs tagged with.*scope:education-grants/s,
    );
  });

  it('refuses a lower layer importing a higher one (core importing infrastructure)', () => {
    expect(of('coreImportsInfrastructure')).toMatch(
      /layer:core.*can only depend on libs tagged with.*layer:core/s,
    );
  });
});
