import { parseYuan } from '../../format/money';

/** The assistance dialog's fields as typed. */
export interface AssistanceValues {
  kind?: string;
  category?: string;
  amount?: string;
  fundId?: string;
  description?: string;
}

export interface AssistanceBody {
  kind: 'cash' | 'goods' | 'service';
  category: 'living' | 'medical' | 'education' | 'holiday' | 'emergency';
  amountFen: number;
  fundId: string;
  description: string;
}

/**
 * The request body of the assistance dialog, the amount typed in yuan as integer fen (parseYuan:
 * through the digits, never a float), or undefined while a field is missing or not an amount.
 */
export function assistanceBody(v: AssistanceValues): AssistanceBody | undefined {
  const amountFen = parseYuan(v.amount ?? '');
  const description = v.description?.trim();
  if (!v.kind || !v.category || !v.fundId || !description || amountFen === undefined || amountFen < 1) {
    return undefined;
  }
  return {
    kind: v.kind as AssistanceBody['kind'],
    category: v.category as AssistanceBody['category'],
    amountFen,
    fundId: v.fundId,
    description,
  };
}
