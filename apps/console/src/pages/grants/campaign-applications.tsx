import { cloneElement, isValidElement, useState, type ReactElement } from 'react';
import { ConsentCell } from '../../consent/consent-view';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { formatDate } from '../../format/date';
import { labelOf } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { DisburseDialog, WithdrawDialog } from './application-actions';
import { applicationNote, type Application } from './application-note';
import { BudgetBar } from './budget-bar';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  CAMPAIGN_STATUS_LABELS,
  LEVEL_LABELS,
  type ApplicationStatus,
} from './grants-labels';

// Dark tag colours, readable (WCAG AA) on the tag's light background, which antd's presets are
// not; the tag's text says the status, the colour only repeats it.
const STATUS_COLOURS: Readonly<Record<ApplicationStatus, string | undefined>> = {
  submitted: '#0958d9',
  approved: '#ad4e00',
  on_hold: '#a8071a',
  disbursed: '#237804',
  rejected: undefined,
  withdrawn: undefined,
};
const PAGE_SIZE = 20;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const WITHDRAWABLE: readonly string[] = ['submitted', 'approved', 'on_hold'];

type Dialog = { kind: 'disburse' | 'withdraw'; application: Application } | undefined;

/** A campaign's applications by status (held ones with why), with 发放 and 撤回 where they apply. */
export default function CampaignApplications() {
  const api = useApi();
  const navigate = useNavigate();
  const { session } = useAuth();
  const { campaignId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = (APPLICATION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ApplicationStatus)
    : undefined;
  const page = Number(params.get('page') ?? '1');
  const [dialog, setDialog] = useState<Dialog>();
  const roles = session?.roles ?? [];
  const isCaseworker = roles.includes('caseworker');
  const mayDisburse = isCaseworker || roles.includes('reviewer');

  // Others change these figures (reviewers approve, colleagues pay): read them afresh on every visit.
  const campaign = useQuery({
    staleTime: 0,
    queryKey: ['grants', 'campaign', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/grants/campaigns/{campaignId}', { params: { path: { campaignId } } })),
  });
  // How many applications each tab holds (the caller's units only, as every list of the API).
  const counts = useQuery({
    staleTime: 0,
    queryKey: ['grants', 'applications', campaignId, 'counts'],
    queryFn: async () => {
      const totals = await Promise.all(
        APPLICATION_STATUSES.map(async (s) => {
          const r = unwrap(
            await api.GET('/api/v1/grants/applications', {
              params: { query: { campaignId, status: s, pageSize: '1' } },
            }),
          );
          return [s, r.total] as const;
        }),
      );
      return Object.fromEntries(totals) as Record<ApplicationStatus, number>;
    },
  });
  const list = useQuery({
    staleTime: 0,
    queryKey: ['grants', 'applications', campaignId, status ?? 'all', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/applications', {
          params: {
            query: {
              campaignId,
              page: String(page),
              pageSize: String(PAGE_SIZE),
              ...(status ? { status } : {}),
            },
          },
        }),
      ),
  });

  const c = campaign.data;
  const all = counts.data ? Object.values(counts.data).reduce((a, b) => a + b, 0) : undefined;
  const countOf = (n: number | undefined) => (n === undefined ? '' : `（${n}）`);
  const title = c ? `${c.name} · 申请名单` : '申请名单';

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {title}
        </Typography.Title>
        <Space>
          <Button onClick={() => void navigate('/grants')}>返回活动列表</Button>
          {isCaseworker && c?.status === 'open' && (
            <Button type="primary" onClick={() => void navigate(`/grants/apply?campaignId=${campaignId}`)}>
              申请助学
            </Button>
          )}
        </Space>
      </Space>
      {campaign.isError && <Alert type="error" showIcon message="未找到该助学活动" />}
      {c && (
        <Card
          role="region"
          aria-labelledby="campaign-budget"
          title={
            <h2 id="campaign-budget" style={{ fontSize: 16, margin: 0 }}>
              预算使用
            </h2>
          }
          extra={
            <span>
              {labelOf(CAMPAIGN_STATUS_LABELS, c.status)} · 受理时间 {formatDate(c.opensOn)} 至{' '}
              {formatDate(c.closesOn)} · 开学日期 {formatDate(c.schoolStartOn)}
            </span>
          }
          style={{ marginBottom: 16 }}
        >
          <BudgetBar campaign={c} />
        </Card>
      )}
      <Card
        role="region"
        aria-labelledby="campaign-applications"
        title={
          <h2 id="campaign-applications" style={{ fontSize: 16, margin: 0 }}>
            申请
          </h2>
        }
      >
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(key) => {
            const next = new URLSearchParams();
            if (key !== 'all') next.set('status', key);
            setParams(next);
          }}
          items={[
            { key: 'all', label: `全部${countOf(all)}` },
            ...APPLICATION_STATUSES.map((s) => ({
              key: s,
              label: `${APPLICATION_STATUS_LABELS[s]}${countOf(counts.data?.[s])}`,
            })),
          ]}
        />
        <Table<Application>
          rowKey="applicationId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '暂无申请' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 份申请`,
            itemRender: (_, type, element) =>
              (type === 'prev' || type === 'next') && isValidElement(element)
                ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, {
                    'aria-label': type === 'prev' ? '上一页' : '下一页',
                  })
                : element,
            onChange: (p) => {
              params.set('page', String(p));
              setParams(params);
            },
          }}
          columns={[
            {
              title: '学生',
              key: 'student',
              render: (_, a) => (
                <>
                  <div style={NOWRAP}>{a.student.name}</div>
                  <Typography.Text type="secondary" style={NOWRAP}>
                    {a.student.idNumberMasked}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: '学段 · 学校',
              key: 'school',
              render: (_, a) => (
                <>
                  <div style={NOWRAP}>{labelOf(LEVEL_LABELS, a.student.level)}</div>
                  <div>{a.student.school}</div>
                </>
              ),
            },
            {
              title: '助学金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (fen: number) => <span style={NOWRAP}>{formatYuan(fen)}</span>,
            },
            {
              title: '家长 · 所在单位',
              key: 'parent',
              render: (_, a) => (
                <>
                  <div style={NOWRAP}>{a.parent.idNumberMasked}</div>
                  <Typography.Text type="secondary" style={NOWRAP}>
                    {a.unitId}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: '家长授权书',
              key: 'consent',
              render: (_, a) => <ConsentCell consent={a.consent} />,
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: ApplicationStatus) => (
                <Tag color={STATUS_COLOURS[s]} style={NOWRAP}>
                  {APPLICATION_STATUS_LABELS[s]}
                </Tag>
              ),
            },
            { title: '说明', key: 'note', render: (_, a) => applicationNote(a) },
            {
              title: '操作',
              key: 'actions',
              render: (_, a) => (
                <Space>
                  {mayDisburse && a.status === 'approved' && (
                    <Button
                      size="small"
                      type="primary"
                      aria-label={`发放（${a.student.name}）`}
                      onClick={() => setDialog({ kind: 'disburse', application: a })}
                    >
                      发放
                    </Button>
                  )}
                  {isCaseworker && WITHDRAWABLE.includes(a.status) && (
                    <Button
                      size="small"
                      aria-label={`撤回（${a.student.name}）`}
                      onClick={() => setDialog({ kind: 'withdraw', application: a })}
                    >
                      撤回
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'disburse' && (
        <DisburseDialog application={dialog.application} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'withdraw' && (
        <WithdrawDialog application={dialog.application} onClose={() => setDialog(undefined)} />
      )}
    </>
  );
}
