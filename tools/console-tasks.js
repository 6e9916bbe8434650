// `npm run test:console`: each task module of apps/console/e2e (the files console.browser.ts
// lists) on a platform of its own, one after another, so no module's data can move another's
// figures. Fails when any module fails. One module: `node -r ./tools/register.js <file>`.
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = readFileSync(join(root, 'apps/console/e2e/console.browser.ts'), 'utf8');
const modules = [...entry.matchAll(/^import '\.\/([\w.-]+)';$/gm)].map((m) => m[1]);
let failed = 0;
for (const name of modules) {
  const file = `apps/console/e2e/${name}.ts`;
  process.stdout.write(`\n# ${file}\n`);
  const run = spawnSync(process.execPath, ['-r', './tools/register.js', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.stdout.write(`\n# console task modules: ${modules.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 && modules.length > 0 ? 0 : 1);
