import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { isProblem } from '../../api/problem';
import { unwrap } from '../../api/client';
import { formatFen, parseYuan } from '../../format/money';
import { CausesGroup } from './causes-group';
import type { DialogProps } from './case-dialogs';
import { mapCaseProblem } from './hardship-problem';
import { reassessPreviewText, type ReassessmentPreview } from './reassess-preview';
import { commandHeaders, useCaseCommand, type FieldSetter } from './use-case-command';

interface Values {
  size?: number;
  income?: string;
  emergencyExpense?: string;
  causes?: string[];
}

interface ReassessBody {
  household: { size: number; monthlyIncomeFen: number };
  causes?: string[];
  emergencyExpenseFen?: number;
}

/** The request body, or undefined while a figure is missing or not an amount. */
function bodyOf(v: Values): ReassessBody | undefined {
  const incomeFen = parseYuan(v.income ?? '');
  const expense = v.emergencyExpense?.trim() ? parseYuan(v.emergencyExpense) : undefined;
  if (!v.size || incomeFen === undefined || !v.causes?.length) return undefined;
  if (v.emergencyExpense?.trim() && expense === undefined) return undefined;
  return {
    household: { size: v.size, monthlyIncomeFen: incomeFen },
    causes: v.causes,
    ...(expense !== undefined ? { emergencyExpenseFen: expense } : {}),
  };
}

const yuanRule = {
  validator: (_: unknown, v: string | undefined) =>
    v && parseYuan(v) === undefined
      ? Promise.reject(new Error('请输入金额，最多两位小数'))
      : Promise.resolve(),
};

/**
 * 复核: fresh household figures; before saving, the tier the review gives and the line it was
 * judged against, from the dry run of the same request (`?dryRun=true`).
 */
export function ReassessDialog({ file, onClose }: DialogProps) {
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const body = useMemo(() => (values ? bodyOf(values) : undefined), [values]);
  const { api, busy, error, run } = useCaseCommand('reassess', onClose);
  const [preview, setPreview] = useState<{ ok: ReassessmentPreview } | { refused: string }>();
  const latest = useRef(0);
  const bodyKey = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!body) {
      setPreview(undefined);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api
        .POST('/api/v1/hardship/cases/{caseId}/reassessments', {
          params: { path: { caseId: file.caseId }, query: { dryRun: 'true' } },
          headers: { 'If-Match': `"${file.version}"` },
          body,
        })
        .then((r) => {
          if (ticket !== latest.current) return;
          if (r.response.ok) setPreview({ ok: r.data as unknown as ReassessmentPreview });
          else {
            const p = isProblem(r.error) ? r.error : { status: r.response.status };
            setPreview({ refused: mapCaseProblem(p, 'reassess').message });
          }
        })
        .catch(() => ticket === latest.current && setPreview({ refused: '暂时无法预览复核结果' }));
    }, 300);
    return () => clearTimeout(timer);
    // bodyKey stands for body: the effect runs when the request would differ.
  }, [bodyKey, api, file.caseId, file.version]);

  const save = () =>
    body &&
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/cases/{caseId}/reassessments', {
          params: { path: { caseId: file.caseId } },
          headers: commandHeaders(file.version),
          body,
        }),
      ),
    );
  const shown = preview && 'ok' in preview ? reassessPreviewText(preview.ok) : undefined;
  return (
    <Modal
      open
      title={`复核：${file.person.name}`}
      okText="保存复核"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: !shown }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          size: file.household.size,
          income: formatFen(file.household.monthlyIncomeFen).replace(/,/g, ''),
          causes: file.causes,
        }}
        onFinish={save}
      >
        <Form.Item label="家庭人口（人）" name="size" rules={[{ required: true, message: '请输入家庭人口' }]}>
          <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="家庭月收入（元）"
          name="income"
          rules={[{ required: true, message: '请输入家庭月收入' }, yuanRule]}
        >
          <Input style={{ width: 200 }} inputMode="decimal" />
        </Form.Item>
        <Form.Item label="近12个月一次性意外支出（元，可不填）" name="emergencyExpense" rules={[yuanRule]}>
          <Input style={{ width: 200 }} inputMode="decimal" />
        </Form.Item>
        <Form.Item
          label="致困原因"
          name="causes"
          rules={[{ required: true, type: 'array', min: 1, message: '请选择致困原因' }]}
        >
          <CausesGroup />
        </Form.Item>
      </Form>
      <section aria-label="复核结果预览" aria-live="polite" style={{ marginBottom: 16 }}>
        {!body && <Alert type="info" message="填写完整后，这里会显示按现行政策的复核结果。" />}
        {shown && (
          <Alert
            type={shown.closes ? 'warning' : 'success'}
            showIcon
            message={shown.tier}
            description={shown.line}
          />
        )}
        {preview && 'refused' in preview && <Alert type="warning" showIcon message={preview.refused} />}
      </section>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
