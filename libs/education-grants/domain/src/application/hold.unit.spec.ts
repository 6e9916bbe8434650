import { applicationDecider } from './application.decider';
import type { ApplicationEvent } from './application.events';
import type { ApplicationCommand } from './application.commands';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { APPLICATION_ID, NOW, submitted } from '../testing/grants.fixtures';
import { approved, disburse, disbursed, held, rejected, withdrawn } from '../testing/application.fixtures';

const spec = deciderSpec(applicationDecider);
const id = APPLICATION_ID;

describe('PutApplicationOnHold and ReleaseApplicationFromHold', () => {
  const hold: ApplicationCommand = {
    type: 'PutApplicationOnHold',
    reason: 'parent_case_closed',
    caseId: 'case-1',
    now: NOW,
  };
  const release: ApplicationCommand = { type: 'ReleaseApplicationFromHold', now: NOW };
  const releasedTo = (restoredStatus: 'submitted' | 'approved'): ApplicationEvent => ({
    type: 'GrantApplicationReleasedFromHold',
    data: { applicationId: id, restoredStatus, at: NOW },
  });

  it.each([
    ['submitted', [submitted()]],
    ['approved', [submitted(), approved()]],
  ] as const)('holds a %s application and returns it there', (status, history) => {
    spec
      .given(history)
      .when(hold)
      .then([held(status)]);
    spec
      .given([...history, held(status)])
      .when(release)
      .then([releasedTo(status)]);
    expect(stateAfter(applicationDecider, [...history, held(status), releasedTo(status)]).status).toBe(
      status,
    );
  });

  it('lets an approval continue after release: it can then be paid', () => {
    spec
      .given([submitted(), approved(), held('approved'), releasedTo('approved')])
      .when(disburse())
      .then([disbursed('2024-08-25', false)]);
  });

  it.each([
    ['disbursed', [submitted(), approved(), disbursed('2024-08-25', false)]],
    ['rejected', [submitted(), rejected]],
    ['withdrawn', [submitted(), withdrawn]],
    ['already on hold', [submitted(), held('submitted')]],
    ['not submitted', []],
  ])('leaves an application %s alone', (_s, history) => {
    spec.given(history).when(hold).then([]);
  });

  it('releases nothing that is not on hold', () => {
    spec.given([submitted()]).when(release).then([]);
    spec.given([submitted(), withdrawn]).when(release).then([]);
  });
});
