import { Alert, Pagination, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { ExportButton } from '../../export/export-button';
import { FigureTableView } from '../../export/figure-table-view';
import { chinaDateOf } from '../../format/date';
import Upcoming from '../upcoming';
import { worklistOf } from './programme-worklists';

const PAGE_SIZE = 20;

/** The whole list behind one of 工作台's counts of another programme (`/workbench/<key>`), paged, with its export. */
export default function WorklistPage() {
  const api = useApi();
  const { list: key } = useParams();
  const [params, setParams] = useSearchParams();
  const worklist = worklistOf(key);
  const page = Number(params.get('page') ?? '1');
  const data = useQuery({
    queryKey: ['worklist', key, page],
    queryFn: () => (worklist ? worklist.page(api, page, PAGE_SIZE) : Promise.reject(new Error('no list'))),
    enabled: worklist !== undefined,
  });
  if (!worklist) return <Upcoming title="页面不存在" missing />;
  const { list } = worklist;
  const today = chinaDateOf(new Date());
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {list.title}
        </Typography.Title>
        <ExportButton filename={`${list.title}-${today}`} tables={async () => [await worklist.all(api)]} />
      </Space>
      <Typography.Paragraph type="secondary">
        {list.note}。
        <Link to="/workbench" style={{ textDecoration: 'underline' }}>
          返回工作台
        </Link>
      </Typography.Paragraph>
      {data.isError ? (
        <Alert
          type="error"
          showIcon
          message={`暂时无法查询：${data.error instanceof ApiProblem ? mapProblem(data.error.problem).message : '请稍后重试'}`}
        />
      ) : (
        <>
          <FigureTableView
            table={data.data?.table ?? { title: list.title, columns: [], rows: [] }}
            empty={data.isLoading ? '正在加载' : '暂无'}
            hideCaption
          />
          <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data.data?.total ?? 0}
              showTotal={(total) => `共 ${total} 件`}
              showSizeChanger={false}
              onChange={(p) => {
                params.set('page', String(p));
                setParams(params);
              }}
            />
          </Space>
        </>
      )}
    </>
  );
}
