import { Column, Entity, IsNull, PrimaryColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing';

@Entity('where_guard')
class GuardRow {
  @PrimaryColumn({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ type: 'boolean' }) open: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
}

/**
 * Issue 14: TypeORM drops undefined keys from a where object, so `findOneBy({ personRef:
 * undefined })` read "any row" and a consumer closed another person's eligibility. Every data
 * source opened here refuses undefined and null in where objects instead (invalidWhereValuesBehavior).
 */
describe('where objects with undefined or null values (openDatabase, PGlite)', () => {
  let db: TestDatabase;
  const rows = () => db.dataSource.getRepository(GuardRow).find({ order: { personRef: 'ASC' } });

  beforeAll(async () => {
    db = await createTestDatabase({ entities: [GuardRow] });
    await db.dataSource.query(
      `CREATE TABLE where_guard (person_ref text PRIMARY KEY, open boolean NOT NULL, note text)`,
    );
    await db.dataSource.query(`INSERT INTO where_guard VALUES ('p-1', true, NULL), ('p-2', true, 'x')`);
  });
  afterAll(() => db.close());

  it('refuses finds, counts, updates and deletes whose where holds undefined, changing nothing', async () => {
    const repo = db.dataSource.getRepository(GuardRow);
    const missing = { personRef: undefined as unknown as string };
    const refused = /Undefined value encountered in property '.*personRef' of a where condition/;
    await expect(repo.findOneBy(missing)).rejects.toThrow(refused);
    await expect(repo.findBy({ ...missing, open: true })).rejects.toThrow(refused);
    await expect(repo.findOne({ where: missing })).rejects.toThrow(refused);
    await expect(repo.count({ where: missing })).rejects.toThrow(refused);
    await expect(repo.exists({ where: missing })).rejects.toThrow(refused);
    await expect(repo.update(missing, { open: false })).rejects.toThrow(refused);
    await expect(repo.delete(missing)).rejects.toThrow(refused);
    await expect(
      db.dataSource.transaction((tx) => tx.getRepository(GuardRow).findOneBy(missing)),
    ).rejects.toThrow(refused);
    expect(await rows()).toEqual([
      { personRef: 'p-1', open: true, note: null },
      { personRef: 'p-2', open: true, note: 'x' },
    ]);
  });

  it('refuses null too (it was dropped the same way); IsNull() says what is meant', async () => {
    const repo = db.dataSource.getRepository(GuardRow);
    await expect(repo.findOneBy({ note: null as unknown as string })).rejects.toThrow(
      /Null value encountered/,
    );
    expect(await repo.findBy({ note: IsNull() })).toEqual([{ personRef: 'p-1', open: true, note: null }]);
    expect(await repo.findOneBy({ personRef: 'p-2' })).toEqual({ personRef: 'p-2', open: true, note: 'x' });
  });
});
