import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@union/event-store';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, OrgScope, requestFacts } from '@union/runtime';
import { runWithBudget } from '../../budget/budget-transaction';
import { GrantRecords } from '../../read-models/grant-records.reader';
import type { DisburseGrantDto } from './disburse-grant.dto';

/**
 * Records the payment of an approved grant (never one on hold), flagged late when paid after the
 * campaign's school start, and moves the amount from reserved to disbursed in the same transaction.
 * The relay then publishes `GrantDisbursed` on `education.grants.v1`.
 */
@Injectable()
export class DisburseGrantHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  async execute(
    applicationId: string,
    dto: DisburseGrantDto,
    principal: Principal,
    ifMatch?: number,
  ): Promise<void> {
    const row = await this.records.application(applicationId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const campaign = await this.records.campaign(row.campaignId);
    const facts = requestFacts(principal);
    await runWithBudget(this.store, this.dataSource, {
      applicationId,
      campaignId: row.campaignId,
      personRef: row.parentPersonRef,
      command: {
        type: 'DisburseGrant',
        paymentRef: dto.paymentRef,
        paidOn: dto.paidOn,
        schoolStartOn: campaign.data.schoolStartOn,
        by: facts.actor,
        now: facts.now,
      },
      campaignCommand: () => ({ type: 'RecordGrantPaid', applicationId }),
      metadata: facts.metadata,
      ifMatch,
    });
  }
}
