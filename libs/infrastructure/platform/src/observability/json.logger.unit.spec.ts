import { Logger } from '@nestjs/common';
import { JsonLogger } from './json.logger';
import { requestContext } from './request-context';
import { writeRequestLog } from './request-log';

function capture(level: ConstructorParameters<typeof JsonLogger>[1]): {
  logger: JsonLogger;
  lines: () => Record<string, unknown>[];
} {
  const out: string[] = [];
  const logger = new JsonLogger('svc', level, (line) => out.push(line));
  return { logger, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  it('writes one JSON line with context and the correlation id of the request', () => {
    const { logger, lines } = capture('info');
    requestContext.run({ correlationId: 'corr-9' }, () =>
      logger.log('projection caught up', 'CaseProjection'),
    );
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'svc',
        context: 'CaseProjection',
        msg: 'projection caught up',
        correlationId: 'corr-9',
      }),
    ]);
  });

  it("reads Nest's error(message, stack, context) signature", () => {
    const { logger, lines } = capture('info');
    const nest = new Logger('Relay');
    Logger.overrideLogger(logger);
    nest.error('Kafka unreachable', 'Error: x\n    at y');
    nest.error('no stack');
    Logger.overrideLogger(false);
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'Relay',
        msg: 'Kafka unreachable',
        stack: 'Error: x\n    at y',
      }),
      expect.objectContaining({ level: 'error', context: 'Relay', msg: 'no stack' }),
    ]);
  });

  it('drops lines below the threshold, and everything when silent', () => {
    const info = capture('warn');
    info.logger.log('hidden');
    info.logger.warn('shown');
    expect(info.lines().map((l) => l.msg)).toEqual(['shown']);
    const silent = capture('silent');
    silent.logger.fatal('hidden');
    expect(silent.lines()).toEqual([]);
  });
});

describe('writeRequestLog', () => {
  const logged = (path: string): Record<string, unknown> => {
    const out: string[] = [];
    writeRequestLog(
      {
        service: 'gateway',
        method: 'GET',
        path,
        status: 200,
        durationMs: 3.2,
        correlationId: 'c',
        sub: 'u-1',
      },
      (line) => out.push(line),
    );
    return JSON.parse(out[0]) as Record<string, unknown>;
  };

  it('masks identity numbers in the path', () => {
    expect(logged('/api/v1/people/11010519491231002X')).toMatchObject({
      level: 'info',
      path: '/api/v1/people/110105********002X',
      status: 200,
      sub: 'u-1',
    });
  });

  it('masks them percent-encoded, once or twice, with a lower-case x', () => {
    const encoded = [...'11010519491231002x'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    expect(logged(`/api/v1/people/${encoded}`).path).toBe('/api/v1/people/110105********002x');
    expect(logged(`/api/v1/people/${encoded.replace(/%/g, '%25')}`).path).toBe(
      '/api/v1/people/110105********002x',
    );
  });
});

describe('JsonLogger masking', () => {
  it('masks identity numbers, encoded or not, in messages, stacks and logged objects', () => {
    const { logger, lines } = capture('info');
    logger.error(
      'GET /people/%31%31%30%31%30%35%31%39%34%39%31%32%33%31%30%30%32%58 failed',
      'Error: at /people/11010519491231002X',
      'Proxy',
    );
    logger.warn({ idNumber: '11010519491231002X' }, 'Intake');
    const [error, warn] = lines();
    expect(error).toMatchObject({
      msg: 'GET /people/110105********002X failed',
      stack: 'Error: at /people/110105********002X',
    });
    expect(warn).toMatchObject({ msg: { idNumber: '110105********002X' } });
    expect(JSON.stringify(lines())).not.toMatch(/0519491231/);
  });
});
