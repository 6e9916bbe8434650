import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../testing';
import { EventStore } from '../event-store';
import { verifyLog } from '../verify';
import { handleCommandsInBulk } from '../bulk-commands';
import { counterDecider } from '../testing/counter.fixture';
import { LocalMasterKey } from './master-key';
import { MasterKeyMismatchError, PersonErasedError, PersonKeys } from './key-store';
import { ERASED, PersonalData } from './personal-data';
import { newDataKey } from './field-cipher';

const FIELDS = {
  CaseOpened: ['person.idNumber', 'person.name', 'household.monthlyIncomeFen'],
  MembersEnrolled: ['members.*.name'],
  ApplicationSubmitted: ['parentName', 'studentName@studentPersonRef', 'school@studentPersonRef'],
  CounterOpened: ['name'],
};
const ref = (n: number) => n.toString(16).padStart(64, '0');

describe('personal fields sealed per person in the event log (PGlite)', () => {
  let db: TestDatabase;
  let master: LocalMasterKey;
  let personal: PersonalData;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE events, person_keys, master_key_checks, restricted_people RESTART IDENTITY`);
    master = new LocalMasterKey(newDataKey());
    personal = new PersonalData(new PersonKeys(master), FIELDS);
    store = new EventStore(db.dataSource, { personalData: personal });
  });

  const opened = (name: string, idNumber: string, income: number) => ({
    type: 'CaseOpened',
    data: { person: { idNumber, name }, household: { size: 3, monthlyIncomeFen: income }, tier: 'deep' },
  });
  const rawData = async (streamId: string): Promise<string[]> =>
    (
      await db.dataSource.query<{ data: string }[]>(
        `SELECT data::text AS data FROM events WHERE stream_id = $1 ORDER BY version`,
        [streamId],
      )
    ).map((r) => r.data);

  it('round-trips any payload: sealed, stored, hashed over what is stored, verified, read back (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.jsonValue(),
        async (name, idNumber, income, extra) => {
          n += 1;
          const event = { ...opened(name, idNumber, income), data: { ...opened(name, idNumber, income).data, extra } };
          const streamId = `case-${n}`;
          const appended = await store.append(streamId, [{ ...event, personRef: ref(n) }], {
            expectedVersion: 'no_stream',
          });
          // What the projections and the caller see is what was given; a read gives back its JSON
          // (where -0 is 0).
          expect(appended.events[0].data).toBe(event.data);
          const plain = JSON.parse(JSON.stringify(event.data)) as unknown;
          expect((await store.readStream(streamId))[0].data).toEqual(plain);
          const [stored] = await rawData(streamId);
          const storedData = JSON.parse(stored) as { person: { name: string; idNumber: string }; tier: string };
          expect(storedData.person.name).toMatch(/^pd1\./);
          expect(storedData.person.idNumber).toMatch(/^pd1\./);
          expect(storedData.tier).toBe('deep');
        },
      ),
      { numRuns: 40 },
    );
    const report = await verifyLog(db.dataSource);
    expect(report).toMatchObject({ checked: n, valid: true });
  });

  it('erasing a person destroys their key: the events stay and verify, their fields read as erased, others are untouched', async () => {
    await store.append('case-a', [{ ...opened('王建国', '110105194912310021', 225_000), personRef: ref(1) }], {
      expectedVersion: 'no_stream',
    });
    await store.append('case-b', [{ ...opened('李敏', '410105198001010011', 100_000), personRef: ref(2) }], {
      expectedVersion: 'no_stream',
    });
    const before = await rawData('case-a');
    expect(before[0]).not.toContain('王建国');

    expect(await personal.keys.erase(db.dataSource.manager, ref(1))).toBe(true);
    expect(await personal.keys.erase(db.dataSource.manager, ref(1))).toBe(false); // once

    expect(await rawData('case-a')).toEqual(before); // not a byte of the log changed
    expect(await verifyLog(db.dataSource)).toMatchObject({ checked: 2, valid: true });
    const [erased] = await store.readStream('case-a');
    expect(erased.data).toEqual({
      person: { idNumber: ERASED, name: ERASED },
      household: { size: 3, monthlyIncomeFen: null },
      tier: 'deep',
    });
    expect(((await store.readStream('case-b'))[0].data as { person: { name: string } }).person.name).toBe('李敏');
    // Nothing more of an erased person is kept.
    await expect(
      store.append('case-a', [{ ...opened('王建国', 'x', 1), personRef: ref(1) }], { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(PersonErasedError);
    expect(await personal.keys.erasedAt(db.dataSource.manager, ref(1))).toBeInstanceOf(Date);
  });

  it('seals each member of an array with the event person’s key, and the bulk path seals as the single one does', async () => {
    await store.append(
      'period-1',
      [{ type: 'MembersEnrolled', data: { members: [{ name: '甲', fen: 1 }, { name: '乙', fen: 2 }] }, personRef: ref(3) }],
      { expectedVersion: 'no_stream' },
    );
    expect((await rawData('period-1'))[0]).not.toMatch(/甲|乙/);
    expect((await store.readStream('period-1'))[0].data).toEqual({ members: [{ name: '甲', fen: 1 }, { name: '乙', fen: 2 }] });

    const outcomes = await db.dataSource.transaction((tx) =>
      handleCommandsInBulk(
        store,
        counterDecider,
        [
          { streamId: 'counter-1', command: { kind: 'open', name: '丙' }, personRef: ref(4) },
          { streamId: 'counter-2', command: { kind: 'open', name: '丁' }, personRef: ref(5) },
        ],
        { streamType: 'counter', metadata: {}, tx },
      ),
    );
    expect(outcomes.map((o) => ('events' in o ? o.events[0].data : o))).toEqual([{ name: '丙' }, { name: '丁' }]);
    expect((await rawData('counter-1'))[0]).not.toContain('丙');
    expect((await store.readStream('counter-2'))[0].data).toEqual({ name: '丁' });
    expect(await verifyLog(db.dataSource)).toMatchObject({ valid: true });
  });

  it('fails loudly at start with a master key that does not open the database’s keys', async () => {
    await personal.keys.assertMasterKey(db.dataSource.manager); // first start records the check
    await personal.keys.assertMasterKey(db.dataSource.manager); // same key: fine
    const wrong = new PersonKeys(new LocalMasterKey(newDataKey()));
    await expect(wrong.assertMasterKey(db.dataSource.manager)).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(wrong.assertMasterKey(db.dataSource.manager)).rejects.toThrow(/does not open/);
  });

  it('rotates the master key: every data key rewrapped, the log unchanged and still readable with the new key only', async () => {
    await personal.keys.assertMasterKey(db.dataSource.manager);
    for (let i = 1; i <= 3; i += 1) {
      await store.append(`case-${i}`, [{ ...opened(`人${i}`, `${i}`, i), personRef: ref(10 + i) }], {
        expectedVersion: 'no_stream',
      });
    }
    await personal.keys.erase(db.dataSource.manager, ref(13));
    const rawBefore = await rawData('case-1');
    const next = new PersonKeys(new LocalMasterKey(newDataKey()));
    expect(await db.dataSource.transaction((tx) => next.rotateFrom(tx, master, 2))).toBe(2);
    await next.assertMasterKey(db.dataSource.manager);
    await expect(personal.keys.assertMasterKey(db.dataSource.manager)).rejects.toBeInstanceOf(MasterKeyMismatchError);
    const rotated = new EventStore(db.dataSource, { personalData: new PersonalData(next, FIELDS) });
    expect(((await rotated.readStream('case-1'))[0].data as { person: { name: string } }).person.name).toBe('人1');
    expect(((await rotated.readStream('case-3'))[0].data as { person: { name: string } }).person.name).toBe(ERASED);
    expect(await rawData('case-1')).toEqual(rawBefore);
  });

  it('seals a second person’s fields with that person’s key: erasing the student leaves the parent readable', async () => {
    const data = { parentName: '父', studentPersonRef: ref(21), studentName: '子', school: '郑州一中', level: 'high' };
    await store.append('application-1', [{ type: 'ApplicationSubmitted', data, personRef: ref(20) }], {
      expectedVersion: 'no_stream',
    });
    await personal.keys.erase(db.dataSource.manager, ref(21));
    expect((await store.readStream('application-1'))[0].data).toEqual({
      ...data,
      studentName: ERASED,
      school: ERASED,
    });
  });

  it('a key this process holds seals only while the database still holds it: another replica’s erasure or restriction binds the next write', async () => {
    // Another replica of the service: its own PersonKeys (no keys held), the same database.
    const other = new PersonalData(new PersonKeys(master), FIELDS);
    const countKeys = async () =>
      Number((await db.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM person_keys`))[0].n);
    const visit = (n: number) => ({ ...opened('王建国', 'x', n), personRef: ref(30) });
    // One statement each, as the plain store: the key made in the event's INSERT, then held.
    const statements = jest.spyOn(db.dataSource.manager, 'query');
    await store.append('case-30', [visit(1)], { expectedVersion: 'no_stream' });
    expect(statements).toHaveBeenCalledTimes(1);
    await store.append('case-30', [visit(2)], { expectedVersion: 1 }); // the head, and the INSERT
    expect(statements).toHaveBeenCalledTimes(3);
    statements.mockRestore();
    expect(await countKeys()).toBe(1);
    expect(
      (await store.readStream('case-30')).map(
        (e) => (e.data as { household: { monthlyIncomeFen: number } }).household.monthlyIncomeFen,
      ),
    ).toEqual([1, 2]);

    // Erased by the other replica: this one's held key no longer seals anything.
    await other.keys.erase(db.dataSource.manager, ref(30));
    await expect(store.append('case-30', [visit(3)], { expectedVersion: 2 })).rejects.toBeInstanceOf(
      PersonErasedError,
    );
    expect(await store.version(undefined, 'case-30')).toBe(2);

    // Restricted by the other replica (the projection's row) after this one holds the key.
    await store.append('case-31', [{ ...visit(1), personRef: ref(31) }], { expectedVersion: 'no_stream' });
    await db.dataSource.query(
      `INSERT INTO restricted_people (person_ref, restricted_at) VALUES ($1, now())`,
      [ref(31)],
    );
    await expect(
      store.append('case-31', [{ ...visit(2), personRef: ref(31) }], { expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'PERSON_RESTRICTED',
    });
    // A person never seen, restricted: refused, and no key made for them.
    await db.dataSource.query(
      `INSERT INTO restricted_people (person_ref, restricted_at) VALUES ($1, now())`,
      [ref(32)],
    );
    const before = await countKeys();
    await expect(
      store.append('case-32', [{ ...visit(1), personRef: ref(32) }], { expectedVersion: 'no_stream' }),
    ).rejects.toMatchObject({
      code: 'PERSON_RESTRICTED',
    });
    expect(await countKeys()).toBe(before);
    // A person erased elsewhere that this process never saw: the key is not made again.
    await other.keys.erase(db.dataSource.manager, ref(33));
    await expect(
      store.append('case-33', [{ ...visit(1), personRef: ref(33) }], { expectedVersion: 'no_stream' }),
    ).rejects.toBeInstanceOf(PersonErasedError);

    // Given a key by the other replica meanwhile: this one reads it instead of making its own.
    await other.keys.keysFor(db.dataSource.manager, [ref(34)], true);
    await store.append('case-34', [{ ...visit(7), personRef: ref(34) }], { expectedVersion: 'no_stream' });
    const otherStore = new EventStore(db.dataSource, { personalData: other });
    expect(
      ((await otherStore.readStream('case-34'))[0].data as { household: { monthlyIncomeFen: number } })
        .household.monthlyIncomeFen,
    ).toBe(7);
    expect(await verifyLog(db.dataSource)).toMatchObject({ valid: true });
  });

  it('refuses an event with personal fields that names no person', async () => {
    await expect(store.append('case-x', [opened('无名', '1', 1)], { expectedVersion: 'no_stream' })).rejects.toThrow(
      /names no person/,
    );
  });
});
