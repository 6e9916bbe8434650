import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { parseIfMatch } from '@union/runtime';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseQueries } from '../cases/case-queries.service';
import type { CaseView } from '../cases/case.view';
import { RegionPolicies } from '../policies/region-policies.service';
import { withEtag } from '../shared/etag';
import { ReassessCaseDto } from './reassess-case.dto';

/** Periodic reviews: the tier is computed again under the region's policy in force now. */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases/:caseId/reassessments')
export class ReassessmentsController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly policies: RegionPolicies,
  ) {}

  /** 200 with the case: a changed tier is recorded; above every line the case closes (`out_of_hardship`). */
  @Post()
  @HttpCode(200)
  @Roles('caseworker')
  async reassess(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: ReassessCaseDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseView> {
    const row = await this.commands.summary(caseId);
    const policy = await this.policies.inForce(row.data.regionCode);
    const { household, causes, emergencyExpenseFen } = dto;
    await this.commands.execute(
      caseId,
      {
        type: 'ReassessCase',
        household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
        causes,
        emergencyExpenseFen,
        policy,
      },
      principal,
      { ifMatch: parseIfMatch(ifMatch), policyVersion: policy.policyVersion },
    );
    const { version, view } = await this.queries.current(caseId);
    return withEtag(res, version, view);
  }
}
