import { DomainError, type Decider, type Fen } from '@union/kernel';
import {
  evolveCampaign,
  initialCampaignState,
  remainingFen,
  type CampaignEvent,
  type CampaignState,
  type ReleaseReason,
  type Reservation,
} from './campaign.events';
import { validateCampaignTerms, type CampaignTerms } from './open-campaign.validation';
import type { CampaignFacts } from '../application/application.commands';

/** An admin opens a campaign. `now` is the instant of the request. */
export interface OpenCampaign extends CampaignTerms {
  readonly type: 'OpenCampaign';
  readonly campaignId: string;
  readonly openedBy: string;
  readonly now: string;
}

/** An admin closes a campaign to new applications. */
export interface CloseCampaign {
  readonly type: 'CloseCampaign';
  readonly closedBy: string;
  readonly now: string;
}

/**
 * What a command about one application's money knows of it: its reservation as this campaign's
 * own events record it (`reservationOf` the stream's events about the application), read by the
 * service at the version the campaign's state was folded to. Null: never reserved.
 */
interface ReservationFacts {
  readonly applicationId: string;
  readonly reservation: Reservation | null;
}

/** Set an approved application's grant aside; issued together with the approval. */
export interface ReserveBudget extends ReservationFacts {
  readonly type: 'ReserveBudget';
  readonly amountFen: Fen;
}

/** Give a reservation back to the budget (the application was withdrawn). */
export interface ReleaseReservation extends ReservationFacts {
  readonly type: 'ReleaseReservation';
  readonly reason: ReleaseReason;
}

/** Move a reserved grant to disbursed; issued together with the disbursement. */
export interface RecordGrantPaid extends ReservationFacts {
  readonly type: 'RecordGrantPaid';
}

/** A command about one application's money in the budget. */
export type ReservationCommand = ReserveBudget | ReleaseReservation | RecordGrantPaid;

/** Such a command as the service issues it, before it read the application's reservation. */
export type ReservationRequest = WithoutReservation<ReservationCommand>;
type WithoutReservation<C> = C extends ReservationCommand ? Omit<C, 'reservation'> : never;

/** The request completed with the application's reservation, as the service read it. */
export const withReservationFacts = (
  request: ReservationRequest,
  reservation: Reservation | null,
): ReservationCommand => ({ ...request, reservation });

/** Every command on a campaign. */
export type CampaignCommand = OpenCampaign | CloseCampaign | ReservationCommand;

const notFound = (): DomainError => new DomainError('NOT_FOUND', 'There is no such campaign.');

function openCampaign(command: OpenCampaign, state: CampaignState): CampaignEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('CONFLICT', 'This campaign has been opened already.', {
      details: { campaignId: command.campaignId },
    });
  }
  const terms = validateCampaignTerms(command);
  const { year, name, budgetFen, opensOn, closesOn, schoolStartOn, amountsByLevelFen, eligibleTiers } = terms;
  const data = { campaignId: command.campaignId, year, name, budgetFen, opensOn, closesOn, schoolStartOn };
  return [
    {
      type: 'CampaignOpened',
      data: { ...data, amountsByLevelFen, eligibleTiers, openedBy: command.openedBy, openedAt: command.now },
    },
  ];
}

function closeCampaign(command: CloseCampaign, state: CampaignState): CampaignEvent[] {
  if (state.opened === null) throw notFound();
  // Closing twice changes nothing: the admin's intent (no new applications) already holds.
  if (state.status === 'closed') return [];
  return [
    {
      type: 'CampaignClosed',
      data: { campaignId: state.opened.campaignId, closedBy: command.closedBy, closedAt: command.now },
    },
  ];
}

function reserveBudget(command: ReserveBudget, state: CampaignState): CampaignEvent[] {
  // Closing (or the end of the window) stops intake only: review happens after, so a closed
  // campaign still reserves for the applications it took in.
  if (state.status === 'none') throw notFound();
  const { applicationId, amountFen } = command;
  // A second reservation for the same application is a replay of the same approval.
  if (command.reservation !== null) return [];
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A reservation must be a whole number of fen above 0; got ${amountFen}.`,
    );
  }
  const left = remainingFen(state);
  if (left < amountFen) {
    throw new DomainError(
      'BUDGET_EXHAUSTED',
      `The campaign's remaining budget (${left} fen) cannot cover this grant (${amountFen} fen).`,
      { details: { remainingFen: left, requestedFen: amountFen } },
    );
  }
  return [{ type: 'BudgetReserved', data: { applicationId, amountFen } }];
}

function releaseReservation(command: ReleaseReservation, state: CampaignState): CampaignEvent[] {
  if (state.status === 'none') throw notFound();
  const { reservation } = command;
  // Nothing reserved (withdrawn before approval) or already released: nothing to give back, so
  // the service may issue this on every withdrawal.
  if (reservation?.status !== 'reserved') return [];
  const { applicationId, reason } = command;
  return [{ type: 'ReservationReleased', data: { applicationId, amountFen: reservation.amountFen, reason } }];
}

function recordGrantPaid(command: RecordGrantPaid, state: CampaignState): CampaignEvent[] {
  if (state.status === 'none') throw notFound();
  const { reservation } = command;
  if (reservation?.status === 'paid') return [];
  if (reservation?.status !== 'reserved') {
    // Paying money the budget never set aside would overspend it silently.
    throw new DomainError(
      'CONFLICT',
      'The campaign holds no reservation for this application, so it cannot be paid.',
      {
        details: { applicationId: command.applicationId },
      },
    );
  }
  return [
    {
      type: 'GrantPaidFromBudget',
      data: { applicationId: command.applicationId, amountFen: reservation.amountFen },
    },
  ];
}

/** Decides a campaign command against the folded stream. @throws DomainError */
export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'OpenCampaign':
      return openCampaign(command, state);
    case 'CloseCampaign':
      return closeCampaign(command, state);
    case 'ReserveBudget':
      return reserveBudget(command, state);
    case 'ReleaseReservation':
      return releaseReservation(command, state);
    case 'RecordGrantPaid':
      return recordGrantPaid(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The campaign aggregate (stream `campaign-<uuid>`): owner of the budget. Its stream grows with
 * every approval, payment and withdrawal, so it is decided from a snapshot (every 100 events).
 */
export const campaignDecider: Decider<CampaignState, CampaignCommand, CampaignEvent> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: decideCampaign,
  // Bump stateVersion with any change to evolveCampaign or CampaignState (campaign-state.unit.spec.ts).
  snapshots: { stateVersion: 1, every: 100 },
};

/**
 * What a submission needs of the campaign, from its folded state (null: no such campaign). A
 * `CampaignRow` (read-models) has the same fields, so the service may pass the row instead.
 */
export function campaignFactsOf(state: CampaignState): CampaignFacts | null {
  if (state.opened === null || state.status === 'none') return null;
  const { campaignId, opensOn, closesOn, amountsByLevelFen, eligibleTiers } = state.opened;
  return { campaignId, status: state.status, opensOn, closesOn, amountsByLevelFen, eligibleTiers };
}
