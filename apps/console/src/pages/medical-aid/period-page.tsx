import { Alert, Button, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { formatDate, formatInstant } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { bandRange } from './band-range';
import { failureText } from './medical-aid-labels';
import { usePeriod, type Band } from './medical-aid-api';
import { formatBp } from './ratio';
import { Region } from './region';

/** A period's bands, read only: range and ratio. */
function BandsTable({ bands, over }: { bands: readonly Band[]; over: string }) {
  return (
    <Table<Band & { key: number }>
      size="small"
      pagination={false}
      dataSource={bands.map((b, i) => ({ ...b, key: i }))}
      columns={[
        { title: '分段', key: 'n', render: (_, _b, i) => `第 ${i + 1} 段` },
        { title: over, key: 'range', render: (_, _b, i) => bandRange(bands, i) },
        { title: '互助比例', dataIndex: 'ratioBp', render: (bp: number) => formatBp(bp) },
      ]}
    />
  );
}

/** 期次: one period with its rules (DOMAIN.md §3, "Period"), as the API has it. */
export default function PeriodPage() {
  const { periodId = '' } = useParams();
  const { session } = useAuth();
  const navigate = useNavigate();
  const period = usePeriod(periodId);
  if (period.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载期次" />;
  if (period.error || !period.data) {
    return <Alert type="error" showIcon message={failureText(period.error, '期次加载未成功')} />;
  }
  const p = period.data;
  const { inpatient, seriousIllness, hardshipRisk, waiveContributionForTiers } = p.rules;
  const caseworker = session?.roles.includes('caseworker') ?? false;
  const reads =
    session?.roles.some((r) => r === 'caseworker' || r === 'reviewer' || r === 'auditor') ?? false;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {p.name}
      </Typography.Title>
      {(caseworker || reads) && (
        <Space style={{ marginBottom: 16 }} wrap>
          {caseworker && (
            <Button type="primary" onClick={() => void navigate(`/medical-aid/periods/${p.periodId}/enroll`)}>
              上传名册登记
            </Button>
          )}
          {caseworker && (
            <Button onClick={() => void navigate(`/medical-aid/claims/new?periodId=${p.periodId}`)}>
              申请互助金
            </Button>
          )}
          {reads && (
            <Button onClick={() => void navigate(`/medical-aid/claims?periodId=${p.periodId}`)}>
              本期互助金申请
            </Button>
          )}
        </Space>
      )}
      <Region id="period-terms" title="期次信息">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="保障期">
            {formatDate(p.coverageStart)} 至 {formatDate(p.coverageEnd)}
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">
            {formatDate(p.enrollmentOpensOn)} 至 {formatDate(p.enrollmentClosesOn)}
          </Descriptions.Item>
          <Descriptions.Item label="年度会费">{formatYuan(p.contributionFen)}</Descriptions.Item>
          <Descriptions.Item label="等待期">{p.waitingDays} 天</Descriptions.Item>
          <Descriptions.Item label="申请期限">出院后 {p.claimDeadlineDays} 天内</Descriptions.Item>
          <Descriptions.Item label="会费兜底">
            {waiveContributionForTiers.length > 0
              ? `${waiveContributionForTiers.map((t) => labelOf(TIER_LABELS, t)).join('、')}职工的会费由工会帮扶资金兜底`
              : '无'}
          </Descriptions.Item>
          <Descriptions.Item label="政策版本">{p.policyVersion}</Descriptions.Item>
          {p.openedAt && (
            <Descriptions.Item label="开设">
              {formatInstant(p.openedAt)}（{p.openedBy}）
            </Descriptions.Item>
          )}
        </Descriptions>
      </Region>
      <Region id="period-inpatient" title="住院互助">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label="起付线（每次住院）">
            {formatYuan(inpatient.deductibleFen)}
          </Descriptions.Item>
          <Descriptions.Item label="年度封顶（每人）">{formatYuan(inpatient.annualCapFen)}</Descriptions.Item>
        </Descriptions>
        <BandsTable bands={inpatient.bands} over="超过起付线的部分" />
      </Region>
      <Region id="period-serious" title="大病救助">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label="起付标准（年度个人负担）">
            {formatYuan(seriousIllness.thresholdFen)}
          </Descriptions.Item>
          <Descriptions.Item label="封顶（每人）">{formatYuan(seriousIllness.capFen)}</Descriptions.Item>
        </Descriptions>
        <BandsTable bands={seriousIllness.bands} over="超过起付标准的部分" />
      </Region>
      <Region id="period-risk" title="因病致困预警">
        <Typography.Paragraph style={{ margin: 0 }}>
          年度个人负担（扣除大病救助后）达到 {formatYuan(hardshipRisk.thresholdFen)}{' '}
          时，转介困难职工帮扶，防止因病致困。
        </Typography.Paragraph>
      </Region>
    </>
  );
}
