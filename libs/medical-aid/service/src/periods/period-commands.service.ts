import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@union/event-store';
import {
  periodDecider,
  periodPolicyVersion,
  periodStreamId,
  type PeriodTerms,
} from '@union/medical-aid/domain';
import type { Principal } from '@union/platform';
import { EVENT_STORE, requestFacts, runCommand } from '@union/runtime';
import type { OpenPeriodDto } from './open-period.dto';

/** The DTO as the domain's terms: plain objects, so the stored event is exactly what was sent. */
const termsOf = (dto: OpenPeriodDto): PeriodTerms => JSON.parse(JSON.stringify(dto)) as PeriodTerms;

/** Admin commands on periods. */
@Injectable()
export class PeriodCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Opens a period; the domain fills in defaults and lists every problem with its field path. */
  async open(dto: OpenPeriodDto, principal: Principal): Promise<string> {
    const facts = requestFacts(principal);
    const periodId = randomUUID();
    await runCommand(
      this.store,
      periodDecider,
      { type: 'OpenPeriod', periodId, terms: termsOf(dto), openedBy: facts.actor, openedAt: facts.now },
      {
        streamId: periodStreamId(periodId),
        streamType: 'period',
        metadata: { ...facts.metadata, policyVersion: periodPolicyVersion(periodId) },
      },
    );
    return periodId;
  }
}
