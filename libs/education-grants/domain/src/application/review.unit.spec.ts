import { applicationDecider } from './application.decider';
import { holdsReservation, type ApplicationEvent } from './application.events';
import type { ApplicationCommand } from './application.commands';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { APPLICATION_ID, NOW, submitted } from '../testing/grants.fixtures';
import {
  approve,
  approved,
  disburse,
  disbursed,
  held,
  reject,
  rejected,
  withdraw,
  withdrawn,
} from '../testing/application.fixtures';

const spec = deciderSpec(applicationDecider);
const id = APPLICATION_ID;

describe('ApproveApplication', () => {
  it('approves a submitted application, marking the student recurring when asked', () => {
    spec.given([submitted()]).when(approve()).then([approved()]);
    spec
      .given([submitted()])
      .when(approve('reviewer-1', true))
      .then([approved(true)]);
  });

  it('refuses the submitter as approver (four eyes)', () => {
    spec.given([submitted()]).when(approve('caseworker-1')).thenThrows('SAME_ACTOR');
  });

  it('approves only a submitted application', () => {
    spec.given([submitted(), approved()]).when(approve()).thenThrows('CONFLICT', { status: 'approved' });
    spec.given([submitted(), rejected]).when(approve()).thenThrows('CONFLICT');
    spec
      .given([submitted(), held('submitted')])
      .when(approve())
      .thenThrows('RULE_VIOLATION');
    spec.given().when(approve()).thenThrows('NOT_FOUND');
  });
});

describe('RejectApplication', () => {
  it('rejects a submitted application with its reason', () => {
    spec
      .given([submitted()])
      .when(reject(' Income above the line '))
      .then([
        {
          type: 'GrantApplicationRejected',
          data: { applicationId: id, by: 'reviewer-1', at: NOW, reason: 'Income above the line' },
        },
      ]);
  });

  it('requires a reason and another reviewer than the submitter', () => {
    spec.given([submitted()]).when(reject('  ')).thenThrows('VALIDATION_FAILED');
    spec.given([submitted()]).when(reject('No', 'caseworker-1')).thenThrows('SAME_ACTOR');
  });

  it('rejects only a submitted application', () => {
    spec.given([submitted(), approved()]).when(reject()).thenThrows('CONFLICT');
  });
});

describe('DisburseGrant', () => {
  it('pays an approved grant on or before school start without the late flag', () => {
    spec
      .given([submitted(), approved()])
      .when(disburse('2024-09-01'))
      .then([disbursed('2024-09-01', false)]);
  });

  it('pays after school start, flagged late', () => {
    spec
      .given([submitted(), approved()])
      .when(disburse('2024-09-02'))
      .then([disbursed('2024-09-02', true)]);
  });

  it('cannot pay an application on hold', () => {
    const error = spec
      .given([submitted(), approved(), held('approved')])
      .when(disburse())
      .thenThrows('RULE_VIOLATION');
    expect(error.message).toContain('on hold');
  });

  it('pays only an approved application, once', () => {
    spec.given([submitted()]).when(disburse()).thenThrows('CONFLICT');
    spec
      .given([submitted(), approved(), disbursed('2024-08-25', false)])
      .when(disburse())
      .thenThrows('CONFLICT');
  });

  it('requires a payment reference and a real date', () => {
    const base = disburse();
    spec
      .given([submitted(), approved()])
      .when({ ...base, paymentRef: '' } as ApplicationCommand)
      .thenThrows('VALIDATION_FAILED');
    spec.given([submitted(), approved()]).when(disburse('2024-09-31')).thenThrows('VALIDATION_FAILED');
  });
});

describe('WithdrawApplication', () => {
  const event: ApplicationEvent = {
    type: 'GrantApplicationWithdrawn',
    data: { applicationId: id, reason: 'Family moved away', by: 'caseworker-1', at: NOW },
  };

  it.each([
    ['submitted', [submitted()], false],
    ['approved', [submitted(), approved()], true],
    ['on hold after submission', [submitted(), held('submitted')], false],
    ['on hold after approval', [submitted(), approved(), held('approved')], true],
  ])('withdraws an application %s; the reservation is released when it held one', (_s, history, reserved) => {
    spec.given(history).when(withdraw()).then([event]);
    expect(holdsReservation(stateAfter(applicationDecider, history))).toBe(reserved);
    expect(holdsReservation(stateAfter(applicationDecider, [...history, event]))).toBe(false);
  });

  it('requires a reason', () => {
    spec.given([submitted()]).when(withdraw('')).thenThrows('VALIDATION_FAILED');
  });

  it('cannot withdraw once paid, rejected or withdrawn', () => {
    spec
      .given([submitted(), approved(), disbursed('2024-08-25', false)])
      .when(withdraw())
      .thenThrows('CONFLICT');
    spec.given([submitted(), rejected]).when(withdraw()).thenThrows('CONFLICT');
    spec.given([submitted(), withdrawn]).when(withdraw()).thenThrows('CONFLICT');
  });
});
