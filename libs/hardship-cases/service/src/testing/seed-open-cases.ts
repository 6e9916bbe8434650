import { randomUUID } from 'node:crypto';
import { handleCommandsInBulk, loadState } from '@union/event-store';
import {
  caseDecider,
  caseStreamId,
  policyInForce,
  policyStreamId,
  regionPolicyDecider,
  type OpenCase,
} from '@union/hardship-cases/domain';
import { chinaToday, maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import type { ServiceInfra } from '@union/runtime';

export interface SeedOpenCases {
  /** The n-th person's identity number (distinct for every n). */
  idOf: (n: number) => string;
  count: number;
  unitId: string;
  regionCode: string;
  actor: string;
}

/**
 * Opens `count` deep-hardship cases through the case decider and the service's own projections,
 * in bulk (the batch runner's path), with the person refs the service computes: what an opening
 * over HTTP stores, thousands of times faster. For tests and benchmarks. Returns the case ids.
 */
export async function seedOpenCases(
  infra: ServiceInfra,
  personRefSecret: string,
  { idOf, count, unitId, regionCode, actor }: SeedOpenCases,
): Promise<string[]> {
  const policy = policyInForce(
    (await loadState(infra.store, regionPolicyDecider, policyStreamId(regionCode))).state,
  );
  const now = new Date();
  const caseIds: string[] = [];
  for (let from = 0; from < count; from += 1_000) {
    const commands = Array.from({ length: Math.min(1_000, count - from) }, (_, i) => {
      const id = parseIdNumber(idOf(from + i));
      const caseId = randomUUID();
      caseIds.push(caseId);
      const ref = personRef(personRefSecret, id);
      const command: OpenCase = {
        type: 'OpenCase',
        caseId,
        personRef: ref,
        idNumberMasked: maskIdNumber(id),
        name: '王建国',
        unitId,
        regionCode,
        household: { size: 4, monthlyIncomeFen: 300_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
        policy,
        actor,
        now: now.toISOString(),
        today: chinaToday(now),
      };
      return { streamId: caseStreamId(caseId), command, personRef: ref };
    });
    await infra.dataSource.transaction((tx) =>
      handleCommandsInBulk(infra.store, caseDecider, commands, {
        streamType: 'case',
        metadata: { actor, policyVersion: policy.policyVersion },
        tx,
      }),
    );
  }
  return caseIds;
}
