import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Spin, Table, Typography, Upload } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { chinaDateOf, formatDate } from '../../format/date';
import { formatYuan } from '../../format/money';
import { saveFile } from '../../roster/download';
import { failedRows, maskIdNumber, rowOutcomes } from '../../roster/enrollment-outcome';
import { loadExcel, xlsxBytes } from '../../roster/excel';
import type { RosterReading, UnreadableRow } from '../../roster/read-roster';
import { readRosterFile } from '../../roster/read-roster-file';
import { failedRowsWorkbook, rosterTemplate } from '../../roster/roster-files';
import { failureText } from './medical-aid-labels';
import { usePeriod } from './medical-aid-api';
import { chineseArrows } from './pagination';
import { Region } from './region';
import { RosterOutcomes } from './roster-outcomes';
import { useRosterSubmission } from './roster-submission';

const TEMPLATE_FILE = '职工医疗互助登记名册模板.xlsx';

/** What was chosen and read, before anything is sent. */
type Chosen = { fileName: string; reading: RosterReading | undefined };

/** 名册登记: a unit's members enrolled by uploading its roster (CONSOLE.md, caseworker 7). */
export default function EnrollRoster() {
  const { periodId = '' } = useParams();
  const { session } = useAuth();
  const period = usePeriod(periodId);
  const units = (session?.units ?? []).filter((u) => u !== '*');
  const [unitId, setUnitId] = useState(units[0] ?? '');
  const [paymentRef, setPaymentRef] = useState('');
  const [chosen, setChosen] = useState<Chosen>();
  const [downloadError, setDownloadError] = useState<string>();
  const { submission, submit, resume, reset } = useRosterSubmission(periodId);
  const today = chinaDateOf(new Date());

  const outcomes = useMemo(
    () =>
      submission && chosen?.reading?.ok
        ? rowOutcomes(submission.chunks, submission.answers, chosen.reading.unreadable, today)
        : undefined,
    [submission, chosen, today],
  );

  const choose = (file: File) => {
    reset();
    setChosen({ fileName: file.name, reading: undefined });
    void readRosterFile(file).then(
      (reading) => setChosen({ fileName: file.name, reading }),
      () => setChosen({ fileName: file.name, reading: { ok: false, problem: '无法读取这个文件' } }),
    );
    return false;
  };

  const download = async (what: 'template' | 'failed') => {
    setDownloadError(undefined);
    try {
      const excel = await loadExcel();
      if (what === 'template') saveFile(await xlsxBytes(rosterTemplate(excel)), TEMPLATE_FILE);
      else if (outcomes) {
        const name = `${period.data?.name ?? '医疗互助'}-未通过的行.xlsx`;
        saveFile(await xlsxBytes(failedRowsWorkbook(excel, failedRows(outcomes))), name);
      }
    } catch {
      setDownloadError('文件生成未成功，请稍后再试');
    }
  };

  if (period.isLoading) return <Spin style={{ display: 'block', margin: 64 }} tip="正在加载期次" />;
  if (period.error || !period.data) {
    return <Alert type="error" showIcon message={failureText(period.error, '期次加载未成功')} />;
  }
  const p = period.data;
  const reading = chosen?.reading;
  const finished = submission !== undefined && !submission.sending;
  const sendable = reading?.ok ? reading.members.length : 0;
  const ready = sendable > 0 && unitId !== '' && paymentRef.trim() !== '' && !submission;
  const send = () => {
    if (reading?.ok) submit(reading.members, unitId, paymentRef.trim());
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        名册登记 · {p.name}
      </Typography.Title>
      <Typography.Paragraph>
        登记时间 {formatDate(p.enrollmentOpensOn)} 至 {formatDate(p.enrollmentClosesOn)}，年度会费每人{' '}
        {formatYuan(p.contributionFen)}
        。名册须有“身份证号码”“姓名”“是否参加职工基本医疗保险”三列，可下载模板填写。{' '}
        {/* Underlined: a link inside a sentence must not be told by its colour alone (axe). */}
        <Link to={`/medical-aid/periods/${p.periodId}`} style={{ textDecoration: 'underline' }}>
          查看本期规则
        </Link>
      </Typography.Paragraph>
      <Region
        id="roster-upload"
        title="上传名册"
        extra={<Button onClick={() => void download('template')}>下载名册模板</Button>}
      >
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Space size="large" wrap>
            <Form.Item label="登记单位" htmlFor="roster-unit" required>
              <Select
                id="roster-unit"
                style={{ width: 220 }}
                value={unitId}
                onChange={setUnitId}
                disabled={!!submission}
                options={units.map((u) => ({ value: u, label: u }))}
              />
            </Form.Item>
            <Form.Item label="缴费凭证号" htmlFor="roster-payment" required>
              <Input
                id="roster-payment"
                style={{ width: 260 }}
                value={paymentRef}
                maxLength={100}
                disabled={!!submission}
                onChange={(e) => setPaymentRef(e.target.value)}
              />
            </Form.Item>
          </Space>
          <Form.Item label="名册文件（.xlsx 或 .csv）">
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={choose}
              disabled={submission?.sending}
            >
              <Button>选择名册文件</Button>
            </Upload>
            {chosen && <Typography.Text style={{ marginLeft: 12 }}>{chosen.fileName}</Typography.Text>}
          </Form.Item>
        </Form>
        {downloadError && <Alert type="error" showIcon message={downloadError} />}
      </Region>
      {chosen && (
        <Region id="roster-reading" title="名册读取结果">
          {!reading && <Spin tip="正在读取名册" />}
          {reading && !reading.ok && <Alert type="error" showIcon message={reading.problem} />}
          {reading?.ok && (
            <ReadingPreview
              sendable={sendable}
              unreadable={reading.unreadable}
              action={
                <Button type="primary" disabled={!ready} onClick={send}>
                  提交登记（{sendable} 人）
                </Button>
              }
            />
          )}
        </Region>
      )}
      {submission && (
        <Region id="roster-result" title="登记结果">
          {submission.sending && (
            <Spin
              tip={`正在提交（${submission.answers.filter(Boolean).length} / ${submission.chunks.length} 批）`}
            />
          )}
          {submission.failure && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={submission.failure}
              action={<Button onClick={() => resume(unitId, paymentRef.trim())}>继续提交</Button>}
            />
          )}
          {finished && outcomes && (
            <RosterOutcomes outcomes={outcomes} onDownloadFailed={() => void download('failed')} />
          )}
        </Region>
      )}
    </>
  );
}

/** What was read, before sending: how many rows go, and the rows that cannot, with why. */
function ReadingPreview({
  sendable,
  unreadable,
  action,
}: {
  sendable: number;
  unreadable: readonly UnreadableRow[];
  action: React.ReactNode;
}) {
  return (
    <>
      <Typography.Paragraph>
        可提交 {sendable} 行，无法读取 {unreadable.length} 行
        {unreadable.length > 0 ? '（不会提交，见下表）' : ''}。
      </Typography.Paragraph>
      {unreadable.length > 0 && (
        <Table<UnreadableRow>
          rowKey="rowNumber"
          size="small"
          style={{ marginBottom: 12 }}
          pagination={unreadable.length > 10 ? { pageSize: 10, itemRender: chineseArrows } : false}
          dataSource={[...unreadable]}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 72 },
            { title: '身份证号码', dataIndex: 'idNumber', render: (id: string) => maskIdNumber(id) || '—' },
            { title: '姓名', dataIndex: 'name', render: (n: string) => n || '—' },
            { title: '无法读取的原因', dataIndex: 'reason' },
          ]}
        />
      )}
      {action}
    </>
  );
}
