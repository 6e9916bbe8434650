import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseSealAnchor } from '@union/event-store';
import { DomainError } from '@union/kernel';
import { Roles } from '@union/platform';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';
import { AccessLog } from './access-log';
import { NotRecorded } from './access-log.interceptor';
import { AccessLogQuery, StreamEventsQuery, StreamStateQuery, VerifyQuery } from './audit.queries';
import { AuditService } from './audit.service';

/** Every service's own audit routes (notes/audit-contract.md); the gateway forwards to them. */
@ApiTags('audit')
@Controller('api/v1/audit')
@Roles('auditor', 'admin')
export class AuditController {
  private readonly accessLog: AccessLog;

  constructor(
    private readonly audit: AuditService,
    @Inject(SERVICE_INFRA) infra: ServiceInfra,
  ) {
    this.accessLog = new AccessLog(infra.dataSource);
  }

  @Get('streams/:streamId/events')
  history(@Param('streamId') streamId: string, @Query() query: StreamEventsQuery) {
    return this.audit.history(streamId, query.fromVersion);
  }

  @Get('streams/:streamId/state')
  state(@Param('streamId') streamId: string, @Query() query: StreamStateQuery) {
    if (query.asOfVersion !== undefined && query.asOf !== undefined) {
      throw invalid('asOf', 'Give asOfVersion or asOf, not both.');
    }
    return this.audit.state(streamId, {
      version: query.asOfVersion,
      instant: query.asOf === undefined ? undefined : new Date(query.asOf),
    });
  }

  @Get('verify')
  verify(@Query() query: VerifyQuery) {
    if (
      query.fromPosition !== undefined &&
      query.toPosition !== undefined &&
      query.fromPosition > query.toPosition
    ) {
      throw invalid('toPosition', 'toPosition is before fromPosition.');
    }
    return this.audit.verify({
      fromPosition: query.fromPosition,
      toPosition: query.toPosition,
      wholeSeals: query.wholeSeals,
      anchor: query.anchor === undefined ? undefined : (parseSealAnchor(query.anchor) ?? undefined),
    });
  }

  @Get('people/:idNumber/events')
  person(@Param('idNumber') idNumber: string) {
    return this.audit.person(idNumber);
  }

  @Get('correlations/:correlationId/events')
  correlation(@Param('correlationId') correlationId: string) {
    return this.audit.correlation(correlationId);
  }

  @Post('rebuild-compare')
  @HttpCode(200)
  @Roles('admin')
  rebuildCompare() {
    return this.audit.rebuildCompare();
  }

  @Get('access-log')
  @NotRecorded()
  accessLogPage(@Query() query: AccessLogQuery) {
    return this.accessLog.list(query);
  }
}

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
