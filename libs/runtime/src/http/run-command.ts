import type { Decider, DomainEvent } from '@union/kernel';
import { DomainError } from '@union/kernel';
import {
  handleCommand,
  WrongExpectedVersionError,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@union/event-store';

/**
 * The generic command handler as the HTTP layer uses it: a stale `If-Match`, or a race lost
 * after every retry, becomes 409 VERSION_CONFLICT with the version the record is at now.
 */
export async function runCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<State>> {
  try {
    return await handleCommand(store, decider, command, context);
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    throw versionConflict(error);
  }
}

export function versionConflict(error: WrongExpectedVersionError): DomainError {
  const detail =
    error.actual === null
      ? 'The record changed while your request was being handled. Reload it and try again.'
      : `The record is at version ${error.actual}, not ${String(error.expected)}. Reload it and try again.`;
  return new DomainError('VERSION_CONFLICT', detail, {
    details: error.actual === null ? {} : { currentVersion: error.actual },
  });
}
