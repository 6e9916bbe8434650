import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { etagOf, parseIfMatch } from '@union/runtime';
import {
  CloseOrgUnitDto,
  CreateOrgUnitDto,
  ListOrgUnitsQuery,
  MoveOrgUnitDto,
  OrgIdParam,
  OrgUnitDepthQuery,
  RenameOrgUnitDto,
} from './org-unit.dto';
import type { OrgUnitTreeView, OrgUnitView } from './org-unit.view';
import { OrgUnits, type OrgUnitChange } from './org-units.service';

const withEtag = <T extends { version: number }>(res: ServerResponse, body: T): T => {
  res.setHeader('ETag', etagOf(body.version));
  return body;
};

/**
 * The union's tree (API.md, "Organisation"): every role reads it (the names of unions are no
 * secret, and the gateway's unit check reads a node's `path` with the user's own token); only
 * admins change it.
 */
@ApiTags('organisation')
@Controller('api/v1/org/units')
export class UnitsController {
  constructor(private readonly units: OrgUnits) {}

  @Post()
  @Roles('admin')
  async create(
    @Body() dto: CreateOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<OrgUnitView> {
    return withEtag(res, await this.units.create(dto, principal));
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  list(@Query() query: ListOrgUnitsQuery) {
    return this.units.list(query);
  }

  @Get(':orgId')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  async get(
    @Param() params: OrgIdParam,
    @Query() query: OrgUnitDepthQuery,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<OrgUnitTreeView> {
    return withEtag(res, await this.units.tree(params.orgId, query.depth));
  }

  @Post(':orgId/rename')
  @HttpCode(200)
  @Roles('admin')
  rename(
    @Param() params: OrgIdParam,
    @Body() dto: RenameOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<OrgUnitView> {
    return this.change(params.orgId, { type: 'RenameOrgUnit', name: dto.name }, principal, ifMatch, res);
  }

  @Post(':orgId/move')
  @HttpCode(200)
  @Roles('admin')
  move(
    @Param() params: OrgIdParam,
    @Body() dto: MoveOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<OrgUnitView> {
    return this.change(
      params.orgId,
      { type: 'MoveOrgUnit', parentId: dto.parentId },
      principal,
      ifMatch,
      res,
    );
  }

  @Post(':orgId/close')
  @HttpCode(200)
  @Roles('admin')
  close(
    @Param() params: OrgIdParam,
    @Body() dto: CloseOrgUnitDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<OrgUnitView> {
    return this.change(params.orgId, { type: 'CloseOrgUnit', reason: dto.reason }, principal, ifMatch, res);
  }

  private async change(
    orgId: string,
    change: OrgUnitChange,
    principal: Principal,
    ifMatch: string | undefined,
    res: ServerResponse,
  ): Promise<OrgUnitView> {
    return withEtag(res, await this.units.change(orgId, change, principal, parseIfMatch(ifMatch)));
  }
}
