import type { ReactNode } from 'react';
import { Alert, Descriptions, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import { mapProblem } from '../../api/problem';
import { formatDate, formatInstant } from '../../format/date';
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_KIND_LABELS,
  labelOf,
  TIER_LABELS,
} from '../../format/labels';
import { formatYuan } from '../../format/money';
import { bandText, EDUCATION_LEVEL_LABELS, type ApprovalItem, type Band } from './approval-text';
import { formatPercent } from './ratio';

/** A titled part of the drawer: a region named by its heading. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section role="region" aria-labelledby={id} style={{ marginBottom: 20 }}>
      <h3 id={id} style={{ fontSize: 15, margin: '0 0 8px' }}>
        {title}
      </h3>
      {children}
    </section>
  );
}

const Item = Descriptions.Item;

/** Everything the decision needs, as the inbox's API answered it (no figure computed here). */
export function ApprovalFigures({ item }: { item: ApprovalItem }) {
  switch (item.kind) {
    case 'assistance':
      return <AssistanceFigures item={item} />;
    case 'application':
      return <ApplicationFigures item={item} />;
    case 'claim':
      return <ClaimFigures item={item} />;
    case 'holidayBatch':
      return <BatchFigures item={item} />;
  }
}

function AssistanceFigures({ item }: { item: Extract<ApprovalItem, { kind: 'assistance' }> }) {
  const r = item.record;
  return (
    <>
      <Part id="fig-request" title="申请内容">
        <Descriptions bordered size="small" column={1}>
          <Item label="帮扶对象">
            {r.case.person.name}（{r.case.person.idNumberMasked}）{' '}
            <Link to={`/cases/${r.caseId}`}>查看档案</Link>
          </Item>
          <Item label="困难类型">{labelOf(TIER_LABELS, r.case.tier)}</Item>
          <Item label="所在单位">{r.case.unitId}</Item>
          <Item label="帮扶形式">
            {labelOf(ASSISTANCE_CATEGORY_LABELS, r.category)}（{labelOf(ASSISTANCE_KIND_LABELS, r.kind)}）
          </Item>
          <Item label="申请金额">{formatYuan(r.amountFen)}</Item>
          <Item label="事由">{r.description}</Item>
          <Item label="经费来源">
            {r.fund ? `${r.fund.name}（余额 ${formatYuan(r.fund.remainingFen)}）` : (r.fundSource ?? '—')}
          </Item>
          <Item label="申请人">
            {r.recordedBy} · {r.recordedAt ? formatInstant(r.recordedAt) : formatDate(r.recordedOn)}
          </Item>
        </Descriptions>
      </Part>
      <Part id="fig-cap" title={`${r.cap.year}年度帮扶与上限`}>
        <Descriptions bordered size="small" column={1}>
          <Item label="本年度已计入（含本笔）">{formatYuan(r.cap.usedFen)}</Item>
          <Item label="年度上限">{formatYuan(r.cap.capFen)}</Item>
          <Item label="年度尚余">{formatYuan(r.cap.remainingFen)}</Item>
          <Item label="审批标准">
            单笔 {formatYuan(r.cap.approvalThresholdFen)} 及以上须由第二位审核人审批（政策版本{' '}
            {r.cap.policyVersion}）
          </Item>
        </Descriptions>
      </Part>
    </>
  );
}

function ApplicationFigures({ item }: { item: Extract<ApprovalItem, { kind: 'application' }> }) {
  const r = item.record;
  const c = r.campaign;
  return (
    <>
      <Part id="fig-request" title="申请内容">
        <Descriptions bordered size="small" column={1}>
          <Item label="学生">
            {r.student.name}（{r.student.idNumberMasked}）
          </Item>
          <Item label="学段">{labelOf(EDUCATION_LEVEL_LABELS, r.student.level)}</Item>
          <Item label="学校">{r.student.school}</Item>
          <Item label="家长身份证号">{r.parent.idNumberMasked}</Item>
          <Item label="所在单位">{r.unitId}</Item>
          <Item label="助学金额">{formatYuan(r.amountFen)}</Item>
          <Item label="申请人">
            {r.submittedBy} · {formatInstant(r.submittedAt)}
            {r.auto ? '（常年帮扶对象自动续报）' : ''}
          </Item>
        </Descriptions>
      </Part>
      <Part id="fig-budget" title="活动预算">
        {c ? (
          <Descriptions bordered size="small" column={1}>
            <Item label="助学活动">
              {c.name}（{c.year}年）
            </Item>
            <Item label="预算总额">{formatYuan(c.budgetFen)}</Item>
            <Item label="已预留">{formatYuan(c.reservedFen)}</Item>
            <Item label="已发放">{formatYuan(c.disbursedFen)}</Item>
            <Item label="剩余预算">{formatYuan(c.remainingFen)}</Item>
          </Descriptions>
        ) : (
          <Typography.Text type="danger">活动预算暂时无法加载，批准时由系统核对预算。</Typography.Text>
        )}
      </Part>
    </>
  );
}

function ClaimFigures({ item }: { item: Extract<ApprovalItem, { kind: 'claim' }> }) {
  const api = useApi();
  const r = item.record;
  const b = r.bill;
  // The quote the approval would pay: the same approval as a dry run, against the cap left now
  // (the quote of the submission may be out of date once other claims of the member were approved).
  const preview = useQuery({
    queryKey: ['claim-approval-preview', r.claimId, r.version],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/medical-aid/claims/{claimId}/approve', {
          params: { path: { claimId: r.claimId }, query: { dryRun: 'true' } },
          body: {},
        }),
      ),
    staleTime: 0,
  });
  const q = preview.data?.quote ?? r.quote;
  return (
    <>
      <Part id="fig-request" title="住院信息">
        <Descriptions bordered size="small" column={1}>
          <Item label="会员">
            {r.member.name}（{r.member.idNumberMasked}）
          </Item>
          <Item label="所在单位">{r.unitId}</Item>
          <Item label="医院">{r.hospital}</Item>
          <Item label="住院日期">
            {formatDate(r.admittedOn)} 至 {formatDate(r.dischargedOn)}
          </Item>
          <Item label="申请人">
            {r.submittedBy} · {formatInstant(r.submittedAt)}
          </Item>
        </Descriptions>
      </Part>
      <Part id="fig-bill" title="费用清单">
        <Descriptions bordered size="small" column={1}>
          <Item label="医疗总费用">{formatYuan(b.totalFen)}</Item>
          <Item label="基本医保支付">{formatYuan(b.basicInsurancePaidFen)}</Item>
          <Item label="大病保险支付">{formatYuan(b.seriousIllnessInsurancePaidFen)}</Item>
          <Item label="医疗救助支付">{formatYuan(b.medicalAssistancePaidFen)}</Item>
          <Item label="单位补助">{formatYuan(b.employerPaidFen)}</Item>
          <Item label="其他支付">{formatYuan(b.otherPaidFen)}</Item>
        </Descriptions>
      </Part>
      <Part id="fig-quote" title="互助金测算（批准时）">
        {preview.isLoading && (
          <Spin tip="正在按当前剩余封顶额测算" style={{ display: 'block', margin: 16 }} />
        )}
        {preview.error && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={`批准时的测算暂时无法取得（${
              preview.error instanceof ApiProblem ? mapProblem(preview.error.problem).message : '请稍后再试'
            }），以下为提交时的测算`}
          />
        )}
        {preview.data && preview.data.quote.payoutFen !== r.quote.payoutFen && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={`提交时测算的应付互助金为 ${formatYuan(r.quote.payoutFen)}；其后该会员已有其他赔付，批准时按现在剩余的年度封顶额支付。`}
          />
        )}
        <Descriptions bordered size="small" column={1} style={{ marginBottom: 8 }}>
          <Item label="个人自付">{formatYuan(q.outOfPocketFen)}</Item>
          <Item label="起付线">{formatYuan(q.deductibleFen)}</Item>
          <Item label="可报销金额">{formatYuan(q.eligibleFen)}</Item>
        </Descriptions>
        <Table<Band>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={q.bands}
          columns={[
            { title: '分段', render: (_: unknown, _b: Band, i: number) => bandText(q.bands, i) },
            { title: '比例', dataIndex: 'ratioBp', render: (bp: number) => formatPercent(bp) },
            { title: '计算基数', dataIndex: 'baseFen', render: (f: number) => formatYuan(f) },
            { title: '金额', dataIndex: 'amountFen', render: (f: number) => formatYuan(f) },
          ]}
        />
        <Descriptions bordered size="small" column={1} style={{ marginTop: 8 }}>
          <Item label="年度封顶扣减">{formatYuan(q.capAppliedFen)}</Item>
          <Item label="应付互助金">{formatYuan(q.payoutFen)}</Item>
          <Item label="政策版本">{q.policyVersion}</Item>
        </Descriptions>
      </Part>
    </>
  );
}

function BatchFigures({ item }: { item: Extract<ApprovalItem, { kind: 'holidayBatch' }> }) {
  const r = item.record;
  const amounts = Object.entries(r.amountsByTierFen).filter(([, fen]) => fen !== undefined);
  return (
    <>
      <Part id="fig-request" title="批次内容">
        <Descriptions bordered size="small" column={1}>
          <Item label="批次名称">{r.name}</Item>
          <Item label="发放范围">{r.orgId} 及下级单位</Item>
          <Item label="慰问对象">{r.tiers.map((t) => labelOf(TIER_LABELS, t)).join('、')}</Item>
          <Item label="慰问标准">
            {amounts.map(([tier, fen]) => `${labelOf(TIER_LABELS, tier)}每户 ${formatYuan(fen)}`).join('；')}
          </Item>
          <Item label="发放日期">{formatDate(r.paidOn)}</Item>
          <Item label="编制人">
            {r.preparedBy} · {formatInstant(r.preparedAt)}
          </Item>
        </Descriptions>
      </Part>
      <Part id="fig-totals" title="批次合计">
        <Descriptions bordered size="small" column={1}>
          <Item label="纳入户数">{r.totals.includedCount} 户</Item>
          <Item label="发放总额">{formatYuan(r.totals.totalFen)}</Item>
          <Item label="未纳入户数">{r.totals.excludedCount} 户</Item>
          <Item label="经费来源">
            {r.fund ? `${r.fund.name}（余额 ${formatYuan(r.fund.remainingFen)}）` : r.fundId}
          </Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          批准时如经费余额不足以支付整批，系统将整批退回，不会部分发放。
        </Typography.Paragraph>
      </Part>
    </>
  );
}
