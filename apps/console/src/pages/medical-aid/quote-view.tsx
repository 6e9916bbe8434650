import { Descriptions, Table } from 'antd';
import { formatYuan } from '../../format/money';
import { bandRange } from './band-range';
import type { Quote } from './medical-aid-api';
import { formatBp } from './ratio';

type BandPart = Quote['bands'][number];

/**
 * A claim's quote as the API computed it (DOMAIN.md §3): out-of-pocket, the deductible, the
 * eligible amount, each band's base and amount, the cap (what was left of it, when known, and
 * what it cut) and the payout. Nothing here is computed: every figure is the API's.
 */
export function QuoteView({ quote, capLeftFen }: { quote: Quote; capLeftFen?: number }) {
  return (
    <>
      <Table<BandPart & { key: number }>
        size="small"
        pagination={false}
        style={{ marginBottom: 12 }}
        dataSource={quote.bands.map((b, i) => ({ ...b, key: i }))}
        columns={[
          {
            title: '分段（超过起付线的部分）',
            key: 'range',
            render: (_, _b, i) => `第 ${i + 1} 段：${bandRange(quote.bands, i)}`,
          },
          {
            title: '计入本段金额',
            dataIndex: 'baseFen',
            align: 'right',
            render: (f: number) => formatYuan(f),
          },
          { title: '互助比例', dataIndex: 'ratioBp', align: 'right', render: (bp: number) => formatBp(bp) },
          {
            title: '本段互助金',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => formatYuan(f),
          },
        ]}
      />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label="个人自付费用">{formatYuan(quote.outOfPocketFen)}</Descriptions.Item>
        <Descriptions.Item label="起付线">{formatYuan(quote.deductibleFen)}</Descriptions.Item>
        <Descriptions.Item label="可互助金额">{formatYuan(quote.eligibleFen)}</Descriptions.Item>
        {capLeftFen !== undefined && (
          <Descriptions.Item label="年度封顶剩余">{formatYuan(capLeftFen)}</Descriptions.Item>
        )}
        <Descriptions.Item label="封顶扣减">{formatYuan(quote.capAppliedFen)}</Descriptions.Item>
        <Descriptions.Item label="互助金">
          <strong>{formatYuan(quote.payoutFen)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="政策版本">{quote.policyVersion}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
