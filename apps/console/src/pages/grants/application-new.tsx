import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap, type Schemas } from '../../api/client';
import { isProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { chinaDateOf } from '../../format/date';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { checkIdNumber, type IdNumberCheck } from '../../id-number/id-number';
import { ConsentFields } from '../../consent/consent-fields';
import {
  applicationBodyOf,
  applicationFormField,
  submissionOf,
  type ApplicationFormValues,
  type SubmitApplicationBody,
} from './application-form';
import { LEVEL_LABELS, LEVELS } from './grants-labels';
import { mapGrantsProblem } from './grants-problem';

type Preview = { ok: Schemas['ApplicationPreview'] } | { refused: string };

/** The field's status and the checksum message under it while an identity number is typed. */
const idFeedback = (check: IdNumberCheck) => ({
  validateStatus:
    check.state === 'invalid'
      ? ('error' as const)
      : check.state === 'valid'
        ? ('success' as const)
        : undefined,
  extra: check.state === 'empty' ? undefined : check.message,
});

/** What grants knows of the parent's hardship case, asked as soon as the number checks. */
function ParentEligibility({ idNumber }: { idNumber: string | undefined }) {
  const api = useApi();
  const eligibility = useQuery({
    queryKey: ['grants', 'eligibility', idNumber],
    enabled: idNumber !== undefined,
    staleTime: 0,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/eligibility/{idNumber}', {
          params: { path: { idNumber: idNumber ?? '' } },
        }),
      ),
  });
  let body;
  if (idNumber === undefined)
    body = <Alert type="info" message="输入家长的身份证号码后，这里显示其困难职工档案情况。" />;
  else if (eligibility.isLoading) body = <Alert type="info" message="正在查询家长的困难职工档案…" />;
  else if (eligibility.isError)
    body = <Alert type="error" showIcon message="暂时无法查询家长的困难职工档案" />;
  else if (eligibility.data?.hasOpenCase) {
    body = (
      <Alert
        type="success"
        showIcon
        message={`在档困难职工 · ${labelOf(TIER_LABELS, eligibility.data.tier)}`}
        description={`家长 ${eligibility.data.idNumberMasked} 有在档的困难职工档案。`}
      />
    );
  } else if (eligibility.data) {
    body = (
      <Alert
        type="warning"
        showIcon
        message="未找到在档困难职工档案"
        description={`家长 ${eligibility.data.idNumberMasked} 没有在档的困难职工档案；刚建档的，请稍候片刻再查。`}
      />
    );
  }
  return (
    <section aria-label="家长困难职工档案" aria-live="polite" style={{ marginBottom: 16 }}>
      {body}
    </section>
  );
}

/** 申请助学: an application for a worker's child, with the parent's eligibility and the amount before saving. */
export default function ApplicationNew() {
  const api = useApi();
  const { session } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ApplicationFormValues>();
  const values = Form.useWatch([], form) as ApplicationFormValues | undefined;
  const today = chinaDateOf(new Date());
  const units = (session?.units ?? []).filter((u) => u !== '*');
  const parentCheck = checkIdNumber(values?.parentIdNumber ?? '', today);
  const studentCheck = checkIdNumber(values?.student?.idNumber ?? '', today);
  const body = useMemo(() => (values ? applicationBodyOf(values, today) : undefined), [values, today]);
  const [preview, setPreview] = useState<Preview>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const latest = useRef(0);
  const flagged = useRef<string[]>([]);

  const campaigns = useQuery({
    queryKey: ['grants', 'campaigns', 'open'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/grants/campaigns', { params: { query: { status: 'open', pageSize: '100' } } }),
      ),
  });

  /** The messages of a refusal under their fields; those of the previous refusal cleared. */
  const showFieldErrors = (fields: Readonly<Record<string, string>>) => {
    form.setFields([
      ...flagged.current
        .filter((f) => !(f in fields))
        .map((f) => ({ name: applicationFormField(f), errors: [] })),
      ...Object.entries(fields).map(([f, message]) => ({ name: applicationFormField(f), errors: [message] })),
    ] as Parameters<typeof form.setFields>[0]);
    flagged.current = Object.keys(fields);
  };

  // The dry run of the same request (POST /applications?dryRun=true) once the form is complete:
  // the amount the campaign gives the level, or why it would be refused.
  const bodyKey = body ? JSON.stringify(body) : '';
  useEffect(() => {
    if (!body) {
      setPreview(undefined);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api
        // A dry run may leave the consent out, which the submission's type cannot say.
        .POST('/api/v1/grants/applications', {
          body: body as SubmitApplicationBody,
          params: { query: { dryRun: 'true' } },
        })
        .then((r) => {
          if (ticket !== latest.current) return;
          if (r.response.ok) {
            setPreview({ ok: r.data as unknown as Schemas['ApplicationPreview'] });
            showFieldErrors({});
          } else {
            const mapped = mapGrantsProblem(
              isProblem(r.error) ? r.error : { status: r.response.status },
              'submit',
            );
            setPreview({ refused: mapped.message });
            showFieldErrors(mapped.fields);
          }
        })
        .catch(() => ticket === latest.current && setPreview({ refused: '暂时无法预览助学金额' }));
    }, 300);
    return () => clearTimeout(timer);
    // bodyKey stands for body: the effect runs when the request would differ.
  }, [bodyKey, api]);

  const save = async () => {
    // The form's rules have checked both consent fields before this runs.
    const submission = submissionOf(body);
    if (!submission) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      unwrap(
        await api.POST('/api/v1/grants/applications', {
          body: submission,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['grants'] });
      void navigate(`/grants/campaigns/${submission.campaignId}?status=submitted`);
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapGrantsProblem(e.problem, 'submit');
        setSaveError(mapped.message);
        showFieldErrors(mapped.fields);
      } else setSaveError('提交未成功，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  const ok = preview && 'ok' in preview ? preview.ok : undefined;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        申请助学
      </Typography.Title>
      <Card>
        <Form<ApplicationFormValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ campaignId: params.get('campaignId') ?? undefined, unitId: units[0] }}
          onFinish={() => void save()}
        >
          <Form.Item label="助学活动" name="campaignId" required>
            <Select
              style={{ maxWidth: 480 }}
              loading={campaigns.isLoading}
              placeholder="请选择助学活动"
              options={(campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label="家长身份证号码" name="parentIdNumber" required {...idFeedback(parentCheck)}>
            <Input maxLength={18} autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <ParentEligibility idNumber={parentCheck.state === 'valid' ? parentCheck.value : undefined} />
          <Form.Item label="所在单位" name="unitId" required>
            {units.length > 0 ? (
              <Select style={{ width: 220 }} options={units.map((u) => ({ value: u, label: u }))} />
            ) : (
              <Input style={{ width: 220 }} />
            )}
          </Form.Item>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            学生
          </Typography.Title>
          <Form.Item
            label="学生身份证号码"
            name={['student', 'idNumber']}
            required
            {...idFeedback(studentCheck)}
          >
            <Input maxLength={18} autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item label="学生姓名" name={['student', 'name']} required>
              <Input autoComplete="off" style={{ width: 200 }} maxLength={50} />
            </Form.Item>
            <Form.Item label="学段" name={['student', 'level']} required>
              <Select
                style={{ width: 160 }}
                placeholder="请选择学段"
                options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
              />
            </Form.Item>
          </Space>
          <Form.Item label="学校" name={['student', 'school']} required>
            <Input autoComplete="off" style={{ maxWidth: 480 }} maxLength={200} />
          </Form.Item>
          <ConsentFields whose="家长" today={today} />
          <section aria-label="助学金额预览" aria-live="polite" style={{ marginBottom: 16 }}>
            {!body && <Alert type="info" message="填写完整后，这里会显示按本活动标准可申请的助学金额。" />}
            {ok && (
              <Alert
                type="success"
                showIcon
                message={`可申请助学金 ${formatYuan(ok.amountFen)}`}
                description={`按本活动“${labelOf(LEVEL_LABELS, ok.student.level)}”的资助标准；提交后由审核人审批。`}
              />
            )}
            {preview && 'refused' in preview && <Alert type="warning" showIcon message={preview.refused} />}
          </section>
          {saveError && <Alert type="error" showIcon message={saveError} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!ok}>
              提交申请
            </Button>
            <Button onClick={() => void navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
