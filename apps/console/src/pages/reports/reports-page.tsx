import { useMemo, type ReactNode } from 'react';
import { Alert, Card, Col, Form, Row, Select, Space, Spin, TreeSelect, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type Schemas } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { ExportButton } from '../../export/export-button';
import type { FigureTable } from '../../export/figure-table';
import { FigureTableView } from '../../export/figure-table-view';
import { chinaDateOf, formatDate } from '../../format/date';
import { Chart } from './chart';
import {
  budgetOption,
  categoryOption,
  gaugeOption,
  payoutsOption,
  tierOption,
  unitOption,
} from './chart-options';
import { budgetTable, categoryTable, fundTable, payoutsTable, tierTable, unitTable } from './report-tables';

type Subtree = Schemas['OrgUnitSubtree'];
interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}
const treeOf = (n: Subtree): TreeNode => ({
  value: n.orgId,
  title: n.name,
  children: n.children.map(treeOf),
});
const FUND_READERS = ['reviewer', 'auditor', 'admin'];

/** 统计报表 (CONSOLE.md "Reports"): each chart with its figures as a table, each report exported. */
export default function ReportsPage() {
  const api = useApi();
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = chinaDateOf(new Date());
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
    else params.delete(key);
    setParams(params, { replace: true });
  };

  // The nodes the user may report on: the subtrees of their units (the root for `*`).
  const units = session?.units ?? [];
  const root = useQuery({
    queryKey: ['org-root'],
    queryFn: async () => unwrap(await api.GET('/api/v1/org/units', { params: { query: { pageSize: '1' } } })),
    enabled: units.includes('*'),
  });
  const tops = units.includes('*') ? (root.data?.items.map((u) => u.orgId) ?? []) : units;
  const trees = useQueries({
    queries: tops.map((orgId) => ({
      queryKey: ['org-tree', orgId],
      queryFn: async () =>
        unwrap(
          await api.GET('/api/v1/org/units/{orgId}', {
            params: { path: { orgId }, query: { depth: '3' } },
          }),
        ),
    })),
  });
  const treeData = trees.flatMap((t) => (t.data ? [treeOf(t.data)] : []));
  const orgId = params.get('orgId') ?? tops[0];
  const nodeName = (id: string | undefined): string => {
    const find = (nodes: TreeNode[]): TreeNode | undefined =>
      nodes.reduce<TreeNode | undefined>(
        (hit, n) => hit ?? (n.value === id ? n : find(n.children)),
        undefined,
      );
    return find(treeData)?.title ?? id ?? '';
  };

  const periods = useQuery({
    queryKey: ['periods'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/medical-aid/periods', { params: { query: { pageSize: '100' } } })),
  });
  const campaigns = useQuery({
    queryKey: ['campaigns', year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/campaigns', {
          params: { query: { year: String(year), pageSize: '100' } },
        }),
      ),
  });
  const periodId = params.get('periodId') ?? periods.data?.items[0]?.periodId;
  const campaignId = params.get('campaignId') ?? campaigns.data?.items[0]?.campaignId;
  const readsFund = (session?.roles ?? []).some((r) => FUND_READERS.includes(r));

  const stats = useQuery({
    queryKey: ['hardship-stats', year, orgId],
    enabled: orgId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/hardship/stats', {
          params: { query: { year: String(year), orgId, groupBy: 'child' } },
        }),
      ),
  });
  const fund = useQuery({
    queryKey: ['fund-report', periodId, orgId],
    enabled: readsFund && periodId !== undefined && orgId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/medical-aid/periods/{periodId}/fund-report', {
          params: { path: { periodId: periodId ?? '' }, query: { orgId, groupBy: 'child' } },
        }),
      ),
  });
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    enabled: campaignId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/campaigns/{campaignId}', {
          params: { path: { campaignId: campaignId ?? '' } },
        }),
      ),
  });

  const name = nodeName(orgId);
  const view = useMemo(() => {
    const f = fund.data;
    const s = stats.data;
    const c = campaign.data;
    return {
      gauge: f ? gaugeOption(f.usageRateBp) : undefined,
      fundTable: f ? fundTable(f, name) : undefined,
      payouts: f ? { option: payoutsOption(f), table: payoutsTable(f) } : undefined,
      budget: c ? { option: budgetOption(c), table: budgetTable(c) } : undefined,
      tiers: s ? { option: tierOption(s), table: tierTable(s) } : undefined,
      units: s ? { option: unitOption(s), table: unitTable(s) } : undefined,
      categories: s ? { option: categoryOption(s), table: categoryTable(s) } : undefined,
    };
  }, [fund.data, stats.data, campaign.data, name]);
  const everything = (): FigureTable[] =>
    [
      view.fundTable,
      view.payouts?.table,
      view.budget?.table,
      view.tiers?.table,
      view.units?.table,
      view.categories?.table,
    ].filter((t): t is FigureTable => t !== undefined);
  const periodName = periods.data?.items.find((p) => p.periodId === periodId)?.name;
  const fundMissing = !readsFund
    ? '医疗互助基金报表由审核人、审计和管理员查看。'
    : periods.data?.items.length === 0
      ? '尚无互助期次。'
      : undefined;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          统计报表
        </Typography.Title>
        <ExportButton filename={`统计报表-${name}-${today}`} tables={everything} label="导出全部报表" />
      </Space>
      <Card role="region" aria-labelledby="reports-filters" style={{ marginBottom: 16 }}>
        <h2 id="reports-filters" style={{ fontSize: 16, marginTop: 0 }}>
          报表条件
        </h2>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="单位" htmlFor="reports-org">
            <TreeSelect
              id="reports-org"
              style={{ width: 260 }}
              treeData={treeData}
              value={orgId}
              onChange={(v: string) => set('orgId', v)}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              loading={trees.some((t) => t.isLoading)}
            />
          </Form.Item>
          <Form.Item label="年度" htmlFor="reports-year">
            <Select
              id="reports-year"
              style={{ width: 120 }}
              value={year}
              onChange={(v: number) => {
                params.delete('campaignId');
                set('year', String(v));
              }}
              options={[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年` }))}
            />
          </Form.Item>
          <Form.Item label="互助期次" htmlFor="reports-period">
            <Select
              id="reports-period"
              showSearch
              optionFilterProp="label"
              style={{ width: 260 }}
              value={periodId}
              onChange={(v: string) => set('periodId', v)}
              loading={periods.isLoading}
              options={(periods.data?.items ?? []).map((p) => ({ value: p.periodId, label: p.name }))}
              notFoundContent="尚无互助期次"
            />
          </Form.Item>
          <Form.Item label="助学活动" htmlFor="reports-campaign">
            <Select
              id="reports-campaign"
              showSearch
              optionFilterProp="label"
              style={{ width: 260 }}
              value={campaignId}
              onChange={(v: string) => set('campaignId', v)}
              loading={campaigns.isLoading}
              options={(campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.name }))}
              notFoundContent="该年度尚无助学活动"
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          在档户数为截至 {formatDate(today)} 的数字；帮扶救助为 {year}{' '}
          年已发放的数字；医疗互助按所选期次统计。
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Report
          wide
          id="report-fund"
          title="医疗互助基金使用率"
          subtitle={periodName && `${periodName} · ${name}`}
          query={fund}
          missing={fundMissing}
          tables={view.fundTable ? [view.fundTable] : []}
        >
          {view.gauge && view.fundTable && (
            <Row gutter={[16, 16]} align="middle">
              <Col xs={24} lg={8}>
                <Chart
                  option={view.gauge.option}
                  label={`基金使用率：${view.gauge.text}`}
                  data={{ 'gauge-colour': view.gauge.colour, over: String(view.gauge.over) }}
                />
              </Col>
              <Col xs={24} lg={16}>
                <FigureTableView table={view.fundTable} hideCaption />
              </Col>
            </Row>
          )}
        </Report>
        <Report
          id="report-payouts"
          title="医疗互助按月赔付"
          subtitle={periodName && `${periodName} · ${name}`}
          query={fund}
          missing={fundMissing}
          tables={view.payouts ? [view.payouts.table] : []}
        >
          {view.payouts && (
            <Figure
              label="每月互助金支出柱状图"
              option={view.payouts.option}
              table={view.payouts.table}
              empty="尚无已支付的理赔"
            />
          )}
        </Report>
        <Report
          id="report-budget"
          title="金秋助学预算使用"
          subtitle={campaign.data?.name}
          query={campaign}
          missing={campaigns.data?.items.length === 0 ? `${year}年尚无助学活动。` : undefined}
          tables={view.budget ? [view.budget.table] : []}
        >
          {view.budget && (
            <Figure label="助学预算使用条形图" option={view.budget.option} table={view.budget.table} />
          )}
        </Report>
        <Report
          id="report-tiers"
          title="在档困难职工（按困难类型）"
          subtitle={name}
          query={stats}
          tables={view.tiers ? [view.tiers.table] : []}
        >
          {view.tiers && (
            <Figure label="在档困难职工困难类型饼图" option={view.tiers.option} table={view.tiers.table} />
          )}
        </Report>
        <Report
          id="report-units"
          title="在档困难职工（按单位）"
          subtitle={`${name}的下级单位`}
          query={stats}
          tables={view.units ? [view.units.table] : []}
        >
          {view.units && (
            <Figure
              label="各下级单位在档困难职工条形图"
              option={view.units.option}
              table={view.units.table}
              empty="该单位没有下级单位"
            />
          )}
        </Report>
        <Report
          id="report-categories"
          title="帮扶救助（按类别）"
          subtitle={`${year}年 · ${name}`}
          query={stats}
          tables={view.categories ? [view.categories.table] : []}
        >
          {view.categories && (
            <Figure
              label="帮扶救助金额按类别柱状图"
              option={view.categories.option}
              table={view.categories.table}
            />
          )}
        </Report>
      </Row>
    </>
  );
}

function Figure({
  label,
  option,
  table,
  empty,
}: {
  label: string;
  option: Parameters<typeof Chart>[0]['option'];
  table: FigureTable;
  empty?: string;
}) {
  return (
    <>
      {table.rows.length > 0 && <Chart option={option} label={label} />}
      <FigureTableView table={table} hideCaption empty={empty} />
    </>
  );
}

/** One report: a labelled region with its chart, its table and its own export. */
function Report({
  wide = false,
  id,
  title,
  subtitle,
  query,
  missing,
  tables,
  children,
}: {
  /** The whole width: the fund's table has many columns. */
  wide?: boolean;
  id: string;
  title: string;
  subtitle?: string;
  query: { isLoading: boolean; isError: boolean; error: unknown; fetchStatus: string };
  missing?: string;
  tables: FigureTable[];
  children: ReactNode;
}) {
  const refused =
    query.error instanceof ApiProblem ? mapProblem(query.error.problem).message : '暂时无法查询，请稍后重试';
  return (
    <Col xs={24} xl={wide ? 24 : 12}>
      <Card
        role="region"
        aria-labelledby={id}
        title={
          <div>
            <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
              {title}
            </h2>
            {subtitle && (
              <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                {subtitle}
              </Typography.Text>
            )}
          </div>
        }
        extra={
          <ExportButton
            filename={`${title}-${chinaDateOf(new Date())}`}
            tables={() => tables}
            ariaLabel={`导出${title}`}
            disabled={tables.length === 0}
          />
        }
      >
        {missing ? (
          <Typography.Paragraph style={{ margin: 0 }}>{missing}</Typography.Paragraph>
        ) : query.isError ? (
          <Alert type="warning" showIcon message={refused} />
        ) : query.isLoading || (query.fetchStatus === 'idle' && tables.length === 0) ? (
          <Spin tip="正在加载" style={{ display: 'block', margin: 32 }}>
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : (
          children
        )}
      </Card>
    </Col>
  );
}
