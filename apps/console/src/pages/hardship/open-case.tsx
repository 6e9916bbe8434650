import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type CasePreview, type OpenCaseBody } from '../../api/client';
import { isProblem, mapProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { DEFAULT_REGION_CODE } from '../../auth/personas';
import { chinaDateOf } from '../../format/date';
import { CAUSE_LABELS, CHANNEL_LABELS } from '../../format/labels';
import { parseYuan } from '../../format/money';
import { checkIdNumber } from '../../id-number/id-number';
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

type CheckboxGroupProps = Parameters<typeof Checkbox.Group>[0];

/**
 * 致困原因 as a labelled group of checkboxes. Form.Item hands its control `aria-required`, which
 * a group may not carry (axe: aria-allowed-attr); the requirement is on the label and the rule.
 */
function CausesGroup({
  'aria-required': _required,
  ...props
}: CheckboxGroupProps & { 'aria-required'?: unknown }) {
  return (
    <Checkbox.Group
      {...props}
      role="group"
      aria-label="致困原因"
      options={Object.entries(CAUSE_LABELS).map(([value, label]) => ({ value, label }))}
    />
  );
}

/** The dry run's body, or undefined while a required field (the consent aside) is missing or invalid. */
function bodyOf(v: FormValues, today: string): PreviewBody | undefined {
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
    ...(consent ? { consent } : {}),
  };
}

/** 建档: a case file for a worker who walked in, with the tier the rules give before saving. */
export default function OpenCase() {
  const api = useApi();
  const { session } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) as FormValues | undefined;
  const today = chinaDateOf(new Date());
  const units = (session?.units ?? []).filter((u) => u !== '*');
  const idCheck = checkIdNumber(values?.idNumber ?? '', today);
  const body = useMemo(() => (values ? bodyOf(values, today) : undefined), [values, today]);
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
