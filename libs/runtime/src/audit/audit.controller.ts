import type { ServerResponse } from 'node:http';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseSealAnchor } from '@union/event-store';
import { DomainError } from '@union/kernel';
import { currentCorrelationId, Roles, type PlatformRequest } from '@union/platform';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { AccessLog } from './access-log';
import { accessEntryOf } from './access-log.entry';
import { NotRecorded } from './access-log.interceptor';
import { exportFileBase } from './audit-export';
import {
  AccessLogQuery,
  AsDecidedQuery,
  ExportQuery,
  SealsQuery,
  StreamEventsQuery,
  StreamStateQuery,
  VerifyQuery,
  VerifyStreamQuery,
} from './audit.queries';
import { AuditService } from './audit.service';
import { streamVerification } from './verify-stream';

/** Every service's own audit routes (notes/audit-contract.md); the gateway forwards to them. */
@ApiTags('audit')
@Controller('api/v1/audit')
@Roles('auditor', 'admin')
export class AuditController {
  private readonly accessLog: AccessLog;

  constructor(
    private readonly audit: AuditService,
    @Inject(SERVICE_INFRA) infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
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
    return this.audit.verify({ ...rangeOf(query), wholeSeals: query.wholeSeals });
  }

  /**
   * The same verification as `verify`, over the whole range in one pass, answered as NDJSON while
   * it runs (`VerifyStreamLine`): the reader sees progress at least once a second and may hang up
   * to stop it. Recorded in the access log before the first line, as every audit read is.
   */
  @Get('verify/stream')
  @NotRecorded()
  async verifyStream(
    @Query() query: VerifyStreamQuery,
    @Req() req: PlatformRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const range = rangeOf(query);
    if (req.principal) {
      await this.accessLog.record(
        accessEntryOf(req, req.principal, this.settings.personRefSecret, currentCorrelationId() ?? null),
      );
    }
    await streamVerification(res, this.audit.serviceName, range, (r) => this.audit.verifyReport(r));
  }

  @Get('seals')
  seals(@Query() query: SealsQuery) {
    return this.audit.seals(query.page, query.pageSize);
  }

  @Get('streams/:streamId/as-decided')
  asDecided(@Param('streamId') streamId: string, @Query() query: AsDecidedQuery) {
    return this.audit.asDecided(streamId, query.version);
  }

  /** The record's evidence file: JSON (every field each hash covers) or CSV, as a download. */
  @Get('streams/:streamId/export')
  async evidence(
    @Param('streamId') streamId: string,
    @Query() query: ExportQuery,
    @Req() req: PlatformRequest,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    const { json, csv } = await this.audit.evidence(streamId, req.principal?.sub ?? 'unknown');
    const name = `${exportFileBase(json.service, streamId)}.${query.format}`;
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    if (query.format === 'json') return json;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    return csv;
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

/** The checked range of a verify query (`toPosition` before `fromPosition` is a 400) and its anchor. */
function rangeOf(query: VerifyStreamQuery) {
  if (
    query.fromPosition !== undefined &&
    query.toPosition !== undefined &&
    query.fromPosition > query.toPosition
  ) {
    throw invalid('toPosition', 'toPosition is before fromPosition.');
  }
  return {
    fromPosition: query.fromPosition,
    toPosition: query.toPosition,
    anchor: query.anchor === undefined ? undefined : (parseSealAnchor(query.anchor) ?? undefined),
  };
}

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
