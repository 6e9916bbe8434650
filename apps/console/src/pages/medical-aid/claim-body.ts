import { parseYuan } from '../../format/money';
import { checkIdNumber } from '../../id-number/id-number';
import type { SubmitClaimBody } from './medical-aid-api';

/** The bill's six amounts, as the form names them, with the API's field and the label. */
export const BILL_FIELDS = [
  ['total', 'totalFen', '医疗总费用（元）'],
  ['basic', 'basicInsurancePaidFen', '基本医疗保险已支付（元）'],
  ['serious', 'seriousIllnessInsurancePaidFen', '大病保险已支付（元）'],
  ['assistance', 'medicalAssistancePaidFen', '医疗救助已支付（元）'],
  ['employer', 'employerPaidFen', '单位已支付（元）'],
  ['other', 'otherPaidFen', '其他已支付（元）'],
] as const;

type BillName = (typeof BILL_FIELDS)[number][0];

/** The claim form (申请互助金) as typed: amounts in yuan, dates ISO. */
export type ClaimFormValues = {
  readonly periodId?: string;
  readonly idNumber?: string;
  readonly hospital?: string;
  readonly admittedOn?: string;
  readonly dischargedOn?: string;
  readonly diagnosisCode?: string;
} & { readonly [K in BillName]?: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `POST /claims` body of what was typed, or undefined while a field is missing or cannot be
 * read (an identity number that fails its check, an amount that is not yuan with at most two
 * decimals). Whether the claim is eligible, and what it pays, is the API's to say.
 */
export function claimBodyOf(v: ClaimFormValues, today: string): SubmitClaimBody | undefined {
  const id = checkIdNumber(v.idNumber ?? '', today);
  if (!v.periodId || id.state !== 'valid' || !v.hospital?.trim() || !v.diagnosisCode?.trim())
    return undefined;
  if (!ISO.test(v.admittedOn ?? '') || !ISO.test(v.dischargedOn ?? '')) return undefined;
  const bill = {} as Record<(typeof BILL_FIELDS)[number][1], number>;
  for (const [name, field] of BILL_FIELDS) {
    const fen = parseYuan(v[name] ?? '');
    if (fen === undefined) return undefined;
    bill[field] = fen;
  }
  return {
    periodId: v.periodId,
    idNumber: id.value,
    hospital: v.hospital.trim(),
    admittedOn: v.admittedOn as string,
    dischargedOn: v.dischargedOn as string,
    diagnosisCode: v.diagnosisCode.trim(),
    bill,
  };
}

/** The form's field for each of the API's field paths, so a problem's field errors land under their input. */
export const CLAIM_FORM_FIELD: Readonly<Record<string, keyof ClaimFormValues>> = {
  periodId: 'periodId',
  idNumber: 'idNumber',
  hospital: 'hospital',
  admittedOn: 'admittedOn',
  dischargedOn: 'dischargedOn',
  diagnosisCode: 'diagnosisCode',
  bill: 'total',
  ...Object.fromEntries(BILL_FIELDS.map(([name, field]) => [`bill.${field}`, name])),
};
