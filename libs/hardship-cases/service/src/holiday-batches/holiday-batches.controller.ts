import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HolidayBatchRow } from '@union/hardship-cases/domain';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@union/platform';
import {
  ApproveHolidayBatchDto,
  BatchLinesQuery,
  ListHolidayBatchesQuery,
  PrepareHolidayBatchDto,
  RejectHolidayBatchDto,
} from './holiday-batch.dto';
import { HolidayBatchRunner } from './holiday-batch-runner';
import { HolidayBatches, type BatchLineView, type HolidayBatchListItem } from './holiday-batches.service';

/**
 * Holiday warmth batches (两节送温暖, DOMAIN.md §4): prepare with a preview, approve (four eyes,
 * 403 SAME_ACTOR; refused whole when the fund cannot cover it) or reject, then the runner records
 * one `holiday` assistance per household.
 */
@ApiTags('hardship')
@Controller('api/v1/hardship/holiday-batches')
export class HolidayBatchesController {
  constructor(
    private readonly batches: HolidayBatches,
    private readonly runner: HolidayBatchRunner,
  ) {}

  @Post()
  @Roles('caseworker', 'admin')
  prepare(
    @Body() dto: PrepareHolidayBatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HolidayBatchRow> {
    return this.batches.prepare(dto, principal);
  }

  /** The batches of the caller's subtrees (beyond API.md), newest first, each with its fund. */
  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  list(
    @Query() query: ListHolidayBatchesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<HolidayBatchListItem>> {
    return this.batches.list(query, principal);
  }

  @Get(':batchId')
  @Roles('caseworker', 'reviewer', 'auditor')
  get(
    @Param('batchId', ParseUUIDPipe) batchId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HolidayBatchRow> {
    return this.batches.readable(batchId, principal);
  }

  @Get(':batchId/lines')
  @Roles('caseworker', 'reviewer', 'auditor')
  lines(
    @Param('batchId', ParseUUIDPipe) batchId: string,
    @Query() query: BatchLinesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<BatchLineView>> {
    return this.batches.lines(batchId, query, principal);
  }

  @Post(':batchId/approve')
  @HttpCode(200)
  @Roles('reviewer')
  async approve(
    @Param('batchId', ParseUUIDPipe) batchId: string,
    @Body() dto: ApproveHolidayBatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HolidayBatchRow> {
    const row = await this.batches.approve(batchId, dto.reason, principal);
    if (row.status === 'approved') this.runner.nudge();
    return row;
  }

  @Post(':batchId/reject')
  @HttpCode(200)
  @Roles('reviewer')
  reject(
    @Param('batchId', ParseUUIDPipe) batchId: string,
    @Body() dto: RejectHolidayBatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HolidayBatchRow> {
    return this.batches.reject(batchId, dto.reason, principal);
  }
}
