import { Inject, Injectable } from '@nestjs/common';
import { parseIdNumber, personRef } from '@union/kernel';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { scrubReadModels } from './personal-read-models';

/** The stream of one person's privacy requests in a service: `privacy-<personRef>`. */
export const privacyStreamId = (ref: string): string => `privacy-${ref}`;

export interface ErasureRequest {
  readonly requestId: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly actor: string;
}

export interface ErasureOutcome {
  readonly service: string;
  readonly outcome: 'erased' | 'already_erased';
  readonly erasedAt: string;
  /** Read-model rows whose personal fields were scrubbed. */
  readonly rowsScrubbed: number;
}

/**
 * Erasure of a person's personal data in this service (DOMAIN.md §5, issue 18), in one
 * transaction: the person's data key destroyed (every event stays, every chain and seal still
 * verifies; their fields read as erased from then on, in every read and every rebuild), the
 * copies the read models hold scrubbed, the snapshots of their streams dropped (a snapshot is a
 * cache of a fold over the events, and would keep the plain values), and the request itself
 * recorded as an event (`PersonalDataErased`, with no personal field).
 */
@Injectable()
export class PrivacyService {
  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  refOf(idNumber: string): string {
    return personRef(this.settings.personRefSecret, parseIdNumber(idNumber, { field: 'idNumber' }));
  }

  async erase(idNumber: string, request: ErasureRequest): Promise<ErasureOutcome> {
    const ref = this.refOf(idNumber);
    const { dataSource, store, personalData, definition } = this.infra;
    return dataSource.transaction(async (tx) => {
      const destroyed = await personalData.keys.erase(tx, ref);
      const rowsScrubbed = await scrubReadModels(tx, definition.personalReadModels ?? [], ref);
      await tx.query(
        `DELETE FROM snapshots WHERE stream_id IN (SELECT DISTINCT stream_id FROM events WHERE person_ref = $1)`,
        [ref],
      );
      const erasedAt = (await personalData.keys.erasedAt(tx, ref)) ?? new Date();
      if (destroyed) {
        await store.append(
          privacyStreamId(ref),
          [
            {
              type: 'PersonalDataErased',
              data: { requestId: request.requestId, reason: request.reason, legalBasis: request.legalBasis },
              metadata: { actor: request.actor, correlationId: request.requestId },
              personRef: ref,
            },
          ],
          { expectedVersion: 'any', streamType: 'privacy', tx },
        );
      }
      return {
        service: definition.name,
        outcome: destroyed ? 'erased' : 'already_erased',
        erasedAt: erasedAt.toISOString(),
        rowsScrubbed,
      };
    });
  }

  /** Whether the person's data is erased in this service, and when. */
  async status(idNumber: string): Promise<{ service: string; status: 'active' | 'erased'; erasedAt: string | null }> {
    const at = await this.infra.personalData.keys.erasedAt(this.infra.dataSource.manager, this.refOf(idNumber));
    return { service: this.infra.definition.name, status: at ? 'erased' : 'active', erasedAt: at?.toISOString() ?? null };
  }
}
