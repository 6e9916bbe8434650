import { Form, Input, Space, Typography } from 'antd';
import { CONSENT_DOCUMENT_REF_MAX_LENGTH, signedOnProblem } from './consent';

/**
 * 个人信息处理授权: the signed authorisation (授权书) a case or an application records (DOMAIN.md
 * §5), as `consent.documentRef` and `consent.signedOn`, both required. `whose`: 职工本人, 家长.
 */
export function ConsentFields({ whose, today }: { whose: string; today: string }) {
  return (
    <section aria-label="个人信息处理授权">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        个人信息处理授权
      </Typography.Title>
      <Space size="large" wrap align="start">
        <Form.Item
          label="授权书编号"
          name={['consent', 'documentRef']}
          rules={[{ required: true, whitespace: true, message: '请输入授权书编号' }]}
          extra={`${whose}签署的授权书的存档编号；不要填写姓名或身份证号码`}
        >
          <Input autoComplete="off" style={{ width: 280 }} maxLength={CONSENT_DOCUMENT_REF_MAX_LENGTH} />
        </Form.Item>
        <Form.Item
          label="签署日期"
          name={['consent', 'signedOn']}
          required
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = signedOnProblem(value, today);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input type="date" style={{ width: 200 }} max={today} />
        </Form.Item>
      </Space>
    </section>
  );
}
