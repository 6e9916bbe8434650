import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@union/event-store';
import { campaignDecider } from '@union/education-grants/domain';
import type { Principal } from '@union/platform';
import { EVENT_STORE, requestFacts, runCommand } from '@union/runtime';
import { campaignStreamId } from '../../grants.streams';

/** An admin closes a campaign to new applications; reviews and payments go on. Closing twice is a no-op. */
@Injectable()
export class CloseCampaignHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(campaignId: string, principal: Principal, ifMatch?: number): Promise<void> {
    const facts = requestFacts(principal);
    await runCommand(
      this.store,
      campaignDecider,
      { type: 'CloseCampaign', closedBy: facts.actor, now: facts.now },
      { streamId: campaignStreamId(campaignId), streamType: 'campaign', metadata: facts.metadata, ifMatch },
    );
  }
}
