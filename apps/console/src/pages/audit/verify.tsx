import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Input, Progress, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { formatInstant } from '../../format/date';
import { auditUrl, useSeals, type AuditSeal, type VerifyStreamLine } from './audit-api';
import { AUDITED_SERVICES, reasonInChinese, SERVICE_LABELS, type AuditedService } from './audit-labels';
import { AuditFrame, recordPath } from './audit-parts';
import { percentOf, runVerification, type VerifyProgress } from './verify-stream';

/** A seal kept from an earlier report, as verify printed it. */
const ANCHOR = /^[1-9]\d{0,15}:[0-9a-f]{64}$/;

/** 日志校验: each service's log checked (hash chain and seals), with its progress as it runs. */
export default function Verify() {
  const [all, setAll] = useState(0);
  return (
    <AuditFrame title="日志校验">
      <Typography.Paragraph>
        校验逐条重新计算每个业务系统日志中事件的哈希，检查每条事件与上一版本相连、各封存的事件数与累计哈希相符：任何事件被改动、删除或替换都会被指出位置。
        可粘贴以前报告中的封存锚点，以发现日志被整体重写后重新封存。
      </Typography.Paragraph>
      <Button
        type="primary"
        className="audit-no-print"
        onClick={() => setAll((n) => n + 1)}
        style={{ marginBottom: 16 }}
      >
        校验全部业务系统
      </Button>
      {AUDITED_SERVICES.map((service) => (
        <ServiceVerification key={service} service={service} runAll={all} />
      ))}
    </AuditFrame>
  );
}

type Run =
  | { state: 'idle' }
  | { state: 'running'; progress?: VerifyProgress; startedAt: number }
  | { state: 'done'; result: VerifyStreamLine; seconds: number; anchored: boolean }
  | { state: 'failed'; message: string };

function ServiceVerification({ service, runAll }: { service: AuditedService; runAll: number }) {
  const { session } = useAuth();
  const [anchor, setAnchor] = useState('');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  const anchorBad = anchor.trim() !== '' && !ANCHOR.test(anchor.trim());
  const titleId = `audit-verify-${service}`;

  const start = async () => {
    if (anchorBad) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = performance.now();
    const kept = anchor.trim();
    setRun({ state: 'running', startedAt });
    const url = auditUrl(service, `/verify/stream${kept ? `?anchor=${encodeURIComponent(kept)}` : ''}`);
    try {
      const outcome = await runVerification(
        url,
        session?.token ?? '',
        (progress) => setRun({ state: 'running', progress, startedAt }),
        controller.signal,
      );
      if (outcome.kind === 'result') {
        const seconds = (performance.now() - startedAt) / 1000;
        setRun({ state: 'done', result: outcome.line, seconds, anchored: kept !== '' });
      } else {
        setRun({
          state: 'failed',
          message: outcome.code === 'FORBIDDEN' ? '您没有校验日志的权限' : '校验未能完成，请重试',
        });
      }
    } catch {
      if (!controller.signal.aborted) setRun({ state: 'failed', message: '校验未能完成，请重试' });
    }
  };

  useEffect(() => {
    if (runAll > 0) void start();
    // Only a new "verify all" starts a run (start itself changes with every render).
  }, [runAll]);
  useEffect(() => () => abort.current?.abort(), []);

  return (
    <Card
      role="region"
      aria-labelledby={titleId}
      title={
        <h2 id={titleId} style={{ fontSize: 16, margin: 0 }}>
          {SERVICE_LABELS[service]}
        </h2>
      }
      style={{ marginBottom: 16 }}
    >
      <Space wrap className="audit-no-print" style={{ marginBottom: 12 }} align="start">
        <label htmlFor={`${titleId}-anchor`}>封存锚点（可选）</label>
        <div>
          <Input
            id={`${titleId}-anchor`}
            value={anchor}
            onChange={(e) => setAnchor(e.target.value)}
            placeholder="封存编号:哈希，如 12:3f2a…"
            style={{ width: 420 }}
            status={anchorBad ? 'error' : undefined}
            aria-describedby={anchorBad ? `${titleId}-anchor-error` : undefined}
          />
          {anchorBad && (
            <div id={`${titleId}-anchor-error`} style={{ color: '#a8071a' }}>
              锚点应为“封存编号:64位十六进制哈希”，请从以前的校验报告中原样粘贴
            </div>
          )}
        </div>
        <Button onClick={() => void start()} disabled={run.state === 'running' || anchorBad}>
          开始校验
        </Button>
        {run.state === 'running' && (
          <Button
            onClick={() => {
              abort.current?.abort();
              setRun({ state: 'idle' });
            }}
          >
            停止
          </Button>
        )}
      </Space>
      {run.state === 'running' && <Running run={run} />}
      {run.state === 'failed' && <Alert type="error" showIcon message={run.message} />}
      {run.state === 'done' && <Outcome service={service} run={run} />}
      <Collapse
        className="audit-no-print"
        style={{ marginTop: 12 }}
        items={[{ key: 'seals', label: '封存列表', children: <SealList service={service} /> }]}
      />
    </Card>
  );
}

function Running({ run }: { run: Extract<Run, { state: 'running' }> }) {
  const p = run.progress;
  return (
    <div role="status" aria-live="polite">
      {/* Not antd's "active" bar: its endless shine is drawn by the CPU the verification needs
          (on two cores, 1,000,000 events took 21.9 s beside it, 16.9 s without); the bar moves anyway. */}
      <Progress percent={p ? percentOf(p) : 0} aria-label="校验进度" />
      <Typography.Text>
        {p
          ? `已校验 ${p.checked} 条事件（已到位置 ${Math.max(p.reached, 0)}，共到位置 ${p.toPosition}）`
          : '正在开始校验'}
      </Typography.Text>
    </div>
  );
}

function Outcome({ service, run }: { service: AuditedService; run: Extract<Run, { state: 'done' }> }) {
  const r = run.result;
  const chain = r.firstInvalid;
  const seal = r.seals?.firstInvalid;
  const newest = r.seals?.newest;
  const timing = `用时 ${run.seconds.toFixed(1)} 秒`;
  if (r.valid) {
    return (
      <div role="status">
        <Alert
          type="success"
          showIcon
          message={`校验通过：${r.checked ?? 0} 条事件、${r.seals?.checked ?? 0} 个封存均未被改动或删除${run.anchored ? '，与粘贴的锚点相符' : ''}`}
          description={timing}
        />
        {newest && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            最新封存锚点（请保存在数据库之外，下次校验时粘贴，可发现日志被整体重写）：
            <Typography.Text code copyable>
              {`${newest.sealId}:${newest.hash}`}
            </Typography.Text>
          </Typography.Paragraph>
        )}
      </div>
    );
  }
  return (
    <div role="alert">
      <Alert
        type="error"
        showIcon
        message="校验未通过：日志被改动过"
        description={timing}
        style={{ marginBottom: 12 }}
      />
      {chain && (
        <Descriptions title="第一个断点" size="small" bordered column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="日志位置">{chain.globalPosition}</Descriptions.Item>
          <Descriptions.Item label="记录">
            <Link to={recordPath(service, chain.streamId ?? '', chain.version)}>{chain.streamId}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="版本">第 {chain.version} 版</Descriptions.Item>
          <Descriptions.Item label="原因">
            {reasonInChinese(chain.reason ?? '')}
            <Typography.Text type="secondary">（{chain.reason}）</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      {seal && (
        <Descriptions title="封存不符" size="small" bordered column={1}>
          <Descriptions.Item label="封存编号">{seal.sealId}</Descriptions.Item>
          <Descriptions.Item label="日志位置">{seal.globalPosition}</Descriptions.Item>
          <Descriptions.Item label="原因">
            {reasonInChinese(seal.reason ?? '')}
            <Typography.Text type="secondary">（{seal.reason}）</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}

function SealList({ service }: { service: AuditedService }) {
  const [page, setPage] = useState(1);
  const seals = useSeals(service, page);
  return (
    <Table<AuditSeal>
      rowKey="sealId"
      size="small"
      loading={seals.isLoading}
      dataSource={seals.data?.items ?? []}
      locale={{ emptyText: '尚未封存（服务每 30 秒封存一次新事件）' }}
      pagination={{
        current: page,
        pageSize: 10,
        total: seals.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      aria-label={`${SERVICE_LABELS[service]}的封存`}
      columns={[
        { title: '封存编号', dataIndex: 'sealId', width: 90 },
        {
          title: '位置',
          render: (_, s) => `${s.fromPosition} – ${s.upToPosition}`,
        },
        { title: '新增事件', dataIndex: 'events' },
        { title: '累计事件', dataIndex: 'eventCount' },
        { title: '封存时间', dataIndex: 'sealedAt', render: (t: string) => formatInstant(t) },
        {
          title: '锚点',
          render: (_, s) => {
            const text = `${s.sealId}:${s.hash ?? ''}`;
            return (
              <Typography.Text code copyable={{ text }} title={text}>
                {text.slice(0, 16)}…
              </Typography.Text>
            );
          },
        },
      ]}
    />
  );
}
