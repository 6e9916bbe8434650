import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import { chinaDateOf } from '../../format/date';
import { parseYuan } from '../../format/money';
import { checkIdNumber } from '../../id-number/id-number';
import { BILL_FIELDS, CLAIM_FORM_FIELD, claimBodyOf, type ClaimFormValues } from './claim-body';
import { medicalAidProblem } from './medical-aid-labels';
import { usePeriods, type ClaimPreview } from './medical-aid-api';
import { QuoteView } from './quote-view';

type Preview = { ok: ClaimPreview } | { refused: string };

const yuanRule = {
  validator: (_: unknown, v: string) =>
    v && parseYuan(v) === undefined
      ? Promise.reject(new Error('请输入金额（元），最多两位小数'))
      : Promise.resolve(),
};

/** 申请互助金: a claim with its bill, and the quote of the API's dry run before it is saved. */
export default function ClaimForm() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const periods = usePeriods();
  const [form] = Form.useForm<ClaimFormValues>();
  const values = Form.useWatch([], form) as ClaimFormValues | undefined;
  const today = chinaDateOf(new Date());
  const idCheck = checkIdNumber(values?.idNumber ?? '', today);
  const body = useMemo(() => (values ? claimBodyOf(values, today) : undefined), [values, today]);
  const [preview, setPreview] = useState<Preview>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const latest = useRef(0);

  // The dry run of the same request (POST /claims?dryRun=true), shortly after typing stops.
  const bodyKey = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!body) {
      setPreview(undefined);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api
        .POST('/api/v1/medical-aid/claims', { body, params: { query: { dryRun: 'true' } } })
        .then((r) => {
          if (ticket !== latest.current) return;
          if (r.response.ok) setPreview({ ok: r.data as unknown as ClaimPreview });
          else {
            const problem = isProblem(r.error) ? r.error : { status: r.response.status };
            setPreview({ refused: medicalAidProblem(problem).message });
          }
        })
        .catch(() => ticket === latest.current && setPreview({ refused: '暂时无法测算互助金' }));
    }, 300);
    return () => clearTimeout(timer);
    // bodyKey stands for body: the effect runs when the request would differ.
  }, [bodyKey, api]);

  const save = async () => {
    if (!body) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const claim = unwrap(
        await api.POST('/api/v1/medical-aid/claims', {
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['medical-aid'] });
      void navigate(`/medical-aid/claims/${claim.claimId}`);
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = medicalAidProblem(e.problem);
        setSaveError(mapped.message);
        form.setFields(
          Object.entries(mapped.fields)
            .filter(([field]) => CLAIM_FORM_FIELD[field])
            .map(([field, message]) => ({ name: CLAIM_FORM_FIELD[field], errors: [message] })),
        );
      } else setSaveError('保存未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  const quoted = preview && 'ok' in preview ? preview.ok : undefined;
  const periodOptions = (periods.data?.items ?? []).map((p) => ({ value: p.periodId, label: p.name }));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        申请互助金
      </Typography.Title>
      <Card>
        <Form<ClaimFormValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 880 }}
          initialValues={{
            periodId: params.get('periodId') ?? undefined,
            serious: '0',
            assistance: '0',
            employer: '0',
            other: '0',
          }}
          onFinish={() => void save()}
        >
          <Form.Item label="期次" name="periodId" rules={[{ required: true, message: '请选择期次' }]}>
            <Select style={{ width: 320 }} options={periodOptions} loading={periods.isLoading} />
          </Form.Item>
          <Form.Item
            label="会员身份证号码"
            name="idNumber"
            required
            validateStatus={
              idCheck.state === 'invalid' ? 'error' : idCheck.state === 'valid' ? 'success' : undefined
            }
            help={idCheck.state === 'empty' ? undefined : idCheck.message}
          >
            <Input maxLength={18} autoComplete="off" style={{ width: 320 }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item label="医院" name="hospital" rules={[{ required: true, message: '请输入医院名称' }]}>
              <Input style={{ width: 320 }} maxLength={200} />
            </Form.Item>
            <Form.Item
              label="诊断编码（ICD-10）"
              name="diagnosisCode"
              rules={[{ required: true, message: '请输入诊断编码' }]}
            >
              <Input style={{ width: 200 }} maxLength={32} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item
              label="入院日期"
              name="admittedOn"
              rules={[{ required: true, message: '请选择入院日期' }]}
            >
              <Input type="date" style={{ width: 200 }} max={today} />
            </Form.Item>
            <Form.Item
              label="出院日期"
              name="dischargedOn"
              rules={[{ required: true, message: '请选择出院日期' }]}
            >
              <Input type="date" style={{ width: 200 }} max={today} />
            </Form.Item>
          </Space>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>
              住院费用（按医院结算单填写）
            </legend>
            <Space size="large" wrap>
              {BILL_FIELDS.map(([name, , label]) => (
                <Form.Item
                  key={name}
                  label={label}
                  name={name}
                  rules={[{ required: name === 'total', message: '请输入医疗总费用' }, yuanRule]}
                >
                  <Input style={{ width: 200 }} inputMode="decimal" />
                </Form.Item>
              ))}
            </Space>
          </fieldset>
          <section aria-labelledby="quote-title" aria-live="polite" style={{ marginBottom: 16 }}>
            <h2 id="quote-title" style={{ fontSize: 16 }}>
              互助金测算
            </h2>
            {!body && <Alert type="info" message="填写完整后，这里会显示按本期规则测算的互助金。" />}
            {quoted && (
              <>
                <Typography.Paragraph>
                  会员 {quoted.member.name}（{quoted.member.idNumberMasked}），所在单位 {quoted.unitId}
                </Typography.Paragraph>
                <QuoteView quote={quoted.quote} capLeftFen={quoted.capLeftFen} />
              </>
            )}
            {preview && 'refused' in preview && <Alert type="warning" showIcon message={preview.refused} />}
          </section>
          {saveError && <Alert type="error" showIcon message={saveError} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!quoted}>
              提交申请
            </Button>
            <Button onClick={() => void navigate('/medical-aid/claims')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
