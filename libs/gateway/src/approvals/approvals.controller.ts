import { Controller, Get, Headers, Query } from '@nestjs/common';
import { CurrentPrincipal, OptionalPositiveInt, Roles, type Principal } from '@union/platform';
import { ApprovalsInboxService, type ApprovalInbox } from './approvals-inbox';

/** `GET /api/v1/approvals`: how many of each programme's pending records to list (default 100). */
export class ApprovalsQuery {
  @OptionalPositiveInt(500, { default: 100 })
  readonly pageSize: number = 100;
}

/** The reviewer's approvals inbox across the programmes (CONSOLE.md): composed at the gateway. */
@Controller('api/v1/approvals')
export class ApprovalsController {
  constructor(private readonly inbox: ApprovalsInboxService) {}

  @Get()
  @Roles('reviewer')
  approvals(
    @Query() query: ApprovalsQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('authorization') authorization: string,
  ): Promise<ApprovalInbox> {
    return this.inbox.inbox(principal, authorization, query.pageSize);
  }
}
