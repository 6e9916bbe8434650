import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { handleCommand, type EventStore } from '@union/event-store';
import {
  applicationDecider,
  campaignDecider,
  campaignFactsOf,
  recurringApplicationsFor,
  SYSTEM_ACTOR,
  type AmountsByLevelFen,
} from '@union/education-grants/domain';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, requestFacts } from '@union/runtime';
import { applicationStreamId, campaignStreamId } from '../../grants.streams';
import type { OpenCampaignDto } from './open-campaign.dto';
import { readRecurringFacts } from './recurring-applications.reader';

/** The levels the admin funded; a DTO instance may carry the others as undefined. */
const fundedLevels = (dto: OpenCampaignDto): AmountsByLevelFen =>
  Object.fromEntries(Object.entries(dto.amountsByLevelFen).filter(([, fen]) => fen !== undefined));

/**
 * An admin opens a campaign. In the same transaction the system submits an application for each
 * recurring student whose parent is still eligible and whose level the campaign funds (DOMAIN.md
 * §2, "Recurring support"): the campaign and its recurring applications appear together or not at all.
 */
@Injectable()
export class OpenCampaignHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Returns the new campaign's id. */
  async execute(dto: OpenCampaignDto, principal: Principal): Promise<string> {
    const facts = requestFacts(principal);
    const campaignId = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const opened = await handleCommand(
        this.store,
        campaignDecider,
        {
          ...dto,
          amountsByLevelFen: fundedLevels(dto),
          type: 'OpenCampaign',
          campaignId,
          openedBy: facts.actor,
          now: facts.now,
        },
        { streamId: campaignStreamId(campaignId), streamType: 'campaign', metadata: facts.metadata, tx },
      );
      const campaign = campaignFactsOf(opened.state);
      if (campaign === null) return;
      const { students, eligibility } = await readRecurringFacts(tx, campaignId);
      const commands = recurringApplicationsFor(campaign, students, eligibility, {
        today: facts.today,
        now: facts.now,
        nextId: () => randomUUID(),
      });
      // The system applies, because of the opening: the audit trail names both.
      const metadata = { ...facts.metadata, actor: SYSTEM_ACTOR, causationId: opened.events[0]?.eventId };
      for (const command of commands) {
        await handleCommand(this.store, applicationDecider, command, {
          streamId: applicationStreamId(command.applicationId),
          streamType: 'application',
          personRef: command.parent.personRef,
          metadata,
          tx,
        });
      }
    });
    return campaignId;
  }
}
