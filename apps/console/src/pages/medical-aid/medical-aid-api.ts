import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap, type Schemas } from '../../api/client';

// 医疗互助's types, all generated from the gateway's OpenAPI document (src/api/schema.d.ts).
export type Period = Schemas['Period'];
export type Claim = Schemas['Claim'];
export type ClaimPreview = Schemas['ClaimPreview'];
export type Quote = Claim['quote'];
export type Bill = Claim['bill'];
export type Band = Period['rules']['inpatient']['bands'][number];
export type EnrollmentResult = Schemas['EnrollmentResult'];
export type SubmitClaimBody = Schemas['SubmitClaim'];

/** Every period, newest first (a few a year: one page holds them). */
export function usePeriods() {
  const api = useApi();
  return useQuery({
    queryKey: ['medical-aid', 'periods'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/medical-aid/periods', { params: { query: { pageSize: '100' } } })),
  });
}

/** One period, with its rules. */
export function usePeriod(periodId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['medical-aid', 'period', periodId],
    enabled: periodId !== '',
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/medical-aid/periods/{periodId}', { params: { path: { periodId } } })),
  });
}

/** One claim. */
export function useClaim(claimId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['medical-aid', 'claim', claimId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/medical-aid/claims/{claimId}', { params: { path: { claimId } } })),
  });
}
