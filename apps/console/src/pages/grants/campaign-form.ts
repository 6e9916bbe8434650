import type { Schemas } from '../../api/client';
import { parseYuan } from '../../format/money';
import { LEVELS, TIERS, type Level, type Tier } from './grants-labels';

export type CreateCampaignBody = Schemas['CreateCampaign'];

/** What the admin types in the campaign form: amounts in yuan as text, dates ISO. */
export interface CampaignFormValues {
  year?: number;
  name?: string;
  budget?: string;
  opensOn?: string;
  closesOn?: string;
  schoolStartOn?: string;
  /** Yuan per level; a level left blank is not funded. */
  amounts?: Partial<Record<Level, string>>;
  eligibleTiers?: Tier[];
}

/** A form field's name path. */
export type FieldPath = string | (string | number)[];

/**
 * The request body of `POST /campaigns` from the form, amounts read as fen from their digits
 * (`parseYuan`, never a float), or the fields that are not amounts at all. Whether the terms make
 * a campaign (dates in order, at least one level funded…) is the API's to say.
 */
export function campaignBodyOf(
  v: CampaignFormValues,
): { body: CreateCampaignBody } | { errors: [FieldPath, string][] } {
  const errors: [FieldPath, string][] = [];
  const budgetFen = parseYuan(v.budget ?? '');
  if (budgetFen === undefined) errors.push(['budget', '请输入预算金额（元），最多两位小数']);
  const amountsByLevelFen: Partial<Record<Level, number>> = {};
  for (const level of LEVELS) {
    const typed = (v.amounts?.[level] ?? '').trim();
    if (typed === '') continue;
    const fen = parseYuan(typed);
    if (fen === undefined) errors.push([['amounts', level], '请输入金额（元），最多两位小数']);
    else amountsByLevelFen[level] = fen;
  }
  if (errors.length > 0 || budgetFen === undefined) return { errors };
  return {
    body: {
      year: v.year ?? 0,
      name: (v.name ?? '').trim(),
      budgetFen,
      opensOn: v.opensOn ?? '',
      closesOn: v.closesOn ?? '',
      schoolStartOn: v.schoolStartOn ?? '',
      amountsByLevelFen,
      ...(v.eligibleTiers ? { eligibleTiers: TIERS.filter((t) => v.eligibleTiers?.includes(t)) } : {}),
    },
  };
}

/** The form field an API field of `POST /campaigns` is typed in. */
export function campaignFormField(apiField: string): FieldPath {
  if (apiField === 'budgetFen') return 'budget';
  const level = /^amountsByLevelFen\.(.+)$/.exec(apiField)?.[1];
  if (level) return ['amounts', level];
  if (apiField === 'amountsByLevelFen') return ['amounts', LEVELS[0]];
  if (/^eligibleTiers/.test(apiField)) return 'eligibleTiers';
  return apiField;
}
