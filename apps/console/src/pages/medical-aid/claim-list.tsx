import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { formatDate, formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { CLAIM_STATUS_LABELS } from './medical-aid-labels';
import { usePeriods, type Claim } from './medical-aid-api';
import { chineseArrows } from './pagination';

const PAGE_SIZE = 20;

/** 互助金申请: the claims of the user's units, by period and status (the query string). */
export default function ClaimList() {
  const api = useApi();
  const navigate = useNavigate();
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const page = Number(params.get('page') ?? '1');
  const query: Record<string, string> = { page: String(page), pageSize: String(PAGE_SIZE) };
  for (const f of ['periodId', 'status'] as const) {
    const v = params.get(f);
    if (v) query[f] = v;
  }
  const claims = useQuery({
    queryKey: ['medical-aid', 'claims', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/medical-aid/claims', { params: { query } })),
  });
  const setFilter = (name: string, value: string | undefined) => {
    if (value) params.set(name, value);
    else params.delete(name);
    params.delete('page');
    setParams(params);
  };
  const periodName = new Map((periods.data?.items ?? []).map((p) => [p.periodId, p.name]));
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          互助金申请
        </Typography.Title>
        {session?.roles.includes('caseworker') && (
          <Button
            type="primary"
            onClick={() =>
              void navigate(`/medical-aid/claims/new${query.periodId ? `?periodId=${query.periodId}` : ''}`)
            }
          >
            申请互助金
          </Button>
        )}
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="按期次筛选"
          placeholder="全部期次"
          allowClear
          style={{ width: 280 }}
          value={query.periodId}
          onChange={(v?: string) => setFilter('periodId', v)}
          options={(periods.data?.items ?? []).map((p) => ({ value: p.periodId, label: p.name }))}
        />
        <Select
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 200 }}
          value={query.status}
          onChange={(v?: string) => setFilter('status', v)}
          options={Object.entries(CLAIM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<Claim>
        rowKey="claimId"
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        locale={{ emptyText: '暂无互助金申请' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: claims.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 件`,
          itemRender: chineseArrows,
          onChange: (p) => {
            params.set('page', String(p));
            setParams(params);
          },
        }}
        columns={[
          {
            title: '会员',
            dataIndex: ['member', 'name'],
            render: (name: string, c) => <Link to={`/medical-aid/claims/${c.claimId}`}>{name}</Link>,
          },
          { title: '身份证号', dataIndex: ['member', 'idNumberMasked'] },
          { title: '期次', dataIndex: 'periodId', render: (id: string) => periodName.get(id) ?? '—' },
          { title: '医院', dataIndex: 'hospital' },
          { title: '入院日期', dataIndex: 'admittedOn', render: (d: string) => formatDate(d) },
          {
            title: '互助金',
            dataIndex: ['quote', 'payoutFen'],
            align: 'right',
            render: (f: number) => formatYuan(f),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag>{labelOf(CLAIM_STATUS_LABELS, s)}</Tag>,
          },
          { title: '提交时间', dataIndex: 'submittedAt', render: (t: string) => formatInstant(t) },
        ]}
      />
    </>
  );
}
