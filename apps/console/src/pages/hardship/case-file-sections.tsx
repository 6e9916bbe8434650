import { Card, Descriptions, Progress, Table, Tag, Typography } from 'antd';
import { useApi } from '../../api/api-context';
import { unwrap, type CaseDetail } from '../../api/client';
import { formatDate, formatInstant } from '../../format/date';
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  EXTERNAL_LABELS,
  labelOf,
  TIER_LABELS,
} from '../../format/labels';
import { formatYuan } from '../../format/money';
import { consentDescriptionItems } from '../../consent/consent-view';
import { RevealIdNumber } from '../../id-number/reveal-id-number';
import { CLOSE_REASON_LABELS } from './hardship-labels';
import { tierPreviewText } from './tier-preview';
import { timelineLines } from './timeline';

type Assistance = CaseDetail['assistance'][number];
type External = CaseDetail['externalAssistance'][number];

/** The colour of a line's mark: a tier's change and a reopening green, a closing red. */
const DOT = { blue: '#0958d9', green: '#389e0d', red: '#cf1322', gray: '#8c8c8c' } as const;

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** 认定依据: the rules' tier and the line it was judged against, or the override and its reason. */
function whyOf(c: CaseDetail): string {
  const judged = c.assessment
    ? tierPreviewText({
        tier: c.assessment.tier ?? c.tier,
        policyVersion: c.policyVersion,
        assessment: c.assessment,
      }).line
    : `家庭人均月收入 ${formatYuan(c.perCapitaIncomeFen)}（政策版本 ${c.policyVersion}）`;
  if (c.computedTier === c.tier) return judged;
  const rules =
    c.computedTier === null ? '按标准不符合认定条件' : `按标准为${labelOf(TIER_LABELS, c.computedTier)}`;
  return `${judged}；${rules}，人工认定为${labelOf(TIER_LABELS, c.tier)}（理由：${c.overrideReason ?? '—'}）`;
}

/** 基本情况 and 认定依据: the household, the tier and why, review, visit, pairing. */
export function HouseholdCard({ c }: { c: CaseDetail }) {
  const api = useApi();
  return (
    <Card title={heading('基本情况')} style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
        <Descriptions.Item label="身份证号">
          <RevealIdNumber
            masked={c.person.idNumberMasked}
            reveal={async (purpose) =>
              unwrap(
                await api.GET('/api/v1/hardship/cases/{caseId}', {
                  params: { path: { caseId: c.caseId }, query: { purpose } },
                }),
              ).person.idNumber ?? null
            }
          />
        </Descriptions.Item>
        <Descriptions.Item label="所在单位">{c.unitId}</Descriptions.Item>
        <Descriptions.Item label="行政区划">{c.regionCode}</Descriptions.Item>
        <Descriptions.Item label="家庭人口">{c.household.size} 人</Descriptions.Item>
        <Descriptions.Item label="家庭月收入">{formatYuan(c.household.monthlyIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label="人均月收入">{formatYuan(c.perCapitaIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label="困难类型">{labelOf(TIER_LABELS, c.tier)}</Descriptions.Item>
        <Descriptions.Item label="认定依据" span={2}>
          {whyOf(c)}
        </Descriptions.Item>
        <Descriptions.Item label="政策版本">{c.policyVersion}</Descriptions.Item>
        <Descriptions.Item label="致困原因">
          {c.causes.map((x) => labelOf(CAUSE_LABELS, x)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="来源渠道">{labelOf(CHANNEL_LABELS, c.channel)}</Descriptions.Item>
        <Descriptions.Item label="建档时间">{formatInstant(c.openedAt)}</Descriptions.Item>
        <Descriptions.Item label="下次复核">
          {c.status === 'closed'
            ? `已销档（${labelOf(CLOSE_REASON_LABELS, c.closedReason)}）`
            : formatDate(c.nextReviewDue)}
        </Descriptions.Item>
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
      </Descriptions>
    </Card>
  );
}

/** 帮扶记录: this year's assistance against the yearly cap (the API's figures), then each one. */
export function AssistanceCard({ c }: { c: CaseDetail }) {
  const { cap } = c;
  // The bar's length only: a share of the cap drawn, every figure shown is the API's.
  const percent = cap.capFen > 0 ? Math.min(100, Math.floor((cap.usedFen * 100) / cap.capFen)) : 0;
  return (
    <Card title={heading('帮扶记录')} style={{ marginBottom: 16 }}>
      <section aria-label="本年度帮扶额度" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {cap.year}年已帮扶 <strong>{formatYuan(cap.usedFen)}</strong> / 年度上限 {formatYuan(cap.capFen)}
          ，还可帮扶 <strong>{formatYuan(cap.remainingFen)}</strong>（含待审批；额度版本 {cap.policyVersion}）
        </Typography.Paragraph>
        <Progress percent={percent} showInfo={false} aria-label="本年度帮扶额度使用情况" />
      </section>
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
          { title: '内容', dataIndex: 'description' },
          { title: '状态', dataIndex: 'status', render: (s: string) => labelOf(ASSISTANCE_STATUS_LABELS, s) },
        ]}
      />
    </Card>
  );
}

/** 其他项目帮扶: what education grants and medical aid paid the family. */
export function ExternalCard({ c }: { c: CaseDetail }) {
  return (
    <Card title={heading('其他项目帮扶')} style={{ marginBottom: 16 }}>
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
  );
}

/** 档案历史: the file's history as a timeline, newest first. */
export function HistoryCard({ c }: { c: CaseDetail }) {
  const { eventCount, entries } = c.history;
  const shown = entries.length < eventCount ? `，显示最近 ${entries.length} 条` : '';
  return (
    <Card title={heading(`档案历史（共 ${eventCount} 条${shown}）`)}>
      {/* A plain list, not antd's Timeline: a file of hundreds of entries draws within its budget. */}
      <ol data-testid="case-history" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {timelineLines(entries).map((l) => (
          <li
            key={l.key}
            style={{ borderLeft: `3px solid ${DOT[l.color]}`, padding: '4px 0 4px 12px', marginBottom: 4 }}
          >
            {l.when} · <strong>{l.what}</strong> · {l.by}
            {l.detail ? ` · ${l.detail}` : ''}
          </li>
        ))}
      </ol>
    </Card>
  );
}
