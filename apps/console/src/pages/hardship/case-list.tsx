import { cloneElement, isValidElement, type ReactElement } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap, type Case } from '../../api/client';
import { allPages } from '../../export/all-pages';
import { ExportButton } from '../../export/export-button';
import { chinaDateOf, formatDate } from '../../format/date';
import { caseTable } from '../workbench/worklist-tables';
import { CASE_STATUS_LABELS, labelOf, TIER_LABELS } from '../../format/labels';

const FILTERS = ['status', 'tier', 'unitId', 'reviewDueBefore', 'visitOverdue'] as const;

/** 困难职工档案: the case list, filtered by the query string (the 工作台's counts link here). */
export default function CaseList() {
  const api = useApi();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1');
  const query: Record<string, string> = { page: String(page), pageSize: '20' };
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) query[f] = v;
  }
  const cases = useQuery({
    queryKey: ['cases', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/hardship/cases', { params: { query } })),
  });
  const title = params.get('title') ?? '困难职工档案';
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {title}
        </Typography.Title>
        <Space>
          <ExportButton
            filename={`${title}-${chinaDateOf(new Date())}`}
            tables={async () => {
              // Every page with the filters on screen: the export is the list, not the page shown.
              const { page: _page, pageSize: _size, ...filters } = query;
              const all = await allPages(async (p, size) =>
                unwrap(
                  await api.GET('/api/v1/hardship/cases', {
                    params: { query: { ...filters, page: String(p), pageSize: String(size) } },
                  }),
                ),
              );
              return [caseTable(title, all)];
            }}
          />
          <Button type="primary" onClick={() => void navigate('/cases/new')}>
            建档
          </Button>
        </Space>
      </Space>
      <Table<Case>
        rowKey="caseId"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: '暂无档案' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: cases.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 户`,
          // The arrows' buttons are named by their icons ("left", "right"): name them in Chinese.
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
            title: '姓名',
            dataIndex: ['person', 'name'],
            render: (name: string, c) => <Link to={`/cases/${c.caseId}`}>{name}</Link>,
          },
          { title: '身份证号', dataIndex: ['person', 'idNumberMasked'] },
          {
            title: '困难类型',
            dataIndex: 'tier',
            render: (t: string) => <Tag color="red">{labelOf(TIER_LABELS, t)}</Tag>,
          },
          { title: '所在单位', dataIndex: 'unitId' },
          { title: '下次复核', dataIndex: 'nextReviewDue', render: (d: string | null) => formatDate(d) },
          { title: '上次走访', dataIndex: 'lastVisitOn', render: (d: string | null) => formatDate(d) },
          { title: '状态', dataIndex: 'status', render: (s: string) => labelOf(CASE_STATUS_LABELS, s) },
        ]}
      />
    </>
  );
}
