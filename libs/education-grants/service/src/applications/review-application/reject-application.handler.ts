import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@union/event-store';
import { applicationDecider } from '@union/education-grants/domain';
import type { Principal } from '@union/platform';
import { EVENT_STORE, OrgScope, requestFacts, runCommand } from '@union/runtime';
import { applicationStreamId } from '../../grants.streams';
import { GrantRecords } from '../../read-models/grant-records.reader';
import type { RejectApplicationDto } from './review-application.dto';

/** A reviewer other than the submitter rejects, with a reason. Nothing was reserved, so the budget is untouched. */
@Injectable()
export class RejectApplicationHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  async execute(
    applicationId: string,
    dto: RejectApplicationDto,
    principal: Principal,
    ifMatch?: number,
  ): Promise<void> {
    const row = await this.records.application(applicationId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    await runCommand(
      this.store,
      applicationDecider,
      { type: 'RejectApplication', by: facts.actor, reason: dto.reason, now: facts.now },
      {
        streamId: applicationStreamId(applicationId),
        streamType: 'application',
        personRef: row.parentPersonRef,
        metadata: facts.metadata,
        ifMatch,
      },
    );
  }
}
