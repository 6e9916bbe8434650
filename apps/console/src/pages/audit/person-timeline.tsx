import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Spin, Table, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { chinaDateOf, formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import { checkIdNumber } from '../../id-number/id-number';
import { useTimeline, type AuditEvent } from './audit-api';
import {
  AUDIT_EVENT_LABELS,
  AUDITED_SERVICES,
  DECISION_TYPES,
  SERVICE_LABELS,
  STREAM_TYPE_LABELS,
  type AuditedService,
} from './audit-labels';
import { AuditFrame, decisionPath, policyOf, ProblemAlert, recordPath } from './audit-parts';
import { summaryOf } from './state-view';

/** The identity number travels in the page's history state, never in its address. */
interface TimelineState {
  readonly idNumber?: string;
}

const yearOf = (e: AuditEvent) => chinaDateOf(new Date(e.recordedAt ?? 0)).slice(0, 4);

/**
 * 人员时间线: everything the three programmes recorded about one person, oldest first: what was
 * decided, by whom, under which policy version, each linked to its record (and its decision).
 */
export default function PersonTimeline() {
  const location = useLocation();
  const navigate = useNavigate();
  const asked = (location.state as TimelineState | null)?.idNumber;
  const [typed, setTyped] = useState(asked ?? '');
  const today = chinaDateOf(new Date());
  const check = checkIdNumber(typed, today);
  const timeline = useTimeline(asked);
  const [programme, setProgramme] = useState<string>('all');
  const [year, setYear] = useState<string>('all');
  const events = useMemo(() => timeline.data?.events ?? [], [timeline.data]);
  const years = useMemo(() => [...new Set(events.map(yearOf))].sort(), [events]);
  const shown = events.filter(
    (e) => (programme === 'all' || e.service === programme) && (year === 'all' || yearOf(e) === year),
  );
  const search = () => {
    if (check.state !== 'valid') return;
    setProgramme('all');
    setYear('all');
    void navigate('/audit/people', { state: { idNumber: check.value } satisfies TimelineState });
  };
  return (
    <AuditFrame title="人员时间线">
      <Card
        role="region"
        aria-labelledby="audit-person-search"
        title={
          <h2 id="audit-person-search" style={{ fontSize: 16, margin: 0 }}>
            查询人员
          </h2>
        }
        style={{ marginBottom: 16 }}
        className="audit-no-print"
      >
        <Form layout="inline" onFinish={search}>
          <Form.Item
            label="身份证号码"
            htmlFor="audit-person-id"
            validateStatus={check.state === 'invalid' ? 'error' : undefined}
            help={check.state === 'empty' ? undefined : check.message}
          >
            <Input
              id="audit-person-id"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              maxLength={18}
              style={{ width: 240 }}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" disabled={check.state !== 'valid'}>
              查询时间线
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {timeline.isFetching && <Spin tip="正在汇总三个业务系统的记录" />}
      {timeline.error && <ProblemAlert error={timeline.error} what="人员时间线" />}
      {timeline.data && (
        <Card
          role="region"
          aria-labelledby="audit-timeline-title"
          title={
            <h2 id="audit-timeline-title" style={{ fontSize: 16, margin: 0 }}>
              {timeline.data.idNumberMasked} 的时间线（显示 {shown.length} 条，共 {events.length} 条）
            </h2>
          }
        >
          <Space wrap style={{ marginBottom: 12 }} className="audit-no-print">
            <label htmlFor="audit-programme">业务</label>
            <Select
              id="audit-programme"
              value={programme}
              onChange={setProgramme}
              style={{ width: 180 }}
              options={[
                { value: 'all', label: '全部业务' },
                ...AUDITED_SERVICES.filter((s) => s !== 'organisation').map((s) => ({
                  value: s,
                  label: SERVICE_LABELS[s],
                })),
              ]}
            />
            <label htmlFor="audit-year">年度</label>
            <Select
              id="audit-year"
              value={year}
              onChange={setYear}
              style={{ width: 140 }}
              options={[
                { value: 'all', label: '全部年度' },
                ...years.map((y) => ({ value: y, label: `${y}年` })),
              ]}
            />
          </Space>
          <Typography.Paragraph className="audit-print-only">
            筛选：{programme === 'all' ? '全部业务' : labelOf(SERVICE_LABELS, programme)}，
            {year === 'all' ? '全部年度' : `${year}年`}
          </Typography.Paragraph>
          {events.length === 0 ? (
            <Alert type="info" showIcon message="三个业务系统都没有关于此人的记录" />
          ) : (
            <TimelineTable events={shown} />
          )}
        </Card>
      )}
    </AuditFrame>
  );
}

function TimelineTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <Table<AuditEvent>
      rowKey={(e) => `${e.service}-${e.globalPosition}`}
      size="small"
      dataSource={[...events]}
      pagination={events.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: '所选业务和年度没有记录' }}
      aria-label="时间线"
      columns={[
        { title: '时间', dataIndex: 'recordedAt', width: 150, render: (t: string) => formatInstant(t) },
        {
          title: '业务',
          dataIndex: 'service',
          width: 110,
          render: (s: string) => labelOf(SERVICE_LABELS, s),
        },
        { title: '事项', width: 130, render: (_, e) => labelOf(AUDIT_EVENT_LABELS, e.type) },
        { title: '决定内容', render: (_, e) => summaryOf(e.opened ?? e.data) || '—' },
        { title: '经办人', width: 110, render: (_, e) => e.metadata?.actor ?? '—' },
        { title: '政策版本', width: 130, render: (_, e) => policyOf(e) },
        {
          title: '记录',
          width: 190,
          render: (_, e) => (
            <Space size={4} wrap>
              <Link to={recordPath(e.service as AuditedService, e.streamId ?? '', e.version)}>
                {labelOf(STREAM_TYPE_LABELS, e.streamType)} 第 {e.version} 版
              </Link>
              {DECISION_TYPES.has(e.type ?? '') && (
                <Link
                  to={decisionPath(e.service ?? '', e.streamId ?? '', e.version ?? 1)}
                  aria-label={`${labelOf(AUDIT_EVENT_LABELS, e.type)}的当时决定`}
                >
                  当时决定
                </Link>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
