/**
 * A unit's enrollment roster (名册) as the console reads it and hands it out: the columns of the
 * template a caseworker downloads, by their Chinese names (CONSOLE.md, caseworker 7).
 */
export const ROSTER_COLUMNS = {
  idNumber: '身份证号码',
  name: '姓名',
  insured: '是否参加职工基本医疗保险',
} as const;

/** The two answers of the insurance column. */
export const YES = '是';
export const NO = '否';

/** The column the rejected rows' download adds. */
export const REASON_COLUMN = '原因';

/**
 * What one enrollment request may carry (the service's limits: `MAX_ENROLLMENT_ROWS` and
 * `ENROLLMENT_LIMITS` in libs/medical-aid): a longer roster goes in several requests, and a row
 * whose text is longer than a field may hold would fail its whole request, so it is held back.
 * The console sends at most `members` per request, a fifth of the API's 10,000: one request is
 * one transaction, and on a busy embedded platform one of 10,000 took 9.7 s, at the edge of the
 * gateway's 10 s upstream timeout (and once past it), where one of 2,000 took 2.3 s
 * (bench/console-roster.bench.ts; BENCHMARKS.md).
 */
export const ENROLLMENT_REQUEST_LIMITS = {
  members: 2_000,
  idNumberLength: 64,
  nameLength: 50,
  /** Well under the gateway's and the service's 8 MB. */
  bodyBytes: 4 * 1024 * 1024,
} as const;
