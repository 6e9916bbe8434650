import type { Decider } from '@union/kernel';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import {
  decideApproveAssistance,
  decideRecordAssistance,
  decideRecordHolidayAssistance,
  decideRejectAssistance,
} from './assistance.decide';
import {
  decideAssignPairing,
  decideAttachReferral,
  decideCloseCase,
  decideRecordExternalAssistance,
  decideRecordVisit,
} from './case-management.decide';
import { evolveCase, initialCaseState, type CaseState } from './case.state';
import { decideOpenCase } from './open-case.decide';
import { decideReassessCase } from './reassess-case.decide';
import { decideReopenCase } from './reopen-case.decide';

/** The events a command on a case file produces; throws a DomainError when a rule refuses it. */
export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return decideOpenCase(command, state);
    case 'ReassessCase':
      return decideReassessCase(command, state);
    case 'RecordVisit':
      return decideRecordVisit(command, state);
    case 'AssignPairing':
      return decideAssignPairing(command, state);
    case 'RecordAssistance':
      return decideRecordAssistance(command, state);
    case 'RecordHolidayAssistance':
      return decideRecordHolidayAssistance(command, state);
    case 'ApproveAssistance':
      return decideApproveAssistance(command, state);
    case 'RejectAssistance':
      return decideRejectAssistance(command, state);
    case 'CloseCase':
      return decideCloseCase(command, state);
    case 'ReopenCase':
      return decideReopenCase(command, state);
    case 'AttachReferral':
      return decideAttachReferral(command, state);
    case 'RecordExternalAssistance':
      return decideRecordExternalAssistance(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The decider of a `case-<uuid>` stream (a hardship case file). */
export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  decide: decideCase,
};
