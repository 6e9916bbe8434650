import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { unwrap, type Referral } from '../../api/client';
import { formatDate } from '../../format/date';
import { formatYuan } from '../../format/money';
import { labelOf, REFERRAL_STATUS_LABELS } from '../../format/labels';
import { commandHeaders, useCaseCommand, type FieldSetter } from './use-case-command';

/** 驳回: the referral needs no case file, and why. */
function DismissDialog({ referral, onClose }: { referral: Referral; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { api, busy, error, run } = useCaseCommand('dismiss', () => onClose(true));
  const submit = (v: { reason: string }) =>
    void run(form as unknown as FieldSetter, async () =>
      unwrap(
        await api.POST('/api/v1/hardship/referrals/{referralId}/dismiss', {
          params: { path: { referralId: referral.referralId } },
          headers: commandHeaders(referral.version ?? 1),
          body: { reason: v.reason.trim() },
        }),
      ),
    );
  return (
    <Modal
      open
      title={`驳回转介：${referral.memberName}`}
      okText="确认驳回"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="驳回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请输入驳回理由' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

/** 待处理转介: referrals from medical aid waiting for the caseworker: open a case file, or dismiss. */
export default function Referrals() {
  const api = useApi();
  const navigate = useNavigate();
  const [dismissing, setDismissing] = useState<Referral>();
  const [dismissed, setDismissed] = useState<string>();
  const referrals = useQuery({
    queryKey: ['referrals', 'pending'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/referrals', { params: { query: { status: 'pending' } } })),
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        待处理转介
      </Typography.Title>
      <Typography.Paragraph>
        医疗互助发现的因病致困风险：核实后可为其建档，或说明理由后驳回。
      </Typography.Paragraph>
      <div role="status" aria-live="polite">
        {dismissed && (
          <Alert
            type="success"
            showIcon
            message={`已驳回 ${dismissed} 的转介`}
            style={{ marginBottom: 16 }}
          />
        )}
      </div>
      <Table<Referral>
        rowKey="referralId"
        loading={referrals.isLoading}
        dataSource={referrals.data?.items ?? []}
        locale={{ emptyText: '暂无待处理的转介' }}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '所在单位', dataIndex: 'unitId' },
          {
            title: '自付负担',
            dataIndex: 'remainingBurdenFen',
            render: (f?: number) => (f === undefined ? '—' : formatYuan(f)),
          },
          { title: '转介日期', dataIndex: 'receivedAt', render: (d: string) => formatDate(d) },
          { title: '状态', dataIndex: 'status', render: (s: string) => labelOf(REFERRAL_STATUS_LABELS, s) },
          {
            title: '操作',
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  aria-label={`为${r.memberName}建档`}
                  onClick={() => void navigate(`/cases/new?referralId=${r.referralId}`)}
                >
                  建档
                </Button>
                <Button
                  size="small"
                  aria-label={`驳回${r.memberName}的转介`}
                  onClick={() => setDismissing(r)}
                >
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dismissing && (
        <DismissDialog
          referral={dismissing}
          onClose={(done) => {
            if (done) setDismissed(dismissing.memberName);
            setDismissing(undefined);
          }}
        />
      )}
    </>
  );
}
