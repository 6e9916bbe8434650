import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import { useAsDecided } from './audit-api';
import {
  AUDIT_EVENT_LABELS,
  isAuditedService,
  POLICY_KIND_LABELS,
  SERVICE_LABELS,
  STREAM_TYPE_LABELS,
  streamTypeOf,
  type AuditedService,
} from './audit-labels';
import { AuditFrame, Hash, policyOf, ProblemAlert, recordPath, StateTable, tracePath } from './audit-parts';

/**
 * 当时决定: one decision (an approval, a rejection, a payment) with the record exactly as the
 * decider saw it at that instant, what the decision changed, and the policy in force then.
 */
export default function AsDecided() {
  const { service, streamId = '', version = '' } = useParams();
  const v = Number(version);
  if (!isAuditedService(service) || !Number.isSafeInteger(v) || v < 1) {
    return <Alert type="error" showIcon message="没有这个决定" />;
  }
  return <Decision service={service} streamId={streamId} version={v} />;
}

function Decision({
  service,
  streamId,
  version,
}: {
  service: AuditedService;
  streamId: string;
  version: number;
}) {
  const answer = useAsDecided(service, streamId, version);
  if (answer.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载当时的决定" />;
  if (answer.error || !answer.data) {
    return (
      <AuditFrame title="当时决定">
        <ProblemAlert error={answer.error} what="当时的决定" />
      </AuditFrame>
    );
  }
  const { decision, before, after, policy } = answer.data;
  const record = labelOf(STREAM_TYPE_LABELS, streamTypeOf(streamId));
  const what = labelOf(AUDIT_EVENT_LABELS, decision?.type);
  const region = (id: string, title: string) => ({
    role: 'region',
    'aria-labelledby': id,
    title: (
      <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
        {title}
      </h2>
    ),
    style: { marginBottom: 16 },
  });
  return (
    <AuditFrame title={`当时决定：${what}`}>
      <Card {...region('audit-decision-title', '决定')}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="事项">{what}</Descriptions.Item>
          <Descriptions.Item label="决定人">{decision?.metadata?.actor ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="决定时间">{formatInstant(decision?.recordedAt)}</Descriptions.Item>
          <Descriptions.Item label="政策版本">{decision ? policyOf(decision) : '—'}</Descriptions.Item>
          <Descriptions.Item label="记录">
            <Link to={recordPath(service, streamId, version)}>
              {SERVICE_LABELS[service]} · {record} 第 {version} 版
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label="日志位置">{decision?.globalPosition}</Descriptions.Item>
          <Descriptions.Item label="关联编号">
            {decision?.metadata?.correlationId ? (
              <Link to={tracePath(decision.metadata.correlationId)}>{decision.metadata.correlationId}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="哈希">
            <Hash value={decision?.hash} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>决定的内容：</Typography.Paragraph>
        <StateTable state={decision?.data ?? {}} caption="决定的内容" />
      </Card>
      <Card
        {...region(
          'audit-before-title',
          before
            ? `决定时看到的记录（第 ${before.version} 版，${formatInstant(before.recordedAt)}）`
            : '决定时看到的记录',
        )}
      >
        {before ? (
          <StateTable state={before.state} caption="决定时看到的记录" />
        ) : (
          <Typography.Paragraph>这是该记录的第一件事，决定之前记录尚不存在。</Typography.Paragraph>
        )}
      </Card>
      {after && (
        <Card {...region('audit-after-title', `决定之后的记录（第 ${after.version} 版），变化已标出`)}>
          <StateTable state={after.state} previous={before?.state} caption="决定之后的记录" />
        </Card>
      )}
      <Card {...region('audit-policy-title', '当时适用的政策')}>
        {policy ? (
          <>
            <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="政策">{labelOf(POLICY_KIND_LABELS, policy.kind)}</Descriptions.Item>
              <Descriptions.Item label="政策版本">{policy.policyVersion ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="出处">
                {policy.source ? (
                  <Link to={recordPath(service, policy.source.streamId ?? '', policy.source.version)}>
                    {labelOf(STREAM_TYPE_LABELS, streamTypeOf(policy.source.streamId ?? ''))} 第{' '}
                    {policy.source.version} 版（{formatInstant(policy.source.recordedAt)}）
                  </Link>
                ) : (
                  '系统内置的标准'
                )}
              </Descriptions.Item>
            </Descriptions>
            {policy.terms ? (
              <StateTable state={policy.terms} caption="当时适用的政策" />
            ) : (
              <Typography.Paragraph>未能找到该政策的内容。</Typography.Paragraph>
            )}
          </>
        ) : (
          <Typography.Paragraph>这件事没有记录适用的政策。</Typography.Paragraph>
        )}
      </Card>
    </AuditFrame>
  );
}
