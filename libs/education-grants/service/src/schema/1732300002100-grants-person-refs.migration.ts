import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /people/{idNumber}` finds a person's applications by either person ref. The parent's ref
 * already has `grant_application_parent`; the student's is only indexed after `campaign_id` (and
 * partially), which a lookup by person alone cannot use.
 */
export class GrantsPersonRefs1732300002100 implements MigrationInterface {
  name = 'GrantsPersonRefs1732300002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX grant_application_student ON grant_application (student_person_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX grant_application_student`);
  }
}
