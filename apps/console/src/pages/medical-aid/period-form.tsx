import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { TIER_LABELS } from '../../format/labels';
import { BandsEditor } from './bands-editor';
import { formErrorsOf, periodBodyOf, type FormError, type PeriodFormValues } from './period-form-values';
import { Region } from './region';

/** DOMAIN.md §3's defaults, in yuan; the bands start as two rows, the last without limit. */
const INITIAL: PeriodFormValues = {
  contribution: '100.00',
  waitingDays: 0,
  claimDeadlineDays: 180,
  annualCap: '200,000.00',
  seriousThreshold: '60,000.00',
  seriousCap: '50,000.00',
  hardshipThreshold: '30,000.00',
  waiveTiers: ['deep'],
  inpatientBands: [
    { upto: '', unlimited: false, ratio: '' },
    { upto: '', unlimited: true, ratio: '' },
  ],
  seriousBands: [
    { upto: '', unlimited: false, ratio: '' },
    { upto: '', unlimited: true, ratio: '' },
  ],
};

const yuan = (label: string, name: keyof PeriodFormValues, extra = '') => (
  <Form.Item
    label={`${label}（元）${extra}`}
    name={name}
    rules={[{ required: true, message: `请填写${label}` }]}
  >
    <Input style={{ width: 200 }} inputMode="decimal" />
  </Form.Item>
);
const date = (label: string, name: keyof PeriodFormValues) => (
  <Form.Item label={label} name={name} rules={[{ required: true, message: `请选择${label}` }]}>
    <Input type="date" style={{ width: 200 }} />
  </Form.Item>
);

/** 开设互助期次: a period with its rules, the bands as small tables (CONSOLE.md, "Admin"). */
export default function PeriodForm() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PeriodFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const show = (errors: readonly FormError[]) =>
    form.setFields(errors.map((e) => ({ name: e.name as never, errors: [e.message] })));

  const save = async (values: PeriodFormValues) => {
    setError(undefined);
    const read = periodBodyOf(values);
    if ('errors' in read) {
      show(read.errors);
      setError('有些项目无法识别，请按提示修改标红的项目');
      return;
    }
    setSaving(true);
    try {
      const period = unwrap(
        await api.POST('/api/v1/medical-aid/periods', {
          body: read.body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['medical-aid'] });
      void navigate(`/admin/periods/${period.periodId}`);
    } catch (e) {
      if (e instanceof ApiProblem) {
        setError(mapProblem(e.problem).message);
        show(formErrorsOf((e.problem.errors ?? []).map((x) => x.field)));
      } else setError('保存未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        开设互助期次
      </Typography.Title>
      <Form<PeriodFormValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(v) => void save(v)}
      >
        <Region id="period-form-terms" title="期次与登记">
          <Form.Item
            label="期次名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请填写期次名称' }]}
          >
            <Input style={{ width: 360 }} maxLength={100} />
          </Form.Item>
          <Space size="large" wrap>
            {date('保障开始日期', 'coverageStart')}
            {date('保障结束日期', 'coverageEnd')}
            {date('登记开始日期', 'enrollmentOpensOn')}
            {date('登记截止日期', 'enrollmentClosesOn')}
          </Space>
          <Space size="large" wrap>
            {yuan('年度会费', 'contribution', '（每人）')}
            <Form.Item
              label="等待期（天）"
              name="waitingDays"
              rules={[{ required: true, message: '请填写等待期' }]}
            >
              <InputNumber min={0} max={3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="申请期限（出院后天数）"
              name="claimDeadlineDays"
              rules={[{ required: true, message: '请填写申请期限' }]}
            >
              <InputNumber min={0} max={3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item label="会费由工会兜底的困难类型" name="waiveTiers">
            <Checkbox.Group
              options={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Region>
        <Region id="period-form-inpatient" title="住院互助">
          <Space size="large" wrap>
            {yuan('起付线', 'deductible', '（每次住院）')}
            {yuan('年度封顶', 'annualCap', '（每人）')}
          </Space>
          <Typography.Paragraph>
            按超过起付线的部分分段计算，各段上限逐段增大，最后一段无上限。
          </Typography.Paragraph>
          <BandsEditor name="inpatientBands" label="住院" />
        </Region>
        <Region id="period-form-serious" title="大病救助">
          <Space size="large" wrap>
            {yuan('大病救助起付标准', 'seriousThreshold', '（年度个人负担）')}
            {yuan('大病救助封顶', 'seriousCap', '（每人）')}
          </Space>
          <BandsEditor name="seriousBands" label="大病" />
        </Region>
        <Region id="period-form-risk" title="因病致困预警">
          {yuan('因病致困预警线', 'hardshipThreshold', '（扣除大病救助后的年度个人负担）')}
        </Region>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            开设期次
          </Button>
          <Button onClick={() => void navigate('/admin/periods')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
