import type { PayloadReader } from './payload-reader';

/** An integration event as a contract defines it: a type, a schema version and a payload. */
export interface ContractEvent {
  type: string;
  version: number;
  data: object;
}

/** How one event type is read: the schema version it is at, and its payload's fields. */
export interface EventContract<E extends ContractEvent> {
  version: E['version'];
  /** Reads every field through `p`; a broken one is a problem in `p`, not an exception. */
  read(p: PayloadReader): E['data'];
}

/** Every event type of one topic, each with its contract. */
export type EventContracts<E extends ContractEvent> = {
  readonly [T in E['type']]: EventContract<Extract<E, { type: T }>>;
};
