import { Space, Typography } from 'antd';
import { formatYuan } from '../../format/money';
import { budgetSegments, budgetSummary, type BudgetFigures } from './budget';

const COLOURS = { disbursed: '#237804', reserved: '#d46b08', remaining: '#f0f0f0' } as const;

/**
 * The budget bar of a campaign: disbursed, reserved and remaining as segments whose widths grow
 * by their integer permille (flex-grow: no amount is ever divided as a float), and the same
 * figures as text beside it, so nothing is said by colour alone.
 */
export function BudgetBar({ campaign }: { campaign: BudgetFigures }) {
  const segments = budgetSegments(campaign);
  const filled = segments.filter((s) => s.key !== 'remaining').reduce((sum, s) => sum + s.permille, 0);
  return (
    <div>
      <div
        role="img"
        aria-label={`预算使用情况：${budgetSummary(campaign)}`}
        style={{
          display: 'flex',
          height: 18,
          borderRadius: 4,
          overflow: 'hidden',
          border: '1px solid #8c8c8c',
          background: COLOURS.remaining,
        }}
      >
        {segments.map((s) => (
          <span
            key={s.key}
            style={{
              flex: `${s.key === 'remaining' ? 1000 - filled : s.permille} 0 0`,
              background: COLOURS[s.key],
            }}
          />
        ))}
      </div>
      <Space size="large" wrap style={{ marginTop: 8 }}>
        <Typography.Text strong>预算 {formatYuan(campaign.budgetFen)}</Typography.Text>
        {segments.map((s) => (
          <Typography.Text key={s.key}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                marginRight: 6,
                background: COLOURS[s.key],
                border: '1px solid #8c8c8c',
              }}
            />
            {s.text}
          </Typography.Text>
        ))}
      </Space>
    </div>
  );
}
