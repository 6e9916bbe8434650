import type { Schemas } from '../../api/client';
import { CASE_STATUS_LABELS, labelOf } from '../../format/labels';
import { tierPreviewText } from './tier-preview';

export type ReassessmentPreview = Schemas['ReassessmentPreview'];

/**
 * What the reassessment form shows from the dry run: the tier the review would give and the line
 * it was judged against, or that the case would close as out of hardship (the API's answer).
 */
export function reassessPreviewText(preview: ReassessmentPreview): {
  tier: string;
  line: string;
  closes: boolean;
} {
  const { line } = tierPreviewText(preview);
  if (preview.status === 'closed') {
    return {
      tier: `复核结果：不再符合困难职工认定条件，保存后档案将${labelOf(CASE_STATUS_LABELS, 'closed')}（已脱困）`,
      line,
      closes: true,
    };
  }
  return { tier: tierPreviewText(preview).tier.replace('认定结果', '复核结果'), line, closes: false };
}
