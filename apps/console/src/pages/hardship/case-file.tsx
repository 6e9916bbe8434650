import { Alert, Card, Descriptions, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { consentDescriptionItems } from '../../consent/consent-view';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type CaseDetail } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { formatDate, formatInstant } from '../../format/date';
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  CASE_STATUS_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  EVENT_LABELS,
  EXTERNAL_LABELS,
  labelOf,
  TIER_LABELS,
} from '../../format/labels';
import { formatYuan } from '../../format/money';

type Assistance = CaseDetail['assistance'][number];
type External = CaseDetail['externalAssistance'][number];

/** 档案: one case file, as GET /hardship/cases/{id} has it. */
export default function CaseFile() {
  const { caseId = '' } = useParams();
  const api = useApi();
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/cases/{caseId}', { params: { path: { caseId } } })),
  });
  if (detail.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载档案" />;
  if (detail.error || !detail.data) {
    const message =
      detail.error instanceof ApiProblem ? mapProblem(detail.error.problem).message : '档案加载未成功';
    return <Alert type="error" showIcon message={message} />;
  }
  const c = detail.data;
  const why =
    c.computedTier === null
      ? `人工认定（理由：${c.overrideReason ?? '—'}）`
      : c.computedTier !== c.tier
        ? `按标准为${labelOf(TIER_LABELS, c.computedTier)}，人工认定为${labelOf(TIER_LABELS, c.tier)}（理由：${c.overrideReason ?? '—'}）`
        : `按家庭人均月收入 ${formatYuan(c.perCapitaIncomeFen)} 认定`;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {c.person.name} 的困难职工档案 <Tag color="red">{labelOf(TIER_LABELS, c.tier)}</Tag>
        <Tag>{labelOf(CASE_STATUS_LABELS, c.status)}</Tag>
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>基本情况</h2>} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
          <Descriptions.Item label="身份证号">{c.person.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="所在单位">{c.unitId}</Descriptions.Item>
          <Descriptions.Item label="行政区划">{c.regionCode}</Descriptions.Item>
          <Descriptions.Item label="家庭人口">{c.household.size} 人</Descriptions.Item>
          <Descriptions.Item label="家庭月收入">{formatYuan(c.household.monthlyIncomeFen)}</Descriptions.Item>
          <Descriptions.Item label="人均月收入">{formatYuan(c.perCapitaIncomeFen)}</Descriptions.Item>
          <Descriptions.Item label="困难类型">{labelOf(TIER_LABELS, c.tier)}</Descriptions.Item>
          <Descriptions.Item label="认定依据">{why}</Descriptions.Item>
          <Descriptions.Item label="政策版本">{c.policyVersion}</Descriptions.Item>
          <Descriptions.Item label="致困原因">
            {c.causes.map((x) => labelOf(CAUSE_LABELS, x)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="来源渠道">{labelOf(CHANNEL_LABELS, c.channel)}</Descriptions.Item>
          <Descriptions.Item label="建档时间">{formatInstant(c.openedAt)}</Descriptions.Item>
          <Descriptions.Item label="下次复核">{formatDate(c.nextReviewDue)}</Descriptions.Item>
          <Descriptions.Item label="上次走访">
            {c.lastVisitOn ? formatDate(c.lastVisitOn) : '尚未走访'}
            {c.visitOverdue && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                走访已逾期
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="结对帮扶">
            {c.pairing ? `${c.pairing.helperName}（${c.pairing.helperUnit}）` : '尚未结对'}
          </Descriptions.Item>
          {consentDescriptionItems(c.consent, '职工')}
          <Descriptions.Item label="本年度帮扶">{formatYuan(c.assistanceThisYearFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>帮扶记录</h2>} style={{ marginBottom: 16 }}>
        <Table<Assistance>
          rowKey="assistanceId"
          size="small"
          pagination={false}
          dataSource={c.assistance}
          locale={{ emptyText: '暂无帮扶记录' }}
          columns={[
            { title: '日期', dataIndex: 'recordedOn', render: (d: string) => formatDate(d) },
            { title: '形式', dataIndex: 'kind', render: (k: string) => labelOf(ASSISTANCE_KIND_LABELS, k) },
            {
              title: '类别',
              dataIndex: 'category',
              render: (k: string) => labelOf(ASSISTANCE_CATEGORY_LABELS, k),
            },
            { title: '金额', dataIndex: 'amountFen', render: (f: number) => formatYuan(f) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => labelOf(ASSISTANCE_STATUS_LABELS, s),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>其他项目帮扶</h2>} style={{ marginBottom: 16 }}>
        <Table<External>
          rowKey={(e) => e.sourceEventId ?? `${e.type}-${e.occurredOn}`}
          size="small"
          pagination={false}
          dataSource={c.externalAssistance}
          locale={{ emptyText: '暂无其他项目的帮扶' }}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', render: (d: string) => formatDate(d) },
            { title: '项目', dataIndex: 'type', render: (t: string) => labelOf(EXTERNAL_LABELS, t) },
            { title: '金额', dataIndex: 'amountFen', render: (f: number) => formatYuan(f) },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>档案历史（共 {c.history.eventCount} 条）</h2>}>
        <Timeline
          items={[...c.history.entries].reverse().map((e) => ({
            key: e.version,
            children: (
              <span>
                {formatInstant(e.recordedAt)} · {labelOf(EVENT_LABELS, e.type)} · 经办人 {e.actor ?? '—'}
                {e.policyVersion ? ` · 政策版本 ${e.policyVersion}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </>
  );
}
