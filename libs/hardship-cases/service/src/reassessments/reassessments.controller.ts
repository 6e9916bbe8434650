import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import {
  assess,
  evolveCaseSummary,
  type ReassessCase,
  type TierAssessment,
} from '@union/hardship-cases/domain';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { parseIfMatch } from '@union/runtime';
import { CaseCommands, type CaseCommandBody } from '../cases/case-commands.service';
import { CaseQueries } from '../cases/case-queries.service';
import { caseView, type CaseView } from '../cases/case.view';
import { RegionPolicies } from '../policies/region-policies.service';
import { withEtag } from '../shared/etag';
import { ReassessCaseDto, ReassessCaseQuery } from './reassess-case.dto';

/**
 * `POST .../reassessments?dryRun=true` (docs/api-changes.md): the case as the reassessment would
 * leave it (closed as `out_of_hardship` when above every line), the lines its tier was judged by,
 * and the case's version it was decided on; nothing stored.
 */
export type ReassessmentPreview = CaseView & { dryRun: true; assessment: TierAssessment };

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
    @Query() query: ReassessCaseQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseView | ReassessmentPreview> {
    const row = await this.commands.summary(caseId);
    const policy = await this.policies.inForce(row.data.regionCode);
    const { household, causes, emergencyExpenseFen } = dto;
    const body: CaseCommandBody<ReassessCase> = {
      type: 'ReassessCase',
      household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
      causes,
      emergencyExpenseFen,
      policy,
    };
    const options = { ifMatch: parseIfMatch(ifMatch), policyVersion: policy.policyVersion };
    if (query.dryRun === 'true') {
      const decided = await this.commands.decideOnly(caseId, body, principal, options);
      const after = decided.events.reduce(evolveCaseSummary, decided.row.data);
      if (!after) throw new Error('A reassessment left no case summary.');
      const assessment = assess(body.household, emergencyExpenseFen, policy);
      const view = caseView(after, decided.version, decided.today);
      return withEtag(res, decided.version, { ...view, dryRun: true as const, assessment });
    }
    await this.commands.execute(caseId, body, principal, options);
    const { version, view } = await this.queries.current(caseId);
    return withEtag(res, version, view);
  }
}
