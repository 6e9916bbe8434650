import type { ColumnOptions } from 'typeorm';

/**
 * A fen amount column: `bigint`, since sums and amounts can pass 2^31 fen, read back as a number
 * (pg returns bigint as text; amounts stay well inside Number's safe range).
 */
export const FEN_COLUMN: ColumnOptions = {
  type: 'bigint',
  transformer: {
    to: (value: number | null) => value,
    from: (value: string | null) => (value === null ? null : Number(value)),
  },
};
