import { All, Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException, type PlatformRequest } from '@union/platform';
import { authoriseRoute } from '../routing/route-authorisation';
import { AUDITED_SERVICES, matchRoute, servicePathOf } from '../routing/route-table';
import { ProxyService } from './proxy.service';

/**
 * Every `/api/v1/<programme>/…` route of the route table goes to its service with the caller's
 * token: the global auth guard has already refused a missing or bad token here, the route table
 * refuses a wrong role or a foreign unit, and the service verifies everything again (a service
 * never trusts an identity it did not verify).
 */
@Controller('api/v1')
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  // `audit/*path` comes after the gateway's own audit routes (timeline, trace): the audit
  // controller is registered first, so those never reach here.
  @All(['hardship/*path', 'grants/*path', 'medical-aid/*path', 'audit/*path'])
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    const route = matchRoute(req.method, req.path);
    if (!route) throw new ProblemException('NOT_FOUND', notFoundDetail(req.method, req.path));
    const principal = (req as unknown as PlatformRequest).principal;
    if (!principal) throw new ProblemException('UNAUTHENTICATED', 'The request has no verified token.');
    authoriseRoute(route, principal, { body: req.body as unknown, query: req.query });
    await this.proxy.forward(route.upstream, req, res, servicePathOf(route, req.originalUrl));
  }
}

/** Names the audited services when the caller asked for one that does not exist. */
function notFoundDetail(method: string, path: string): string {
  const service = /^\/api\/v1\/audit\/([^/]+)\//.exec(path)?.[1];
  if (service !== undefined && !(AUDITED_SERVICES as readonly string[]).includes(service)) {
    return `There is no service ${service}; the audited services are ${AUDITED_SERVICES.join(', ')}.`;
  }
  return `There is no route ${method} ${path}.`;
}
