/** The `q`-quantile (0..1) of ascending `sorted` latencies, nearest rank; 0 for none. */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
