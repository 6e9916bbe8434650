import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { addDays, chinaDateOf, formatDate } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { campaignBodyOf, campaignFormField, type CampaignFormValues } from './campaign-form';
import { fundedLevelsText, type Campaign } from './campaign-terms';
import {
  CAMPAIGN_STATUS_LABELS,
  OPEN_COLOUR,
  LEVEL_LABELS,
  LEVELS,
  TIERS,
  type Level,
} from './grants-labels';
import { mapGrantsProblem } from './grants-problem';

/** Messages under fields named by path (the paths come from the API's field names). */
type FieldErrors = Parameters<FormInstance<CampaignFormValues>['setFields']>[0];
type CheckboxGroupProps = Parameters<typeof Checkbox.Group>[0];

/**
 * 受理的困难类型 as a labelled group of checkboxes. Form.Item hands its control `aria-required`,
 * which a group may not carry (axe: aria-allowed-attr); the requirement is on the label.
 */
function TiersGroup({
  'aria-required': _required,
  ...props
}: CheckboxGroupProps & { 'aria-required'?: unknown }) {
  return (
    <Checkbox.Group
      {...props}
      role="group"
      aria-label="受理的困难类型"
      options={TIERS.map((t) => ({ value: t, label: labelOf(TIER_LABELS, t) }))}
    />
  );
}

/** 新建助学活动: year, name, budget in yuan, the window and school start, amounts by level, tiers. */
function NewCampaign() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const today = chinaDateOf(new Date());

  const save = async (values: CampaignFormValues) => {
    setError(undefined);
    const read = campaignBodyOf(values);
    if ('errors' in read) {
      form.setFields(read.errors.map(([name, e]) => ({ name, errors: [e] })) as FieldErrors);
      return;
    }
    setSaving(true);
    try {
      const created = unwrap(
        await api.POST('/api/v1/grants/campaigns', {
          body: read.body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['grants'] });
      void message.success(`已创建助学活动“${created.name}”`);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapGrantsProblem(e.problem, 'open-campaign');
        setError(mapped.message);
        form.setFields(
          Object.entries(mapped.fields).map(([field, m]) => ({
            name: campaignFormField(field),
            errors: [m],
          })) as FieldErrors,
        );
      } else setError('创建未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      role="region"
      aria-labelledby="new-campaign"
      title={
        <h2 id="new-campaign" style={{ fontSize: 16, margin: 0 }}>
          新建助学活动
        </h2>
      }
      style={{ marginBottom: 16 }}
    >
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{
          year: Number(today.slice(0, 4)),
          opensOn: today,
          closesOn: addDays(today, 30),
          schoolStartOn: addDays(today, 30),
          eligibleTiers: ['deep', 'relative'],
          amounts: {},
        }}
        onFinish={(v) => void save(v)}
        onValuesChange={() => setError(undefined)}
      >
        <Space size="large" wrap>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label="活动名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请输入活动名称' }]}
          >
            <Input style={{ width: 360 }} maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item label="预算（元）" name="budget" rules={[{ required: true, message: '请输入预算' }]}>
          <Input style={{ width: 200 }} inputMode="decimal" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label="受理开始日期" name="opensOn" rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="受理截止日期" name="closesOn" rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            label="开学日期"
            name="schoolStartOn"
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          各学段资助标准（元；不填的学段不资助）
        </Typography.Paragraph>
        <Table<{ level: Level }>
          size="small"
          rowKey="level"
          pagination={false}
          style={{ maxWidth: 420, marginBottom: 16 }}
          dataSource={LEVELS.map((level) => ({ level }))}
          columns={[
            { title: '学段', dataIndex: 'level', render: (l: Level) => LEVEL_LABELS[l] },
            {
              title: '资助标准（元）',
              key: 'amount',
              render: (_, { level }) => (
                <Form.Item name={['amounts', level]} style={{ margin: 0 }}>
                  <Input aria-label={`${LEVEL_LABELS[level]}资助标准（元）`} inputMode="decimal" />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item
          label="受理的困难类型"
          name="eligibleTiers"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种困难类型' }]}
        >
          <TiersGroup />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          创建活动
        </Button>
      </Form>
    </Card>
  );
}

/** 助学活动 (管理员): open a campaign, see every campaign's budget figures, close one. */
export default function AdminCampaigns() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [closeError, setCloseError] = useState<string>();
  const campaigns = useQuery({
    staleTime: 0,
    queryKey: ['grants', 'campaigns', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/grants/campaigns', { params: { query: { pageSize: '100' } } })),
  });

  const close = async (c: Campaign) => {
    setCloseError(undefined);
    try {
      unwrap(
        await api.POST('/api/v1/grants/campaigns/{campaignId}/close', {
          params: { path: { campaignId: c.campaignId } },
          headers: { 'If-Match': `"${c.version}"`, 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['grants'] });
      void message.success(`已结束助学活动“${c.name}”`);
    } catch (e) {
      setCloseError(
        e instanceof ApiProblem
          ? mapGrantsProblem(e.problem, 'close-campaign').message
          : '操作未成功，请稍后再试',
      );
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        助学活动
      </Typography.Title>
      <NewCampaign />
      <Card
        role="region"
        aria-labelledby="all-campaigns"
        title={
          <h2 id="all-campaigns" style={{ fontSize: 16, margin: 0 }}>
            全部助学活动
          </h2>
        }
      >
        {closeError && <Alert type="error" showIcon message={closeError} style={{ marginBottom: 16 }} />}
        <Table<Campaign>
          rowKey="campaignId"
          loading={campaigns.isLoading}
          dataSource={campaigns.data?.items ?? []}
          locale={{ emptyText: '暂无助学活动' }}
          pagination={false}
          columns={[
            { title: '活动名称', dataIndex: 'name' },
            { title: '年度', dataIndex: 'year' },
            {
              title: '受理时间',
              key: 'window',
              render: (_, c) => `${formatDate(c.opensOn)} 至 ${formatDate(c.closesOn)}`,
            },
            { title: '资助标准', key: 'amounts', render: (_, c) => fundedLevelsText(c) },
            { title: '预算', dataIndex: 'budgetFen', align: 'right', render: (f: number) => formatYuan(f) },
            {
              title: '已预留',
              dataIndex: 'reservedFen',
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
            {
              title: '已发放',
              dataIndex: 'disbursedFen',
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
            {
              title: '剩余',
              dataIndex: 'remainingFen',
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'open' ? OPEN_COLOUR : undefined}>{labelOf(CAMPAIGN_STATUS_LABELS, s)}</Tag>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, c) =>
                c.status === 'open' ? (
                  <Popconfirm
                    title={`结束“${c.name}”？`}
                    description="结束后不再受理新的申请；已受理的申请照常审批、发放。"
                    okText="确定结束"
                    cancelText="取消"
                    onConfirm={() => void close(c)}
                  >
                    <Button size="small" danger aria-label={`结束活动（${c.name}）`}>
                      结束活动
                    </Button>
                  </Popconfirm>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
