import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Spin, Table, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import { useTrace, type AuditEvent } from './audit-api';
import { AUDIT_EVENT_LABELS, SERVICE_LABELS, STREAM_TYPE_LABELS } from './audit-labels';
import { AuditFrame, ProblemAlert, recordPath } from './audit-parts';
import { layoutTrace, NODE_HEIGHT, NODE_WIDTH } from './trace-layout';
import { summaryOf } from './state-view';

/** The correlation ids the gateway accepts (as in `x-correlation-id`). */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * 因果追溯: every event of one correlation id across the services, drawn as a flow (a lane per
 * service, an arrow from each cause to what it caused), with the same events as a table.
 */
export default function Trace() {
  const { correlationId } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(correlationId ?? '');
  const bad = typed.trim() !== '' && !CORRELATION_ID.test(typed.trim());
  const trace = useTrace(correlationId);
  return (
    <AuditFrame title="因果追溯">
      <Card
        role="region"
        aria-labelledby="audit-trace-search"
        className="audit-no-print"
        style={{ marginBottom: 16 }}
        title={
          <h2 id="audit-trace-search" style={{ fontSize: 16, margin: 0 }}>
            按关联编号追溯
          </h2>
        }
      >
        <Form
          layout="inline"
          onFinish={() =>
            !bad && typed.trim() && void navigate(`/audit/trace/${encodeURIComponent(typed.trim())}`)
          }
        >
          <Form.Item
            label="关联编号"
            htmlFor="audit-correlation"
            validateStatus={bad ? 'error' : undefined}
            help={bad ? '关联编号由字母、数字和 . _ : - 组成，最长 128 位' : undefined}
          >
            <Input
              id="audit-correlation"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              style={{ width: 380 }}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" disabled={bad || typed.trim() === ''}>
              追溯
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {trace.isFetching && <Spin tip="正在汇总各业务系统的事件" />}
      {trace.error && <ProblemAlert error={trace.error} what="追溯" />}
      {trace.data && <Flow correlationId={trace.data.correlationId ?? ''} events={trace.data.events ?? []} />}
    </AuditFrame>
  );
}

type TracedEvent = AuditEvent & { eventId: string; service: string };

function Flow({ correlationId, events }: { correlationId: string; events: readonly AuditEvent[] }) {
  if (events.length === 0) return <Alert type="info" showIcon message="各业务系统都没有这个关联编号的事件" />;
  const traced = events.map((e) => ({
    ...e,
    eventId: e.eventId ?? '',
    service: e.service ?? '',
    causationId: e.metadata?.causationId ?? null,
  })) as (TracedEvent & { causationId: string | null })[];
  const flow = layoutTrace(traced);
  const services = new Set(traced.map((e) => e.service));
  const causeOf = new Map(flow.edges.map((e) => [e.to, e.from]));
  return (
    <>
      <Card
        role="region"
        aria-labelledby="audit-flow-title"
        style={{ marginBottom: 16 }}
        title={
          <h2 id="audit-flow-title" style={{ fontSize: 16, margin: 0 }}>
            因果链：{events.length} 个事件，涉及 {services.size} 个业务系统
          </h2>
        }
      >
        <Typography.Paragraph type="secondary">
          关联编号 {correlationId}。箭头从起因指向它引起的事件，点击事件查看记录。
        </Typography.Paragraph>
        <div style={{ overflowX: 'auto' }}>
          <svg
            className="audit-flow"
            width={flow.width}
            height={flow.height}
            viewBox={`0 0 ${flow.width} ${flow.height}`}
            role="group"
            aria-label={`因果链图：${traced.map((e) => `${labelOf(SERVICE_LABELS, e.service)}${labelOf(AUDIT_EVENT_LABELS, e.type)}`).join('，然后')}`}
          >
            <defs>
              <marker
                id="audit-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="8"
                markerHeight="8"
                orient="auto"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#595959" />
              </marker>
            </defs>
            {flow.lanes.map((lane) => (
              <g key={lane.service}>
                <rect
                  x={lane.x + 4}
                  y={4}
                  width={NODE_WIDTH + 32}
                  height={flow.height - 8}
                  fill="#fafafa"
                  stroke="#d9d9d9"
                  rx={6}
                />
                <text x={lane.x + 20} y={30} fontSize={14} fontWeight={600} fill="#262626">
                  {labelOf(SERVICE_LABELS, lane.service)}
                </text>
              </g>
            ))}
            {flow.edges.map((edge) => (
              <path
                key={`${edge.from}-${edge.to}`}
                d={edge.d}
                fill="none"
                stroke="#595959"
                strokeWidth={1.5}
                markerEnd="url(#audit-arrow)"
              />
            ))}
            {flow.nodes.map((node, i) => (
              <Link
                key={node.event.eventId}
                to={recordPath(node.event.service, node.event.streamId ?? '', node.event.version)}
                aria-label={`第 ${i + 1} 步：${labelOf(SERVICE_LABELS, node.event.service)} ${labelOf(AUDIT_EVENT_LABELS, node.event.type)}，${formatInstant(node.event.recordedAt)}`}
              >
                <rect
                  x={node.x}
                  y={node.y}
                  width={NODE_WIDTH}
                  height={NODE_HEIGHT}
                  rx={6}
                  fill="#fff"
                  stroke="#c8102e"
                  strokeWidth={1.5}
                />
                <text x={node.x + 10} y={node.y + 22} fontSize={13} fontWeight={600} fill="#262626">
                  {i + 1}. {labelOf(AUDIT_EVENT_LABELS, node.event.type)}
                </text>
                <text x={node.x + 10} y={node.y + 40} fontSize={12} fill="#434343">
                  {formatInstant(node.event.recordedAt)} · {node.event.metadata?.actor ?? '—'}
                </text>
                <text x={node.x + 10} y={node.y + 56} fontSize={11} fill="#595959">
                  {node.causeOutside ? '起因：发起的请求' : `由第 ${(causeOf.get(i) ?? 0) + 1} 步引起`}
                </text>
              </Link>
            ))}
          </svg>
        </div>
      </Card>
      <Card
        role="region"
        aria-labelledby="audit-trace-table-title"
        title={
          <h2 id="audit-trace-table-title" style={{ fontSize: 16, margin: 0 }}>
            事件明细
          </h2>
        }
      >
        <Table<TracedEvent>
          rowKey="eventId"
          size="small"
          pagination={false}
          dataSource={traced}
          aria-label="追溯的事件"
          columns={[
            { title: '步骤', render: (_, _e, i) => i + 1, width: 60 },
            { title: '时间', dataIndex: 'recordedAt', render: (t: string) => formatInstant(t), width: 150 },
            {
              title: '业务',
              dataIndex: 'service',
              render: (s: string) => labelOf(SERVICE_LABELS, s),
              width: 110,
            },
            { title: '事项', render: (_, e) => labelOf(AUDIT_EVENT_LABELS, e.type) },
            { title: '决定内容', render: (_, e) => summaryOf(e.opened ?? e.data) || '—' },
            { title: '经办人', render: (_, e) => e.metadata?.actor ?? '—' },
            {
              title: '记录',
              render: (_, e) => (
                <Link to={recordPath(e.service, e.streamId ?? '', e.version)}>
                  {labelOf(STREAM_TYPE_LABELS, e.streamType)} 第 {e.version} 版
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
