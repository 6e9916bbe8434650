import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap, type Referral } from '../../api/client';
import { formatDate } from '../../format/date';
import { formatYuan } from '../../format/money';
import { labelOf, REFERRAL_STATUS_LABELS } from '../../format/labels';

/** 待处理转介: referrals from medical aid waiting for the caseworker. */
export default function Referrals() {
  const api = useApi();
  const referrals = useQuery({
    queryKey: ['referrals', 'pending'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/referrals', { params: { query: { status: 'pending' } } })),
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        待处理转介
      </Typography.Title>
      <Table<Referral>
        rowKey="referralId"
        loading={referrals.isLoading}
        dataSource={referrals.data?.items ?? []}
        locale={{ emptyText: '暂无待处理的转介' }}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '所在单位', dataIndex: 'unitId' },
          {
            title: '自付负担',
            dataIndex: 'remainingBurdenFen',
            render: (f?: number) => (f === undefined ? '—' : formatYuan(f)),
          },
          { title: '转介日期', dataIndex: 'receivedAt', render: (d: string) => formatDate(d) },
          { title: '状态', dataIndex: 'status', render: (s: string) => labelOf(REFERRAL_STATUS_LABELS, s) },
        ]}
      />
    </>
  );
}
