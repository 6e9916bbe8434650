import { caseOpened, CASE_ID, on } from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import type { AssignPairing, CloseCase, RecordVisit } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';

const today = on('2024-06-15');
const visit = (visitedOn: string, overrides: Partial<RecordVisit> = {}): RecordVisit => ({
  type: 'RecordVisit',
  ...today,
  visitId: 'v-1',
  visitedOn,
  visitor: 'Li Ming',
  findings: 'Roof leaks; the daughter starts senior high in September.',
  ...overrides,
});
const pair = (helperName: string, helperUnit = 'Unit 7'): AssignPairing => ({
  type: 'AssignPairing',
  ...today,
  helperName,
  helperUnit,
});
const close = (overrides: Partial<CloseCase> = {}): CloseCase => ({
  type: 'CloseCase',
  ...today,
  reason: 'moved_away',
  ...overrides,
});
const after = (...history: CaseEvent[]) => given(caseDecider, caseOpened(), ...history);
const closedEvents = after().when(close()).events();

describe('RecordVisit', () => {
  it('records a visit made today', () => {
    after()
      .when(visit('2024-06-15'))
      .then([
        {
          type: 'HomeVisitRecorded',
          data: {
            caseId: CASE_ID,
            visitId: 'v-1',
            visitedOn: '2024-06-15',
            visitor: 'Li Ming',
            findings: 'Roof leaks; the daughter starts senior high in September.',
            recordedBy: 'cw-1',
            recordedAt: '2024-06-15T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a visit in the future or on an impossible date', () => {
    after()
      .when(visit('2024-06-16'))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['visitedOn'] });
    after()
      .when(visit('2024-02-30'))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['visitedOn'] });
  });

  it('needs a visitor, findings and an open case', () => {
    after()
      .when(visit('2024-06-01', { visitor: '', findings: '' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['visitor', 'findings'] });
    after(...closedEvents)
      .when(visit('2024-06-01'))
      .thenFails('RULE_VIOLATION');
  });
});

describe('AssignPairing', () => {
  it('assigns a helper, and a new one ends the previous pairing', () => {
    const first = after().when(pair('Zhao Lei')).events();
    expect(first).toEqual([
      {
        type: 'PairingAssigned',
        data: {
          caseId: CASE_ID,
          helperName: 'Zhao Lei',
          helperUnit: 'Unit 7',
          assignedOn: '2024-06-15',
          assignedBy: 'cw-1',
          previous: null,
        },
      },
    ]);
    const [second] = after(...first)
      .when(pair('Sun Hui', 'Unit 9'))
      .events();
    expect(second?.data).toMatchObject({
      helperName: 'Sun Hui',
      previous: { helperName: 'Zhao Lei', helperUnit: 'Unit 7', assignedOn: '2024-06-15' },
    });
  });

  it('changes nothing when the same helper is assigned again', () => {
    after(...after().when(pair('Zhao Lei')).events())
      .when(pair(' Zhao Lei '))
      .then([]);
  });

  it('only pairs on an open case', () => {
    after(...closedEvents)
      .when(pair('Zhao Lei'))
      .thenFails('RULE_VIOLATION');
  });
});

describe('CloseCase', () => {
  it('closes an open case with a reason and a note', () => {
    const [event] = after()
      .when(close({ reason: 'other', note: 'Family asked to stop' }))
      .events();
    expect(event?.data).toMatchObject({
      reason: 'other',
      note: 'Family asked to stop',
      closedOn: '2024-06-15',
      closedBy: 'cw-1',
    });
  });

  it('refuses an unknown reason and a case already closed', () => {
    after()
      .when(close({ reason: 'bored' as never }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    after(...closedEvents)
      .when(close())
      .thenFails('RULE_VIOLATION');
  });
});
