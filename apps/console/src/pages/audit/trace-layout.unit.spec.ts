import { LANE_WIDTH, layoutTrace } from './trace-layout';
import { ndjsonLines, percentOf } from './verify-stream';

describe('the trace as a flow', () => {
  // The referral story: a claim paid in medical aid, its hardship risk, the referral filed in
  // hardship from that event, the case opened from the referral.
  const events = [
    { service: 'medical-aid', eventId: 'e1', causationId: 'request-1' },
    { service: 'medical-aid', eventId: 'e2', causationId: 'e1' },
    { service: 'hardship-cases', eventId: 'e3', causationId: 'e2' },
    { service: 'hardship-cases', eventId: 'e4', causationId: 'e3' },
  ];

  it('puts each service in its lane (in the console order) and the events down the page in order', () => {
    const flow = layoutTrace(events);
    expect(flow.lanes.map((l) => l.service)).toEqual(['hardship-cases', 'medical-aid']);
    expect(flow.nodes.map((n) => Math.floor(n.x / LANE_WIDTH))).toEqual([1, 1, 0, 0]);
    const ys = flow.nodes.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(flow.width).toBe(2 * LANE_WIDTH);
  });

  it('draws an arrow from each cause to its effect, and marks a cause outside the trace', () => {
    const flow = layoutTrace(events);
    expect(flow.edges.map((e) => [e.from, e.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(flow.nodes.map((n) => n.causeOutside)).toEqual([true, false, false, false]);
    expect(flow.edges[1].d).toMatch(/^M [\d.]+ [\d.]+ C /);
  });
});

describe('the streamed verification as the screen reads it', () => {
  const streamOf = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });

  it('yields each line once its newline arrives, however the bytes were cut', async () => {
    const lines = [];
    for await (const line of ndjsonLines(
      streamOf([
        '{"type":"started","fromPosition":1,',
        '"toPosition":10}\n{"type":"pro',
        'gress","checked":5,"toPosition":5}\n',
        '{"type":"result","valid":true}',
      ]),
    ))
      lines.push(line);
    expect(lines).toEqual([
      { type: 'started', fromPosition: 1, toPosition: 10 },
      { type: 'progress', checked: 5, toPosition: 5 },
      { type: 'result', valid: true },
    ]);
  });

  it('turns the positions reached into a whole percentage', () => {
    expect(percentOf({ fromPosition: 1, toPosition: 1_000_000, checked: 0, reached: 0 })).toBe(0);
    expect(percentOf({ fromPosition: 1, toPosition: 1_000_000, checked: 333_333, reached: 333_333 })).toBe(
      33,
    );
    expect(percentOf({ fromPosition: 1, toPosition: 0, checked: 0, reached: 0 })).toBe(100);
  });
});
