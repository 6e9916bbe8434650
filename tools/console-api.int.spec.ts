import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The console's API types are generated, never written by hand (CONSOLE.md): a change of the
// gateway's document without `npm run console:api` fails here. The generator runs as its own
// process (openapi-typescript loads ES modules that jest's module system does not).
const root = join(__dirname, '..');
const schemaFile = join(root, 'apps', 'console', 'src', 'api', 'schema.d.ts');
const check = (file: string) =>
  spawnSync(process.execPath, ['-r', './tools/register.js', 'tools/console-api.ts', '--check', file], {
    cwd: root,
    encoding: 'utf8',
  });

describe("the console's generated API types", () => {
  it('are those of the gateway document as it is now', () => {
    const result = check(schemaFile);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const text = readFileSync(schemaFile, 'utf8');
    expect(text).toContain('"/api/v1/hardship/cases"');
    expect(text).toContain('CasePreview');
  });

  it('fails for a file that differs from the document by one character', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-api-'));
    try {
      const stale = join(dir, 'schema.d.ts');
      writeFileSync(stale, readFileSync(schemaFile, 'utf8').replace('CasePreview', 'CasePreviews'));
      const result = check(stale);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('npm run console:api');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
