import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Space } from 'antd';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type Api } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { itemTitle, type ApprovalItem } from './approval-text';

interface Values {
  reason?: string;
  recurring?: boolean;
}

type Verdict = 'approve' | 'reject';

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"`, 'Idempotency-Key': crypto.randomUUID() });
const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/**
 * The decision on the programme's own route (the service checks role, unit and four eyes):
 * answers what to tell the reviewer. `If-Match` carries the version the reviewer saw, so a record
 * that moved meanwhile is a 409, never decided blind.
 */
async function decide(api: Api, item: ApprovalItem, verdict: Verdict, values: Values): Promise<string> {
  const reason = values.reason?.trim() || undefined;
  const title = itemTitle(item);
  const done = verdict === 'approve' ? `已批准：${title}` : `已驳回：${title}`;
  switch (item.kind) {
    case 'assistance': {
      const path = { caseId: item.record.caseId, assistanceId: item.record.assistanceId };
      const header = ifMatch(item.record.case.version);
      if (verdict === 'approve') {
        unwrap(
          await api.POST('/api/v1/hardship/cases/{caseId}/assistance/{assistanceId}/approve', {
            params: { path, header },
            body: reason ? { reason } : {},
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/v1/hardship/cases/{caseId}/assistance/{assistanceId}/reject', {
            params: { path, header },
            body: { reason },
          }),
        );
      }
      return done;
    }
    case 'application': {
      const path = { applicationId: item.record.applicationId };
      const header = ifMatch(item.record.version);
      if (verdict === 'approve') {
        unwrap(
          await api.POST('/api/v1/grants/applications/{applicationId}/approve', {
            params: { path, header },
            body: values.recurring ? { recurring: true } : {},
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/v1/grants/applications/{applicationId}/reject', {
            params: { path, header },
            body: { reason },
          }),
        );
      }
      return done;
    }
    case 'claim': {
      const path = { claimId: item.record.claimId };
      const header = ifMatch(item.record.version);
      if (verdict === 'approve') {
        unwrap(
          await api.POST('/api/v1/medical-aid/claims/{claimId}/approve', {
            params: { path, header },
            body: reason ? { reason } : {},
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/v1/medical-aid/claims/{claimId}/reject', {
            params: { path, header },
            body: { reason },
          }),
        );
      }
      return done;
    }
    case 'holidayBatch': {
      const path = { batchId: item.record.batchId };
      if (verdict === 'approve') {
        const batch = unwrap(
          await api.POST('/api/v1/hardship/holiday-batches/{batchId}/approve', {
            params: { path, header: once() },
            body: reason ? { reason } : {},
          }),
        );
        // The fund could not cover the whole batch: refused whole, recorded as such (never paid in part).
        if (batch.status === 'refused') return `经费余额不足以支付整批，${item.record.name} 已整批退回`;
      } else {
        unwrap(
          await api.POST('/api/v1/hardship/holiday-batches/{batchId}/reject', {
            params: { path, header: once() },
            body: { reason: reason ?? '' },
          }),
        );
      }
      return done;
    }
  }
}

/** 审批意见 and the two verdicts; a rejection needs its reason (the API would refuse it without). */
export function DecisionForm({ item, onDecided }: { item: ApprovalItem; onDecided: () => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<Verdict>();
  const [failure, setFailure] = useState<string>();

  const submit = async (verdict: Verdict) => {
    setFailure(undefined);
    const reason = (form.getFieldValue('reason') as string | undefined)?.trim();
    if (verdict === 'reject' && !reason) {
      form.setFields([{ name: 'reason', errors: ['驳回须填写理由'] }]);
      return;
    }
    form.setFields([{ name: 'reason', errors: [] }]);
    setBusy(verdict);
    try {
      const said = await decide(api, item, verdict, form.getFieldsValue());
      void message.success(said);
      onDecided();
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapProblem(e.problem);
        setFailure(mapped.message);
        if (mapped.fields.reason) form.setFields([{ name: 'reason', errors: [mapped.fields.reason] }]);
      } else setFailure('办理未成功，请稍后再试');
    } finally {
      setBusy(undefined);
    }
  };

  const approveTakesReason = item.kind !== 'application';
  return (
    <section role="region" aria-labelledby="decision-title">
      <h3 id="decision-title" style={{ fontSize: 15, margin: '0 0 8px' }}>
        审批决定
      </h3>
      <Form<Values> form={form} layout="vertical" initialValues={{ recurring: false }}>
        <Form.Item
          label="审批意见"
          name="reason"
          extra={
            approveTakesReason
              ? '批准时可不填；驳回时必须填写理由。'
              : '金秋助学批准时不记录意见；驳回时必须填写理由。'
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {item.kind === 'application' && (
          <Form.Item name="recurring" valuePropName="checked">
            <Checkbox>列为常年帮扶对象（以后每年自动续报）</Checkbox>
          </Form.Item>
        )}
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        <Space>
          <Button
            type="primary"
            loading={busy === 'approve'}
            disabled={busy !== undefined}
            onClick={() => void submit('approve')}
          >
            批准
          </Button>
          <Button
            loading={busy === 'reject'}
            disabled={busy !== undefined}
            onClick={() => void submit('reject')}
          >
            驳回
          </Button>
        </Space>
      </Form>
    </section>
  );
}
