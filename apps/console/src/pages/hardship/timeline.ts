import type { CaseDetail } from '../../api/client';
import { formatDate, formatInstant } from '../../format/date';
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  EVENT_LABELS,
  EXTERNAL_LABELS,
  labelOf,
  TIER_LABELS,
} from '../../format/labels';
import { formatYuan } from '../../format/money';
import { CLOSE_REASON_LABELS, MORE_EVENT_LABELS } from './hardship-labels';

export type HistoryEntry = CaseDetail['history']['entries'][number];

/** One line of the case file's timeline: when, what, with its figures, by whom, under which policy. */
export interface TimelineLine {
  readonly key: number;
  readonly when: string;
  readonly what: string;
  readonly detail: string;
  readonly by: string;
  /** The timeline dot's colour: a tier's change and a closing stand out. */
  readonly color: 'blue' | 'green' | 'red' | 'gray';
}

const tier = (t: unknown) => labelOf(TIER_LABELS, typeof t === 'string' ? t : undefined);
const yuan = (f: unknown) => (typeof f === 'number' ? formatYuan(f) : '');

/** The figures of one entry as a phrase (the API's `facts`; nothing is computed). */
function detailOf(e: HistoryEntry): string {
  const f = e.facts;
  switch (e.type) {
    case 'HardshipCaseOpened':
    case 'HardshipCaseReassessed':
    case 'HardshipCaseReopened': {
      const parts = [
        f.tier ? `认定为${tier(f.tier)}` : '',
        f.perCapitaIncomeFen !== undefined ? `人均月收入 ${yuan(f.perCapitaIncomeFen)}` : '',
        e.type === 'HardshipCaseReopened' && f.reason ? `理由：${f.reason}` : '',
      ];
      return parts.filter(Boolean).join('，');
    }
    case 'HardshipTierChanged':
      return `${tier(f.fromTier)} → ${tier(f.toTier)}`;
    case 'HomeVisitRecorded':
      return `${formatDate(f.visitedOn)}，走访人 ${f.visitor ?? '—'}`;
    case 'PairingAssigned':
      return `帮扶责任人 ${f.helperName ?? '—'}（${f.helperUnit ?? '—'}）`;
    case 'AssistanceRecorded':
      return [
        labelOf(ASSISTANCE_KIND_LABELS, f.kind),
        labelOf(ASSISTANCE_CATEGORY_LABELS, f.category),
        yuan(f.amountFen),
        f.status ? labelOf(ASSISTANCE_STATUS_LABELS, f.status) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'AssistanceApproved':
    case 'AssistanceRejected':
      return f.reason ? `理由：${f.reason}` : '';
    case 'HardshipCaseClosed':
      return `原因：${labelOf(CLOSE_REASON_LABELS, f.reason)}`;
    case 'ExternalAssistanceRecorded':
      return `${labelOf(EXTERNAL_LABELS, f.programme)} ${yuan(f.amountFen)}（${formatDate(f.occurredOn)}）`;
    default:
      return '';
  }
}

function colorOf(type: string): TimelineLine['color'] {
  if (type === 'HardshipCaseClosed') return 'red';
  if (type === 'HardshipTierChanged' || type === 'HardshipCaseReopened') return 'green';
  if (type === 'HardshipCaseOpened' || type === 'HardshipCaseReassessed') return 'blue';
  return 'gray';
}

/** The timeline of a case file, newest first. */
export function timelineLines(entries: readonly HistoryEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    lines.push({
      key: e.version,
      when: formatInstant(e.recordedAt),
      what: MORE_EVENT_LABELS[e.type] ?? labelOf(EVENT_LABELS, e.type),
      detail: detailOf(e),
      by: `经办人 ${e.actor ?? '—'}${e.policyVersion ? ` · 政策版本 ${e.policyVersion}` : ''}`,
      color: colorOf(e.type),
    });
  }
  return lines;
}
