import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The detail read models of a case (assistance, visits, payments of other programmes) and the
 * referral inbox. As in `case_summary`, the full row is jsonb and the columns that lists, the
 * case detail and the yearly figures filter or sum on are copied out. `version` is the stream
 * version the row reflects: the projections skip events at or below it (idempotence).
 */
export class HardshipCaseDetails1732300002000 implements MigrationInterface {
  name = 'HardshipCaseDetails1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_assistance (
        assistance_id text PRIMARY KEY,
        case_id       text NOT NULL,
        status        text NOT NULL,
        category      text NOT NULL,
        fund_source   text NOT NULL,
        year          integer NOT NULL,
        amount_fen    bigint NOT NULL,
        recorded_on   date NOT NULL,
        version       integer NOT NULL,
        data          jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX case_assistance_case ON case_assistance (case_id)`);
    await q.query(`CREATE INDEX case_assistance_year ON case_assistance (year, status)`);
    await q.query(`
      CREATE TABLE case_visit (
        visit_id   text PRIMARY KEY,
        case_id    text NOT NULL,
        visited_on date NOT NULL,
        version    integer NOT NULL,
        data       jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX case_visit_case ON case_visit (case_id)`);
    await q.query(`
      CREATE TABLE case_external_assistance (
        source_event_id text PRIMARY KEY,
        case_id         text NOT NULL,
        source          text NOT NULL,
        amount_fen      bigint NOT NULL,
        occurred_on     date NOT NULL,
        version         integer NOT NULL,
        data            jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX case_external_assistance_case ON case_external_assistance (case_id)`);
    await q.query(`
      CREATE TABLE referral (
        referral_id text PRIMARY KEY,
        status      text NOT NULL,
        person_ref  text NOT NULL,
        unit_id     text NOT NULL,
        case_id     text,
        received_at timestamptz NOT NULL,
        version     integer NOT NULL,
        data        jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX referral_inbox ON referral (status, unit_id, received_at)`);
    await q.query(`CREATE INDEX referral_case ON referral (case_id) WHERE case_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP TABLE case_external_assistance`);
    await q.query(`DROP TABLE case_visit`);
    await q.query(`DROP TABLE case_assistance`);
  }
}
