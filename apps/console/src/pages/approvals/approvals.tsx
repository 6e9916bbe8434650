import { useState } from 'react';
import { Alert, Button, Card, Col, Drawer, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { formatYuan } from '../../format/money';
import { ApprovalFigures } from './approval-figures';
import { itemTitle, KIND_LABELS, KIND_UNITS, KINDS, submittedText, type ApprovalItem } from './approval-text';
import { DecisionForm } from './decision-form';

/** Dark enough for white text to read (WCAG AA, axe); the label says the kind, the colour only helps. */
const KIND_COLORS = {
  assistance: '#a8071a',
  application: '#874d00',
  claim: '#003eb3',
  holidayBatch: '#135200',
} as const;

/**
 * 审批: the reviewer's inbox across the programmes (GET /api/v1/approvals). The API leaves out
 * what the reviewer submitted (four eyes); each item opens a drawer with what its decision needs
 * and the verdict.
 */
export default function Approvals() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ApprovalItem>();
  const inbox = useQuery({
    queryKey: ['approvals'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/approvals', { params: { query: { pageSize: '100' } } })),
  });
  const sections = inbox.data?.sections;
  const unavailable = KINDS.filter((k) => sections && !sections[k].available);
  const decided = () => {
    setOpen(undefined);
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        审批
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        以下是等待您审批的事项。您本人提交的事项不会出现在这里，须由另一位审核人审批。
      </Typography.Paragraph>
      {inbox.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            inbox.error instanceof ApiProblem
              ? mapProblem(inbox.error.problem).message
              : '待审批事项加载未成功'
          }
        />
      )}
      {unavailable.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${unavailable.map((k) => KIND_LABELS[k]).join('、')}的待审批事项暂时无法加载，请稍后刷新`}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {KINDS.map((kind) => {
          const s = sections?.[kind];
          const total = s?.available ? (s.total ?? 0) : undefined;
          return (
            <Col xs={12} xl={6} key={kind}>
              <Card
                role="region"
                aria-labelledby={`ap-count-${kind}`}
                loading={inbox.isLoading}
                title={
                  <h2 id={`ap-count-${kind}`} style={{ fontSize: 16, margin: 0 }}>
                    {KIND_LABELS[kind]}
                  </h2>
                }
              >
                {total === undefined ? (
                  <Typography.Text type="secondary">暂时无法加载</Typography.Text>
                ) : (
                  <Statistic
                    value={total}
                    suffix={KIND_UNITS[kind]}
                    aria-label={`${KIND_LABELS[kind]}待审批：${total} ${KIND_UNITS[kind]}`}
                  />
                )}
                {s?.available && (s.total ?? 0) > (s.shown ?? 0) && (
                  <Typography.Text type="secondary">
                    列表中显示最近 {s.shown} {KIND_UNITS[kind]}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card
        role="region"
        aria-labelledby="ap-list"
        title={
          <h2 id="ap-list" style={{ fontSize: 16, margin: 0 }}>
            待审批事项
          </h2>
        }
      >
        <Table<ApprovalItem>
          rowKey={(it) => `${it.kind}-${it.id}`}
          loading={inbox.isLoading}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无待审批事项' }}
          columns={[
            {
              title: '类别',
              dataIndex: 'kind',
              render: (k: ApprovalItem['kind']) => <Tag color={KIND_COLORS[k]}>{KIND_LABELS[k]}</Tag>,
            },
            { title: '事项', render: (_: unknown, it: ApprovalItem) => itemTitle(it) },
            { title: '所在单位', dataIndex: 'unitId' },
            { title: '金额', dataIndex: 'amountFen', render: (f: number) => formatYuan(f) },
            { title: '提交人', dataIndex: 'submittedBy' },
            { title: '提交时间', dataIndex: 'submittedAt', render: (at: string) => submittedText(at) },
            {
              title: '操作',
              render: (_: unknown, it: ApprovalItem) => (
                <Button
                  type="link"
                  onClick={() => setOpen(it)}
                  aria-label={`审阅 ${KIND_LABELS[it.kind]}：${itemTitle(it)}`}
                >
                  审阅
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        width={680}
        destroyOnHidden
        title={
          open && (
            <h2 style={{ fontSize: 18, margin: 0 }}>
              审阅{KIND_LABELS[open.kind]}：{itemTitle(open)}
            </h2>
          )
        }
      >
        {open && (
          <>
            <ApprovalFigures item={open} />
            <DecisionForm key={`${open.kind}-${open.id}`} item={open} onDecided={decided} />
          </>
        )}
      </Drawer>
    </>
  );
}
