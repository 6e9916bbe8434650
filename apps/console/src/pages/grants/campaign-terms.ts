import type { Schemas } from '../../api/client';
import { formatYuan } from '../../format/money';
import { LEVEL_LABELS, LEVELS } from './grants-labels';

export type Campaign = Schemas['Campaign'];

/** `高中 2,000.00 元、本科 5,000.00 元`: the levels the campaign funds, in school order. */
export function fundedLevelsText(c: Pick<Campaign, 'amountsByLevelFen'>): string {
  const funded = LEVELS.filter((l) => c.amountsByLevelFen[l] !== undefined);
  if (funded.length === 0) return '—';
  return funded.map((l) => `${LEVEL_LABELS[l]} ${formatYuan(c.amountsByLevelFen[l] ?? 0)}`).join('、');
}
