import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { auditPath, type RebuildComparison } from './audit-api';
import { AUDITED_SERVICES, SERVICE_LABELS, type AuditedService } from './audit-labels';
import { AuditFrame, ProblemAlert } from './audit-parts';

type TableDiff = NonNullable<RebuildComparison['tables']>[number];

/**
 * 重建核对 (admin): each service's read models rebuilt from its log into a shadow copy and
 * compared with the live ones, row by row; an auditor asks an admin to run it.
 */
export default function Rebuild() {
  const { session } = useAuth();
  if (!session?.roles.includes('admin')) {
    return (
      <AuditFrame title="重建核对">
        <Alert type="info" showIcon message="重建核对由管理员执行：请联系管理员运行，并索取结果。" />
      </AuditFrame>
    );
  }
  return (
    <AuditFrame title="重建核对">
      <Typography.Paragraph>
        从日志重新计算每个业务系统的全部查询数据（放在影子副本中，不影响在用的数据），再与在用的数据逐行比较。结果一致，说明在用的数据完全来自日志。
      </Typography.Paragraph>
      {AUDITED_SERVICES.map((service) => (
        <ServiceRebuild key={service} service={service} />
      ))}
    </AuditFrame>
  );
}

function ServiceRebuild({ service }: { service: AuditedService }) {
  const api = useApi();
  const [asked, setAsked] = useState(false);
  const run = useMutation({
    mutationFn: async () => unwrap(await api.POST(auditPath(service, '/rebuild-compare'))),
  });
  const id = `audit-rebuild-${service}`;
  const r = run.data;
  return (
    <Card
      role="region"
      aria-labelledby={id}
      style={{ marginBottom: 16 }}
      title={
        <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
          {SERVICE_LABELS[service]}
        </h2>
      }
    >
      <Space className="audit-no-print" style={{ marginBottom: 12 }}>
        <Button
          loading={run.isPending}
          onClick={() => {
            setAsked(true);
            run.mutate();
          }}
        >
          重建并核对
        </Button>
      </Space>
      {asked && run.error && <ProblemAlert error={run.error} what="重建核对" />}
      {r && (
        <div role="status">
          <Alert
            type={r.equal ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              r.equal
                ? `一致：从 ${r.events ?? 0} 条事件重建的数据与在用的数据完全相同`
                : `不一致：从 ${r.events ?? 0} 条事件重建的数据与在用的数据有差异`
            }
            description={`用时 ${(r.seconds ?? 0).toFixed(1)} 秒`}
          />
          <Table<TableDiff>
            rowKey="table"
            size="small"
            pagination={false}
            dataSource={r.tables ?? []}
            aria-label={`${SERVICE_LABELS[service]}的核对结果`}
            columns={[
              { title: '数据表', dataIndex: 'table' },
              { title: '在用行数', dataIndex: 'liveRows' },
              { title: '重建行数', dataIndex: 'rebuiltRows' },
              { title: '缺少', dataIndex: 'missing' },
              { title: '多出', dataIndex: 'extra' },
              { title: '不同', dataIndex: 'differing' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
