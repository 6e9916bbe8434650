import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type CasePreview, type OpenCaseBody } from '../../api/client';
import { isProblem, mapProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { DEFAULT_REGION_CODE } from '../../auth/personas';
import { chinaDateOf } from '../../format/date';
import { CHANNEL_LABELS } from '../../format/labels';
import { formatYuan, parseYuan } from '../../format/money';
import { checkIdNumber } from '../../id-number/id-number';
import { CausesGroup } from './causes-group';
import { consentOf, type ConsentValues } from '../../consent/consent';
import { ConsentFields } from '../../consent/consent-fields';
import { tierPreviewText } from './tier-preview';

interface FormValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  unitId?: string;
  regionCode?: string;
  size?: number;
  income?: string;
  causes?: string[];
  channel?: string;
  consent?: ConsentValues;
}

/** The form's names of the API's fields, so a problem's `errors[].field` lands under its input. */
const FORM_FIELD: Readonly<Record<string, keyof FormValues | readonly string[]>> = {
  'person.name': 'name',
  'person.idNumber': 'idNumber',
  'person.phone': 'phone',
  unitId: 'unitId',
  regionCode: 'regionCode',
  'household.size': 'size',
  'household.monthlyIncomeFen': 'income',
  causes: 'causes',
  channel: 'channel',
  consent: ['consent', 'documentRef'],
  'consent.documentRef': ['consent', 'documentRef'],
  'consent.signedOn': ['consent', 'signedOn'],
};

/**
 * The body of the dry run: the opening's, with the consent once both its fields are filled in. A
 * dry run may leave it out (docs/api-changes.md), so the tier shows before the paper is at hand.
 */
type PreviewBody = Omit<OpenCaseBody, 'consent'> & Partial<Pick<OpenCaseBody, 'consent'>>;

/** The dry run's body, or undefined while a required field (the consent aside) is missing or invalid. */
function bodyOf(v: FormValues, today: string, referralId: string | null): PreviewBody | undefined {
  const id = checkIdNumber(v.idNumber ?? '', today);
  const incomeFen = parseYuan(v.income ?? '');
  if (
    !v.name?.trim() ||
    id.state !== 'valid' ||
    !v.unitId ||
    !v.regionCode ||
    !v.size ||
    incomeFen === undefined
  ) {
    return undefined;
  }
  if (!v.causes?.length || !v.channel) return undefined;
  const consent = consentOf(v.consent, today);
  return {
    person: { idNumber: id.value, name: v.name.trim(), ...(v.phone ? { phone: v.phone } : {}) },
    unitId: v.unitId,
    regionCode: v.regionCode,
    household: { size: v.size, monthlyIncomeFen: incomeFen },
    causes: v.causes,
    channel: v.channel,
    ...(referralId ? { referralId } : {}),
    ...(consent ? { consent } : {}),
  };
}

/**
 * 建档: a case file for a worker who walked in, with the tier the rules give before saving; from
 * the referral inbox (`?referralId=`), prefilled from the referral, which the opening accepts.
 */
export default function OpenCase() {
  const api = useApi();
  const [params] = useSearchParams();
  const referralId = params.get('referralId');
  const referral = useQuery({
    queryKey: ['referral', referralId],
    enabled: referralId !== null,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/hardship/referrals/{referralId}', {
          params: { path: { referralId: referralId ?? '' } },
        }),
      ),
  });
  const { session } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) as FormValues | undefined;
  const today = chinaDateOf(new Date());
  const own = (session?.units ?? []).filter((u) => u !== '*');
  const referred = referral.data;
  const units = referred && !own.includes(referred.unitId) ? [referred.unitId, ...own] : own;
  const idCheck = checkIdNumber(values?.idNumber ?? '', today);
  const body = useMemo(
    () => (values ? bodyOf(values, today, referred ? referralId : null) : undefined),
    [values, today, referred, referralId],
  );
  // The referral's member, unit and channel, once it has arrived; the caseworker types the number.
  useEffect(() => {
    if (!referred) return;
    form.setFieldsValue({
      name: referred.memberName,
      unitId: referred.unitId,
      channel: 'referral',
      causes: ['illness'],
    });
  }, [referred, form]);
  const [preview, setPreview] = useState<{ ok: CasePreview } | { refused: string } | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const latest = useRef(0);

  // The dry run of the same request (POST /cases?dryRun=true), shortly after the caseworker stops typing.
  const bodyKey = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!body) {
      setPreview(undefined);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api
        // A dry run may leave the consent out, which the opening's type cannot say.
        .POST('/api/v1/hardship/cases', { body: body as OpenCaseBody, params: { query: { dryRun: 'true' } } })
        .then((r) => {
          if (ticket !== latest.current) return;
          if (r.response.ok) setPreview({ ok: r.data as unknown as CasePreview });
          else {
            const mapped = mapProblem(isProblem(r.error) ? r.error : { status: r.response.status });
            setPreview({ refused: mapped.message });
          }
        })
        .catch(() => ticket === latest.current && setPreview({ refused: '暂时无法预览认定结果' }));
    }, 300);
    return () => clearTimeout(timer);
    // bodyKey stands for body: the effect runs when the request would differ.
  }, [bodyKey, api]);

  const save = async () => {
    // The form's rules have checked both consent fields before this runs.
    if (!body?.consent) return;
    const opening: OpenCaseBody = { ...body, consent: body.consent };
    setSaving(true);
    setSaveError(undefined);
    try {
      const created = unwrap(
        await api.POST('/api/v1/hardship/cases', {
          body: opening,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['workbench'] });
      // An opening from a referral settles it: the inbox no longer offers it.
      if (body.referralId) await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void navigate(`/cases/${created.caseId}`);
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapProblem(e.problem);
        setSaveError(mapped.message);
        form.setFields(
          Object.entries(mapped.fields)
            .filter(([field]) => FORM_FIELD[field])
            .map(([field, message]) => ({ name: FORM_FIELD[field], errors: [message] })) as Parameters<
            typeof form.setFields
          >[0],
        );
      } else setSaveError('保存未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  const shown = preview && 'ok' in preview ? tierPreviewText(preview.ok) : undefined;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        建档
      </Typography.Title>
      {referred && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`来自医疗互助的转介：${referred.memberName}`}
          description={
            `医疗互助报告的自付负担 ${referred.remainingBurdenFen === undefined ? '—' : formatYuan(referred.remainingBurdenFen)}。` +
            '已按转介填写姓名、单位和来源渠道，请核对并输入身份证号码（须与转介人员一致）及家庭情况。'
          }
        />
      )}
      {referral.error && (
        <Alert type="error" showIcon message="转介加载未成功" style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{
            regionCode: DEFAULT_REGION_CODE,
            unitId: units[0],
            size: 1,
            channel: 'walk_in',
            causes: [],
          }}
          onFinish={() => void save()}
        >
          <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="身份证号码"
            name="idNumber"
            required
            validateStatus={
              idCheck.state === 'invalid' ? 'error' : idCheck.state === 'valid' ? 'success' : undefined
            }
            help={idCheck.state === 'empty' ? undefined : idCheck.message}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item label="联系电话" name="phone">
            <Input autoComplete="off" />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item label="所在单位" name="unitId" rules={[{ required: true, message: '请选择所在单位' }]}>
              {units.length > 0 ? (
                <Select style={{ width: 220 }} options={units.map((u) => ({ value: u, label: u }))} />
              ) : (
                <Input style={{ width: 220 }} />
              )}
            </Form.Item>
            <Form.Item
              label="行政区划代码"
              name="regionCode"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位行政区划代码' }]}
            >
              <Input style={{ width: 160 }} maxLength={6} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item
              label="家庭人口（人）"
              name="size"
              rules={[{ required: true, message: '请输入家庭人口' }]}
            >
              <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="家庭月收入（元）"
              name="income"
              rules={[
                { required: true, message: '请输入家庭月收入' },
                {
                  validator: (_, v: string) =>
                    parseYuan(v ?? '') === undefined && v
                      ? Promise.reject(new Error('请输入金额，最多两位小数'))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input style={{ width: 200 }} inputMode="decimal" />
            </Form.Item>
          </Space>
          <Form.Item
            label="致困原因"
            name="causes"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择致困原因' }]}
          >
            <CausesGroup />
          </Form.Item>
          <Form.Item label="来源渠道" name="channel" rules={[{ required: true, message: '请选择来源渠道' }]}>
            <Select
              style={{ width: 220 }}
              options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <ConsentFields whose="职工本人" today={today} />
          <section aria-label="认定结果预览" aria-live="polite" style={{ marginBottom: 16 }}>
            {!body && <Alert type="info" message="填写完整后，这里会显示按现行政策的认定结果。" />}
            {shown && <Alert type="success" showIcon message={shown.tier} description={shown.line} />}
            {preview && 'refused' in preview && <Alert type="warning" showIcon message={preview.refused} />}
          </section>
          {saveError && <Alert type="error" showIcon message={saveError} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!shown}>
              保存建档
            </Button>
            <Button onClick={() => void navigate('/cases')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
