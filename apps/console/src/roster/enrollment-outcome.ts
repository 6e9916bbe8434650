import { checkIdNumber } from '../id-number/id-number';
import { ENROLLMENT_REQUEST_LIMITS } from './roster-columns';
import type { RosterMember, UnreadableRow } from './read-roster';

/** A row of the API's `members[]`. */
export interface EnrollmentMemberBody {
  readonly idNumber: string;
  readonly name: string;
  readonly hasBasicMedicalInsurance: boolean;
}

/** What `POST /periods/{periodId}/enrollments` answers (or, for a replay after a lost answer, less). */
export interface EnrollmentAnswer {
  readonly enrolled?: number;
  readonly rejected?: readonly { readonly index: number; readonly code: string; readonly message?: string }[];
  readonly duplicateIndexes?: readonly number[];
  readonly waivedIndexes?: readonly number[];
}

/** One request's share of the roster: the members of `members[offset .. offset + length)`. */
export interface RosterChunk {
  readonly offset: number;
  readonly members: readonly RosterMember[];
}

/** The body of a member as sent (the row number stays in the console). */
export const memberBody = (m: RosterMember): EnrollmentMemberBody => ({
  idNumber: m.idNumber,
  name: m.name,
  hasBasicMedicalInsurance: m.hasBasicMedicalInsurance,
});

/** At most the bytes a member takes in the JSON body (UTF-8 needs up to 3 bytes per UTF-16 unit). */
const bytesOf = (m: RosterMember): number => 64 + 3 * (m.idNumber.length + m.name.length);

/**
 * The requests a roster goes in: in order, each within the API's members per request and well
 * within its body size, so a roster of any length is enrolled in as few requests as it allows.
 */
export function chunkRoster(
  members: readonly RosterMember[],
  limits: { members: number; bodyBytes: number } = ENROLLMENT_REQUEST_LIMITS,
): RosterChunk[] {
  const chunks: RosterChunk[] = [];
  let start = 0;
  let bytes = 0;
  members.forEach((m, i) => {
    const size = bytesOf(m);
    if (i > start && (i - start >= limits.members || bytes + size > limits.bodyBytes)) {
      chunks.push({ offset: start, members: members.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < members.length) chunks.push({ offset: start, members: members.slice(start) });
  return chunks;
}

export type RowOutcomeKind =
  'enrolled' | 'waived' | 'duplicate' | 'rejected' | 'unreadable' | 'unsent' | 'unknown';

/** What became of one row of the roster, in Chinese. */
export interface RowOutcome {
  readonly rowNumber: number;
  readonly idNumber: string;
  readonly name: string;
  readonly insuredText: string;
  readonly kind: RowOutcomeKind;
  readonly reason: string;
}

export const OUTCOME_LABELS: Readonly<Record<RowOutcomeKind, string>> = {
  enrolled: '已登记',
  waived: '已登记（工会兜底）',
  duplicate: '重复',
  rejected: '未通过',
  unreadable: '无法读取',
  unsent: '未提交',
  unknown: '结果待核对',
};

const REASONS: Readonly<Record<Exclude<RowOutcomeKind, 'rejected' | 'unreadable'>, string>> = {
  enrolled: '按本期会费登记',
  waived: '困难职工，本期会费由工会帮扶资金兜底',
  duplicate: '本期已登记，或在名册中重复出现，未重复登记',
  unsent: '提交中断，此行尚未提交',
  unknown: '已提交，但未取回逐行结果，请在会员查询中核对',
};

/**
 * Why the API did not enroll a row, in Chinese (its own messages are English). An invalid
 * identity number is worded by the console's check of the same kernel code the service runs.
 */
export function rejectionReason(code: string, idNumber: string, today: string): string {
  switch (code) {
    case 'INVALID_ID_NUMBER': {
      const check = checkIdNumber(idNumber, today);
      if (check.state === 'invalid') return `身份证号码有误：${check.message}`;
      if (check.state === 'typing') return `身份证号码有误：应为 18 位，表中为 ${idNumber.length} 位`;
      return '身份证号码有误';
    }
    case 'NAME_REQUIRED':
      return '姓名为空';
    case 'NO_BASIC_MEDICAL_INSURANCE':
      return '未参加城镇职工基本医疗保险';
    case 'PERSON_RESTRICTED':
      return '此人的个人信息已限制处理，不能参保';
    default:
      return `未通过（代码 ${code}）`;
  }
}

/**
 * Every row's outcome, in the roster's order: the unreadable rows as read, and each sent row by
 * its request's answer (`answers[i]` for `chunks[i]`; undefined: not sent). A row that is neither
 * rejected nor a duplicate was enrolled, at the contribution or waived, as the answer says.
 */
export function rowOutcomes(
  chunks: readonly RosterChunk[],
  answers: readonly (EnrollmentAnswer | undefined)[],
  unreadable: readonly UnreadableRow[],
  today: string,
): RowOutcome[] {
  const outcomes: RowOutcome[] = unreadable.map((u) => ({ ...u, kind: 'unreadable' }));
  chunks.forEach((chunk, c) => {
    const answer = answers[c];
    const rejected = new Map((answer?.rejected ?? []).map((r) => [r.index, r.code]));
    const duplicates = new Set(answer?.duplicateIndexes ?? []);
    const waived = new Set(answer?.waivedIndexes ?? []);
    const detailed = answer !== undefined && answer.duplicateIndexes !== undefined;
    chunk.members.forEach((m, i) => {
      const code = rejected.get(i);
      const { rowNumber, idNumber, name, insuredText } = m;
      const base = { rowNumber, idNumber, name, insuredText };
      if (code !== undefined) {
        outcomes.push({ ...base, kind: 'rejected', reason: rejectionReason(code, idNumber, today) });
        return;
      }
      const kind: RowOutcomeKind =
        answer === undefined
          ? 'unsent'
          : !detailed
            ? 'unknown'
            : duplicates.has(i)
              ? 'duplicate'
              : waived.has(i)
                ? 'waived'
                : 'enrolled';
      outcomes.push({ ...base, kind, reason: REASONS[kind] });
    });
  });
  return outcomes.sort((a, b) => a.rowNumber - b.rowNumber);
}

/** How many rows came to each outcome. */
export function countOutcomes(outcomes: readonly RowOutcome[]): Record<RowOutcomeKind, number> {
  const counts: Record<RowOutcomeKind, number> = {
    enrolled: 0,
    waived: 0,
    duplicate: 0,
    rejected: 0,
    unreadable: 0,
    unsent: 0,
    unknown: 0,
  };
  for (const o of outcomes) counts[o.kind] += 1;
  return counts;
}

/** The rows that did not pass (rejected by the API, or unreadable), for the download. */
export const failedRows = (outcomes: readonly RowOutcome[]): RowOutcome[] =>
  outcomes.filter((o) => o.kind === 'rejected' || o.kind === 'unreadable');

/** An identity number as the screen shows it: first 6 and last 4 characters (DOMAIN.md). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 11) return idNumber;
  return `${idNumber.slice(0, 6)}${'*'.repeat(Math.max(0, idNumber.length - 10))}${idNumber.slice(-4)}`;
}
