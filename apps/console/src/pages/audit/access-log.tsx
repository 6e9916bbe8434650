import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { formatInstant } from '../../format/date';
import { labelOf, ROLE_LABELS } from '../../format/labels';
import { useAccessLog, type AccessLogRow } from './audit-api';
import { AUDITED_SERVICES, SERVICE_LABELS, type AuditedService } from './audit-labels';
import { AuditFrame, ProblemAlert } from './audit-parts';

/** 访问日志: who read which personal data, when, in each service; filtered by reader and record. */
export default function AccessLog() {
  const [service, setService] = useState<AuditedService>('hardship-cases');
  const [draft, setDraft] = useState({ actor: '', subject: '' });
  const [filter, setFilter] = useState({ actor: '', subject: '', page: 1 });
  const log = useAccessLog(service, {
    actor: filter.actor || undefined,
    subject: filter.subject || undefined,
    page: filter.page,
  });
  return (
    <AuditFrame title="访问日志">
      <Typography.Paragraph>
        记录审计人员、管理人员和可查看全部单位的人员每一次查看个人信息的情况，以及任何人查看完整身份证号码或诊断的情况：谁、何时、查看了什么、带着什么条件、出于什么用途。查看访问日志本身不再记录。
      </Typography.Paragraph>
      <Card
        role="region"
        aria-labelledby="audit-access-filter"
        className="audit-no-print"
        style={{ marginBottom: 16 }}
        title={
          <h2 id="audit-access-filter" style={{ fontSize: 16, margin: 0 }}>
            筛选
          </h2>
        }
      >
        <Form layout="inline" onFinish={() => setFilter({ ...draft, page: 1 })}>
          <Form.Item label="业务系统" htmlFor="audit-access-service">
            <Select
              id="audit-access-service"
              value={service}
              onChange={(s) => {
                setService(s);
                setFilter((f) => ({ ...f, page: 1 }));
              }}
              style={{ width: 180 }}
              options={AUDITED_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item label="查看人" htmlFor="audit-access-actor">
            <Input
              id="audit-access-actor"
              value={draft.actor}
              onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item label="查看的记录或人员标识" htmlFor="audit-access-subject">
            <Input
              id="audit-access-subject"
              value={draft.subject}
              onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              筛选
            </Button>
            <Button
              onClick={() => {
                setDraft({ actor: '', subject: '' });
                setFilter({ actor: '', subject: '', page: 1 });
              }}
            >
              清除
            </Button>
          </Space>
        </Form>
      </Card>
      <Card
        role="region"
        aria-labelledby="audit-access-title"
        title={
          <h2 id="audit-access-title" style={{ fontSize: 16, margin: 0 }}>
            {SERVICE_LABELS[service]}的访问记录（共 {log.data?.total ?? 0} 条）
          </h2>
        }
      >
        <Typography.Paragraph className="audit-print-only">
          筛选：查看人 {filter.actor || '不限'}，记录 {filter.subject || '不限'}
        </Typography.Paragraph>
        {log.error ? (
          <ProblemAlert error={log.error} what="访问日志" />
        ) : (
          <Table<AccessLogRow>
            rowKey={(r) => `${r.at}-${r.correlationId}-${r.path}`}
            size="small"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            aria-label="访问记录"
            locale={{ emptyText: '没有符合条件的访问记录' }}
            scroll={{ x: 1000 }}
            pagination={{
              current: filter.page,
              pageSize: 20,
              total: log.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (page) => setFilter((f) => ({ ...f, page })),
            }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 150, render: (t: string) => formatInstant(t) },
              { title: '查看人', dataIndex: 'actor', width: 120 },
              {
                title: '角色',
                dataIndex: 'roles',
                width: 100,
                render: (roles: string[] = []) => roles.map((r) => labelOf(ROLE_LABELS, r)).join('、'),
              },
              {
                title: '单位',
                dataIndex: 'units',
                width: 100,
                render: (units: string[] | null) =>
                  units === null ? '—' : units.includes('*') ? '全部单位' : units.join('、'),
              },
              {
                title: '查看内容',
                dataIndex: 'path',
                render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
              },
              {
                title: '条件',
                dataIndex: 'query',
                render: (q: Record<string, unknown> | null) =>
                  q
                    ? Object.entries(q)
                        .map(([k, v]) => `${k}=${String(v)}`)
                        .join('，')
                    : '—',
              },
              { title: '对象', dataIndex: 'subject', render: (s: string | null) => s ?? '—' },
              {
                title: '用途',
                dataIndex: 'purpose',
                width: 180,
                render: (p: string | null | undefined) => p ?? '—',
              },
            ]}
          />
        )}
      </Card>
    </AuditFrame>
  );
}
