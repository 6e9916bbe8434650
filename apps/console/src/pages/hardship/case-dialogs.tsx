import { Alert, Form, Input, Modal, Select } from 'antd';
import { unwrap, type CaseDetail } from '../../api/client';
import { chinaDateOf } from '../../format/date';
import { CLOSE_REASON_LABELS } from './hardship-labels';
import { commandHeaders, useCaseCommand, type FieldSetter } from './use-case-command';

/** Every dialog of the case file: the case as shown, and what to do when it closes. */
export interface DialogProps {
  readonly file: CaseDetail;
  readonly onClose: () => void;
}

const path = (file: CaseDetail) => ({ path: { caseId: file.caseId } });
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** One dialog: its title and button, the form, the refusal under it. */
function CommandModal(props: {
  title: string;
  okText: string;
  busy: boolean;
  error?: string;
  onOk: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.children}
      {props.error && <Alert type="error" showIcon message={props.error} />}
    </Modal>
  );
}

/** 入户走访: the date (not in the future), who visited, what they found. */
export function VisitDialog({ file, onClose }: DialogProps) {
  const [form] = Form.useForm<{ visitedOn: string; visitor: string; findings: string }>();
  const { api, busy, error, run } = useCaseCommand('visit', onClose);
  const submit = (v: { visitedOn: string; visitor: string; findings: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/cases/{caseId}/visits', {
          params: path(file),
          headers: commandHeaders(file.version),
          body: { visitedOn: v.visitedOn, visitor: v.visitor.trim(), findings: v.findings.trim() },
        }),
      ),
    );
  return (
    <CommandModal
      title="记录入户走访"
      okText="保存走访"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: chinaDateOf(new Date()) }}
        onFinish={submit}
      >
        <Form.Item label="走访日期" name="visitedOn" rules={[{ required: true, message: '请选择走访日期' }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="走访人" name="visitor" rules={required('请输入走访人')}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item label="走访情况" name="findings" rules={required('请输入走访情况')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </CommandModal>
  );
}

/** 结对帮扶: one helper; a new one ends the previous pairing. */
export function PairingDialog({ file, onClose }: DialogProps) {
  const [form] = Form.useForm<{ helperName: string; helperUnit: string }>();
  const { api, busy, error, run } = useCaseCommand('pairing', onClose);
  const submit = (v: { helperName: string; helperUnit: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.PUT('/api/v1/hardship/cases/{caseId}/pairing', {
          params: path(file),
          headers: commandHeaders(file.version),
          body: { helperName: v.helperName.trim(), helperUnit: v.helperUnit.trim() },
        }),
      ),
    );
  return (
    <CommandModal
      title="结对帮扶"
      okText="保存结对"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {file.pairing && (
        <p>
          当前帮扶责任人：{file.pairing.helperName}（{file.pairing.helperUnit}），保存后由新的责任人接替。
        </p>
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="帮扶责任人" name="helperName" rules={required('请输入帮扶责任人')}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item label="责任人单位" name="helperUnit" rules={required('请输入责任人单位')}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
      </Form>
    </CommandModal>
  );
}

/** 销档: the reason from the list, and a note. */
export function CloseDialog({ file, onClose }: DialogProps) {
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const { api, busy, error, run } = useCaseCommand('close', onClose);
  const submit = (v: { reason: string; note?: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/cases/{caseId}/close', {
          params: path(file),
          headers: commandHeaders(file.version),
          body: { reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      ),
    );
  return (
    <CommandModal
      title={`销档：${file.person.name}`}
      okText="确认销档"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="销档原因" name="reason" rules={[{ required: true, message: '请选择销档原因' }]}>
          <Select
            style={{ width: 240 }}
            options={Object.entries(CLOSE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </CommandModal>
  );
}

/** 恢复档案: a closed case reopened with a reason; the service assesses its tier again. */
export function ReopenDialog({ file, onClose }: DialogProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const { api, busy, error, run } = useCaseCommand('reopen', onClose);
  const submit = (v: { reason: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/cases/{caseId}/reopen', {
          params: path(file),
          headers: commandHeaders(file.version),
          body: { reason: v.reason.trim() },
        }),
      ),
    );
  return (
    <CommandModal
      title={`恢复档案：${file.person.name}`}
      okText="确认恢复"
      busy={busy}
      error={error}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>恢复后按现行政策和最近一次登记的家庭情况重新认定困难类型。</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="恢复理由" name="reason" rules={required('请输入恢复理由')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </CommandModal>
  );
}
