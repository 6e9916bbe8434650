import type { EntityManager } from 'typeorm';
import { isSealed, openValue, sealValue, sealedKindOf, sealedRefOf } from './field-cipher';
import { PersonErasedError, type KeyGuard, type PersonKeys } from './key-store';
import {
  forEachString,
  mapPaths,
  mapStrings,
  parseFieldSpec,
  valueAt,
  type PersonalFieldMap,
} from './personal-fields';
import { ProcessingRestrictions } from './restrictions';

/**
 * What an erased personal text reads as, everywhere (API, audit, exports, read models, rebuilt or
 * not): the value itself is gone with the person's key. An erased number or object reads as null.
 */
export const ERASED = '[erased]';
const erasedValue = (sealed: string): unknown => (sealedKindOf(sealed) === 's' ? ERASED : null);

/** The parts of an event the seal and the opening look at. */
interface EventData {
  readonly type: string;
  readonly data: unknown;
  readonly personRef?: string | null;
}

/**
 * The one place personal fields are sealed and opened (issue 18). On append, the fields the
 * service names (`PersonalFieldMap`) are sealed with the key of the event's person, before the
 * event is hashed, so the chain is over what is stored. On read, every sealed value is opened with
 * the key of the person it names, or reads as {@link ERASED} when that key is destroyed. Before
 * anything is sealed, an event about a restricted person is refused ({@link ProcessingRestrictions}):
 * every append path of the store comes through here.
 */
export class PersonalData {
  constructor(
    readonly keys: PersonKeys,
    private readonly fields: PersonalFieldMap,
    readonly restrictions: ProcessingRestrictions = new ProcessingRestrictions(),
  ) {}

  /** Whether events of `type` have personal fields to seal. */
  seals(type: string): boolean {
    return (this.fields[type]?.length ?? 0) > 0;
  }

  /**
   * `events` with their personal fields sealed. An event with personal fields must name its person.
   * @throws PersonRestrictedError when an event is about a person whose processing is restricted.
   * @throws PersonErasedError when the person's key was destroyed (nothing more of theirs is kept).
   */
  async seal<E extends EventData>(m: EntityManager, events: readonly E[]): Promise<E[]> {
    const plans = events.map((e) => (this.seals(e.type) ? this.planOf(e) : []));
    const refs = plans.flatMap((plan) => plan.map((p) => p.ref));
    // The restriction check and the keys (made for a new person) in one statement.
    const { keys, restricted } = await this.keys.forWrite(m, refs, this.restrictions.refsToCheck(events));
    this.restrictions.assertNoneRefused(events, restricted);
    if (refs.length === 0) return [...events];
    return sealWith(events, plans, keys);
  }

  /**
   * `events` sealed for the store's one-statement append, with keys this process holds or makes
   * new (no read), and the {@link WriteGuard} its INSERT must carry: it checks in the database
   * what `seal` reads (the keys still stored as held, the people not restricted). Undefined when a
   * key must be read first: the caller uses `seal`. After the INSERT, `settle` says whether it
   * passed; when it did not, nothing was written and the caller seals again with `seal`.
   */
  async sealGuarded<E extends EventData>(
    events: readonly E[],
  ): Promise<{ events: E[]; guard: WriteGuard } | undefined> {
    const plans = events.map((e) => (this.seals(e.type) ? this.planOf(e) : []));
    const prepared = await this.keys.prepareWrite(plans.flatMap((plan) => plan.map((p) => p.ref)));
    if (!prepared) return undefined;
    const checkRefs = [...new Set(this.restrictions.refsToCheck(events))];
    return { events: sealWith(events, plans, prepared.keys), guard: { ...prepared.guard, checkRefs } };
  }

  settle(guard: WriteGuard, passed: boolean): void {
    this.keys.settle(guard, passed);
  }

  /** `events` with every sealed value opened, or {@link ERASED} where the person was erased. */
  async open<E extends { readonly data: unknown }>(m: EntityManager, events: readonly E[]): Promise<E[]> {
    const refs = new Set<string>();
    const sealed = events.map((e) => {
      const found = sealedRefsIn(e.data);
      for (const r of found) refs.add(r);
      return found.length > 0;
    });
    if (refs.size === 0) return [...events];
    const keys = await this.keys.keysFor(m, [...refs], false);
    return events.map((e, i) =>
      sealed[i] ? { ...e, data: openAll(e.data, (ref) => keys.get(ref) ?? null) } : e,
    );
  }

  /** Each personal field of `e` with the person whose key seals it. */
  private planOf(e: EventData): { path: string; ref: string }[] {
    return this.fields[e.type].map((spec) => {
      const { path, refPath } = parseFieldSpec(spec);
      const ref = refPath ? valueAt(e.data, refPath) : e.personRef;
      if (typeof ref !== 'string' || ref.length === 0) {
        throw new Error(`${e.type} has personal fields but names no person (${refPath ?? 'personRef'})`);
      }
      return { path, ref };
    });
  }
}

function sealWith<E extends EventData>(
  events: readonly E[],
  plans: readonly { path: string; ref: string }[][],
  keys: ReadonlyMap<string, Buffer | null>,
): E[] {
  return events.map((e, i) => {
    let data = e.data;
    for (const { path, ref } of plans[i]) {
      const key = keys.get(ref);
      if (!key) throw new PersonErasedError(ref);
      data = mapPaths(data, [path], (v) => sealValue(key, v, ref));
    }
    return data === e.data ? e : { ...e, data };
  });
}

/** What a one-statement append checks in the database: the keys it sealed with, the restriction. */
export interface WriteGuard extends KeyGuard {
  /** The people whose restriction refuses the events. */
  readonly checkRefs: string[];
}

/**
 * The guard of a one-statement append, as SQL around an `INSERT ... SELECT`: `with` goes before
 * the INSERT (it inserts the new keys, none when a person is restricted), `where` after its
 * SELECT (the held keys still stored, locked `FOR SHARE` so an erasure waits for the write; every
 * new key inserted; no person restricted). Only the parts a write needs are written (a visit to a
 * known person makes no key; a new case holds none): Postgres plans this statement on every
 * append, and the planning of the parts left out was a quarter of an append's time. Its
 * parameters are numbered from `first`.
 */
export function writeGuardSql(
  guard: WriteGuard,
  first: number,
): { with: string; where: string; params: unknown[] } {
  const params: unknown[] = [];
  const $ = (value: unknown) => `$${first + params.push(value) - 1}`;
  const conditions: string[] = [];
  let made = '';
  if (guard.checkRefs.length > 0) {
    const refs = $(guard.checkRefs);
    conditions.push(`NOT EXISTS (SELECT 1 FROM restricted_people WHERE person_ref = ANY(${refs}::text[]))`);
  }
  if (guard.madeRefs.length > 0) {
    const restricted = guard.checkRefs.length > 0 ? `WHERE ${conditions[0]}` : '';
    made = `WITH made AS (
      INSERT INTO person_keys (person_ref, master_key_id, wrapped_key)
      SELECT ref, ${$(guard.masterKeyId)}::text, wrapped
      FROM unnest(${$(guard.madeRefs)}::text[], ${$(guard.madeWrapped)}::bytea[]) AS n(ref, wrapped)
      ${restricted}
      ON CONFLICT (person_ref) DO NOTHING
      RETURNING person_ref
    )`;
    conditions.push(`(SELECT count(*) FROM made) = ${$(guard.madeRefs.length)}::int`);
  }
  if (guard.heldRefs.length > 0) {
    conditions.push(`NOT EXISTS (
        SELECT 1 FROM unnest(${$(guard.heldRefs)}::text[], ${$(guard.heldWrapped)}::bytea[]) AS h(ref, wrapped)
        WHERE NOT EXISTS (
          SELECT 1 FROM person_keys k WHERE k.person_ref = h.ref AND k.wrapped_key = h.wrapped FOR SHARE
        )
      )`);
  }
  return {
    with: made,
    where: conditions.length > 0 ? `WHERE ${conditions.join('\n      AND ')}` : '',
    params,
  };
}

/** The people whose keys the sealed values in `data` need. */
export function sealedRefsIn(data: unknown): string[] {
  const refs: string[] = [];
  forEachString(data, isSealed, (s) => refs.push(sealedRefOf(s)));
  return refs;
}

/** `data` with each sealed value opened by `keyOf` its person, or ERASED when that is null. */
export function openAll(data: unknown, keyOf: (personRef: string) => Buffer | null): unknown {
  return mapStrings(data, isSealed, (s) => {
    const key = keyOf(sealedRefOf(s));
    return key ? openValue(key, s) : erasedValue(s);
  });
}
