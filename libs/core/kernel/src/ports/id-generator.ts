import { randomUUID } from 'node:crypto';

/** Where new ids come from, so tests can make them predictable. */
export interface IdGenerator {
  next(): string;
}

/** Random version 4 UUIDs from node:crypto. */
export const randomUuid: IdGenerator = {
  next: () => randomUUID(),
};
