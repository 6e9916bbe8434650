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
  it('masks identity numbers in the path', () => {
    const out: string[] = [];
    writeRequestLog(
      {
        service: 'gateway',
        method: 'GET',
        path: '/api/v1/people/11010519491231002X',
        status: 200,
        durationMs: 3.2,
        correlationId: 'c',
        sub: 'u-1',
      },
      (line) => out.push(line),
    );
    expect(JSON.parse(out[0])).toMatchObject({
      level: 'info',
      path: '/api/v1/people/110105********002X',
      status: 200,
      sub: 'u-1',
    });
  });
});
