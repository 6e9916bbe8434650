import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Pagination,
  Slider,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAuth } from '../../auth/auth-context';
import { formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import {
  auditUrl,
  downloadAudit,
  stateQuery,
  useStateAt,
  useStreamHistory,
  useVersionAsOf,
  type AuditEvent,
} from './audit-api';
import {
  AUDIT_EVENT_LABELS,
  DECISION_TYPES,
  isAuditedService,
  SERVICE_LABELS,
  STREAM_TYPE_LABELS,
  streamTypeOf,
  type AuditedService,
} from './audit-labels';
import { AuditFrame, decisionPath, Hash, policyOf, ProblemAlert, StateTable, tracePath } from './audit-parts';

/** 记录历史: every event of one record, and the record replayed to any version or instant. */
export default function RecordHistory() {
  const { service, streamId = '' } = useParams();
  if (!isAuditedService(service)) return <Alert type="error" showIcon message="没有这个业务系统" />;
  return <History service={service} streamId={streamId} />;
}

/** The versions a slider step is likely to go to next, fetched before it does. */
const NEIGHBOURS = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5];
/** The address follows the slider once it rests: a step must not redraw the whole route. */
const ADDRESS_DELAY_MS = 400;

function History({ service, streamId }: { service: AuditedService; streamId: string }) {
  const history = useStreamHistory(service, streamId);
  const [params, setParams] = useSearchParams();
  const events = useMemo(() => history.data?.events ?? [], [history.data]);
  const latest = events[events.length - 1]?.version ?? 0;
  const asked = Number(params.get('version'));
  const [version, setVersion] = useState(0);
  const shown = Math.min(Math.max(version || asked || latest, 1), Math.max(latest, 1));

  // The version in the address (replaced, not pushed), so the screen can be linked and printed.
  useEffect(() => {
    if (latest === 0 || asked === shown) return;
    const timer = setTimeout(
      () => setParams({ version: String(shown) }, { replace: true }),
      ADDRESS_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [latest, asked, shown, setParams]);

  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (latest === 0) return;
    for (const step of NEIGHBOURS) {
      const v = shown + step;
      if (v >= 1 && v <= latest) void queryClient.prefetchQuery(stateQuery(api, service, streamId, v));
    }
  }, [api, queryClient, service, streamId, shown, latest]);

  const type = streamTypeOf(streamId);
  const title = `${labelOf(STREAM_TYPE_LABELS, type)}的历史`;
  if (history.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载记录历史" />;
  if (history.error || !history.data) {
    return (
      <AuditFrame title={title}>
        <ProblemAlert error={history.error} what="记录历史" />
      </AuditFrame>
    );
  }
  const event = events.find((e) => e.version === shown);
  return (
    <AuditFrame title={title}>
      <RecordHeader service={service} streamId={streamId} count={events.length} />
      <Replay
        service={service}
        streamId={streamId}
        latest={latest}
        shown={shown}
        event={event}
        onVersion={setVersion}
      />
      <Evidence service={service} streamId={streamId} />
      <EventList service={service} events={events} shown={shown} onVersion={setVersion} />
    </AuditFrame>
  );
}

/**
 * A slider step redraws only what shows the version: the record's header, the instant picker, the
 * evidence export and the event list's rows are memoised on what they show.
 */
const RecordHeader = memo(function RecordHeader(props: {
  service: AuditedService;
  streamId: string;
  count: number;
}) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="业务系统">{SERVICE_LABELS[props.service]}</Descriptions.Item>
      <Descriptions.Item label="记录编号">
        <Typography.Text copyable>{props.streamId}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="事件总数">{props.count} 条</Descriptions.Item>
    </Descriptions>
  );
});

/** The replay: the slider (or an instant), the event at that version and the record as it stood. */
function Replay(props: {
  service: AuditedService;
  streamId: string;
  latest: number;
  shown: number;
  event: AuditEvent | undefined;
  onVersion: (v: number) => void;
}) {
  const { service, streamId, latest, shown, event, onVersion } = props;
  const current = useStateAt(service, streamId, shown);
  const at = current.data?.version;
  const previous = useStateAt(service, streamId, at !== undefined && at > 1 ? at - 1 : 0);
  const comparable =
    at === 1 || (at !== undefined && previous.data?.version === at - 1 && !previous.isPlaceholderData);
  const settled = at === shown && !current.isFetching && comparable;
  return (
    <Card
      role="region"
      aria-labelledby="audit-replay-title"
      title={
        <h2 id="audit-replay-title" style={{ fontSize: 16, margin: 0 }}>
          回放：记录在第 {shown} 版时的样子
        </h2>
      }
      style={{ marginBottom: 16 }}
    >
      <div className="audit-no-print" style={{ marginBottom: 16 }}>
        <Slider
          min={1}
          max={Math.max(latest, 1)}
          value={shown}
          onChange={(v) => onVersion(v)}
          ariaLabelForHandle="版本"
          // No tooltip: it would be placed again (a layout read) on every step; the heading above
          // and the handle's aria-valuenow say the version.
          tooltip={{ open: false }}
          marks={{ 1: '第 1 版', [Math.max(latest, 1)]: `第 ${latest} 版` }}
          disabled={latest <= 1}
        />
        <AsOfControls service={service} streamId={streamId} onVersion={onVersion} />
      </div>
      {event && <EventDetails service={service} streamId={streamId} event={event} />}
      <div
        role="region"
        aria-label="该版本的记录"
        aria-busy={!settled}
        data-version={settled ? at : undefined}
      >
        {current.error ? (
          <ProblemAlert error={current.error} what="该版本的记录" />
        ) : current.data ? (
          <>
            <Typography.Paragraph>
              第 {at} 版（记录于 {formatInstant(current.data.recordedAt)}）
              {at !== undefined && at > 1 ? `，与第 ${at - 1} 版相比的变化已标出` : '，记录的第一版'}
            </Typography.Paragraph>
            <StateTable
              state={current.data.state}
              previous={at !== undefined && at > 1 && comparable ? previous.data?.state : undefined}
              caption={`第 ${at} 版的记录`}
            />
          </>
        ) : (
          <Spin tip="正在回放" />
        )}
      </div>
    </Card>
  );
}

/** The replay to an instant (China time): which version the record was at then. */
const AsOfControls = memo(function AsOfControls(props: {
  service: AuditedService;
  streamId: string;
  onVersion: (v: number) => void;
}) {
  const { service, streamId, onVersion } = props;
  const [instant, setInstant] = useState('');
  const [asOf, setAsOf] = useState<string>();
  const found = useVersionAsOf(service, streamId, asOf);
  useEffect(() => {
    if (found.data?.version) onVersion(found.data.version);
  }, [found.data, onVersion]);
  return (
    <Space wrap style={{ marginTop: 24 }}>
      <label htmlFor="audit-as-of">按时间回放（北京时间）</label>
      <DatePicker
        id="audit-as-of"
        showTime
        format="YYYY-MM-DD HH:mm:ss"
        onChange={(_, text) => setInstant(typeof text === 'string' ? text : '')}
        style={{ width: 240 }}
      />
      <Button onClick={() => instant && setAsOf(asInstant(instant))} disabled={!instant}>
        回放到该时间
      </Button>
      {found.error && <Typography.Text type="danger">该时间之前记录尚未建立</Typography.Text>}
      {found.data && asOf && (
        <Typography.Text>
          {formatInstant(asOf)} 时记录为第 {found.data.version} 版
        </Typography.Text>
      )}
    </Space>
  );
});

/** The event that made the version on show: who, when, under which policy, its hashes. */
const EventDetails = memo(function EventDetails(props: {
  service: AuditedService;
  streamId: string;
  event: AuditEvent;
}) {
  const { service, streamId, event } = props;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="版本">第 {event.version} 版</Descriptions.Item>
      <Descriptions.Item label="事项">{labelOf(AUDIT_EVENT_LABELS, event.type)}</Descriptions.Item>
      <Descriptions.Item label="时间">{formatInstant(event.recordedAt)}</Descriptions.Item>
      <Descriptions.Item label="经办人">{event.metadata?.actor ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="政策版本">{policyOf(event)}</Descriptions.Item>
      <Descriptions.Item label="日志位置">{event.globalPosition}</Descriptions.Item>
      <Descriptions.Item label="关联编号">
        {event.metadata?.correlationId ? (
          <Link to={tracePath(event.metadata.correlationId)}>{event.metadata.correlationId}</Link>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="起因事件">{event.metadata?.causationId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="哈希">
        <Hash value={event.hash} />
      </Descriptions.Item>
      <Descriptions.Item label="前一哈希">
        <Hash value={event.prevHash} />
      </Descriptions.Item>
      {DECISION_TYPES.has(event.type ?? '') && (
        <Descriptions.Item label="当时决定">
          <Link to={decisionPath(service, streamId, event.version ?? 1)}>查看当时决定的依据</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
});

/** `2026-03-01 10:30:00` picked in China time as an ISO instant with its offset. */
const asInstant = (local: string) => `${local.replace(' ', 'T')}+08:00`;

/** The evidence export and how to check it offline. */
const Evidence = memo(function Evidence({
  service,
  streamId,
}: {
  service: AuditedService;
  streamId: string;
}) {
  const { session } = useAuth();
  const [file, setFile] = useState<string>();
  const [failed, setFailed] = useState(false);
  const download = async (format: 'json' | 'csv') => {
    setFailed(false);
    try {
      const url = auditUrl(service, `/streams/${encodeURIComponent(streamId)}/export?format=${format}`);
      const name = await downloadAudit(session?.token ?? '', url, `${streamId}.${format}`);
      if (format === 'json') setFile(name);
    } catch {
      setFailed(true);
    }
  };
  const command = `npm run audit -- check-export ${file ?? '<下载的 JSON 文件>'}`;
  return (
    <Card
      role="region"
      aria-labelledby="audit-evidence-title"
      title={
        <h2 id="audit-evidence-title" style={{ fontSize: 16, margin: 0 }}>
          证据导出
        </h2>
      }
      style={{ marginBottom: 16 }}
    >
      <Space wrap className="audit-no-print" style={{ marginBottom: 12 }}>
        <Button onClick={() => void download('json')}>下载证据（JSON）</Button>
        <Button onClick={() => void download('csv')}>下载证据（CSV）</Button>
      </Space>
      {failed && (
        <Alert type="error" showIcon message="证据文件未能下载，请稍后再试" style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph>
        文件包含该记录的全部事件及每条事件的哈希与前一哈希。离线核验（无需连接平台）：在本项目目录下运行
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code copyable={{ text: command }}>
          {command}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        该命令逐条重新计算哈希并检查版本是否连续；任何一条被改动，都会指出是第几版。
      </Typography.Paragraph>
    </Card>
  );
});

const PAGE_SIZE = 20;

/**
 * Every event of the record; the version on show highlighted, a row's version one click away.
 * The table itself redraws only when its page changes; the highlight of the version on show is a
 * class on its row, so a slider step does not redraw twenty rows.
 */
function EventList(props: {
  service: AuditedService;
  events: readonly AuditEvent[];
  shown: number;
  onVersion: (v: number) => void;
}) {
  const { service, events, shown, onVersion } = props;
  const [picked, setPicked] = useState<number>();
  const index = events.findIndex((e) => e.version === shown);
  // The page follows the slider after the step has shown (a deferred render): turning the page
  // redraws twenty rows, which must not hold up the record's state at the new version.
  const page = useDeferredValue(picked ?? Math.floor(Math.max(index, 0) / PAGE_SIZE) + 1);
  // The row on show is marked by a class set here, not by redrawing the table or by a style rule
  // that names it (changing a stylesheet restyles the whole document on every step).
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const rows = list.current?.querySelectorAll('tr[data-row-key]') ?? [];
    for (const row of rows)
      row.classList.toggle('audit-row-shown', row.getAttribute('data-row-key') === String(shown));
  }, [shown, page]);
  const pick = useCallback(
    (v: number) => {
      setPicked(undefined);
      onVersion(v);
    },
    [onVersion],
  );
  return (
    <Card
      role="region"
      aria-labelledby="audit-events-title"
      title={
        <h2 id="audit-events-title" style={{ fontSize: 16, margin: 0 }}>
          全部事件（共 {events.length} 条）
        </h2>
      }
    >
      <div ref={list}>
        <EventTable service={service} events={events} page={page} onPage={setPicked} onVersion={pick} />
      </div>
    </Card>
  );
}

/**
 * A page of the event list. A plain table (as the record's state is), not antd's: the slider
 * turns its page every twenty versions, and antd's table takes a step's whole budget to redraw.
 */
const EventTable = memo(function EventTable(props: {
  service: AuditedService;
  events: readonly AuditEvent[];
  page: number;
  onPage: (page: number) => void;
  onVersion: (v: number) => void;
}) {
  const { service, events, page, onPage, onVersion } = props;
  const rows = events.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <div style={{ overflowX: 'auto' }}>
        <table className="audit-state-table audit-events" aria-label="全部事件" style={{ minWidth: 1100 }}>
          <thead>
            <tr>
              {EVENT_COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.version} data-row-key={e.version}>
                <td>
                  <Button
                    type="link"
                    size="small"
                    aria-label={`回放到第 ${e.version} 版`}
                    onClick={() => onVersion(e.version ?? 1)}
                  >
                    第 {e.version} 版
                  </Button>
                </td>
                <td>{e.globalPosition}</td>
                <td>{formatInstant(e.recordedAt ?? '')}</td>
                <td>{labelOf(AUDIT_EVENT_LABELS, e.type)}</td>
                <td>{e.metadata?.actor ?? '—'}</td>
                <td>{policyOf(e)}</td>
                <td>
                  {e.metadata?.correlationId ? (
                    <Link
                      to={tracePath(e.metadata.correlationId)}
                      aria-label={`追溯 ${e.metadata.correlationId}`}
                    >
                      {e.metadata.correlationId.slice(0, 8)}…
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <Hash value={e.hash} />
                </td>
                <td>
                  <Hash value={e.prevHash} />
                </td>
                <td>
                  {DECISION_TYPES.has(e.type ?? '') ? (
                    <Link
                      to={decisionPath(service, e.streamId ?? '', e.version ?? 1)}
                      aria-label={`第 ${e.version} 版${labelOf(AUDIT_EVENT_LABELS, e.type)}的当时决定`}
                    >
                      当时决定
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        className="audit-no-print"
        style={{ marginTop: 12, textAlign: 'right' }}
        align="end"
        current={page}
        pageSize={PAGE_SIZE}
        total={events.length}
        onChange={onPage}
        showSizeChanger={false}
      />
    </>
  );
});

const EVENT_COLUMNS = [
  '版本',
  '日志位置',
  '时间',
  '事项',
  '经办人',
  '政策版本',
  '关联编号',
  '哈希',
  '前一哈希',
  '当时决定',
];
