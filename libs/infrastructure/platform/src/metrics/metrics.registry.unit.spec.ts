import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('exposes counters per label set in text format 0.0.4', () => {
    const registry = new MetricsRegistry();
    const c = registry.counter('events_appended_total', 'Events appended.', ['stream_type']);
    c.inc({ stream_type: 'case' });
    c.inc({ stream_type: 'case' }, 2);
    c.inc({ stream_type: 'claim' });
    expect(registry.expose()).toBe(
      [
        '# HELP events_appended_total Events appended.',
        '# TYPE events_appended_total counter',
        'events_appended_total{stream_type="case"} 3',
        'events_appended_total{stream_type="claim"} 1',
        '',
      ].join('\n'),
    );
  });

  it('writes cumulative histogram buckets, sum and count', () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram('latency_seconds', 'Latency.', ['route'], [0.1, 1]);
    h.observe({ route: '/a' }, 0.05);
    h.observe({ route: '/a' }, 0.5);
    h.observe({ route: '/a' }, 3);
    expect(registry.expose().split('\n').slice(2, 7)).toEqual([
      'latency_seconds_bucket{route="/a",le="0.1"} 1',
      'latency_seconds_bucket{route="/a",le="1"} 2',
      'latency_seconds_bucket{route="/a",le="+Inf"} 3',
      'latency_seconds_sum{route="/a"} 3.55',
      'latency_seconds_count{route="/a"} 3',
    ]);
  });

  it('escapes label values and keeps gauges settable both ways', () => {
    const registry = new MetricsRegistry();
    const g = registry.gauge('projection_lag_events', 'Lag.', ['projection']);
    g.set({ projection: 'a"b\\c\nd' }, 5);
    g.set({ projection: 'a"b\\c\nd' }, 2);
    expect(registry.expose()).toContain('projection_lag_events{projection="a\\"b\\\\c\\nd"} 2\n');
  });

  it('returns the same metric for the same name and refuses a type clash or bad name', () => {
    const registry = new MetricsRegistry();
    registry.counter('x_total', 'X.').inc();
    registry.counter('x_total', 'X.').inc();
    expect(registry.expose()).toContain('x_total 2');
    expect(() => registry.gauge('x_total', 'X.')).toThrow('already registered as a counter');
    expect(() => registry.counter('bad-name', 'X.')).toThrow('not a valid Prometheus metric name');
    expect(() => registry.counter('x_total', 'X.').inc({}, -1)).toThrow('can only go up');
  });
});
