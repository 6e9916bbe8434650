/**
 * Where "now" comes from. Deciders take time as an input (STYLE.md); services get it from a
 * Clock so tests can pin it.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};
