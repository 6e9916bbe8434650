import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { ExportButton } from '../../export/export-button';
import type { FigureTable } from '../../export/figure-table';
import { FigureTableView } from '../../export/figure-table-view';
import { chinaDateOf } from '../../format/date';
import { checkIdNumber } from '../../id-number/id-number';
import { RevealIdNumber } from '../../id-number/reveal-id-number';
import {
  applicationsTable,
  assistanceTable,
  casesTable,
  claimsTable,
  membershipsTable,
  nameOf,
  receivedTable,
  UNAVAILABLE,
  type PersonView,
} from './person-tables';

/** 人员查询 (CONSOLE.md, caseworker task 8): a person's family across the three programmes. */
export default function PeoplePage() {
  const { idNumber = '' } = useParams();
  const navigate = useNavigate();
  const today = chinaDateOf(new Date());
  const [typed, setTyped] = useState(idNumber);
  const check = checkIdNumber(typed, today);
  const asked = checkIdNumber(idNumber, today);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        人员查询
      </Typography.Title>
      <Card role="region" aria-labelledby="people-search" style={{ marginBottom: 16 }}>
        <h2 id="people-search" style={{ fontSize: 16, marginTop: 0 }}>
          按身份证号码查询
        </h2>
        <Form
          layout="inline"
          onFinish={() => {
            if (check.state === 'valid') void navigate(`/people/${check.value}`);
          }}
        >
          <Form.Item
            label="身份证号码"
            htmlFor="people-id-number"
            validateStatus={
              check.state === 'invalid' ? 'error' : check.state === 'valid' ? 'success' : undefined
            }
            help={check.state === 'empty' ? '输入 18 位身份证号码，输入时即校验' : check.message}
          >
            <Input
              id="people-id-number"
              value={typed}
              onChange={(e) => setTyped(e.target.value.toUpperCase())}
              maxLength={18}
              autoComplete="off"
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" disabled={check.state !== 'valid'}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {idNumber !== '' &&
        (asked.state === 'valid' ? (
          <PersonResult idNumber={asked.value} year={today.slice(0, 4)} />
        ) : (
          <Alert
            type="error"
            showIcon
            message={asked.state === 'empty' ? '请输入身份证号码' : asked.message}
          />
        ))}
    </>
  );
}

function PersonResult({ idNumber, year }: { idNumber: string; year: string }) {
  const api = useApi();
  const person = useQuery({
    queryKey: ['person', idNumber],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/people/{idNumber}', { params: { path: { idNumber } } })),
  });
  const periodIds = [...new Set((person.data?.medicalAid.records?.memberships ?? []).map((m) => m.periodId))];
  const periods = useQueries({
    queries: periodIds.map((periodId) => ({
      queryKey: ['period', periodId],
      queryFn: async () =>
        unwrap(await api.GET('/api/v1/medical-aid/periods/{periodId}', { params: { path: { periodId } } })),
      staleTime: Infinity,
    })),
  });
  if (person.isLoading) return <Spin tip="正在查询" style={{ display: 'block', margin: 32 }} />;
  if (person.isError || !person.data) {
    const why = person.error instanceof ApiProblem ? mapProblem(person.error.problem).message : '请稍后重试';
    return <Alert type="error" showIcon message={`查询未成功：${why}`} />;
  }
  const view: PersonView = person.data;
  const periodName = (id: string) => periods[periodIds.indexOf(id)]?.data?.name ?? '—';
  const received = receivedTable(view, year);
  const parts = {
    hardship: view.hardship.available && view.hardship.records,
    grants: view.grants.available && view.grants.records,
    medicalAid: view.medicalAid.available && view.medicalAid.records,
  };
  const exported = (): FigureTable[] => [
    received,
    ...(parts.hardship ? [casesTable(parts.hardship), assistanceTable(parts.hardship)] : []),
    ...(parts.grants ? [applicationsTable(parts.grants)] : []),
    ...(parts.medicalAid
      ? [membershipsTable(parts.medicalAid, periodName), claimsTable(parts.medicalAid)]
      : []),
  ];
  const name = nameOf(view);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {name ? `${name}（${view.idNumberMasked}）` : view.idNumberMasked}
        </Typography.Title>
        <RevealIdNumber
          masked={view.idNumberMasked}
          reveal={async (purpose) =>
            unwrap(await api.GET('/api/v1/people/{idNumber}', { params: { path: { idNumber }, query: { purpose } } }))
              .idNumber ?? null
          }
        />
        <ExportButton filename={`人员查询-${view.idNumberMasked}`} tables={exported} />
      </Space>
      <Programme id="people-received" title={`${year}年已领取（三个项目合计）`}>
        <FigureTableView table={received} hideCaption testId="people-received" />
        {view.receivedThisYearFen.total === null && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            有项目暂时无法查询，合计暂不显示，请稍后刷新。
          </Typography.Paragraph>
        )}
      </Programme>
      <Programme id="people-hardship" title="困难职工档案">
        {parts.hardship ? (
          <>
            <FigureTableView
              table={casesTable(parts.hardship)}
              empty="无困难职工档案"
              cell={(r, c, text) =>
                c === 0 && parts.hardship ? (
                  <Link to={`/cases/${parts.hardship.cases[r].caseId}`}>{text}</Link>
                ) : (
                  text
                )
              }
            />
            <div style={{ height: 16 }} />
            <FigureTableView table={assistanceTable(parts.hardship)} empty="无帮扶救助记录" />
          </>
        ) : (
          <Unavailable programme="困难职工档案" />
        )}
      </Programme>
      <Programme id="people-grants" title="金秋助学">
        {parts.grants ? (
          <FigureTableView table={applicationsTable(parts.grants)} empty="无金秋助学申请" />
        ) : (
          <Unavailable programme="金秋助学" />
        )}
      </Programme>
      <Programme id="people-medical-aid" title="医疗互助">
        {parts.medicalAid ? (
          <>
            <FigureTableView table={membershipsTable(parts.medicalAid, periodName)} empty="未参加医疗互助" />
            <div style={{ height: 16 }} />
            <FigureTableView table={claimsTable(parts.medicalAid)} empty="无理赔记录" />
          </>
        ) : (
          <Unavailable programme="医疗互助" />
        )}
      </Programme>
    </Space>
  );
}

function Programme({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      role="region"
      aria-labelledby={id}
      title={
        <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </h2>
      }
    >
      {children}
    </Card>
  );
}

/** A programme whose service did not answer: said so, never shown as "nothing there". */
function Unavailable({ programme }: { programme: string }) {
  return <Alert type="warning" showIcon message={`${programme}${UNAVAILABLE}，请稍后刷新页面重试。`} />;
}
