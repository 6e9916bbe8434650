import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type Schemas } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { formatInstant } from '../../format/date';
import { formatFen, formatYuan, parseYuan } from '../../format/money';
import { formatMultiplier, formatTimes, parseMultiplier } from './ratio';

type Region = Schemas['RegionPolicyEntry'];
type Version = Schemas['RegionPolicyVersion'];

interface Values {
  regionCode?: string;
  minimumLivingStandard?: string;
  multiplier?: string;
}

/** The form's names of the API's fields, so a problem's `errors[].field` lands under its input. */
const FORM_FIELD: Readonly<Record<string, keyof Values>> = {
  regionCode: 'regionCode',
  minimumLivingStandardFen: 'minimumLivingStandard',
  relativeMultiplierBp: 'multiplier',
};

const versionColumns = [
  {
    title: '低保标准（元/人·月）',
    dataIndex: 'minimumLivingStandardFen',
    render: (f: number) => formatYuan(f),
  },
  { title: '相对困难倍数', dataIndex: 'relativeMultiplierBp', render: (bp: number) => formatTimes(bp) },
  { title: '相对困难标准', dataIndex: 'relativeLineFen', render: (f: number) => formatYuan(f) },
  { title: '发布人', dataIndex: 'publishedBy' },
  { title: '发布时间', dataIndex: 'publishedAt', render: (at: string) => formatInstant(at) },
];

/**
 * 区域政策 (admin): the 低保 line and the relative multiplier of each region, with every version
 * (GET /hardship/policies/regions), and the form that publishes a new version (PUT). Every later
 * decision in the region uses the new version; earlier decisions keep the version they used.
 */
export default function Policies() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const policies = useQuery({
    queryKey: ['region-policies'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/policies/regions', { params: { query: { pageSize: '500' } } })),
  });
  const d = policies.data?.default;

  const publish = async (v: Values) => {
    setFailure(undefined);
    const minimumLivingStandardFen = parseYuan(v.minimumLivingStandard ?? '');
    const relativeMultiplierBp = parseMultiplier(v.multiplier ?? '');
    const regionCode = v.regionCode?.trim() ?? '';
    if (minimumLivingStandardFen === undefined || relativeMultiplierBp === undefined) return;
    // The version the admin saw: a publication made meanwhile by someone else is a 409, not overwritten.
    const current = policies.data?.items.find((r) => r.regionCode === regionCode);
    setSaving(true);
    try {
      const answer = unwrap(
        await api.PUT('/api/v1/hardship/policies/regions/{regionCode}', {
          params: {
            path: { regionCode },
            header: { 'If-Match': `"${current?.version ?? 0}"`, 'Idempotency-Key': crypto.randomUUID() },
          },
          body: { minimumLivingStandardFen, relativeMultiplierBp },
        }),
      );
      void message.success(`已发布 ${regionCode} 的新政策版本 ${answer.policyVersion}`);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['region-policies'] });
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapProblem(e.problem);
        setFailure(mapped.message);
        form.setFields(
          Object.entries(mapped.fields)
            .filter(([field]) => FORM_FIELD[field])
            .map(([field, text]) => ({ name: FORM_FIELD[field], errors: [text] })),
        );
        if (e.problem.code === 'VERSION_CONFLICT')
          await queryClient.invalidateQueries({ queryKey: ['region-policies'] });
      } else setFailure('发布未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  const adjust = (r: Region) => {
    form.setFieldsValue({
      regionCode: r.regionCode,
      minimumLivingStandard: formatFen(r.minimumLivingStandardFen).replace(/,/g, ''),
      multiplier: formatMultiplier(r.relativeMultiplierBp),
    });
    document.getElementById('policy-form-title')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        区域政策
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        各地区的低保标准与相对困难倍数。发布新版本后，该地区此后的认定都按新版本办理；此前的认定保留当时的政策版本。
      </Typography.Paragraph>
      {policies.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            policies.error instanceof ApiProblem
              ? mapProblem(policies.error.problem).message
              : '区域政策加载未成功'
          }
        />
      )}
      <Card
        role="region"
        aria-labelledby="policy-default-title"
        loading={policies.isLoading}
        style={{ marginBottom: 16 }}
        title={
          <h2 id="policy-default-title" style={{ fontSize: 16, margin: 0 }}>
            默认政策（未单独发布政策的地区）
          </h2>
        }
      >
        {d && (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label="低保标准">
              {formatYuan(d.minimumLivingStandardFen)}/人·月
            </Descriptions.Item>
            <Descriptions.Item label="相对困难倍数">{formatTimes(d.relativeMultiplierBp)}</Descriptions.Item>
            <Descriptions.Item label="相对困难标准">{formatYuan(d.relativeLineFen)}</Descriptions.Item>
            <Descriptions.Item label="政策版本">{d.policyVersion}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        role="region"
        aria-labelledby="policy-regions-title"
        style={{ marginBottom: 16 }}
        title={
          <h2 id="policy-regions-title" style={{ fontSize: 16, margin: 0 }}>
            各地区政策（共 {policies.data?.total ?? 0} 个地区）
          </h2>
        }
      >
        <Table<Region>
          rowKey="regionCode"
          size="small"
          loading={policies.isLoading}
          dataSource={policies.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无地区单独发布政策，均按默认政策办理' }}
          expandable={{
            expandedRowRender: (r) => (
              <section role="region" aria-label={`${r.regionCode} 的历史版本`}>
                <Table<Version>
                  rowKey="version"
                  size="small"
                  pagination={false}
                  dataSource={[...r.history]}
                  columns={[{ title: '政策版本', dataIndex: 'policyVersion' }, ...versionColumns]}
                />
              </section>
            ),
          }}
          columns={[
            { title: '行政区划代码', dataIndex: 'regionCode' },
            { title: '现行版本', dataIndex: 'policyVersion' },
            ...versionColumns,
            { title: '版本数', render: (_: unknown, r: Region) => `${r.history.length} 个` },
            {
              title: '操作',
              render: (_: unknown, r: Region) => (
                <Button type="link" onClick={() => adjust(r)} aria-label={`调整 ${r.regionCode} 的政策`}>
                  调整
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        role="region"
        aria-labelledby="policy-form-title"
        title={
          <h2 id="policy-form-title" style={{ fontSize: 16, margin: 0 }}>
            发布新版本
          </h2>
        }
      >
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={(v) => void publish(v)}
        >
          <Space size="large" wrap align="start">
            <Form.Item
              label="行政区划代码"
              name="regionCode"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位行政区划代码' }]}
            >
              <Input style={{ width: 160 }} maxLength={6} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              label="低保标准（元/人·月）"
              name="minimumLivingStandard"
              rules={[
                { required: true, message: '请输入低保标准' },
                {
                  validator: (_, v: string) =>
                    v && (parseYuan(v) === undefined || parseYuan(v) === 0)
                      ? Promise.reject(new Error('请输入大于 0 的金额，最多两位小数'))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input style={{ width: 200 }} inputMode="decimal" />
            </Form.Item>
            <Form.Item
              label="相对困难倍数（倍）"
              name="multiplier"
              extra="相对困难标准 = 低保标准 × 倍数，例如 1.5"
              rules={[
                { required: true, message: '请输入相对困难倍数' },
                {
                  validator: (_, v: string) =>
                    v && parseMultiplier(v) === undefined
                      ? Promise.reject(new Error('请输入倍数，例如 1.5，最多四位小数'))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input style={{ width: 160 }} inputMode="decimal" />
            </Form.Item>
          </Space>
          {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={saving}>
            发布
          </Button>
        </Form>
      </Card>
    </>
  );
}
