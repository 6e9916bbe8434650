// Builds the console (apps/console/dist) with Vite. `--if-stale`: only when the build is missing
// or its sources changed since (a hash of apps/console, the browser kernel entry and the
// lockfile, kept in dist/.build-hash), so `npm start` builds it once and then starts at once.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const app = join(root, 'apps', 'console');
const dist = join(app, 'dist');
const stampFile = join(dist, '.build-hash');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ['dist', 'e2e', 'node_modules'].includes(e.name) ? [] : filesUnder(path);
    return e.isFile() && !/\.spec\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(app),
    ...filesUnder(join(root, 'libs', 'core', 'kernel', 'src')),
    join(root, 'package-lock.json'),
  ].sort();
  for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

const hash = sourceHash();
const fresh =
  existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
if (process.argv.includes('--if-stale') && fresh) process.exit(0);
process.stdout.write('Building the console (apps/console, Vite)…\n');
const started = Date.now();
execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(app, 'vite.config.mjs')],
  {
    cwd: root,
    stdio: process.argv.includes('--quiet') ? 'ignore' : 'inherit',
  },
);
writeFileSync(stampFile, hash);
process.stdout.write(
  `Console built in ${Date.now() - started} ms (${statSync(join(dist, 'index.html')).size} B index.html).\n`,
);
