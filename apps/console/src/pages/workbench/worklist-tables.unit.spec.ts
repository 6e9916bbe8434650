import type { Case, Schemas } from '../../api/client';
import { cellText } from '../../export/figure-table';
import { sheetOf } from '../../export/sheet';
import { PROGRAMME_LISTS } from './workbench-lists';
import { applicationTable, caseTable, claimTable, referralTable } from './worklist-tables';

const shown = (t: ReturnType<typeof caseTable>) =>
  t.rows.map((r) => r.map((c, i) => cellText(t.columns[i].kind, c)));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const aCase: Case = {
  caseId: 'c-1',
  version: 2,
  status: 'open',
  tier: 'deep',
  computedTier: 'deep',
  person: { idNumberMasked: '110105********0047', name: '刘淑芬' },
  unitId: 'ha-ly-xgq',
  regionCode: '410303',
  household: { size: 2, monthlyIncomeFen: 150_000 },
  perCapitaIncomeFen: 75_000,
  causes: ['illness'],
  channel: 'walk_in',
  openedAt: '2026-03-01T02:00:00Z',
  nextReviewDue: '2027-03-01',
  lastVisitOn: null,
  visitOverdue: false,
  pairing: null,
  assistanceThisYearFen: 120_005,
  policyVersion: 'default-1',
  consent: { documentRef: '洛工帮授〔2026〕0007号', signedOn: '2026-03-01' },
};

describe('the worklists as tables and sheets', () => {
  it('a case: yuan to the fen, dates as dates, words in Chinese', () => {
    const t = caseTable('走访已逾期', [aCase]);
    expect(shown(t)).toEqual([
      [
        '刘淑芬',
        '110105********0047',
        '深度困难',
        'ha-ly-xgq',
        '2',
        '750.00',
        '1,200.05',
        '2027年3月1日',
        '—',
        '在档',
      ],
    ]);
    const sheet = sheetOf(t);
    expect(sheet.header).toEqual([
      '姓名',
      '身份证号',
      '困难类型',
      '所在单位',
      '家庭人口',
      '家庭人均月收入（元）',
      '本年已获帮扶（元）',
      '下次复核',
      '上次走访',
      '状态',
    ]);
    expect(sheet.rows[0].map((c) => c.value)).toEqual([
      '刘淑芬',
      '110105********0047',
      '深度困难',
      'ha-ly-xgq',
      2,
      750,
      1200.05,
      utc(2027, 3, 1),
      null,
      '在档',
    ]);
  });

  it('an application on hold: why, the grant in yuan, the China day it was submitted', () => {
    const application: Schemas['Application'] = {
      applicationId: 'a-1',
      version: 3,
      campaignId: 'k-1',
      status: 'on_hold',
      holdReason: 'parent_case_closed',
      parent: { idNumberMasked: '410303********0021' },
      student: {
        idNumberMasked: '410303********0048',
        name: '张小军',
        level: 'undergraduate',
        school: '河南科技大学',
      },
      unitId: 'ha-ly-xgq',
      amountFen: 500_000,
      // 17:30 UTC is half past one the next morning in China.
      submittedAt: '2026-08-31T17:30:00Z',
      submittedBy: 'cw-1',
      consent: { documentRef: '洛工助授〔2026〕0019号', signedOn: '2026-08-30' },
      auto: false,
      recurring: false,
    };
    expect(shown(applicationTable('助学申请暂缓', [application]))).toEqual([
      [
        '张小军',
        '410303********0048',
        '410303********0021',
        '本科',
        '河南科技大学',
        'ha-ly-xgq',
        '5,000.00',
        '暂缓',
        '家长的困难职工档案已销档',
        '2026年9月1日',
      ],
    ]);
  });

  it('a claim to pay and a referral', () => {
    const claim: Schemas['Claim'] = {
      claimId: 'm-1',
      version: 2,
      periodId: 'p-1',
      status: 'approved',
      member: { idNumberMasked: '410303********0013', name: '赵红梅' },
      unitId: 'ha-ly-xgq',
      hospital: '洛阳市中心医院',
      admittedOn: '2026-06-01',
      dischargedOn: '2026-06-12',
      quote: {
        outOfPocketFen: 4_100_000,
        deductibleFen: 100_000,
        eligibleFen: 4_000_000,
        bands: [{ uptoFen: null, ratioBp: 5000, baseFen: 4_000_000, amountFen: 2_000_000 }],
        capAppliedFen: 0,
        payoutFen: 2_000_000,
        policyVersion: 'p-1-1',
      },
    } as Schemas['Claim'];
    expect(shown(claimTable('医疗互助待支付', [claim]))).toEqual([
      [
        '赵红梅',
        '410303********0013',
        'ha-ly-xgq',
        '洛阳市中心医院',
        '2026年6月1日',
        '2026年6月12日',
        '41,000.00',
        '20,000.00',
        '已批准待支付',
        '—',
      ],
    ]);
    expect(
      shown(
        referralTable('待处理转介', [
          {
            referralId: 'r',
            status: 'pending',
            unitId: 'u',
            memberName: '马海燕',
            remainingBurdenFen: 3_000_000,
            receivedAt: '2026-01-01T00:00:00Z',
          },
        ]),
      ),
    ).toEqual([['马海燕', 'u', '30,000.00', '2026年1月1日']]);
  });

  it('lists of the other programmes by the statuses their services keep', () => {
    expect(PROGRAMME_LISTS.map((l) => [l.title, l.status, l.href])).toEqual([
      ['助学申请暂缓', 'on_hold', '/workbench/grants-on-hold'],
      ['医疗互助待支付', 'approved', '/workbench/claims-to-pay'],
    ]);
  });
});
