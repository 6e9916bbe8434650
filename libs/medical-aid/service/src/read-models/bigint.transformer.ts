import type { ValueTransformer } from 'typeorm';

/** `bigint` columns hold fen; pg returns them as text, the read models use numbers (safe below 2^53). */
export const FEN_COLUMN: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
