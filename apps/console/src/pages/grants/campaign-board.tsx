import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { formatDate } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { BudgetBar } from './budget-bar';
import { CAMPAIGN_STATUS_LABELS, OPEN_COLOUR } from './grants-labels';
import { fundedLevelsText, type Campaign } from './campaign-terms';

/** One campaign on the board: its terms, its budget bar and the ways into its applications. */
function CampaignCard({ campaign: c, canApply }: { campaign: Campaign; canApply: boolean }) {
  const navigate = useNavigate();
  const headingId = `campaign-${c.campaignId}`;
  return (
    <Card
      role="region"
      aria-labelledby={headingId}
      title={
        <h2 id={headingId} style={{ fontSize: 18, margin: 0 }}>
          {c.name}
        </h2>
      }
      extra={
        <Tag color={c.status === 'open' ? OPEN_COLOUR : undefined}>
          {labelOf(CAMPAIGN_STATUS_LABELS, c.status)}
        </Tag>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="年度">{c.year}年</Descriptions.Item>
        <Descriptions.Item label="受理时间">
          {formatDate(c.opensOn)} 至 {formatDate(c.closesOn)}
        </Descriptions.Item>
        <Descriptions.Item label="开学日期">{formatDate(c.schoolStartOn)}</Descriptions.Item>
        <Descriptions.Item label="资助标准">{fundedLevelsText(c)}</Descriptions.Item>
        <Descriptions.Item label="受理的困难类型">
          {c.eligibleTiers.map((t) => labelOf(TIER_LABELS, t)).join('、')}
        </Descriptions.Item>
      </Descriptions>
      <BudgetBar campaign={c} />
      <Space style={{ marginTop: 16 }}>
        <Button onClick={() => void navigate(`/grants/campaigns/${c.campaignId}`)}>查看申请名单</Button>
        {canApply && c.status === 'open' && (
          <Button type="primary" onClick={() => void navigate(`/grants/apply?campaignId=${c.campaignId}`)}>
            申请助学
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** 金秋助学: the open campaigns, each with its budget bar (budget, reserved, disbursed, remaining). */
export default function CampaignBoard() {
  const api = useApi();
  const { session } = useAuth();
  const campaigns = useQuery({
    staleTime: 0,
    queryKey: ['grants', 'campaigns', 'open'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/campaigns', {
          params: { query: { status: 'open', pageSize: '100' } },
        }),
      ),
  });
  const canApply = (session?.roles ?? []).includes('caseworker');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        金秋助学
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        进行中的助学活动：预算、已预留（已批准待发放）、已发放和剩余金额，以及各活动的申请名单。
      </Typography.Paragraph>
      {campaigns.isLoading && <Spin style={{ display: 'block', margin: 32 }} />}
      {campaigns.isError && <Alert type="error" showIcon message="助学活动加载失败，请稍后再试" />}
      {campaigns.data && campaigns.data.items.length === 0 && <Empty description="暂无进行中的助学活动" />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {campaigns.data?.items.map((c) => (
          <CampaignCard key={c.campaignId} campaign={c} canApply={canApply} />
        ))}
      </Space>
    </>
  );
}
