import type { EntityManager } from 'typeorm';
import { DomainError } from '@union/kernel';

/** The privacy requests' own events (runtime/privacy): always written, restricted or not. */
export const PRIVACY_EVENT_TYPES: readonly string[] = ['PersonalDataRestricted', 'PersonalDataErased'];

/**
 * A command about a person whose processing is restricted (or whose data is erased) in this
 * service: their records are stored and protected, not used (PIPL Art. 47). 422 `PERSON_RESTRICTED`.
 */
export class PersonRestrictedError extends DomainError {
  constructor(
    readonly personRef: string,
    readonly eventType: string,
    erased: boolean,
  ) {
    super(
      'PERSON_RESTRICTED',
      erased
        ? "This person's personal data was erased in this programme: their records take no more commands."
        : "This person's personal data is restricted in this programme (stored, not processed): their records take no commands until the restriction ends.",
    );
  }
}

/** The parts of an event the check looks at. */
interface AboutPerson {
  readonly type: string;
  readonly data: unknown;
  readonly personRef?: string | null;
}

/** Which of the people asked about are restricted, and whether each is erased. */
export class RestrictedSet {
  constructor(
    private readonly people: ReadonlyMap<string, { erased: boolean }>,
    private readonly passes: ReadonlySet<string>,
  ) {}

  get size(): number {
    return this.people.size;
  }

  has(personRef: string | null | undefined): boolean {
    return !!personRef && this.people.has(personRef);
  }

  /** Why `event` may not be written, or null when it may. */
  refusal(event: AboutPerson): PersonRestrictedError | null {
    if (this.people.size === 0 || this.passes.has(event.type)) return null;
    for (const ref of personsOf(event)) {
      const found = this.people.get(ref);
      if (found) return new PersonRestrictedError(ref, event.type, found.erased);
    }
    return null;
  }
}

/**
 * The people an event is about: its `personRef`, and every top-level `…PersonRef` of its data
 * (the student on the parent's grant application). Their restriction refuses the event.
 */
export function personsOf(event: AboutPerson): string[] {
  const refs: string[] = [];
  if (event.personRef) refs.push(event.personRef);
  if (typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data)) {
    for (const [key, value] of Object.entries(event.data as Record<string, unknown>)) {
      if (key.endsWith('PersonRef') && typeof value === 'string' && value.length > 0) refs.push(value);
    }
  }
  return refs;
}

/**
 * The one check of a person's restriction before anything about them is written (issue 18,
 * docs/personal-information.md, "Restriction"). Every append path of the store seals through
 * `PersonalData`, which asks this first: `append`, the bulk commands and the bulk stream starts.
 * It reads `restricted_people` (the projection of the privacy streams) on every call, never a
 * cache: a restriction committed by any replica is in force for the next write.
 */
export class ProcessingRestrictions {
  private readonly passes: ReadonlySet<string>;

  /**
   * @param passes the event types a restricted person's records still take: the closing of a
   * record (which starts the retention period) and facts recorded from another programme.
   */
  constructor(passes: readonly string[] = []) {
    this.passes = new Set([...PRIVACY_EVENT_TYPES, ...passes]);
  }

  /** The people of `events` whose restriction would refuse them (the passing types left out). */
  refsToCheck(events: readonly AboutPerson[]): string[] {
    return events.filter((e) => !this.passes.has(e.type)).flatMap(personsOf);
  }

  /** @throws PersonRestrictedError for the first of `events` that `people` (restricted, read) refuse. */
  assertNoneRefused(events: readonly AboutPerson[], people: ReadonlyMap<string, { erased: boolean }>): void {
    const restricted = new RestrictedSet(people, this.passes);
    for (const event of events) {
      const refusal = restricted.refusal(event);
      if (refusal) throw refusal;
    }
  }

  /** Which of `refs` are restricted or erased here (one query; none for no refs). */
  async among(m: EntityManager, refs: readonly (string | null | undefined)[]): Promise<RestrictedSet> {
    const unique = [...new Set(refs.filter((r): r is string => !!r))];
    if (unique.length === 0) return new RestrictedSet(new Map(), this.passes);
    const rows: { person_ref: string; erased: boolean }[] = await m.query(
      `SELECT person_ref, erased_at IS NOT NULL AS erased FROM restricted_people WHERE person_ref = ANY($1::text[])`,
      [unique],
    );
    return new RestrictedSet(new Map(rows.map((r) => [r.person_ref, { erased: r.erased }])), this.passes);
  }

  /**
   * @throws PersonRestrictedError for the first of `events` about a restricted person that is
   * not of a type restricted records still take.
   */
  async assertMayWrite(m: EntityManager, events: readonly AboutPerson[]): Promise<void> {
    const candidates = events.filter((e) => !this.passes.has(e.type));
    if (candidates.length === 0) return;
    const restricted = await this.among(m, candidates.flatMap(personsOf));
    for (const event of candidates) {
      const refusal = restricted.refusal(event);
      if (refusal) throw refusal;
    }
  }
}
