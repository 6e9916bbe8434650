import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@union/event-store';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, OrgScope, requestFacts } from '@union/runtime';
import { runWithBudget } from '../../budget/budget-transaction';
import { GrantRecords } from '../../read-models/grant-records.reader';
import type { ApproveApplicationDto } from './review-application.dto';

/**
 * A reviewer other than the submitter approves: the grant is reserved from the campaign budget
 * in the same transaction (409 BUDGET_EXHAUSTED when the remaining budget cannot cover it).
 */
@Injectable()
export class ApproveApplicationHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  async execute(
    applicationId: string,
    dto: ApproveApplicationDto,
    principal: Principal,
    ifMatch?: number,
  ): Promise<void> {
    const row = await this.records.application(applicationId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    await runWithBudget(this.store, this.dataSource, {
      applicationId,
      campaignId: row.campaignId,
      personRef: row.parentPersonRef,
      command: { type: 'ApproveApplication', by: facts.actor, recurring: dto.recurring, now: facts.now },
      campaignCommand: (application) =>
        application.submitted && {
          type: 'ReserveBudget',
          applicationId,
          amountFen: application.submitted.amountFen,
        },
      metadata: facts.metadata,
      ifMatch,
    });
  }
}
