import { useState } from 'react';
import { Alert, Button, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { useAuth } from '../../auth/auth-context';
import { CASE_STATUS_LABELS, labelOf, TIER_LABELS } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { AssistanceDialog, type AssistanceRecord } from './assistance-dialog';
import { CloseDialog, PairingDialog, ReopenDialog, VisitDialog } from './case-dialogs';
import { AssistanceCard, ExternalCard, HistoryCard, HouseholdCard } from './case-file-sections';
import { ReassessDialog } from './reassess-dialog';

type Dialog = 'visit' | 'reassess' | 'pairing' | 'assistance' | 'close' | 'reopen';

/** What the last assistance request became: paid at once, or waiting for a second reviewer. */
function recordedText(a: AssistanceRecord): { type: 'success' | 'info'; text: string } {
  const what = `${formatYuan(a.amountFen)} 的帮扶申请`;
  return a.status === 'pending_approval'
    ? { type: 'info', text: `${what}已提交，等待第二位审核人审批` }
    : { type: 'success', text: `${what}已发放` };
}

/** 档案: one case file as GET /hardship/cases/{id} has it, with the caseworker's actions on it. */
export default function CaseFile() {
  const { caseId = '' } = useParams();
  const api = useApi();
  const { session } = useAuth();
  const [dialog, setDialog] = useState<Dialog>();
  const [recorded, setRecorded] = useState<AssistanceRecord>();
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hardship/cases/{caseId}', { params: { path: { caseId } } })),
  });
  if (detail.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载档案" />;
  if (detail.error || !detail.data) {
    const message =
      detail.error instanceof ApiProblem ? mapProblem(detail.error.problem).message : '档案加载未成功';
    return <Alert type="error" showIcon message={message} />;
  }
  const c = detail.data;
  const caseworker = session?.roles.includes('caseworker') ?? false;
  const open = c.status === 'open';
  const close = () => setDialog(undefined);
  const action = (key: Dialog, label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setDialog(key)}>
      {label}
    </Button>
  );
  const done = recorded && recordedText(recorded);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {c.person.name} 的困难职工档案 <Tag color="red">{labelOf(TIER_LABELS, c.tier)}</Tag>
        <Tag>{labelOf(CASE_STATUS_LABELS, c.status)}</Tag>
      </Typography.Title>
      {caseworker && (
        <Space wrap style={{ marginBottom: 16 }} role="toolbar" aria-label="档案操作">
          {open ? (
            <>
              {action('visit', '记录走访', true)}
              {action('reassess', '复核')}
              {action('pairing', '结对帮扶')}
              {action('assistance', '申请帮扶')}
              {action('close', '销档')}
            </>
          ) : (
            action('reopen', '恢复档案', true)
          )}
        </Space>
      )}
      <div role="status" aria-live="polite">
        {done && (
          <Alert
            type={done.type}
            showIcon
            closable
            message={done.text}
            onClose={() => setRecorded(undefined)}
            style={{ marginBottom: 16 }}
          />
        )}
      </div>
      <HouseholdCard c={c} />
      <AssistanceCard c={c} />
      <ExternalCard c={c} />
      <HistoryCard c={c} />
      {dialog === 'visit' && <VisitDialog file={c} onClose={close} />}
      {dialog === 'reassess' && <ReassessDialog file={c} onClose={close} />}
      {dialog === 'pairing' && <PairingDialog file={c} onClose={close} />}
      {dialog === 'close' && <CloseDialog file={c} onClose={close} />}
      {dialog === 'reopen' && <ReopenDialog file={c} onClose={close} />}
      {dialog === 'assistance' && (
        <AssistanceDialog
          file={c}
          onClose={close}
          onRecorded={(a) => {
            setRecorded(a);
            close();
          }}
        />
      )}
    </>
  );
}
