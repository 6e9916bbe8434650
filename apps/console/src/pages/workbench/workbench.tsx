import type { ReactNode } from 'react';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { ExportButton } from '../../export/export-button';
import { allPages } from '../../export/all-pages';
import { addDays, chinaDateOf, formatDate } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { PROGRAMME_WORKLISTS, type ProgrammeWorklist } from './programme-worklists';
import { workbenchLists } from './workbench-lists';
import { programmeListQuery, workbenchCountsQuery } from './workbench-queries';
import { caseTable, referralTable } from './worklist-tables';

/** 工作台: what needs the caseworker today, each count opening the list behind it (one region per list). */
export default function Workbench() {
  const api = useApi();
  const today = chinaDateOf(new Date());
  const lists = workbenchLists(today);
  const counts = useQuery(workbenchCountsQuery(api, today));
  const allCases = (query: Readonly<Record<string, string>>) =>
    allPages(async (page, pageSize) =>
      unwrap(
        await api.GET('/api/v1/hardship/cases', {
          params: { query: { ...query, page: String(page), pageSize: String(pageSize) } },
        }),
      ),
    );
  const allReferrals = () =>
    allPages(async (page, pageSize) =>
      unwrap(
        await api.GET('/api/v1/hardship/referrals', {
          params: { query: { status: 'pending', page: String(page), pageSize: String(pageSize) } },
        }),
      ),
    );

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        今天是 {formatDate(today)}，以下是需要您办理的事项。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {lists.cases.map((l, i) => {
          const page = counts.data?.cases[i];
          return (
            <WorklistCard
              key={l.key}
              id={`wb-${l.key}`}
              title={l.title}
              href={l.href}
              total={page?.total}
              unit="户"
              loading={counts.isLoading}
              exportTables={async () => [caseTable(l.title, await allCases(l.query))]}
              today={today}
            >
              <Lines
                items={(page?.items ?? []).map((c) => ({
                  key: c.caseId,
                  name: (
                    <Link to={`/cases/${c.caseId}`} style={{ whiteSpace: 'nowrap' }}>
                      {c.person.name}
                    </Link>
                  ),
                  detail: `${labelOf(TIER_LABELS, c.tier)} · ${l.dateOf(c)}`,
                }))}
              />
            </WorklistCard>
          );
        })}
        <WorklistCard
          id="wb-referrals"
          title="待处理转介"
          href="/referrals"
          total={counts.data?.referrals.total}
          unit="件"
          loading={counts.isLoading}
          exportTables={async () => [referralTable('待处理转介', await allReferrals())]}
          today={today}
        >
          <Lines
            items={(counts.data?.referrals.items.slice(0, 5) ?? []).map((r) => ({
              key: r.referralId,
              name: r.memberName,
              detail: formatDate(r.receivedAt),
            }))}
          />
        </WorklistCard>
        {PROGRAMME_WORKLISTS.map((w) => (
          <ProgrammeCard key={w.list.key} worklist={w} today={today} />
        ))}
      </Row>
      {counts.isError && <Typography.Text type="danger">事项加载未成功，请刷新页面重试。</Typography.Text>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        30 天内到期复核的日期截至 {formatDate(addDays(today, 30))}。
      </Typography.Paragraph>
    </>
  );
}

/** A list of another programme: its own request, so a programme that does not answer says so alone. */
function ProgrammeCard({ worklist, today }: { worklist: ProgrammeWorklist; today: string }) {
  const api = useApi();
  const { list } = worklist;
  const page = useQuery(programmeListQuery(api, worklist));
  return (
    <WorklistCard
      id={`wb-${list.key}`}
      title={list.title}
      note={list.note}
      href={list.href}
      total={page.data?.total}
      unit="件"
      loading={page.isLoading}
      unavailable={page.isError}
      exportTables={async () => [await worklist.all(api)]}
      today={today}
    >
      <Lines items={page.data?.lines ?? []} />
    </WorklistCard>
  );
}

/**
 * The first few of a list: who, and what to know at a glance. A plain list, not antd's List,
 * which brings its pagination (and that its select) into 工作台's first JS for nothing.
 */
function Lines({ items }: { items: readonly { key: string; name: ReactNode; detail: string }[] }) {
  if (items.length === 0) {
    return (
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '8px 0' }}>
        暂无
      </Typography.Paragraph>
    );
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li
          key={item.key}
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            padding: '8px 16px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <span style={{ whiteSpace: 'nowrap' }}>{item.name}</span>
          <span>{item.detail}</span>
        </li>
      ))}
    </ul>
  );
}

function WorklistCard({
  id,
  title,
  note,
  href,
  total,
  unit,
  loading,
  unavailable = false,
  exportTables,
  today,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  href: string;
  total: number | undefined;
  unit: string;
  loading: boolean;
  unavailable?: boolean;
  exportTables: Parameters<typeof ExportButton>[0]['tables'];
  today: string;
  children: ReactNode;
}) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Card
        role="region"
        aria-labelledby={id}
        title={
          <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </h2>
        }
        extra={
          <ExportButton
            filename={`${title}-${today}`}
            tables={exportTables}
            ariaLabel={`导出${title}`}
            disabled={loading || unavailable}
          />
        }
        loading={loading}
      >
        {note && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {note}
          </Typography.Paragraph>
        )}
        {unavailable ? (
          <Typography.Text>暂时无法查询，请稍后刷新页面重试。</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Link to={href} aria-label={`${title}：${total ?? 0} ${unit}，查看名单`}>
              <Statistic value={total ?? 0} suffix={unit} />
            </Link>
            {children}
          </Space>
        )}
      </Card>
    </Col>
  );
}
