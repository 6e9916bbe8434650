import { Body, Controller, Headers, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { parseIfMatch } from '@union/runtime';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseQueries } from '../cases/case-queries.service';
import type { CaseView } from '../cases/case.view';
import { withEtag } from '../shared/etag';
import { AssignPairingDto } from './assign-pairing.dto';

/** Pairing assistance (结对帮扶). A PUT: the same helper again changes nothing. */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases/:caseId/pairing')
export class PairingController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
  ) {}

  @Put()
  @Roles('caseworker')
  async assign(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: AssignPairingDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseView> {
    const { helperName, helperUnit } = dto;
    await this.commands.execute(caseId, { type: 'AssignPairing', helperName, helperUnit }, principal, {
      ifMatch: parseIfMatch(ifMatch),
    });
    const { version, view } = await this.queries.current(caseId);
    return withEtag(res, version, view);
  }
}
