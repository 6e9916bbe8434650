import { useMemo, useState } from 'react';
import { Button, Radio, Space, Table, Tag, Typography } from 'antd';
import {
  countOutcomes,
  failedRows,
  maskIdNumber,
  OUTCOME_LABELS,
  type RowOutcome,
  type RowOutcomeKind,
} from '../../roster/enrollment-outcome';
import { chineseArrows } from './pagination';

/** Dark tag colours (white text on them passes WCAG AA); the words say the outcome, not the colour. */
const COLORS: Record<RowOutcomeKind, string> = {
  enrolled: '#237804',
  waived: '#006d75',
  duplicate: '#874d00',
  rejected: '#a8071a',
  unreadable: '#ad2102',
  unsent: '#595959',
  unknown: '#595959',
};

/** The sentence of a roster's outcome counts (every kind that occurred). */
export function outcomeSummary(outcomes: readonly RowOutcome[]): string {
  const c = countOutcomes(outcomes);
  const parts = [
    `登记 ${c.enrolled + c.waived} 人${c.waived > 0 ? `（其中工会兜底 ${c.waived} 人）` : ''}`,
    `重复 ${c.duplicate} 人`,
    `未通过 ${c.rejected} 行`,
    `无法读取 ${c.unreadable} 行`,
    ...(c.unsent > 0 ? [`未提交 ${c.unsent} 行`] : []),
    ...(c.unknown > 0 ? [`结果待核对 ${c.unknown} 行`] : []),
  ];
  return `${parts.join('，')}。`;
}

type Filter = 'all' | 'passed' | 'duplicate' | 'failed';
const FILTERS: Record<Filter, (o: RowOutcome) => boolean> = {
  all: () => true,
  passed: (o) => o.kind === 'enrolled' || o.kind === 'waived',
  duplicate: (o) => o.kind === 'duplicate',
  failed: (o) => failedRows([o]).length === 1 || o.kind === 'unsent' || o.kind === 'unknown',
};

/** Each row of the roster with what became of it and why; the rows that did not pass to download. */
export function RosterOutcomes({
  outcomes,
  onDownloadFailed,
}: {
  outcomes: readonly RowOutcome[];
  onDownloadFailed: () => void;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const shown = useMemo(() => outcomes.filter(FILTERS[filter]), [outcomes, filter]);
  const failed = failedRows(outcomes).length;
  return (
    <>
      <Typography.Paragraph aria-live="polite">{outcomeSummary(outcomes)}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group
          aria-label="按结果筛选"
          optionType="button"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          options={[
            { value: 'all', label: `全部（${outcomes.length}）` },
            { value: 'passed', label: '已登记' },
            { value: 'duplicate', label: '重复' },
            { value: 'failed', label: '未通过' },
          ]}
        />
        <Button onClick={onDownloadFailed} disabled={failed === 0}>
          下载未通过的行{failed > 0 ? `（${failed} 行）` : ''}
        </Button>
      </Space>
      <Table<RowOutcome>
        rowKey="rowNumber"
        size="small"
        dataSource={shown}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 行`,
          itemRender: chineseArrows,
        }}
        columns={[
          { title: '行号', dataIndex: 'rowNumber', width: 72 },
          { title: '身份证号码', dataIndex: 'idNumber', render: (id: string) => maskIdNumber(id) || '—' },
          { title: '姓名', dataIndex: 'name', render: (n: string) => n || '—' },
          {
            title: '结果',
            dataIndex: 'kind',
            render: (k: RowOutcomeKind) => <Tag color={COLORS[k]}>{OUTCOME_LABELS[k]}</Tag>,
          },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
