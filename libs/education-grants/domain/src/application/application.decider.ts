import type { Decider } from '@union/kernel';
import type { ApplicationCommand } from './application.commands';
import {
  evolveApplication,
  initialApplicationState,
  type ApplicationEvent,
  type ApplicationState,
} from './application.events';
import { putOnHold, releaseFromHold } from './hold.decide';
import { approveApplication, disburseGrant, rejectApplication, withdrawApplication } from './review.decide';
import { submitApplication } from './submit-application.decide';

/** Decides an application command against the folded stream. @throws DomainError */
export function decideApplication(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submitApplication(command, state);
    case 'ApproveApplication':
      return approveApplication(command, state);
    case 'RejectApplication':
      return rejectApplication(command, state);
    case 'DisburseGrant':
      return disburseGrant(command, state);
    case 'WithdrawApplication':
      return withdrawApplication(command, state);
    case 'PutApplicationOnHold':
      return putOnHold(command, state);
    case 'ReleaseApplicationFromHold':
      return releaseFromHold(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The application aggregate (stream `application-<uuid>`). */
export const applicationDecider: Decider<ApplicationState, ApplicationCommand, ApplicationEvent> = {
  initialState: initialApplicationState,
  evolve: evolveApplication,
  decide: decideApplication,
};
