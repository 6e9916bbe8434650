import type { PutApplicationOnHold, ReleaseApplicationFromHold } from './application.commands';
import type { ApplicationEvent, ApplicationState } from './application.events';

/**
 * Holds an application whose parent lost eligibility, remembering where it was. Only a submitted
 * or an approved (hence not yet paid) application is held; in any other status the hardship news
 * changes nothing, so the command emits nothing rather than failing the event consumer. An
 * approved application keeps its reservation while held, so a release needs no budget check.
 */
export function putOnHold(command: PutApplicationOnHold, state: ApplicationState): ApplicationEvent[] {
  if (state.submitted === null) return [];
  if (state.status !== 'submitted' && state.status !== 'approved') return [];
  const { applicationId } = state.submitted;
  const { reason, caseId, now } = command;
  return [
    {
      type: 'GrantApplicationPutOnHold',
      data: { applicationId, previousStatus: state.status, reason, caseId, at: now },
    },
  ];
}

/** Returns a held application to its previous status; anything not on hold is left alone. */
export function releaseFromHold(
  command: ReleaseApplicationFromHold,
  state: ApplicationState,
): ApplicationEvent[] {
  if (state.submitted === null || state.status !== 'on_hold' || state.heldFrom === null) return [];
  const { applicationId } = state.submitted;
  return [
    {
      type: 'GrantApplicationReleasedFromHold',
      data: { applicationId, restoredStatus: state.heldFrom, at: command.now },
    },
  ];
}
