/**
 * The trace of one correlation id drawn as a flow: a lane per service, the events down the page in
 * the order they were recorded, an arrow from each event to the events it caused (`causationId`
 * naming the cause's `eventId`). Pure geometry for an SVG, so it is tested without a browser.
 */
import { AUDITED_SERVICES } from './audit-labels';

export interface TraceEvent {
  readonly service: string;
  readonly eventId: string;
  readonly causationId?: string | null;
}

export interface FlowNode<E> {
  readonly event: E;
  readonly x: number;
  readonly y: number;
  /** The cause is not among the trace's events (the request itself, or another story). */
  readonly causeOutside: boolean;
}

export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  /** SVG path data, from the bottom of the cause to the top of the effect. */
  readonly d: string;
}

export interface FlowLayout<E> {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly { service: string; x: number }[];
  readonly nodes: readonly FlowNode<E>[];
  readonly edges: readonly FlowEdge[];
}

export const LANE_WIDTH = 260;
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
const ROW = 96;
const HEADER = 48;

/** `events` oldest first (as the trace answers them). */
export function layoutTrace<E extends TraceEvent>(events: readonly E[]): FlowLayout<E> {
  const present = new Set(events.map((e) => e.service));
  const services = [
    ...AUDITED_SERVICES.filter((s) => present.has(s)),
    ...[...present].filter((s) => !(AUDITED_SERVICES as readonly string[]).includes(s)),
  ];
  const laneOf = new Map(services.map((s, i) => [s, i]));
  const indexOf = new Map(events.map((e, i) => [e.eventId, i]));
  const nodes = events.map((event, i) => ({
    event,
    x: (laneOf.get(event.service) ?? 0) * LANE_WIDTH + (LANE_WIDTH - NODE_WIDTH) / 2,
    y: HEADER + i * ROW,
    causeOutside: !event.causationId || !indexOf.has(event.causationId),
  }));
  const edges: FlowEdge[] = [];
  nodes.forEach((node, to) => {
    const from = node.event.causationId ? indexOf.get(node.event.causationId) : undefined;
    if (from === undefined || from === to) return;
    const a = nodes[from];
    const [x1, y1] = [a.x + NODE_WIDTH / 2, a.y + NODE_HEIGHT];
    const [x2, y2] = [node.x + NODE_WIDTH / 2, node.y];
    const bend = Math.max(24, (y2 - y1) / 2);
    edges.push({ from, to, d: `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}` });
  });
  return {
    width: Math.max(1, services.length) * LANE_WIDTH,
    height: HEADER + Math.max(1, events.length) * ROW,
    lanes: services.map((service, i) => ({ service, x: i * LANE_WIDTH })),
    nodes,
    edges,
  };
}
