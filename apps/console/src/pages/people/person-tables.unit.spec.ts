import { cellText } from '../../export/figure-table';
import { sheetOf } from '../../export/sheet';
import { applicationsTable, nameOf, receivedTable, type PersonView } from './person-tables';

const shown = (t: ReturnType<typeof receivedTable>) =>
  t.rows.map((r) => r.map((c, i) => cellText(t.columns[i].kind, c)));

const view = (over: Partial<PersonView>): PersonView => ({
  idNumberMasked: '110105********0021',
  hardship: {
    available: true,
    records: { idNumberMasked: 'x', cases: [], assistance: [], receivedThisYearFen: 120_000 },
  },
  grants: { available: true, records: { idNumberMasked: 'x', applications: [], receivedThisYearFen: 0 } },
  medicalAid: {
    available: true,
    records: { idNumberMasked: 'x', memberships: [], claims: [], receivedThisYearFen: 11_440_005 },
  },
  receivedThisYearFen: { hardship: 120_000, grants: 0, medicalAid: 11_440_005, total: 11_560_005 },
  ...over,
});

describe('receivedTable (本年度已领取)', () => {
  it('gives each programme and the total in yuan to the fen; zero is zero', () => {
    const t = receivedTable(view({}), '2026');
    expect(t.title).toBe('2026年已领取');
    expect(shown(t)).toEqual([
      ['困难帮扶', '1,200.00'],
      ['金秋助学', '0.00'],
      ['医疗互助', '114,400.05'],
      ['合计', '115,600.05'],
    ]);
  });

  it('says 暂时无法查询 for a programme that did not answer, and for the total, never zero', () => {
    const t = receivedTable(
      view({
        grants: { available: false, detail: 'The education-grants service did not answer in time.' },
        receivedThisYearFen: { hardship: 120_000, grants: null, medicalAid: 0, total: null },
      }),
      '2026',
    );
    expect(shown(t)).toEqual([
      ['困难帮扶', '1,200.00'],
      ['金秋助学', '暂时无法查询'],
      ['医疗互助', '0.00'],
      ['合计', '暂时无法查询'],
    ]);
    // Exported the same way: a sentence, not an amount of 0.
    expect(sheetOf(t).rows[1][1]).toEqual({ value: '暂时无法查询' });
    expect(sheetOf(t).rows[2][1]).toEqual({ value: 0, numFmt: '#,##0.00' });
  });
});

describe('the grants part', () => {
  const application = {
    applicationId: 'a',
    version: 3,
    campaignId: 'c',
    status: 'on_hold' as const,
    holdReason: 'parent_case_closed' as const,
    parent: { idNumberMasked: '110105********0021' },
    student: {
      idNumberMasked: '110105********0048',
      name: '刘小红',
      level: 'senior_high' as const,
      school: '洛阳市第一高级中学',
    },
    unitId: 'ha-ly-xgq',
    amountFen: 200_000,
    submittedAt: '2026-09-01T02:00:00Z',
    submittedBy: 'cw-1',
    auto: false,
    recurring: false,
    consent: null,
    as: ['parent' as const],
  };

  it("names the person's role and why an application is on hold", () => {
    const t = applicationsTable({ idNumberMasked: 'x', applications: [application], receivedThisYearFen: 0 });
    expect(shown(t)).toEqual([
      ['刘小红', '家长', '高中', '洛阳市第一高级中学', '2,000.00', '暂缓（家长的困难职工档案已销档）', '—'],
    ]);
  });

  it('takes the name from a case, a membership, or the application where the person is the student', () => {
    expect(nameOf(view({}))).toBeUndefined();
    const asStudent = view({
      grants: {
        available: true,
        records: {
          idNumberMasked: 'x',
          applications: [{ ...application, as: ['student'] }],
          receivedThisYearFen: 0,
        },
      },
    });
    expect(nameOf(asStudent)).toBe('刘小红');
  });
});
