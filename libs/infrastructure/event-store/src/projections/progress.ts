/** A progress line for long runs: a bar on a terminal, a line per 10% elsewhere (logs). */
export function progressReporter(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): (done: number) => void {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    const text = `${label} ${done}/${total} (${Math.floor(ratio * 100)}%) ${rate}/s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}${ratio === 1 ? '\n' : ''}`,
      );
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${text}\n`);
    }
  };
}
