import type { LeaderStatus, Sealer } from '@union/event-store';
import type { HealthRegistry, MetricsRegistry } from '@union/platform';
import type { ServiceInfra } from './service-infra';

/** The database answers `SELECT 1` within this, or the replica is not ready. */
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;
/** Events waiting longer than this to be published make the relay check fail (degraded). */
export const RELAY_LAG_DEGRADED_SECONDS = 60;
/** How often the gauges are refreshed between readiness probes. */
export const HEALTH_SAMPLE_MS = 5_000;

/**
 * A service's readiness checks and their gauges. Ready means the replica can serve requests:
 * its database answers (the only required check). The broker, the relay, the consumers and the
 * seals are detail: when they fail the replica is `degraded` but still ready, because it still
 * takes writes (the events wait in the log) and reads, and taking it out of routing would not
 * bring the broker back. Every check also sets its gauges, and a timer runs them every
 * {@link HEALTH_SAMPLE_MS} so `/metrics` is fresh without a probe.
 */
export function registerServiceHealth(
  infra: ServiceInfra,
  sealer: Sealer,
  health: HealthRegistry,
  metrics: MetricsRegistry,
): { stop(): void } {
  const service = infra.definition.name;
  const labels = { service };
  const leaderGauge = metrics.gauge(
    'replica_is_leader',
    'Whether this replica runs the role (relay, sealer): 1, or another replica does: 0.',
    ['service', 'role'],
  );
  const brokerGauge = metrics.gauge('broker_reachable', 'Whether the broker answered (1) or not (0).', [
    'service',
  ]);
  const lagEvents = metrics.gauge('relay_lag_events', 'Events committed but not yet published.', ['service']);
  const lagSeconds = metrics.gauge(
    'relay_lag_seconds',
    'Age of the oldest event not yet published, in seconds.',
    ['service'],
  );
  const consumerLag = metrics.gauge(
    'consumer_lag',
    "Messages on a consumed topic the service's consumer group has not processed yet.",
    ['service', 'topic'],
  );

  health.register(
    'database',
    async () => {
      await infra.dataSource.query('SELECT 1');
      return { ok: true };
    },
    { timeoutMs: DATABASE_CHECK_TIMEOUT_MS },
  );
  health.register(
    'broker',
    async () => {
      const { transport, reachable, error } = await infra.broker.status();
      brokerGauge.set(labels, reachable ? 1 : 0);
      return { ok: reachable, detail: { transport, ...(error !== undefined && { error }) } };
    },
    { required: false },
  );
  health.register(
    'relay',
    async () => {
      const leadership = infra.leaders.relay.status();
      const relay = infra.relay.status();
      const lag = await infra.relay.lag();
      leaderGauge.set({ service, role: 'relay' }, leadership.leader ? 1 : 0);
      lagEvents.set(labels, lag.events);
      lagSeconds.set(labels, lag.seconds);
      // The lag is the database's, so every replica sees it, leader or not.
      const stalled = lag.seconds > RELAY_LAG_DEGRADED_SECONDS;
      return {
        ok: !stalled && (!leadership.leader || (relay.running && relay.lastError === undefined)),
        detail: { ...leaderDetail(leadership), lagEvents: lag.events, lagSeconds: lag.seconds, ...relay },
      };
    },
    { required: false },
  );
  health.register(
    'consumers',
    async () => {
      const broker = await infra.broker.status();
      for (const [topic, lag] of Object.entries(broker.consumerLag ?? {})) {
        consumerLag.set({ service, topic }, lag);
      }
      const known = broker.transport === 'in-process' || broker.consumerLag !== undefined;
      return {
        ok: known,
        detail: { group: service, topics: infra.definition.consumes, lag: broker.consumerLag ?? null },
      };
    },
    { required: false },
  );
  health.register(
    'seals',
    () => {
      const leadership = infra.leaders.sealer.status();
      leaderGauge.set({ service, role: 'sealer' }, leadership.leader ? 1 : 0);
      const seals = sealer.status();
      // A failed seal is retried next interval; the service keeps serving.
      return Promise.resolve({
        ok: seals.lastError === null,
        detail: { ...leaderDetail(leadership), ...seals },
      });
    },
    { required: false },
  );

  const timer = setInterval(() => void health.check(), HEALTH_SAMPLE_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** `leader`, and how leadership is decided and why it last failed, apart from the role's own status. */
function leaderDetail({ leader, mode, since, lastError }: LeaderStatus) {
  return {
    leader,
    leadership: {
      mode,
      ...(since !== undefined && { since }),
      ...(lastError !== undefined && { lastError }),
    },
  };
}
