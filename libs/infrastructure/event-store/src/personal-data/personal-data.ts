import type { EntityManager } from 'typeorm';
import { isSealed, openValue, sealValue, sealedRefOf } from './field-cipher';
import { PersonErasedError, type PersonKeys } from './key-store';
import { mapPaths, mapStrings, type PersonalFieldMap } from './personal-fields';

/**
 * What an erased personal field reads as, everywhere (API, audit, exports, read models, rebuilt or
 * not): the value itself is gone with the person's key.
 */
export const ERASED = '[erased]';

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
 * the key of the person it names, or reads as {@link ERASED} when that key is destroyed.
 */
export class PersonalData {
  constructor(
    readonly keys: PersonKeys,
    private readonly fields: PersonalFieldMap,
  ) {}

  /** Whether events of `type` have personal fields to seal. */
  seals(type: string): boolean {
    return (this.fields[type]?.length ?? 0) > 0;
  }

  /**
   * `events` with their personal fields sealed. An event with personal fields must name its person.
   * @throws PersonErasedError when the person's key was destroyed (nothing more of theirs is kept).
   */
  async seal<E extends EventData>(m: EntityManager, events: readonly E[]): Promise<E[]> {
    const refs = events.filter((e) => this.seals(e.type)).map((e) => this.refOf(e));
    if (refs.length === 0) return [...events];
    const keys = await this.keys.keysFor(m, refs, true);
    return events.map((e) => {
      if (!this.seals(e.type)) return e;
      const ref = this.refOf(e);
      const key = keys.get(ref);
      if (!key) throw new PersonErasedError(ref);
      return { ...e, data: mapPaths(e.data, this.fields[e.type], (v) => sealValue(key, v, ref)) };
    });
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

  private refOf(e: EventData): string {
    if (!e.personRef) throw new Error(`${e.type} has personal fields but names no person (personRef)`);
    return e.personRef;
  }
}

/** The people whose keys the sealed values in `data` need. */
export function sealedRefsIn(data: unknown): string[] {
  const refs: string[] = [];
  mapStrings(data, isSealed, (s) => refs.push(sealedRefOf(s)));
  return refs;
}

/** `data` with each sealed value opened by `keyOf` its person, or ERASED when that is null. */
export function openAll(data: unknown, keyOf: (personRef: string) => Buffer | null): unknown {
  return mapStrings(data, isSealed, (s) => {
    const key = keyOf(sealedRefOf(s));
    return key ? openValue(key, s) : ERASED;
  });
}
