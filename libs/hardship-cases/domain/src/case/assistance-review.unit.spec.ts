import { approve, recorded, reject } from '../testing/assistance.fixtures';
import { caseClosed, caseOpened, CASE_ID } from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import { caseDecider } from './case.decider';

describe('ApproveAssistance and RejectAssistance', () => {
  const pending = recorded([], 600_000, { assistanceId: 'p1' });

  it('lets another reviewer approve a pending assistance', () => {
    given(caseDecider, caseOpened(), ...pending)
      .when(approve('p1', { reason: 'Checked the hospital bill' }))
      .then([
        {
          type: 'AssistanceApproved',
          data: {
            caseId: CASE_ID,
            assistanceId: 'p1',
            amountFen: 600_000,
            recordedOn: '2024-05-01',
            by: 'rv-1',
            decidedOn: '2024-05-02',
            decidedAt: '2024-05-02T02:00:00.000Z',
            reason: 'Checked the hospital bill',
          },
        },
      ]);
  });

  it('refuses a decision by the person who recorded it (four eyes)', () => {
    given(caseDecider, caseOpened(), ...pending)
      .when(approve('p1', { actor: 'cw-1' }))
      .thenFails('SAME_ACTOR');
    given(caseDecider, caseOpened(), ...pending)
      .when(reject('p1', { actor: 'cw-1' }))
      .thenFails('SAME_ACTOR');
  });

  it('only decides pending assistance', () => {
    const approved = given(caseDecider, caseOpened(), ...pending)
      .when(approve('p1'))
      .events();
    given(caseDecider, caseOpened(), ...pending, ...approved)
      .when(approve('p1'))
      .thenFails('RULE_VIOLATION');
    given(caseDecider, caseOpened(), ...recorded([], 100))
      .when(approve('as-100'))
      .thenFails('RULE_VIOLATION');
    given(caseDecider, caseOpened(), ...pending)
      .when(reject('nope'))
      .thenFails('NOT_FOUND');
  });

  it('rejects with a reason, and needs one', () => {
    const [event] = given(caseDecider, caseOpened(), ...pending)
      .when(reject('p1'))
      .events();
    expect(event).toMatchObject({
      type: 'AssistanceRejected',
      data: { reason: 'Covered by the medical-aid claim', by: 'rv-1' },
    });
    given(caseDecider, caseOpened(), ...pending)
      .when(reject('p1', { reason: '' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
  });

  it('approves only on an open case, but a closed case can still reject', () => {
    const closed = caseClosed('deceased', '2024-05-02');
    given(caseDecider, caseOpened(), ...pending, closed)
      .when(approve('p1'))
      .thenFails('RULE_VIOLATION');
    expect(
      given(caseDecider, caseOpened(), ...pending, closed)
        .when(reject('p1'))
        .events(),
    ).toHaveLength(1);
  });
});
