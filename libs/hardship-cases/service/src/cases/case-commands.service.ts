import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { DomainError, maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import { assertUnit, type Principal } from '@union/platform';
import type { EventStore } from '@union/event-store';
import {
  caseDecider,
  caseStreamId,
  policyInForce,
  policyStreamId,
  regionPolicyDecider,
  type CaseCommand,
  type RegionPolicy,
  type RegionPolicyEvent,
} from '@union/hardship-cases/domain';
import { DATA_SOURCE, EVENT_STORE, SERVICE_SETTINGS, requestFacts, runCommand, type ServiceSettings } from '@union/runtime';
import { CaseSummaryEntity } from '../read-models/case-summary.entity';
import type { OpenCaseDto } from './open-case.dto';

type CaseCommandBody<C> = C extends CaseCommand ? Omit<C, 'actor' | 'now' | 'today'> : never;

/** Turns HTTP requests into case commands: resolves people, policies and scope, then decides. */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  /** Opens a case; 409 with the existing case id when the person already has an open one. */
  async open(dto: OpenCaseDto, principal: Principal): Promise<string> {
    assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const id = parseIdNumber(dto.person.idNumber, { field: 'person.idNumber', today: facts.today });
    const ref = personRef(this.settings.personRefSecret, id);
    const existing = await this.openCaseOf(ref);
    const policy = await this.policyFor(dto.regionCode);
    const caseId = randomUUID();
    const { person, household, ...rest } = dto;
    try {
      await runCommand(
        this.store,
        caseDecider,
        {
          ...rest,
          type: 'OpenCase',
          caseId,
          personRef: ref,
          idNumberMasked: maskIdNumber(id),
          name: person.name,
          phone: person.phone,
          household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
          existingOpenCaseId: existing ?? undefined,
          policy,
          actor: facts.actor,
          now: facts.now,
          today: facts.today,
        },
        {
          streamId: caseStreamId(caseId),
          streamType: 'case',
          personRef: ref,
          metadata: { ...facts.metadata, policyVersion: policy.policyVersion },
        },
      );
    } catch (error) {
      // Two openings for one person raced: the unique index let one through.
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'case_summary_one_open_per_person') {
        const winner = await this.openCaseOf(ref);
        throw new DomainError('CONFLICT', 'This person already has an open case.', { details: { existingCaseId: winner } });
      }
      throw error;
    }
    return caseId;
  }

  /** Runs a command on an existing case the principal may act on; returns nothing, read after. */
  async execute<C extends CaseCommand>(
    caseId: string,
    body: CaseCommandBody<C>,
    principal: Principal,
    ifMatch?: number,
  ): Promise<void> {
    const row = await this.summary(caseId);
    assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    await runCommand(
      this.store,
      caseDecider,
      { ...body, actor: facts.actor, now: facts.now, today: facts.today } as CaseCommand,
      { streamId: caseStreamId(caseId), streamType: 'case', personRef: row.personRef, metadata: facts.metadata, ifMatch },
    );
  }

  /** The policy in force in a region: its latest publication, or the default. */
  async policyFor(regionCode: string): Promise<RegionPolicy> {
    const events = await this.store.readStream(policyStreamId(regionCode));
    const state = events.reduce(
      (s, e) => regionPolicyDecider.evolve(s, e as unknown as RegionPolicyEvent),
      regionPolicyDecider.initialState(),
    );
    return policyInForce(state);
  }

  async summary(caseId: string): Promise<CaseSummaryEntity> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ caseId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no case ${caseId}.`);
    return row;
  }

  private async openCaseOf(ref: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ personRef: ref, status: 'open' });
    return row?.caseId ?? null;
  }
}
