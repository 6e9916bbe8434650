import { sequentialIds } from '@union/kernel';
import type { ParentEligibilityRow } from '../eligibility/parent-eligibility.projection';
import { applicationDecider } from './application.decider';
import {
  recurringApplicationsFor,
  recurringStudentsFrom,
  type RecurringSource,
  type RecurringStudent,
} from './recurring-applications';
import { CONSENT, campaignFacts } from '../testing/grants.fixtures';

const student = (n: number, overrides: Partial<RecurringStudent> = {}): RecurringStudent => ({
  parentPersonRef: `parent-${n}`,
  parentIdNumberMasked: `630102********00${n}1`,
  studentPersonRef: `student-${n}`,
  studentIdNumberMasked: `630102********00${n}2`,
  studentName: `学生${n}`,
  level: 'undergraduate',
  school: '青海大学',
  unitId: 'unit-1',
  consent: CONSENT,
  ...overrides,
});
const row = (
  personRef: string,
  open: boolean,
  tier: ParentEligibilityRow['tier'],
): [string, ParentEligibilityRow] => [personRef, { personRef, caseId: `case-${personRef}`, open, tier }];
const campaign = campaignFacts({
  campaignId: 'campaign-2025',
  opensOn: '2025-07-01',
  closesOn: '2025-08-20',
});
const context = () => ({
  today: '2025-06-20',
  now: '2025-06-20T01:00:00.000Z',
  nextId: sequentialIds('app').next,
});

describe('recurringApplicationsFor', () => {
  const eligibility = new Map([
    row('parent-1', true, 'deep'),
    row('parent-2', false, 'deep'),
    row('parent-3', true, 'emergency'),
    row('parent-5', true, 'relative'),
  ]);
  const students = [student(1), student(2), student(3), student(4), student(5, { level: 'primary' })];

  it('submits for each student whose parent is still eligible and whose level is funded', () => {
    const commands = recurringApplicationsFor(campaign, students, eligibility, context());
    expect(commands).toEqual([
      {
        type: 'SubmitApplication',
        applicationId: 'app-1',
        campaign,
        parent: { personRef: 'parent-1', idNumberMasked: '630102********0011' },
        student: {
          personRef: 'student-1',
          idNumberMasked: '630102********0012',
          name: '学生1',
          level: 'undergraduate',
          school: '青海大学',
        },
        unitId: 'unit-1',
        eligibility: { openCase: true, tier: 'deep' },
        consent: CONSENT,
        auto: true,
        submittedBy: 'system',
        today: '2025-06-20',
        now: '2025-06-20T01:00:00.000Z',
      },
    ]);
  });

  it('produces commands the application decider accepts, before the window opens', () => {
    const [command] = recurringApplicationsFor(campaign, students, eligibility, context());
    expect(applicationDecider.decide(command, applicationDecider.initialState())).toMatchObject([
      {
        type: 'GrantApplicationSubmitted',
        data: { auto: true, submittedBy: 'system', amountFen: 500_000, recurring: false, consent: CONSENT },
      },
    ]);
  });

  it("carries the parent's authorisation of the earlier application, and leaves a student without one to a caseworker", () => {
    const withoutConsent = [student(1, { consent: null }), student(5, { level: 'undergraduate' })];
    const commands = recurringApplicationsFor(campaign, withoutConsent, eligibility, context());
    expect(commands.map((c) => [c.student.personRef, c.consent])).toEqual([['student-5', CONSENT]]);
  });

  it('submits once per student, from the latest listing, and skips students who applied already', () => {
    const twice = [student(1, { school: '旧学校' }), student(1, { school: '新学校' })];
    const commands = recurringApplicationsFor(campaign, twice, eligibility, context());
    expect(commands.map((c) => c.student.school)).toEqual(['新学校']);
    expect(
      recurringApplicationsFor(campaign, twice, eligibility, {
        ...context(),
        alreadyApplied: new Set(['student-1']),
      }),
    ).toEqual([]);
  });

  it("follows the new campaign's tiers", () => {
    const withEmergency = { ...campaign, eligibleTiers: ['deep', 'relative', 'emergency'] as const };
    const refs = recurringApplicationsFor(withEmergency, students, eligibility, context()).map(
      (c) => c.student.personRef,
    );
    expect(refs).toEqual(['student-1', 'student-3']);
  });
});

describe('recurringStudentsFrom', () => {
  const source = (n: number, overrides: Partial<RecurringSource>): RecurringSource => ({
    ...student(n),
    campaignId: 'campaign-2024',
    status: 'disbursed',
    heldFrom: null,
    recurring: true,
    submittedAt: `2024-07-0${n}T00:00:00.000Z`,
    ...overrides,
  });

  it('keeps approved recurring students of earlier campaigns, oldest first', () => {
    const rows = [
      source(3, { status: 'approved' }),
      source(1, {}),
      source(2, { recurring: false }),
      source(4, { status: 'withdrawn' }),
      source(5, { status: 'on_hold', heldFrom: 'approved' }),
      source(6, { status: 'on_hold', heldFrom: 'submitted' }),
      source(7, { campaignId: 'campaign-2025' }),
    ];
    expect(recurringStudentsFrom(rows, 'campaign-2025').map((s) => s.studentPersonRef)).toEqual([
      'student-1',
      'student-3',
      'student-5',
    ]);
  });
});
