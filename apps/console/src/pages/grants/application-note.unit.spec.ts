import { applicationNote, type Application } from './application-note';

const base: Application = {
  applicationId: 'a-1',
  version: 1,
  campaignId: 'c-1',
  status: 'submitted',
  parent: { idNumberMasked: '410105********0719' },
  student: {
    idNumberMasked: '410105********0721',
    name: '王小红',
    level: 'senior_high',
    school: '郑州市第一中学',
  },
  unitId: 'ha-zz-jsq',
  amountFen: 200_000,
  recurring: false,
  auto: false,
  submittedBy: 'cw-jinshui',
  submittedAt: '2026-08-01T02:00:00Z',
  consent: { documentRef: '郑工助授〔2026〕0031号', signedOn: '2026-07-30' },
};

describe('what the applications list says about each application', () => {
  it('says why an application is on hold and what it returns to', () => {
    expect(
      applicationNote({ ...base, status: 'on_hold', holdReason: 'parent_case_closed', heldFrom: 'approved' }),
    ).toBe('暂停原因：家长的困难职工档案已销档（暂停前为“已批准待发放”，档案恢复后自动恢复）');
    expect(
      applicationNote({
        ...base,
        status: 'on_hold',
        holdReason: 'parent_tier_not_eligible',
        heldFrom: 'submitted',
      }),
    ).toBe('暂停原因：家长的困难类型已不在本活动受理范围内（暂停前为“待审批”，档案恢复后自动恢复）');
  });

  it('gives the payment, late or not, and the reasons of a rejection or a withdrawal', () => {
    expect(applicationNote({ ...base, status: 'disbursed', paidOn: '2026-08-20', paymentRef: 'ZX-1' })).toBe(
      '2026年8月20日发放，支付凭证号 ZX-1',
    );
    expect(
      applicationNote({ ...base, status: 'disbursed', paidOn: '2026-09-20', paymentRef: 'ZX-2', late: true }),
    ).toBe('2026年9月20日发放，支付凭证号 ZX-2（开学后发放）');
    expect(applicationNote({ ...base, status: 'rejected', rejectionReason: '材料不全' })).toBe(
      '驳回理由：材料不全',
    );
    expect(applicationNote({ ...base, status: 'withdrawn', withdrawalReason: '已获其他资助' })).toBe(
      '撤回理由：已获其他资助',
    );
  });

  it('says who approved, and that a submitted one waits for a reviewer', () => {
    expect(applicationNote({ ...base, status: 'approved', decidedBy: 'rv-henan' })).toBe(
      '审核人 rv-henan 已批准，待发放',
    );
    expect(applicationNote(base)).toBe('等待审核人审批');
    expect(applicationNote({ ...base, auto: true })).toBe('常年帮扶对象，活动开始时自动申请，等待审批');
  });
});
