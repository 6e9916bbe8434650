import type { Schemas } from '../../api/client';
import { formatDate } from '../../format/date';
import { labelOf } from '../../format/labels';
import { APPLICATION_STATUS_LABELS, HOLD_REASON_LABELS } from './grants-labels';

export type Application = Schemas['Application'];

/** What the list says about where an application stands and why (the hold's reason, a payment…). */
export function applicationNote(a: Application): string {
  switch (a.status) {
    case 'on_hold':
      return (
        `暂停原因：${labelOf(HOLD_REASON_LABELS, a.holdReason)}` +
        (a.heldFrom
          ? `（暂停前为“${labelOf(APPLICATION_STATUS_LABELS, a.heldFrom)}”，档案恢复后自动恢复）`
          : '')
      );
    case 'rejected':
      return `驳回理由：${a.rejectionReason ?? '—'}`;
    case 'withdrawn':
      return `撤回理由：${a.withdrawalReason ?? '—'}`;
    case 'disbursed':
      return `${formatDate(a.paidOn)}发放，支付凭证号 ${a.paymentRef ?? '—'}${a.late ? '（开学后发放）' : ''}`;
    case 'approved':
      return `审核人 ${a.decidedBy ?? '—'} 已批准，待发放`;
    case 'submitted':
      return a.auto ? '常年帮扶对象，活动开始时自动申请，等待审批' : '等待审核人审批';
  }
}
