import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { RevealIdNumber } from '../../id-number/reveal-id-number';
import { chinaDateOf, formatDate, formatInstant } from '../../format/date';
import { labelOf } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { BILL_FIELDS } from './claim-body';
import { CLAIM_STATUS_LABELS, failureText, medicalAidProblem } from './medical-aid-labels';
import { useClaim, usePeriod, type Claim } from './medical-aid-api';
import { QuoteView } from './quote-view';
import { Region } from './region';

/** 互助金申请: one claim, its bill and quote, the decision, and 支付 once it is approved. */
export default function ClaimPage() {
  const { claimId = '' } = useParams();
  const { session } = useAuth();
  const api = useApi();
  const claim = useClaim(claimId);
  const [diagnosis, setDiagnosis] = useState<string | null>(null);
  const period = usePeriod(claim.data?.periodId ?? '');
  if (claim.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载申请" />;
  if (claim.error || !claim.data) {
    return <Alert type="error" showIcon message={failureText(claim.error, '申请加载未成功')} />;
  }
  const c = claim.data;
  const pays = session?.roles.some((r) => r === 'caseworker' || r === 'reviewer') ?? false;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {c.member.name} 的互助金申请 <Tag>{labelOf(CLAIM_STATUS_LABELS, c.status)}</Tag>
      </Typography.Title>
      <Region id="claim-basics" title="申请信息">
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
          <Descriptions.Item label="身份证号">
            <RevealIdNumber
              masked={c.member.idNumberMasked}
              what="完整身份证号码和诊断"
              reveal={async (purpose) => {
                const full = unwrap(
                  await api.GET('/api/v1/medical-aid/claims/{claimId}', {
                    params: { path: { claimId }, query: { purpose } },
                  }),
                );
                setDiagnosis(full.diagnosisCode ?? null);
                return full.member.idNumber ?? null;
              }}
            />
          </Descriptions.Item>
          <Descriptions.Item label="所在单位">{c.unitId}</Descriptions.Item>
          <Descriptions.Item label="期次">{period.data?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="医院">{c.hospital}</Descriptions.Item>
          <Descriptions.Item label="住院">
            {formatDate(c.admittedOn)} 至 {formatDate(c.dischargedOn)}
          </Descriptions.Item>
          <Descriptions.Item label="诊断编码">
            {diagnosis ?? c.diagnosisCode ?? '说明用途后可查看（查看完整号码）'}
          </Descriptions.Item>
          <Descriptions.Item label="提交">
            {formatInstant(c.submittedAt)}（{c.submittedBy}）
          </Descriptions.Item>
        </Descriptions>
      </Region>
      <Region id="claim-bill" title="住院费用">
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
          {BILL_FIELDS.map(([name, field, label]) => (
            <Descriptions.Item key={name} label={label.replace('（元）', '')}>
              {formatYuan(c.bill[field])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Region>
      <Region id="claim-quote" title={c.status === 'submitted' ? '互助金测算（提交时）' : '互助金核定'}>
        <QuoteView quote={c.quote} />
      </Region>
      <Decision claim={c} />
      {c.status === 'approved' && pays && <PayForm claim={c} />}
    </>
  );
}

/** Who decided the claim and why, and the payment, once there are any. */
function Decision({ claim: c }: { claim: Claim }) {
  if (c.status === 'submitted') {
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} message="等待审核人在审批中审核" />;
  }
  return (
    <Region id="claim-decision" title="审核与支付">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={c.status === 'rejected' ? '未通过审核' : '审核通过'}>
          {formatInstant(c.decidedAt)}（{c.decidedBy ?? '—'}）
        </Descriptions.Item>
        {c.decisionReason && <Descriptions.Item label="审核意见">{c.decisionReason}</Descriptions.Item>}
        {c.eligibleLoweredFromFen !== undefined && (
          <Descriptions.Item label="核减前可互助金额">
            {formatYuan(c.eligibleLoweredFromFen)}
          </Descriptions.Item>
        )}
        {c.status === 'paid' && (
          <>
            <Descriptions.Item label="支付日期">{formatDate(c.paidOn)}</Descriptions.Item>
            <Descriptions.Item label="支付凭证号">{c.paymentRef}</Descriptions.Item>
            <Descriptions.Item label="已支付互助金">{formatYuan(c.quote.payoutFen)}</Descriptions.Item>
          </>
        )}
      </Descriptions>
    </Region>
  );
}

interface PayValues {
  paymentRef?: string;
  paidOn?: string;
}

/** 支付: records the payment of an approved claim (payment reference and date). */
function PayForm({ claim: c }: { claim: Claim }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PayValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const today = chinaDateOf(new Date());
  const pay = async (v: PayValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const paid = unwrap(
        await api.POST('/api/v1/medical-aid/claims/{claimId}/pay', {
          params: { path: { claimId: c.claimId } },
          body: { paymentRef: (v.paymentRef ?? '').trim(), paidOn: v.paidOn ?? today },
          headers: { 'If-Match': `"${c.version}"`, 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      queryClient.setQueryData(['medical-aid', 'claim', c.claimId], paid);
      await queryClient.invalidateQueries({ queryKey: ['medical-aid', 'claims'] });
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = medicalAidProblem(e.problem);
        setError(mapped.message);
        form.setFields(
          Object.entries(mapped.fields)
            .filter(([field]) => field === 'paymentRef' || field === 'paidOn')
            .map(([field, message]) => ({ name: field as keyof PayValues, errors: [message] })),
        );
      } else setError('支付登记未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Region id="claim-pay" title="支付">
      <Typography.Paragraph>
        应支付互助金 {formatYuan(c.quote.payoutFen)}。支付后请登记支付凭证号和日期。
      </Typography.Paragraph>
      <Form<PayValues>
        form={form}
        layout="vertical"
        initialValues={{ paidOn: today }}
        onFinish={(v) => void pay(v)}
      >
        <Space size="large" wrap>
          <Form.Item
            label="支付凭证号"
            name="paymentRef"
            rules={[{ required: true, whitespace: true, message: '请输入支付凭证号' }]}
          >
            <Input style={{ width: 260 }} maxLength={100} />
          </Form.Item>
          <Form.Item label="支付日期" name="paidOn" rules={[{ required: true, message: '请选择支付日期' }]}>
            <Input type="date" style={{ width: 200 }} max={today} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          确认支付
        </Button>
      </Form>
    </Region>
  );
}
