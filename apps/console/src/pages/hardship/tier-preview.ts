import type { CasePreview } from '../../api/client';
import { formatYuan } from '../../format/money';
import { labelOf, TIER_LABELS } from '../../format/labels';

/** The sentence the 建档 form shows from the dry run: the tier and the line it was judged against. */
export function tierPreviewText(preview: Pick<CasePreview, 'tier' | 'policyVersion' | 'assessment'>): {
  tier: string;
  line: string;
} {
  const a = preview.assessment;
  const income = `家庭人均月收入 ${formatYuan(a.perCapitaIncomeFen)}`;
  const minimum = `低保标准 ${formatYuan(a.minimumLivingStandardFen)}`;
  const relative = `相对困难标准 ${formatYuan(a.relativeLineFen)}`;
  let line: string;
  if (a.tier === 'deep') line = `${income}，不高于${minimum}`;
  else if (a.tier === 'relative') line = `${income}，高于${minimum}，不高于${relative}`;
  else if (a.tier === 'emergency') line = `${income}，高于${relative}；一次性意外支出不低于家庭12个月收入`;
  else line = `${income}，高于${relative}`;
  return {
    tier: `认定结果：${labelOf(TIER_LABELS, preview.tier)}`,
    line: `${line}（政策版本 ${preview.policyVersion}）`,
  };
}
