import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { PURPOSE_MAX_LENGTH, PURPOSE_MIN_LENGTH } from '@union/kernel/browser';
import { ApiProblem } from '../api/client';
import { mapProblem } from '../api/problem';

/**
 * An identity number shown masked, with 查看完整号码: the reader states a purpose (用途, 4-200
 * characters, DOMAIN.md §5) and the record is read again with it; the service records the read
 * with the purpose in its access log. `reveal` asks for the record with the purpose and answers
 * the full number (null: not kept for this record). The full number stays on this screen only.
 */
export function RevealIdNumber({
  masked,
  reveal,
  what = '完整身份证号码',
}: {
  masked: string;
  reveal: (purpose: string) => Promise<string | null>;
  what?: string;
}) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();
  const submit = async ({ purpose }: { purpose: string }) => {
    setBusy(true);
    setError(null);
    try {
      setShown(await reveal(purpose.trim()));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(e instanceof ApiProblem ? mapProblem(e.problem).message : '查看未成功，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  if (shown !== undefined) {
    return <span>{shown ?? `${masked}（此记录未保存完整号码）`}</span>;
  }
  return (
    <Space wrap>
      <span>{masked}</span>
      <Button size="small" onClick={() => setOpen(true)}>
        查看完整号码
      </Button>
      <Modal
        title={`查看${what}`}
        open={open}
        okText="查看"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>请说明查看用途。本次查看将连同用途记入访问日志。</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="purpose"
            label="用途"
            rules={[
              { required: true, whitespace: true, message: '请填写用途' },
              {
                min: PURPOSE_MIN_LENGTH,
                max: PURPOSE_MAX_LENGTH,
                message: `用途为 ${PURPOSE_MIN_LENGTH} 至 ${PURPOSE_MAX_LENGTH} 个字`,
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={PURPOSE_MAX_LENGTH} placeholder="例如：核对身份后发放救助金" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
