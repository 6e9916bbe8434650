import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces (or adds) one benchmark's section of BENCHMARKS.md, between markers, so each bench
 * updates its own figures and leaves the others alone.
 */
export function writeBenchmarkSection(
  name: string,
  command: string,
  body: string,
  file = 'BENCHMARKS.md',
): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${begin}\n## ${name}\n\nCommand: \`${command}\` — run ${new Date().toISOString()}\n\n${body}\n${end}`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures written by `npm run bench`; raw results in `bench/results/`.\n';
  const at = current.indexOf(begin);
  const next =
    at >= 0
      ? current.slice(0, at) + section + current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
