/** Another writer appended to the stream first: exactly one of two conflicting writers wins. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId} is at version ${actual ?? 'none'}, expected ${expected}.`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** Some (not all) of the event ids of an append are already stored: a caller bug, never retried. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventIds: string[]) {
    super(`Events already stored: ${eventIds.join(', ')}.`);
    this.name = 'DuplicateEventIdError';
  }
}
