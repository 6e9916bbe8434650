import type { DataSource } from 'typeorm';
import {
  handleCommand,
  lockStream,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type StreamAt,
} from '@union/event-store';
import {
  applicationDecider,
  campaignDecider,
  withReservationFacts,
  type ApplicationCommand,
  type ApplicationState,
  type ReservationRequest,
} from '@union/education-grants/domain';
import { versionConflict } from '@union/runtime';
import { applicationStreamId, campaignStreamId } from '../grants.streams';
import { reservationAt } from './campaign-reservations';

/**
 * How many times an approval, payment or withdrawal is decided afresh after losing a race on the
 * campaign stream. Each lost race means another transaction appended to the campaign and
 * committed, so a loser only retries as often as others won; 10 covers bursts of concurrent
 * reviewers with room, and beyond it the client gets 409 VERSION_CONFLICT and may simply retry.
 */
export const BUDGET_ATTEMPTS = 10;

/** One application command and the budget movement it implies on its campaign. */
export interface BudgetStep {
  applicationId: string;
  campaignId: string;
  /** The parent's personRef, stored on the application's events for timelines. */
  personRef: string;
  command: ApplicationCommand;
  /**
   * The campaign command that goes with the application's new state (null: none); the
   * application's reservation is read from the campaign's log when the campaign is loaded.
   */
  campaignCommand(application: ApplicationState): ReservationRequest | null;
  metadata: EventMetadata;
  /** The application version the client last saw (`If-Match`). */
  ifMatch?: number;
}

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));

/**
 * Decides the application command and its campaign command and appends both IN ONE TRANSACTION,
 * each with its stream's expected version: the budget can never be overspent, and an application
 * is never approved, paid or withdrawn without the campaign's ledger saying so. A conflicting
 * append (another reviewer reserved first) aborts the transaction; the whole decision is then
 * taken again on the fresh campaign, so the loser of the last grant gets BUDGET_EXHAUSTED.
 * A domain refusal rolls everything back: nothing is stored.
 */
export async function runWithBudget(
  store: EventStore,
  dataSource: DataSource,
  step: BudgetStep,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.transaction(async (tx) => {
        // Reviewers of one campaign queue here rather than race for its next version and retry.
        await lockStream(tx, campaignStreamId(step.campaignId));
        const application = await handleCommand(store, applicationDecider, step.command, {
          streamId: applicationStreamId(step.applicationId),
          streamType: 'application',
          personRef: step.personRef,
          metadata: step.metadata,
          ifMatch: step.ifMatch,
          tx,
        });
        const request = step.campaignCommand(application.state);
        if (application.events.length === 0 || request === null) return;
        const campaignCommand = async (campaign: StreamAt) =>
          withReservationFacts(request, await reservationAt(store, campaign, request.applicationId));
        await handleCommand(store, campaignDecider, campaignCommand, {
          streamId: campaignStreamId(step.campaignId),
          streamType: 'campaign',
          metadata: { ...step.metadata, causationId: application.events[0].eventId },
          tx,
        });
      });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // `actual` is known only when the client's If-Match was stale: theirs to resolve, not ours.
      if (error.actual !== null || attempt >= BUDGET_ATTEMPTS) throw versionConflict(error);
      await pause(attempt);
    }
  }
}
