import { Alert, Button, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { formatDate } from '../../format/date';
import { formatYuan } from '../../format/money';
import { failureText } from './medical-aid-labels';
import { usePeriods, type Period } from './medical-aid-api';
import { Region } from './region';

/** The periods as a table; `base` is where a period's page is (医疗互助 or 管理 > 互助期次). */
export function PeriodTable({ base, actions }: { base: string; actions?: (p: Period) => React.ReactNode }) {
  const periods = usePeriods();
  if (periods.error)
    return <Alert type="error" showIcon message={failureText(periods.error, '期次加载未成功')} />;
  return (
    <Table<Period>
      rowKey="periodId"
      loading={periods.isLoading}
      dataSource={periods.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: '暂无互助期次' }}
      columns={[
        {
          title: '期次',
          dataIndex: 'name',
          render: (name: string, p) => <Link to={`${base}/${p.periodId}`}>{name}</Link>,
        },
        {
          title: '保障期',
          key: 'coverage',
          render: (_, p) => `${formatDate(p.coverageStart)} 至 ${formatDate(p.coverageEnd)}`,
        },
        {
          title: '登记时间',
          key: 'enrollment',
          render: (_, p) => `${formatDate(p.enrollmentOpensOn)} 至 ${formatDate(p.enrollmentClosesOn)}`,
        },
        { title: '年度会费', dataIndex: 'contributionFen', render: (f: number) => formatYuan(f) },
        ...(actions
          ? [{ title: '办理', key: 'actions', render: (_: unknown, p: Period) => actions(p) }]
          : []),
      ]}
    />
  );
}

/** 医疗互助: the periods to enroll into and claim from, and the claims. */
export default function PeriodList() {
  const { session } = useAuth();
  const navigate = useNavigate();
  const caseworker = session?.roles.includes('caseworker') ?? false;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          医疗互助
        </Typography.Title>
        <Button type="primary" onClick={() => void navigate('/medical-aid/claims')}>
          互助金申请
        </Button>
      </Space>
      <Region id="periods-title" title="互助期次">
        <PeriodTable
          base="/medical-aid/periods"
          actions={
            caseworker
              ? (p) => (
                  <Space size="small" wrap>
                    <Link to={`/medical-aid/periods/${p.periodId}/enroll`}>名册登记</Link>
                    <Link to={`/medical-aid/claims/new?periodId=${p.periodId}`}>申请互助金</Link>
                  </Space>
                )
              : undefined
          }
        />
      </Region>
    </>
  );
}
