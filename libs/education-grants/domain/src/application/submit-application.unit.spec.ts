import { applicationDecider } from './application.decider';
import { deciderSpec } from '../testing/decider-spec';
import { CONSENT, campaignFacts, submit, submitted } from '../testing/grants.fixtures';

const spec = deciderSpec(applicationDecider);

describe('SubmitApplication', () => {
  it("records the application with the campaign's grant for the level", () => {
    spec.given().when(submit()).then([submitted()]);
  });

  it.each(['2024-07-01', '2024-08-20'])(
    'accepts an application on %s, the first or last day of the window',
    (today) => {
      spec.given().when(submit({ today })).then([submitted()]);
    },
  );

  it.each(['2024-06-30', '2024-08-21'])(
    'refuses an application on %s, the day before or after the window',
    (today) => {
      const error = spec
        .given()
        .when(submit({ today }))
        .thenThrows('RULE_VIOLATION', { opensOn: '2024-07-01', closesOn: '2024-08-20', today });
      expect(error.message).toContain('from 2024-07-01 to 2024-08-20');
    },
  );

  it('refuses an application to a closed campaign, even inside the window', () => {
    const error = spec
      .given()
      .when(submit({ campaign: campaignFacts({ status: 'closed' }) }))
      .thenThrows('RULE_VIOLATION');
    expect(error.message).toBe('The campaign is closed.');
  });

  it('refuses an application to a campaign that does not exist', () => {
    spec
      .given()
      .when(submit({ campaign: null }))
      .thenThrows('NOT_FOUND');
  });

  it('refuses a parent without an open hardship case', () => {
    spec
      .given()
      .when(submit({ eligibility: { openCase: false, tier: 'deep' } }))
      .thenThrows('NOT_ELIGIBLE');
    spec
      .given()
      .when(submit({ eligibility: { openCase: false, tier: null } }))
      .thenThrows('NOT_ELIGIBLE');
  });

  it('refuses a parent whose open case is of a tier the campaign does not accept', () => {
    spec
      .given()
      .when(submit({ eligibility: { openCase: true, tier: 'emergency' } }))
      .thenThrows('NOT_ELIGIBLE', { tier: 'emergency', eligibleTiers: ['deep', 'relative'] });
  });

  it('accepts the emergency tier when the campaign does', () => {
    const command = submit({
      campaign: campaignFacts({ eligibleTiers: ['deep', 'relative', 'emergency'] }),
      eligibility: { openCase: true, tier: 'emergency' },
    });
    spec.given().when(command).then([submitted()]);
  });

  it('refuses a second live application for the student, naming the first', () => {
    spec
      .given()
      .when(submit({ liveApplicationIdForStudent: 'a-earlier' }))
      .thenThrows('DUPLICATE', { existingApplicationId: 'a-earlier' });
  });

  it('refuses a level the campaign does not fund, naming it', () => {
    const student = { ...submit().student, level: 'primary' as const };
    const error = spec
      .given()
      .when(submit({ student }))
      .thenThrows('RULE_VIOLATION', { level: 'primary', fundedLevels: ['senior_high', 'undergraduate'] });
    expect(error.message).toContain("'primary'");
  });

  it('checks the rules in order: window before eligibility before duplicates before level', () => {
    const student = { ...submit().student, level: 'primary' as const };
    const all = { student, liveApplicationIdForStudent: 'a-0', eligibility: { openCase: false, tier: null } };
    spec
      .given()
      .when(submit({ ...all, today: '2024-09-01' }))
      .thenThrows('RULE_VIOLATION');
    spec.given().when(submit(all)).thenThrows('NOT_ELIGIBLE');
    spec
      .given()
      .when(submit({ ...all, eligibility: { openCase: true, tier: 'deep' } }))
      .thenThrows('DUPLICATE');
  });

  it('refuses incomplete input with one error per field', () => {
    const student = { ...submit().student, name: ' ', school: '', level: 'kindergarten' as never };
    const error = spec
      .given()
      .when(submit({ student, unitId: '' }))
      .thenThrows('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual([
      'student.name',
      'student.school',
      'student.level',
      'unitId',
    ]);
  });

  it('refuses a student who is the parent', () => {
    const student = { ...submit().student, personRef: 'ref-parent' };
    spec.given().when(submit({ student })).thenThrows('VALIDATION_FAILED');
  });

  it("lets the system create a recurring student's application before the window opens", () => {
    spec
      .given()
      .when(submit({ auto: true, submittedBy: 'system', today: '2024-06-01' }))
      .then([submitted({ auto: true, submittedBy: 'system' })]);
    spec
      .given()
      .when(submit({ auto: true, campaign: campaignFacts({ status: 'closed' }) }))
      .thenThrows('RULE_VIOLATION');
  });

  describe("the parent's signed authorisation (授权书)", () => {
    const fieldsOf = (consent: unknown, extra = {}) =>
      spec
        .given()
        .when(submit({ consent: consent as never, ...extra }))
        .thenThrows('VALIDATION_FAILED')
        .errors?.map((e) => e.field);

    it('is required: without it, no application', () => {
      expect(fieldsOf(undefined)).toEqual(['consent']);
      expect(fieldsOf(null)).toEqual(['consent']);
    });

    it('is recorded in the submission, its reference trimmed', () => {
      const consent = { documentRef: ' 西工助授〔2024〕0002号  ', signedOn: '2024-07-15' };
      spec
        .given()
        .when(submit({ consent }))
        .then([submitted({ consent: { documentRef: '西工助授〔2024〕0002号', signedOn: '2024-07-15' } })]);
    });

    it('is signed on or before the day of the application, with a filing reference', () => {
      expect(fieldsOf({ ...CONSENT, signedOn: '2024-07-16' })).toEqual(['consent.signedOn']);
      expect(fieldsOf({ ...CONSENT, signedOn: '15/07/2024' })).toEqual(['consent.signedOn']);
      expect(fieldsOf({ ...CONSENT, documentRef: '' })).toEqual(['consent.documentRef']);
      expect(fieldsOf({ ...CONSENT, documentRef: 'x'.repeat(65) })).toEqual(['consent.documentRef']);
      expect(fieldsOf({ ...CONSENT, documentRef: '王小明助学授权书' })).toEqual(['consent.documentRef']);
      expect(fieldsOf({ ...CONSENT, documentRef: '11010519491231002X' })).toEqual(['consent.documentRef']);
    });

    it('may be left out of a dry run, which stores nothing; one given is checked', () => {
      const [event] = applicationDecider.decide(
        submit({ consent: undefined, dryRun: true }),
        applicationDecider.initialState(),
      );
      expect(event).toMatchObject({ type: 'GrantApplicationSubmitted' });
      expect(event?.data).not.toHaveProperty('consent');
      expect(fieldsOf({ ...CONSENT, signedOn: '2024-07-16' }, { dryRun: true })).toEqual([
        'consent.signedOn',
      ]);
    });
  });

  it('refuses to submit the same application id twice', () => {
    spec.given([submitted()]).when(submit()).thenThrows('CONFLICT');
  });
});
