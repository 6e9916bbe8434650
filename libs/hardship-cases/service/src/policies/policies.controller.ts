import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, PageQuery, Roles, type Principal } from '@union/platform';
import { etagOf, parseIfMatch } from '@union/runtime';
import { PublishPolicyDto, RegionCodeParam } from './publish-policy.dto';
import { RegionPolicies, type RegionPolicyAnswer, type RegionPolicyList } from './region-policies.service';

const view = ({ policy }: RegionPolicyAnswer) => ({
  regionCode: policy.regionCode,
  minimumLivingStandardFen: policy.minimumLivingStandardFen,
  relativeMultiplierBp: policy.relativeMultiplierBp,
  policyVersion: policy.policyVersion,
});

/** Region policies (DOMAIN.md §1 "Tier"): admins publish, and every later decision uses it. */
@ApiTags('hardship')
@Controller('api/v1/hardship/policies/regions')
export class PoliciesController {
  constructor(private readonly policies: RegionPolicies) {}

  /**
   * The regions with a policy of their own, each with the version in force and every version
   * (beyond API.md, for the admins' screen), and the default policy of every other region.
   */
  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  list(@Query() query: PageQuery): Promise<RegionPolicyList> {
    return this.policies.list(query);
  }

  /** The policy in force in a region (the default one, `regionCode: "*"`, until one is published). */
  @Get(':regionCode')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  async get(@Param() params: RegionCodeParam, @Res({ passthrough: true }) res: ServerResponse) {
    const answer = await this.policies.get(params.regionCode);
    res.setHeader('ETag', etagOf(answer.version));
    return view(answer);
  }

  /** Publishes a new policy version for the region: `{ policyVersion }` and the lines. */
  @Put(':regionCode')
  @Roles('admin')
  async publish(
    @Param() params: RegionCodeParam,
    @Body() dto: PublishPolicyDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    const answer = await this.policies.publish(params.regionCode, dto, principal, parseIfMatch(ifMatch));
    res.setHeader('ETag', etagOf(answer.version));
    return view(answer);
  }
}
