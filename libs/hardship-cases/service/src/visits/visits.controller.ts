import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import type { VisitRow } from '@union/hardship-cases/domain';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { DATA_SOURCE, parseIfMatch } from '@union/runtime';
import { CaseCommands } from '../cases/case-commands.service';
import { VisitEntity } from '../read-models/visits/visit.entity';
import { withEtag } from '../shared/etag';
import { RecordVisitDto } from './record-visit.dto';

/** Home visits (DOMAIN.md §1 "Dynamic management"). */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases/:caseId/visits')
export class VisitsController {
  constructor(
    private readonly commands: CaseCommands,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** 201 with the visit and `caseVersion` (also the `ETag`: the case's version after the visit). */
  @Post()
  @Roles('caseworker')
  async record(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: RecordVisitDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<VisitRow & { caseVersion: number }> {
    const visitId = randomUUID();
    const { version } = await this.commands.execute(
      caseId,
      { type: 'RecordVisit', visitId, ...dto },
      principal,
      { ifMatch: parseIfMatch(ifMatch) },
    );
    const row = await this.dataSource.getRepository(VisitEntity).findOneByOrFail({ visitId });
    return withEtag(res, version, { ...row.data, caseVersion: version });
  }
}
