import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The module boundaries are enforced, not only declared: a domain library that imports Nest, or
 * a service that imports another service, fails `eslint` (as `npm run lint` runs it).
 */
describe('Nx module boundaries', () => {
  const root = join(__dirname, '..');
  const probes: string[] = [];
  const lint = (relative: string, source: string) => {
    const file = join(root, relative);
    writeFileSync(file, source);
    probes.push(file);
    return spawnSync(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--no-cache', relative],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
  };

  beforeAll(() => {
    // The rule reads Nx's project graph; computing it first is what `npm run lint` does too.
    execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  });
  afterAll(() => probes.forEach((f) => rmSync(f, { force: true })));

  it('refuses @nestjs/*, typeorm, pg and kafkajs in domain code', () => {
    const result = lint(
      'libs/hardship-cases/domain/src/boundary-probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { Kafka } from 'kafkajs';\nexport const probe = [Injectable, Kafka];\n",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'A project tagged with "type:domain" is not allowed to import "@nestjs/common"',
    );
    expect(result.stdout).toContain('is not allowed to import "kafkajs"');
  });

  it('refuses one service scope importing another', () => {
    const result = lint(
      'libs/education-grants/domain/src/boundary-probe.ts',
      "import { caseDecider } from '@union/hardship-cases/domain';\nexport const probe = caseDecider;\n",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /scope:education-grants.*can only depend on libs tagged with.*scope:education-grants/s,
    );
  });

  it('refuses a lower layer importing a higher one (core importing infrastructure)', () => {
    // Most upward imports are also cycles, which the rule reports first; the event store imports
    // only the kernel, so contracts (core) importing it (infrastructure) is not one.
    const result = lint(
      'libs/core/contracts/src/boundary-probe.ts',
      "import { EventStore } from '@union/event-store';\nexport const probe = EventStore;\n",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/layer:core.*can only depend on libs tagged with.*layer:core/s);
  });
});
