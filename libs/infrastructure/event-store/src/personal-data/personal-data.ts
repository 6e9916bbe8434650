import type { EntityManager } from 'typeorm';
import { isSealed, openValue, sealValue, sealedKindOf, sealedRefOf } from './field-cipher';
import { PersonErasedError, type PersonKeys } from './key-store';
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
