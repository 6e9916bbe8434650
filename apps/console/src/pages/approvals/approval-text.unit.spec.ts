import { bandText, itemTitle, submittedText, type ApprovalItem, type Band } from './approval-text';

const band = (uptoFen: number | null): Band => ({ uptoFen, ratioBp: 5000, baseFen: 0, amountFen: 0 });

describe('the words of the approvals inbox', () => {
  it('names the part of the eligible amount each band covers', () => {
    const bands = [band(5_000_000), band(10_000_000), band(null)];
    expect(bands.map((_, i) => bandText(bands, i))).toEqual([
      '0.00 至 50,000.00 元',
      '50,000.00 至 100,000.00 元',
      '100,000.00 元以上',
    ]);
    expect(bandText([band(null)], 0)).toBe('全部');
  });

  it('shows when an item was submitted, as an instant or as the date alone', () => {
    expect(submittedText('2026-09-01T02:30:00.000Z')).toBe('2026年9月1日 10:30');
    expect(submittedText('2026-09-01')).toBe('2026年9月1日');
  });

  it('names each kind of item by who and what for', () => {
    const claim = {
      kind: 'claim',
      record: { member: { name: '马海燕', idNumberMasked: '' }, hospital: '河南省人民医院' },
    } as unknown as ApprovalItem;
    expect(itemTitle(claim)).toBe('马海燕 · 河南省人民医院');
    const application = {
      kind: 'application',
      record: { student: { name: '王小明', level: 'undergraduate', school: '郑州大学' } },
    } as unknown as ApprovalItem;
    expect(itemTitle(application)).toBe('王小明 · 本科 · 郑州大学');
    const assistance = {
      kind: 'assistance',
      record: { category: 'medical', kind: 'cash', case: { person: { name: '刘淑芬' } } },
    } as unknown as ApprovalItem;
    expect(itemTitle(assistance)).toBe('刘淑芬 · 医疗救助（现金）');
    const batch = {
      kind: 'holidayBatch',
      record: { name: '春节送温暖', totals: { includedCount: 3 } },
    } as unknown as ApprovalItem;
    expect(itemTitle(batch)).toBe('春节送温暖（3 户）');
  });
});
