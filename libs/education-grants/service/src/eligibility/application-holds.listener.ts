import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HardshipEligibility, HardshipIntegrationEvent, HardshipTier } from '@union/contracts';
import { handleCommand, type EventStore } from '@union/event-store';
import {
  applicationDecider,
  eligibilityEffects,
  SYSTEM_ACTOR,
  type ApplicationStatus,
  type ApplicationUnderEligibility,
} from '@union/education-grants/domain';
import type { CausedBy } from '@union/messaging';
import { EVENT_STORE, type EligibilityListener } from '@union/runtime';
import { applicationStreamId } from '../grants.streams';

interface HoldableRow {
  application_id: string;
  status: ApplicationStatus;
  eligible_tiers: HardshipTier[];
}

/**
 * Puts a parent's applications on hold when they lose eligibility, and releases them when they
 * regain it (DOMAIN.md §2, "Eligibility changes"), in the consumer's transaction: the projection
 * row, the inbox entry and the holds commit together or not at all, so a redelivered hardship
 * event changes nothing.
 */
@Injectable()
export class ApplicationHoldsListener implements EligibilityListener {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onEligibilityChanged(
    tx: EntityManager,
    before: HardshipEligibility | null,
    _after: HardshipEligibility | null,
    event: HardshipIntegrationEvent,
    cause: CausedBy,
  ): Promise<void> {
    const personRef = event.data.personRef;
    const applications = await this.applicationsOf(tx, personRef);
    if (applications.length === 0) return;
    const effects = eligibilityEffects(event, applications, before, new Date().toISOString());
    // The holds continue the hardship event's chain of causes.
    const metadata = {
      actor: SYSTEM_ACTOR,
      ...cause,
      cause: { type: event.type, caseId: event.data.caseId },
    };
    for (const { applicationId, command } of effects) {
      await handleCommand(this.store, applicationDecider, command, {
        streamId: applicationStreamId(applicationId),
        streamType: 'application',
        personRef,
        metadata,
        tx,
      });
    }
  }

  /** The parent's applications a hold or release may concern, with their campaigns' tiers. */
  private async applicationsOf(tx: EntityManager, personRef: string): Promise<ApplicationUnderEligibility[]> {
    const rows: HoldableRow[] = await tx.query(
      `SELECT a.application_id, a.status, c.data -> 'eligibleTiers' AS eligible_tiers
         FROM grant_application a JOIN grant_campaign c ON c.campaign_id = a.campaign_id
        WHERE a.parent_person_ref = $1 AND a.status IN ('submitted', 'approved', 'on_hold')
        ORDER BY a.application_id`,
      [personRef],
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      status: r.status,
      eligibleTiers: r.eligible_tiers,
    }));
  }
}
