/** Pieces every auditor screen shares: the audit sub-navigation, a record's state as a table, links. */
import { Alert, Button, Space, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiProblem } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { formatInstant } from '../../format/date';
import { stateRows, type StateRow } from './state-view';
import './audit-print.css';

export const recordPath = (service: string, streamId: string, version?: number) =>
  `/audit/records/${service}/${encodeURIComponent(streamId)}${version ? `?version=${version}` : ''}`;

export const decisionPath = (service: string, streamId: string, version: number) =>
  `/audit/records/${service}/${encodeURIComponent(streamId)}/decisions/${version}`;

export const tracePath = (correlationId: string) => `/audit/trace/${encodeURIComponent(correlationId)}`;

const NAV: readonly { to: string; label: string; admin?: true }[] = [
  { to: '/audit', label: '审计首页' },
  { to: '/audit/people', label: '人员时间线' },
  { to: '/audit/verify', label: '日志校验' },
  { to: '/audit/trace', label: '因果追溯' },
  { to: '/audit/access-log', label: '访问日志' },
  { to: '/audit/rebuild', label: '重建核对', admin: true },
];

/**
 * The audit screens' own navigation and the print button; on paper, who printed it and when
 * (a report an auditor files).
 */
export function AuditFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  const { session } = useAuth();
  const admin = session?.roles.includes('admin') ?? false;
  const auditor = session?.roles.includes('auditor') ?? false;
  return (
    <div className="audit-report">
      <nav aria-label="审计导航" className="audit-no-print" style={{ marginBottom: 16 }}>
        <Space wrap>
          {NAV.filter((n) => (n.admin ? admin : auditor || n.to === '/audit')).map((n) => (
            <Link
              key={n.to}
              to={n.to}
              aria-current={pathname === n.to ? 'page' : undefined}
              style={{ fontWeight: pathname === n.to ? 600 : 400 }}
            >
              {n.label}
            </Link>
          ))}
          <Button size="small" onClick={() => window.print()}>
            打印或另存为PDF
          </Button>
        </Space>
      </nav>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      <p className="audit-print-only">
        打印人：{session?.name ?? '—'}（{session?.sub ?? '—'}） 打印时间：
        {formatInstant(new Date().toISOString())}
      </p>
      {children}
    </div>
  );
}

/** A refused or failed read, in Chinese. */
export function ProblemAlert({ error, what }: { error: unknown; what: string }) {
  const message = error instanceof ApiProblem ? mapProblem(error.problem).message : `${what}未能加载`;
  return <Alert type="error" showIcon message={message} />;
}

const CHANGE_WORDS: Record<StateRow['change'], string | null> = {
  same: null,
  added: '新增',
  changed: '已变更',
  removed: '已删除',
};

/**
 * A record's state as a table of fields; against `previous` (the version before) each changed
 * field is highlighted, tagged in words and shows what it was. A plain table (not antd's): the
 * replay slider redraws it on every step.
 */
export const StateTable = memo(function StateTable({
  state,
  previous,
  caption,
}: {
  state: unknown;
  previous?: unknown;
  caption: string;
}) {
  const rows = stateRows(state, previous);
  return (
    <table className="audit-state-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col" style={{ width: '40%' }}>
            字段
          </th>
          <th scope="col">内容</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const word = CHANGE_WORDS[r.change];
          return (
            <tr
              key={r.path}
              className={r.change === 'same' ? undefined : 'audit-changed'}
              data-change={r.change}
            >
              <td>{r.label}</td>
              <td>
                {word && <span className={`audit-change-tag audit-change-${r.change}`}>{word}</span>}
                {r.change === 'removed' ? <s>{r.previous}</s> : r.value}
                {r.change === 'changed' && <span className="audit-previous">（原为 {r.previous}）</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

/** The policy version an event recorded, or a dash. */
export const policyOf = (e: { metadata?: { policyVersion?: unknown } }): string =>
  typeof e.metadata?.policyVersion === 'string' ? e.metadata.policyVersion : '—';

/** A hash shown short, the whole of it for a screen reader, a tooltip and on paper. */
export function Hash({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>;
  // A plain <code> styled as antd's: a page of the event list shows forty of them.
  return (
    <code className="audit-hash" title={value} aria-label={`哈希 ${value}`}>
      <span className="audit-screen-only">{value.slice(0, 12)}…</span>
      <span className="audit-print-only">{value}</span>
    </code>
  );
}
