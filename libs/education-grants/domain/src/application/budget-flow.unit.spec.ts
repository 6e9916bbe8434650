// The two aggregates together, as the service drives them in one transaction per request.
import { campaignDecider } from '../campaign/campaign.decider';
import type { CampaignEvent } from '../campaign/campaign.events';
import { stateAfter } from '../testing/decider-spec';
import { NOW, campaignOpened, submitted, withReservation } from '../testing/grants.fixtures';
import { applicationDecider } from './application.decider';
import { holdsReservation, type ApplicationEvent } from './application.events';
import type { ApplicationCommand } from './application.commands';

function run(campaign: CampaignEvent[], application: ApplicationEvent[], command: ApplicationCommand) {
  const app = stateAfter(applicationDecider, application);
  const heldMoney = holdsReservation(app);
  const appEvents = applicationDecider.decide(command, app);
  const budget = stateAfter(campaignDecider, campaign);
  const id = app.submitted?.applicationId ?? '';
  const campaignEvents =
    command.type === 'ApproveApplication'
      ? campaignDecider.decide(
          withReservation(campaign, {
            type: 'ReserveBudget',
            applicationId: id,
            amountFen: app.submitted?.amountFen ?? 0,
          }),
          budget,
        )
      : command.type === 'WithdrawApplication' && heldMoney
        ? campaignDecider.decide(
            withReservation(campaign, { type: 'ReleaseReservation', applicationId: id, reason: 'withdrawn' }),
            budget,
          )
        : command.type === 'DisburseGrant'
          ? campaignDecider.decide(
              withReservation(campaign, { type: 'RecordGrantPaid', applicationId: id }),
              budget,
            )
          : [];
  return { campaign: [...campaign, ...campaignEvents], application: [...application, ...appEvents] };
}

describe('the budget across an application’s life', () => {
  const approve: ApplicationCommand = { type: 'ApproveApplication', by: 'reviewer-1', now: NOW };
  const withdraw: ApplicationCommand = {
    type: 'WithdrawApplication',
    by: 'caseworker-1',
    reason: 'Moved',
    now: NOW,
  };
  const disburse: ApplicationCommand = {
    ...{ type: 'DisburseGrant', paymentRef: 'P-1', paidOn: '2024-08-30' },
    ...{ schoolStartOn: '2024-09-01', by: 'caseworker-2', now: NOW },
  };

  it('reserves on approval and releases on withdrawal', () => {
    const approved = run([campaignOpened()], [submitted()], approve);
    expect(stateAfter(campaignDecider, approved.campaign)).toMatchObject({
      reservedFen: 500_000,
      disbursedFen: 0,
    });
    const withdrawn = run(approved.campaign, approved.application, withdraw);
    expect(withdrawn.campaign.at(-1)).toEqual({
      type: 'ReservationReleased',
      data: { applicationId: submitted().data.applicationId, amountFen: 500_000, reason: 'withdrawn' },
    });
    expect(stateAfter(campaignDecider, withdrawn.campaign)).toMatchObject({
      reservedFen: 0,
      disbursedFen: 0,
    });
  });

  it('moves the reservation to disbursed on payment', () => {
    const approved = run([campaignOpened()], [submitted()], approve);
    const paid = run(approved.campaign, approved.application, disburse);
    expect(stateAfter(campaignDecider, paid.campaign)).toMatchObject({
      reservedFen: 0,
      disbursedFen: 500_000,
    });
  });

  it('refuses an approval the remaining budget cannot cover, leaving the application submitted', () => {
    expect(() => run([campaignOpened({ budgetFen: 499_999 })], [submitted()], approve)).toThrow(
      expect.objectContaining({ code: 'BUDGET_EXHAUSTED' }),
    );
  });
});
