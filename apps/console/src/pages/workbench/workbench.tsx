import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { addDays, chinaDateOf, formatDate } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { workbenchLists } from './workbench-lists';

/** 工作台: what needs the caseworker today, each count opening the list behind it (one region per list). */
export default function Workbench() {
  const api = useApi();
  const today = chinaDateOf(new Date());
  const lists = workbenchLists(today);
  const counts = useQuery({
    queryKey: ['workbench', today],
    queryFn: async () => {
      const cases = await Promise.all(
        lists.cases.map((l) =>
          api
            .GET('/api/v1/hardship/cases', { params: { query: { ...l.query, pageSize: '5' } } })
            .then(unwrap),
        ),
      );
      const referrals = unwrap(
        await api.GET('/api/v1/hardship/referrals', { params: { query: { status: 'pending' } } }),
      );
      return { cases, referrals };
    },
  });

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
            <Col xs={24} md={12} xl={6} key={l.key}>
              <Card
                role="region"
                aria-labelledby={`wb-${l.key}`}
                title={
                  <h2 id={`wb-${l.key}`} style={{ fontSize: 16, margin: 0 }}>
                    {l.title}
                  </h2>
                }
                loading={counts.isLoading}
              >
                <Link to={l.href} aria-label={`${l.title}：${page?.total ?? 0} 户，查看名单`}>
                  <Statistic value={page?.total ?? 0} suffix="户" />
                </Link>
                <List
                  size="small"
                  dataSource={page?.items ?? []}
                  locale={{ emptyText: '暂无' }}
                  renderItem={(c) => (
                    <List.Item>
                      <Link to={`/cases/${c.caseId}`} style={{ whiteSpace: 'nowrap', marginRight: 8 }}>
                        {c.person.name}
                      </Link>
                      <span>
                        {labelOf(TIER_LABELS, c.tier)} · {l.dateOf(c)}
                      </span>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          );
        })}
        <Col xs={24} md={12} xl={6}>
          <Card
            role="region"
            aria-labelledby="wb-referrals"
            title={
              <h2 id="wb-referrals" style={{ fontSize: 16, margin: 0 }}>
                待处理转介
              </h2>
            }
            loading={counts.isLoading}
          >
            <Link
              to="/referrals"
              aria-label={`待处理转介：${counts.data?.referrals.total ?? 0} 件，查看名单`}
            >
              <Statistic value={counts.data?.referrals.total ?? 0} suffix="件" />
            </Link>
            <List
              size="small"
              dataSource={counts.data?.referrals.items.slice(0, 5) ?? []}
              locale={{ emptyText: '暂无' }}
              renderItem={(r) => (
                <List.Item>
                  <span>{r.memberName}</span>
                  <span>{formatDate(r.receivedAt)}</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {counts.isError && <Typography.Text type="danger">事项加载未成功，请刷新页面重试。</Typography.Text>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        30 天内到期复核的日期截至 {formatDate(addDays(today, 30))}。
      </Typography.Paragraph>
    </>
  );
}
