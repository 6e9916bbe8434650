import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@union/platform';
import { AssistanceList, type AssistanceListItem } from './assistance-list.service';
import { ListAssistanceQuery } from './list-assistance.query';

/**
 * `GET /api/v1/hardship/assistance` (beyond API.md): assistance across the cases of the caller's
 * subtrees, each with its case, its year against the cap and its fund. The approvals inbox asks
 * it for `status=pending_approval` (what waits for a second reviewer), leaving out the caller's
 * own requests (`submittedByNot`); approving them stays on the case's own route (SAME_ACTOR).
 */
@ApiTags('hardship')
@Controller('api/v1/hardship/assistance')
export class AssistanceListController {
  constructor(private readonly assistance: AssistanceList) {}

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  list(
    @Query() query: ListAssistanceQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<AssistanceListItem>> {
    return this.assistance.list(query, principal);
  }
}
