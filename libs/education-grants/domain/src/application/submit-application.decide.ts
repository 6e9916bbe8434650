import { DomainError, compareDates, consentProblems, normaliseConsent, type FieldError } from '@union/kernel';
import { EDUCATION_LEVELS, isEducationLevel, isFilled } from '../shared/grant-vocabulary';
import type { CampaignFacts, SubmitApplication } from './application.commands';
import type { ApplicationEvent, ApplicationState } from './application.events';

function assertInputValid(command: SubmitApplication): void {
  const { student } = command;
  const errors: FieldError[] = [];
  if (!isFilled(student.name))
    errors.push({ field: 'student.name', message: "The student's name is required." });
  if (!isFilled(student.school))
    errors.push({ field: 'student.school', message: "The student's school is required." });
  if (!isEducationLevel(student.level)) {
    const message = `'${String(student.level)}' is not an education level; use one of ${EDUCATION_LEVELS.join(', ')}.`;
    errors.push({ field: 'student.level', message });
  }
  if (!isFilled(command.unitId)) errors.push({ field: 'unitId', message: 'The union unit is required.' });
  if (command.parent.personRef === student.personRef) {
    errors.push({ field: 'student.idNumber', message: "The student's identity number is the parent's own." });
  }
  errors.push(
    ...consentProblems(command.consent, {
      on: command.today,
      required: command.dryRun !== true,
      names: typeof student.name === 'string' ? [student.name] : [],
    }),
  );
  if (errors.length > 0) {
    const message =
      errors.length === 1 ? errors[0].message : `The application has ${errors.length} invalid fields.`;
    throw new DomainError('VALIDATION_FAILED', message, { errors });
  }
}

function assertCampaignTakesApplications(campaign: CampaignFacts, command: SubmitApplication): void {
  if (campaign.status === 'closed') throw new DomainError('RULE_VIOLATION', 'The campaign is closed.');
  // The window governs intake by caseworkers. Recurring students' applications are created by
  // the system when the campaign is opened, which may be before its window starts.
  if (command.auto === true) return;
  const { opensOn, closesOn } = campaign;
  const { today } = command;
  if (compareDates(today, opensOn) < 0 || compareDates(today, closesOn) > 0) {
    throw new DomainError(
      'RULE_VIOLATION',
      `The campaign takes applications from ${opensOn} to ${closesOn}, both days included; today is ${today}.`,
      { details: { opensOn, closesOn, today } },
    );
  }
}

function assertParentEligible(campaign: CampaignFacts, command: SubmitApplication): void {
  const { openCase, tier } = command.eligibility;
  const eligibleTiers = campaign.eligibleTiers;
  if (!openCase || tier === null) {
    throw new DomainError(
      'NOT_ELIGIBLE',
      'The parent holds no open hardship case; open one (建档) before applying for a grant.',
      { details: { eligibleTiers } },
    );
  }
  if (!eligibleTiers.includes(tier)) {
    throw new DomainError(
      'NOT_ELIGIBLE',
      `The parent's hardship case is of tier '${tier}'; this campaign accepts ${eligibleTiers.join(', ')}.`,
      { details: { tier, eligibleTiers } },
    );
  }
}

function assertNoLiveApplication(command: SubmitApplication): void {
  const existingApplicationId = command.liveApplicationIdForStudent;
  if (existingApplicationId === undefined) return;
  throw new DomainError(
    'DUPLICATE',
    `This student already has an application in this campaign (${existingApplicationId}); withdraw it first to apply again.`,
    { details: { existingApplicationId } },
  );
}

function grantFor(campaign: CampaignFacts, command: SubmitApplication): number {
  const { level } = command.student;
  const amountFen = campaign.amountsByLevelFen[level];
  if (amountFen === undefined) {
    const fundedLevels = EDUCATION_LEVELS.filter((l) => campaign.amountsByLevelFen[l] !== undefined);
    throw new DomainError(
      'RULE_VIOLATION',
      `This campaign does not fund the level '${level}'; it funds ${fundedLevels.join(', ')}.`,
      { details: { level, fundedLevels } },
    );
  }
  return amountFen;
}

/**
 * Submits an application. The rules run in DOMAIN.md's order, each with its own code: campaign
 * open and today inside the window (422), parent eligible now (422 NOT_ELIGIBLE), one live
 * application per student (409 DUPLICATE), level funded (422).
 * @throws DomainError
 */
export function submitApplication(command: SubmitApplication, state: ApplicationState): ApplicationEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('CONFLICT', 'An application with this id exists already.', {
      details: { applicationId: command.applicationId },
    });
  }
  const { campaign } = command;
  if (campaign === null) throw new DomainError('NOT_FOUND', 'There is no such campaign.');
  assertInputValid(command);
  assertCampaignTakesApplications(campaign, command);
  assertParentEligible(campaign, command);
  assertNoLiveApplication(command);
  const amountFen = grantFor(campaign, command);
  const { parent, student, consent } = command;
  return [
    {
      type: 'GrantApplicationSubmitted',
      data: {
        applicationId: command.applicationId,
        campaignId: campaign.campaignId,
        parentPersonRef: parent.personRef,
        parentIdNumberMasked: parent.idNumberMasked,
        studentPersonRef: student.personRef,
        studentIdNumberMasked: student.idNumberMasked,
        studentName: student.name.trim(),
        level: student.level,
        school: student.school.trim(),
        unitId: command.unitId,
        amountFen,
        recurring: false,
        auto: command.auto === true,
        ...(consent ? { consent: normaliseConsent(consent) } : {}),
        submittedBy: command.submittedBy,
        submittedAt: command.now,
      },
    },
  ];
}
