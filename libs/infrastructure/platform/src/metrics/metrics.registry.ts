import { Injectable } from '@nestjs/common';

/** Label values of one series, by label name. */
export type Labels = Readonly<Record<string, string | number>>;

/** Upper bounds in seconds for HTTP latency: 5 ms to 10 s. */
export const DEFAULT_LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  lines(): string[];
}

/** A monotonically increasing count. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

/** A value that goes up and down (e.g. projection lag). */
export interface Gauge {
  set(labels: Labels, value: number): void;
}

/** A distribution of observations in cumulative buckets. */
export interface Histogram {
  observe(labels: Labels, value: number): void;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * A Prometheus registry small enough to read in one sitting (no client library needed): counters,
 * gauges and histograms with labels, exposed in text format 0.0.4. Registering the same name
 * twice returns the existing metric, so modules may declare what they use independently.
 */
@Injectable()
export class MetricsRegistry {
  /** Content-Type of {@link expose}'s output. */
  static readonly CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

  private readonly metrics = new Map<string, Metric & { api: unknown }>();

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.register(name, help, 'counter', () => {
      const values = new Map<string, number>();
      const api: Counter = {
        inc: (labels = {}, by = 1) => {
          if (!(by >= 0)) throw new RangeError(`Counter ${name} can only go up.`);
          const key = seriesKey(labelNames, labels);
          values.set(key, (values.get(key) ?? 0) + by);
        },
      };
      return { api, lines: () => [...values].map(([key, v]) => `${name}${key} ${formatNumber(v)}`) };
    }) as Counter;
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.register(name, help, 'gauge', () => {
      const values = new Map<string, number>();
      const api: Gauge = { set: (labels, value) => void values.set(seriesKey(labelNames, labels), value) };
      return { api, lines: () => [...values].map(([key, v]) => `${name}${key} ${formatNumber(v)}`) };
    }) as Gauge;
  }

  histogram(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    buckets = DEFAULT_LATENCY_BUCKETS,
  ): Histogram {
    const bounds = [...buckets].sort((a, b) => a - b);
    return this.register(name, help, 'histogram', () => {
      const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      const api: Histogram = {
        observe: (labels, value) => {
          const key = seriesKey(labelNames, labels);
          const s = series.get(key) ?? { labels, counts: bounds.map(() => 0), sum: 0, count: 0 };
          bounds.forEach((bound, i) => {
            if (value <= bound) s.counts[i] += 1;
          });
          s.sum += value;
          s.count += 1;
          series.set(key, s);
        },
      };
      const lines = () =>
        [...series].flatMap(([key, s]) => [
          ...bounds.map(
            (bound, i) =>
              `${name}_bucket${seriesKey([...labelNames, 'le'], { ...s.labels, le: formatNumber(bound) })} ${s.counts[i]}`,
          ),
          `${name}_bucket${seriesKey([...labelNames, 'le'], { ...s.labels, le: '+Inf' })} ${s.count}`,
          `${name}_sum${key} ${formatNumber(s.sum)}`,
          `${name}_count${key} ${s.count}`,
        ]);
      return { api, lines };
    }) as Histogram;
  }

  /** Every metric in the Prometheus text exposition format 0.0.4. */
  expose(): string {
    return [...this.metrics.values()]
      .map((m) =>
        [`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.type}`, ...m.lines()].join('\n'),
      )
      .join('\n')
      .concat('\n');
  }

  private register(
    name: string,
    help: string,
    type: Metric['type'],
    create: () => { api: unknown; lines: () => string[] },
  ): unknown {
    if (!NAME.test(name)) throw new Error(`'${name}' is not a valid Prometheus metric name.`);
    const existing = this.metrics.get(name);
    if (existing) {
      if (existing.type !== type)
        throw new Error(`Metric ${name} is already registered as a ${existing.type}.`);
      return existing.api;
    }
    const { api, lines } = create();
    this.metrics.set(name, { name, help, type, api, lines });
    return api;
  }
}

/** `{a="1",b="x"}` in the declared label order (so the same labels always give the same series). */
function seriesKey(labelNames: readonly string[], labels: Labels): string {
  if (labelNames.length === 0) return '';
  return `{${labelNames.map((n) => `${n}="${escapeLabel(String(labels[n] ?? ''))}"`).join(',')}}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}
