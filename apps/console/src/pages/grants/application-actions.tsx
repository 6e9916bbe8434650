import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { chinaDateOf } from '../../format/date';
import { formatYuan } from '../../format/money';
import type { Application } from './application-note';
import { mapGrantsProblem, type GrantsAction } from './grants-problem';

/** What a dialog's form does with a refusal: messages under the fields the API named. */
interface FieldSetter {
  setFields(fields: { name: string; errors: string[] }[]): void;
}

/** Sends one command on an application; maps a refusal to the dialog's sentence and fields. */
function useCommand(action: Extract<GrantsAction, 'disburse' | 'withdraw'>, onDone: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (form: FieldSetter, send: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
      await queryClient.invalidateQueries({ queryKey: ['grants'] });
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapGrantsProblem(e.problem, action);
        setError(mapped.message);
        form.setFields(
          Object.entries(mapped.fields).map(([field, message]) => ({ name: field, errors: [message] })),
        );
      } else setError('办理未成功，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return { api, busy, error, run, reset: () => setError(undefined) };
}

const ifMatch = (a: Application) => ({
  'If-Match': `"${a.version}"`,
  'Idempotency-Key': crypto.randomUUID(),
});

/** 发放: records the payment of an approved grant (payment reference and date). */
export function DisburseDialog({
  application: a,
  onClose,
}: {
  application: Application;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ paymentRef: string; paidOn: string }>();
  const { api, busy, error, run } = useCommand('disburse', onClose);
  const submit = (v: { paymentRef: string; paidOn: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/grants/applications/{applicationId}/disburse', {
          params: { path: { applicationId: a.applicationId } },
          headers: ifMatch(a),
          body: { paymentRef: v.paymentRef.trim(), paidOn: v.paidOn },
        }),
      ),
    );
  return (
    <Modal
      open
      title={`发放助学金：${a.student.name}`}
      okText="确认发放"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        发放金额 <strong>{formatYuan(a.amountFen)}</strong>
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ paidOn: chinaDateOf(new Date()) }}
        onFinish={submit}
      >
        <Form.Item
          label="支付凭证号"
          name="paymentRef"
          rules={[{ required: true, whitespace: true, message: '请输入支付凭证号' }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item label="发放日期" name="paidOn" rules={[{ required: true, message: '请选择发放日期' }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

/** 撤回: withdraws an application not yet paid, with the reason; a reservation goes back to the budget. */
export function WithdrawDialog({
  application: a,
  onClose,
}: {
  application: Application;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { api, busy, error, run } = useCommand('withdraw', onClose);
  const submit = (v: { reason: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/grants/applications/{applicationId}/withdraw', {
          params: { path: { applicationId: a.applicationId } },
          headers: ifMatch(a),
          body: { reason: v.reason.trim() },
        }),
      ),
    );
  return (
    <Modal
      open
      title={`撤回申请：${a.student.name}`}
      okText="确认撤回"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="撤回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请输入撤回理由' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
