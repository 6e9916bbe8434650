import { checkCharOf } from '@union/kernel/browser';
import { loadExcel, readXlsx, xlsxBytes } from './excel';
import {
  chunkRoster,
  countOutcomes,
  failedRows,
  maskIdNumber,
  memberBody,
  rowOutcomes,
  type EnrollmentAnswer,
} from './enrollment-outcome';
import type { RosterMember, UnreadableRow } from './read-roster';
import { failedRowsWorkbook } from './roster-files';
import { cellText } from './sheet';

/** A valid identity number from its first 17 digits. */
const idNumberWithCheckChar = (first17: string) => first17 + checkCharOf(first17);

const TODAY = '2026-09-01';
const id = (n: number) => idNumberWithCheckChar(`4101051979060790${n}`);
const member = (rowNumber: number, idNumber: string, name: string, insured = true): RosterMember => ({
  rowNumber,
  idNumber,
  name,
  hasBasicMedicalInsurance: insured,
  insuredText: insured ? '是' : '否',
});
/** The last character changed: a wrong check character. */
const badCheck = (good: string) => good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');

describe('sending a roster and reading the answers', () => {
  it("splits a roster into requests of at most the API's members and body size, in order", () => {
    const members = Array.from({ length: 25 }, (_, i) => member(i + 2, id(i % 10), `会员${i}`));
    expect(
      chunkRoster(members, { members: 10, bodyBytes: 1_000_000 }).map((c) => [c.offset, c.members.length]),
    ).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    // Each of these rows counts at most 64 + 3 * (18 + 3) = 127 bytes: three fit in 400.
    expect(
      chunkRoster(members.slice(0, 7), { members: 100, bodyBytes: 400 }).map((c) => c.members.length),
    ).toEqual([3, 3, 1]);
    expect(chunkRoster([])).toEqual([]);
    expect(chunkRoster(members).map((c) => c.members.length)).toEqual([25]);
    expect(memberBody(members[0])).toEqual({
      idNumber: id(0),
      name: '会员0',
      hasBasicMedicalInsurance: true,
    });
  });

  it('gives every row its outcome and reason in Chinese, across requests, with the unreadable rows in place', () => {
    const members = [
      member(2, id(1), '张三'),
      member(3, id(2), '李四'),
      member(5, id(1), '张三'),
      member(6, badCheck(id(3)), '王五'),
      member(7, id(4), '赵六', false),
      member(8, id(5), '孙七'),
      member(9, id(6), ''),
    ];
    const unreadable: UnreadableRow[] = [
      { rowNumber: 4, idNumber: '', name: '钱八', insuredText: '是', reason: '身份证号码为空' },
    ];
    const chunks = chunkRoster(members, { members: 4, bodyBytes: 1_000_000 });
    const answers: EnrollmentAnswer[] = [
      {
        enrolled: 2,
        rejected: [
          { index: 3, code: 'INVALID_ID_NUMBER', message: 'The check character should be 5, not 0.' },
        ],
        duplicateIndexes: [2],
        waivedIndexes: [1],
      },
      {
        enrolled: 1,
        rejected: [
          { index: 0, code: 'NO_BASIC_MEDICAL_INSURANCE', message: 'no insurance' },
          { index: 2, code: 'NAME_REQUIRED', message: 'The member needs a name.' },
        ],
        duplicateIndexes: [],
        waivedIndexes: [],
      },
    ];
    const outcomes = rowOutcomes(chunks, answers, unreadable, TODAY);
    const expected = id(3).slice(-1);
    expect(outcomes.map((o) => [o.rowNumber, o.kind, o.reason])).toEqual([
      [2, 'enrolled', '按本期会费登记'],
      [3, 'waived', '困难职工，本期会费由工会帮扶资金兜底'],
      [4, 'unreadable', '身份证号码为空'],
      [5, 'duplicate', '本期已登记，或在名册中重复出现，未重复登记'],
      [
        6,
        'rejected',
        `身份证号码有误：校验位不符：最后一位应为 ${expected}，输入的是 ${badCheck(id(3)).slice(-1)}，请核对号码`,
      ],
      [7, 'rejected', '未参加城镇职工基本医疗保险'],
      [8, 'enrolled', '按本期会费登记'],
      [9, 'rejected', '姓名为空'],
    ]);
    expect(countOutcomes(outcomes)).toEqual({
      enrolled: 2,
      waived: 1,
      duplicate: 1,
      rejected: 3,
      unreadable: 1,
      unsent: 0,
      unknown: 0,
    });
    expect(failedRows(outcomes).map((o) => o.rowNumber)).toEqual([4, 6, 7, 9]);
  });

  it('says which rows were not sent when a request failed, and which the API answered without detail', () => {
    const members = [member(2, id(1), '张三'), member(3, id(2), '李四'), member(4, id(3), '王五')];
    const chunks = chunkRoster(members, { members: 1, bodyBytes: 1_000_000 });
    // The second request's answer was lost after its commit: the replay says only what it wrote.
    const outcomes = rowOutcomes(
      chunks,
      [{ enrolled: 1, rejected: [], duplicateIndexes: [], waivedIndexes: [] }, {}],
      [],
      TODAY,
    );
    expect(outcomes.map((o) => [o.rowNumber, o.kind])).toEqual([
      [2, 'enrolled'],
      [3, 'unknown'],
      [4, 'unsent'],
    ]);
    expect(outcomes[2].reason).toBe('提交中断，此行尚未提交');
    expect(rowOutcomes(chunks, [], [], TODAY)[0].reason).toBe('提交中断，此行尚未提交');
  });

  it('words a short or malformed identity number and an unknown code', () => {
    const chunks = chunkRoster([member(2, '4101051979', '张三'), member(3, id(1), '李四')]);
    const outcomes = rowOutcomes(
      chunks,
      [
        {
          rejected: [
            { index: 0, code: 'INVALID_ID_NUMBER' },
            { index: 1, code: 'SOMETHING_NEW' },
          ],
          duplicateIndexes: [],
          waivedIndexes: [],
        },
      ],
      [],
      TODAY,
    );
    expect(outcomes.map((o) => o.reason)).toEqual([
      '身份证号码有误：应为 18 位，表中为 10 位',
      '未通过（代码 SOMETHING_NEW）',
    ]);
  });

  it('masks an identity number as the API does, first 6 and last 4', () => {
    expect(maskIdNumber('41010519790607901X')).toBe('410105********901X');
    expect(maskIdNumber('12345')).toBe('12345');
  });

  it('writes the rows that did not pass as an .xlsx the roster reader takes back, with a 原因 column', async () => {
    const excel = await loadExcel();
    const rows = failedRows(
      rowOutcomes(
        chunkRoster([member(2, badCheck(id(1)), '王五'), member(3, id(2), '赵六', false)]),
        [
          {
            rejected: [
              { index: 0, code: 'INVALID_ID_NUMBER' },
              { index: 1, code: 'NO_BASIC_MEDICAL_INSURANCE' },
            ],
            duplicateIndexes: [],
            waivedIndexes: [],
          },
        ],
        [],
        TODAY,
      ),
    );
    const read = await readXlsx(excel, await xlsxBytes(failedRowsWorkbook(excel, rows)));
    expect(read.map((r) => r.cells.map(cellText))).toEqual([
      ['身份证号码', '姓名', '是否参加职工基本医疗保险', '原因'],
      [badCheck(id(1)), '王五', '是', `第 2 行：${rows[0].reason}`],
      [id(2), '赵六', '否', '第 3 行：未参加城镇职工基本医疗保险'],
    ]);
  });
});
