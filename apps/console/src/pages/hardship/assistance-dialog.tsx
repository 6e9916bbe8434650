import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../api/client';
import { ASSISTANCE_CATEGORY_LABELS, ASSISTANCE_KIND_LABELS, labelOf } from '../../format/labels';
import { formatYuan, parseYuan } from '../../format/money';
import type { DialogProps } from './case-dialogs';
import { assistanceBody, type AssistanceValues } from './assistance-form';
import { FUND_CATEGORY_LABELS } from './hardship-labels';
import { commandHeaders, useCaseCommand, type FieldSetter } from './use-case-command';

type Fund = Schemas['Fund'];
export type AssistanceRecord = Schemas['AssistanceRecord'];

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const fundLabel = (f: Fund) =>
  `${f.name}（${f.year}年，${labelOf({ ...ASSISTANCE_CATEGORY_LABELS, ...FUND_CATEGORY_LABELS }, f.category)}，余额 ${formatYuan(f.remainingFen)}）`;

/**
 * 申请帮扶: cash, goods or a service, its category, the amount in yuan (sent as fen) and the fund
 * it is paid from (the funds the caller may see, from the API). The figures of the year against
 * the cap and the approval threshold are the API's; whether it waits for a second reviewer is the
 * answer's `status`.
 */
export function AssistanceDialog({
  file,
  onClose,
  onRecorded,
}: DialogProps & { onRecorded: (answer: AssistanceRecord) => void }) {
  const [form] = Form.useForm<AssistanceValues>();
  const { api, busy, error, run } = useCaseCommand<AssistanceRecord>('assistance', onRecorded);
  const funds = useQuery({
    queryKey: ['funds', 'for-assistance'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/funds', { params: { query: { pageSize: '200' } } })),
  });
  const submit = (v: AssistanceValues) => {
    const body = assistanceBody(v);
    if (!body) return;
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/cases/{caseId}/assistance', {
          params: { path: { caseId: file.caseId } },
          headers: commandHeaders(file.version),
          body,
        }),
      ),
    );
  };
  const cap = file.cap;
  return (
    <Modal
      open
      title={`申请帮扶：${file.person.name}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <p>
        {cap.year}年已帮扶 {formatYuan(cap.usedFen)}，年度上限 {formatYuan(cap.capFen)}，还可帮扶{' '}
        <strong>{formatYuan(cap.remainingFen)}</strong>。单笔 {formatYuan(cap.approvalThresholdFen)}{' '}
        及以上需第二位审核人审批。
      </p>
      <Form<AssistanceValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'cash', category: 'living' }}
        onFinish={submit}
      >
        <Form.Item label="帮扶形式" name="kind" rules={[{ required: true, message: '请选择帮扶形式' }]}>
          <Radio.Group options={options(ASSISTANCE_KIND_LABELS)} aria-label="帮扶形式" />
        </Form.Item>
        <Form.Item label="帮扶类别" name="category" rules={[{ required: true, message: '请选择帮扶类别' }]}>
          <Select style={{ width: 240 }} options={options(ASSISTANCE_CATEGORY_LABELS)} />
        </Form.Item>
        <Form.Item
          label="金额（元）"
          name="amount"
          rules={[
            { required: true, message: '请输入金额' },
            {
              validator: (_, v: string | undefined) => {
                const fen = parseYuan(v ?? '');
                return v && (fen === undefined || fen < 1)
                  ? Promise.reject(new Error('请输入大于零的金额，最多两位小数'))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input style={{ width: 200 }} inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item label="资金来源" name="fundId" rules={[{ required: true, message: '请选择资金来源' }]}>
          <Select
            loading={funds.isLoading}
            placeholder={funds.data?.items.length === 0 ? '暂无可用的专项资金' : '请选择专项资金'}
            options={(funds.data?.items ?? []).map((f) => ({ value: f.fundId, label: fundLabel(f) }))}
          />
        </Form.Item>
        <Form.Item
          label="帮扶内容"
          name="description"
          rules={[{ required: true, whitespace: true, message: '请输入帮扶内容' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
