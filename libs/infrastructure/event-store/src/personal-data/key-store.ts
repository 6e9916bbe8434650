import type { EntityManager } from 'typeorm';
import { newDataKey } from './field-cipher';
import type { MasterKey } from './master-key';

/** What a one-statement append checks of the keys it sealed with (PersonKeys.prepareWrite). */
export interface KeyGuard {
  /** People sealed with a held key: their stored wrapped key must still be this one. */
  readonly heldRefs: string[];
  readonly heldWrapped: Buffer[];
  /** People given a new key: the statement inserts it, and every one must be inserted. */
  readonly madeRefs: string[];
  madeWrapped: Buffer[];
  readonly madeKeys: Buffer[];
  readonly masterKeyId: string;
}

/** A person's data key was destroyed: nothing more of theirs can be sealed (or opened). */
export class PersonErasedError extends Error {
  constructor(readonly personRef: string) {
    super(`the personal data of ${personRef.slice(0, 12)}… was erased`);
  }
}

/** The master key given does not open this database's data keys. */
export class MasterKeyMismatchError extends Error {}

const CHECK = Buffer.from('union personal data master key check', 'utf8');

/**
 * The data key of each person, in this service's database (`person_keys`), wrapped by the master
 * key. Erasing a person destroys their wrapped key (the row stays, keyless, so no new key is ever
 * made for them). Keys are read from the database on every call, never cached across calls: an
 * erasure committed by any replica is in force for every later read.
 */
export class PersonKeys {
  constructor(readonly master: MasterKey) {}

  /**
   * Fails loudly at start when the master key is not the one this database's keys are wrapped by.
   * The first start with personal data records a check value wrapped by the key.
   * @throws MasterKeyMismatchError
   */
  async assertMasterKey(m: EntityManager): Promise<void> {
    const rows: { master_key_id: string; check_value: Buffer }[] = await m.query(
      `SELECT master_key_id, check_value FROM master_key_checks`,
    );
    if (rows.length === 0) {
      const wrapped = await this.master.wrap(CHECK);
      await m.query(
        `INSERT INTO master_key_checks (master_key_id, check_value) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [this.master.id, wrapped],
      );
      return this.assertMasterKey(m);
    }
    const mine = rows.find((r) => r.master_key_id === this.master.id);
    const opened = mine ? await this.master.unwrap(mine.check_value).catch(() => undefined) : undefined;
    if (!opened?.equals(CHECK)) {
      throw new MasterKeyMismatchError(
        `PERSONAL_DATA_MASTER_KEY (${this.master.id}) does not open this database's personal data keys, ` +
          `which are wrapped by ${rows.map((r) => r.master_key_id).join(', ')}. Start with the key they were ` +
          `made with, or rotate to the new key first (docs/personal-information.md).`,
      );
    }
  }

  /**
   * The data keys of `refs`: a key, or null for an erased person. With `create`, a person with no
   * key yet gets one (concurrent creators agree: the first insert wins, the others read it).
   */
  async keysFor(
    m: EntityManager,
    refs: readonly string[],
    create: boolean,
    lock = false,
  ): Promise<Map<string, Buffer | null>> {
    const unique = [...new Set(refs)];
    const keys = await this.read(m, unique, lock);
    const missing = unique.filter((r) => !keys.has(r));
    if (create && missing.length > 0) {
      const made = missing.map(() => newDataKey());
      const wrapped = await Promise.all(made.map((key) => this.master.wrap(key)));
      const inserted: { person_ref: string }[] = await m.query(
        `INSERT INTO person_keys (person_ref, master_key_id, wrapped_key)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[]) ON CONFLICT (person_ref) DO NOTHING
         RETURNING person_ref`,
        [missing, missing.map(() => this.master.id), wrapped],
      );
      // The keys this insert stored are the ones just made (no read back, no unwrap); a person
      // another writer gave a key meanwhile gets that one.
      const stored = new Set(inserted.map((r) => r.person_ref));
      missing.forEach((ref, i) => {
        if (stored.has(ref)) keys.set(ref, made[i]);
      });
      const raced = missing.filter((ref) => !stored.has(ref));
      for (const [ref, key] of await this.read(m, raced, lock)) keys.set(ref, key);
    }
    if (create) this.remember(keys.keys());
    return keys;
  }

  /**
   * What an append needs about its people, in one statement (docs/personal-information.md, "Cost"):
   * the data keys of `keyRefs` (a key, or null for an erased person), made for a person who has
   * none yet in the same statement, and which of all the refs are restricted (`restricted_people`).
   * Each existing key row is read `FOR SHARE`: an erasure (which updates that row) waits for the
   * append's transaction, or the append waits for the erasure and reads the key destroyed; so an
   * erasure's scrub of the read models always comes after every write that sealed with the key.
   * A new key is only made (and wrapped) for a person this process has not yet seen with a row,
   * and none when one of `checkRefs` is restricted (the write is refused); one it missed is made by
   * a second statement, as `keysFor` does.
   */
  async forWrite(
    m: EntityManager,
    keyRefs: readonly string[],
    checkRefs: readonly string[],
  ): Promise<{ keys: Map<string, Buffer | null>; restricted: Map<string, { erased: boolean }> }> {
    const sealing = [...new Set(keyRefs)];
    const all = [...new Set([...sealing, ...checkRefs])];
    const keys = new Map<string, Buffer | null>();
    const restricted = new Map<string, { erased: boolean }>();
    if (all.length === 0) return { keys, restricted };
    const toMake = sealing.filter((r) => !this.seen.has(r));
    const made = toMake.map(() => newDataKey());
    const wrapped = await Promise.all(made.map((key) => this.master.wrap(key)));
    const rows: {
      person_ref: string;
      master_key_id: string | null;
      wrapped_key: Buffer | null;
      stored: boolean;
      made: boolean;
      restricted: boolean;
      erased: boolean;
    }[] = await m.query(
      `WITH made AS (
         INSERT INTO person_keys (person_ref, master_key_id, wrapped_key)
         SELECT * FROM unnest($2::text[], $3::text[], $4::bytea[])
         WHERE NOT EXISTS (SELECT 1 FROM restricted_people WHERE person_ref = ANY($5::text[]))
         ON CONFLICT (person_ref) DO NOTHING
         RETURNING person_ref
       )
       SELECT r.ref AS person_ref, k.master_key_id, k.wrapped_key, k.person_ref IS NOT NULL AS stored,
              made.person_ref IS NOT NULL AS made, rp.person_ref IS NOT NULL AS restricted,
              rp.erased_at IS NOT NULL AS erased
       FROM unnest($1::text[]) AS r(ref)
       LEFT JOIN LATERAL (
         SELECT person_ref, master_key_id, wrapped_key FROM person_keys WHERE person_ref = r.ref FOR SHARE
       ) k ON true
       LEFT JOIN made ON made.person_ref = r.ref
       LEFT JOIN restricted_people rp ON rp.person_ref = r.ref`,
      [all, toMake, toMake.map(() => this.master.id), wrapped, [...new Set(checkRefs)]],
    );
    const sealingSet = new Set(sealing);
    const madeKey = new Map(toMake.map((ref, i) => [ref, made[i]]));
    const missing: string[] = [];
    for (const r of rows) {
      if (r.restricted) restricted.set(r.person_ref, { erased: r.erased });
      if (!sealingSet.has(r.person_ref)) continue;
      if (r.made) {
        const key = madeKey.get(r.person_ref) as Buffer;
        keys.set(r.person_ref, key);
        this.hold(r.person_ref, key, wrapped[toMake.indexOf(r.person_ref)]);
      } else if (r.stored) {
        const key = await this.unwrapRow(r);
        keys.set(r.person_ref, key);
        if (key && r.wrapped_key) this.hold(r.person_ref, key, r.wrapped_key);
        else this.held.delete(r.person_ref);
      } else missing.push(r.person_ref);
    }
    // A refused write makes no key (the caller throws on `restricted`).
    if (checkRefs.some((r) => restricted.has(r))) return { keys, restricted };
    if (missing.length > 0)
      for (const [ref, key] of await this.keysFor(m, missing, true, true)) keys.set(ref, key);
    this.remember(keys.keys());
    return { keys, restricted };
  }

  /** Destroys the person's data key (idempotent). Answers whether a key was destroyed now. */
  async erase(m: EntityManager, personRef: string): Promise<boolean> {
    const rows: { person_ref: string }[] = await m.query(
      `INSERT INTO person_keys (person_ref, master_key_id, wrapped_key, erased_at)
       VALUES ($1, NULL, NULL, now())
       ON CONFLICT (person_ref) DO UPDATE SET wrapped_key = NULL, master_key_id = NULL, erased_at = now()
         WHERE person_keys.erased_at IS NULL
       RETURNING person_ref`,
      [personRef],
    );
    return rows.length > 0;
  }

  /** When the person's key was destroyed, or undefined when it was not. */
  async erasedAt(m: EntityManager, personRef: string): Promise<Date | undefined> {
    const rows: { erased_at: Date | null }[] = await m.query(
      `SELECT erased_at FROM person_keys WHERE person_ref = $1`,
      [personRef],
    );
    return rows[0]?.erased_at ?? undefined;
  }

  /**
   * Rewraps every data key wrapped by `from` with this store's master key, in batches, and moves
   * the check value to it (master key rotation; the data keys and so the log stay as they are).
   * Answers how many keys were rewrapped.
   */
  async rotateFrom(m: EntityManager, from: MasterKey, batch = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: { person_ref: string; wrapped_key: Buffer }[] = await m.query(
        `SELECT person_ref, wrapped_key FROM person_keys WHERE master_key_id = $1 LIMIT $2`,
        [from.id, batch],
      );
      if (rows.length === 0) break;
      const rewrapped = await Promise.all(
        rows.map(async (r) => this.master.wrap(await from.unwrap(r.wrapped_key))),
      );
      await m.query(
        `UPDATE person_keys k SET wrapped_key = v.wrapped, master_key_id = $3
         FROM unnest($1::text[], $2::bytea[]) AS v(ref, wrapped) WHERE k.person_ref = v.ref`,
        [rows.map((r) => r.person_ref), rewrapped, this.master.id],
      );
      total += rows.length;
    }
    await m.query(
      `INSERT INTO master_key_checks (master_key_id, check_value) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [this.master.id, await this.master.wrap(CHECK)],
    );
    await m.query(`DELETE FROM master_key_checks WHERE master_key_id = $1`, [from.id]);
    return total;
  }

  private async read(
    m: EntityManager,
    refs: readonly string[],
    lock = false,
  ): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    if (refs.length === 0) return keys;
    const rows: { person_ref: string; master_key_id: string | null; wrapped_key: Buffer | null }[] =
      await m.query(
        `SELECT person_ref, master_key_id, wrapped_key FROM person_keys WHERE person_ref = ANY($1::text[])${
          lock ? ' FOR SHARE' : ''
        }`,
        [refs],
      );
    for (const r of rows) keys.set(r.person_ref, await this.unwrapRow(r));
    return keys;
  }

  /** The key of a stored row, or null when it was destroyed. */
  private async unwrapRow(r: {
    master_key_id: string | null;
    wrapped_key: Buffer | null;
  }): Promise<Buffer | null> {
    if (r.wrapped_key === null) return null;
    if (r.master_key_id !== this.master.id) {
      throw new MasterKeyMismatchError(
        `the data key of a person is wrapped by ${r.master_key_id ?? '?'}, not by ${this.master.id}: finish the rotation`,
      );
    }
    return this.master.unwrap(r.wrapped_key);
  }

  /**
   * For the store's one-statement append ({@link WriteGuard}): the keys of `refs` this process
   * holds from an earlier write, and a new key for each person it has never seen, with what the
   * INSERT must check. Undefined when a key must be read from the database first.
   */
  async prepareWrite(
    refs: readonly string[],
  ): Promise<{ keys: Map<string, Buffer>; guard: KeyGuard } | undefined> {
    const keys = new Map<string, Buffer>();
    const guard: KeyGuard = {
      heldRefs: [],
      heldWrapped: [],
      madeRefs: [],
      madeWrapped: [],
      madeKeys: [],
      masterKeyId: this.master.id,
    };
    for (const ref of new Set(refs)) {
      const held = this.held.get(ref);
      if (held) {
        keys.set(ref, held.key);
        guard.heldRefs.push(ref);
        guard.heldWrapped.push(held.wrapped);
      } else if (this.seen.has(ref)) return undefined;
      else {
        const key = newDataKey();
        keys.set(ref, key);
        guard.madeRefs.push(ref);
        guard.madeKeys.push(key);
      }
    }
    guard.madeWrapped = await Promise.all(guard.madeKeys.map((key) => this.master.wrap(key)));
    return { keys, guard };
  }

  /** After a guarded INSERT: its keys are held (it passed) or read again next time (it did not). */
  settle(guard: KeyGuard, passed: boolean): void {
    if (passed) guard.madeRefs.forEach((ref, i) => this.hold(ref, guard.madeKeys[i], guard.madeWrapped[i]));
    else for (const ref of guard.heldRefs) this.held.delete(ref);
    this.remember(guard.madeRefs);
  }

  /**
   * Unwrapped data keys this process sealed with, for sealing only (never to open: a read always
   * asks the database, so an erased person reads as erased at once everywhere). A write sealed
   * with one is an INSERT that checks, `FOR SHARE`, that the person's stored wrapped key is still
   * the one held; an erasure or a rotation changes it and the write falls back to a read.
   */
  private readonly held = new Map<string, { key: Buffer; wrapped: Buffer }>();

  private hold(ref: string, key: Buffer, wrapped: Buffer): void {
    if (this.held.size >= 50_000) this.held.delete(this.held.keys().next().value as string);
    this.held.delete(ref);
    this.held.set(ref, { key, wrapped });
  }

  /**
   * The people this process has seen with a key row: only a hint of whom not to make a new key
   * for (never a key, never a read's answer); a wrong hint costs a statement, not correctness.
   */
  private readonly seen = new Set<string>();

  private remember(refs: Iterable<string>): void {
    if (this.seen.size > 100_000) this.seen.clear();
    for (const r of refs) this.seen.add(r);
  }
}
