import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@union/event-store';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, OrgScope, requestFacts } from '@union/runtime';
import { runWithBudget } from '../../budget/budget-transaction';
import { GrantRecords } from '../../read-models/grant-records.reader';
import type { WithdrawApplicationDto } from './withdraw-application.dto';

/**
 * The caseworker withdraws an application not yet paid (also one on hold). A reservation it held
 * goes back to the campaign budget in the same transaction; without one the campaign is untouched.
 */
@Injectable()
export class WithdrawApplicationHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  async execute(
    applicationId: string,
    dto: WithdrawApplicationDto,
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
      command: { type: 'WithdrawApplication', reason: dto.reason, by: facts.actor, now: facts.now },
      // A no-op in the campaign decider when nothing was reserved (withdrawn before approval).
      campaignCommand: () => ({ type: 'ReleaseReservation', applicationId, reason: 'withdrawn' }),
      metadata: facts.metadata,
      ifMatch,
    });
  }
}
