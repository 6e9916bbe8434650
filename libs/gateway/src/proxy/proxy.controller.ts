import { All, Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from '@union/platform';
import { ProxyService } from './proxy.service';
import { upstreamOf } from './routes';

/**
 * Every `/api/v1/<programme>/…` route goes to its service with the caller's token: the global
 * auth guard has already refused a missing or bad token here, and the service verifies it again
 * (a service never trusts an identity it did not verify).
 */
@Controller('api/v1')
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All(['hardship/*path', 'grants/*path', 'medical-aid/*path'])
  async forward(@Req() req: Request, @Res() res: Response): Promise<void> {
    const upstream = upstreamOf(req.path);
    if (!upstream) throw new ProblemException('NOT_FOUND', `No route ${req.method} ${req.path}.`);
    await this.proxy.forward(upstream, req, res);
  }
}
