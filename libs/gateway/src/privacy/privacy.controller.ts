import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { maskIdNumber, validateIdNumber, type IdNumber } from '@union/kernel';
import { ProblemException, Roles } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';

/** The services that hold personal data (the union's tree holds none). */
const HOLDERS: readonly UpstreamName[] = ['hardship-cases', 'education-grants', 'medical-aid'];

/** `POST /api/v1/privacy/people/{idNumber}/requests` (API.md, "Personal information"). */
export class PrivacyRequestDto {
  @ApiProperty({ enum: ['restrict', 'erase'] })
  @IsIn(['restrict', 'erase'])
  readonly kind!: 'restrict' | 'erase';
  @ApiProperty({ minLength: 4, maxLength: 500, example: '保存期限届满' })
  @IsString()
  @Length(4, 500)
  readonly reason!: string;
  @ApiProperty({ minLength: 2, maxLength: 200, example: '《个人信息保护法》第四十七条' })
  @IsString()
  @Length(2, 200)
  readonly legalBasis!: string;
}

/** One service's part of a privacy answer: what it did or answered, or why it could not. */
export type ServicePart =
  | { readonly available: true; readonly status: number; readonly answer: unknown }
  | { readonly available: false; readonly detail: string };

/**
 * A person's personal data across the services (DOMAIN.md §5), composed at the gateway: each
 * service checks the role itself and acts on its own log, by its own retention: it erases when
 * the person's retention there has passed, and otherwise restricts until it does. A request is
 * idempotent in each service, so one that did not reach every one (`complete: false`) is sent
 * again as is.
 */
@Controller('api/v1/privacy/people')
export class PrivacyController {
  constructor(private readonly proxy: ProxyService) {}

  @Get(':idNumber')
  @Roles('admin', 'auditor')
  async status(@Param('idNumber') raw: string, @Headers('authorization') authorization: string) {
    const id = idNumberOf(raw);
    return this.fanOut(id, (upstream, path) => this.proxy.getJson(upstream, path, { authorization }));
  }

  @Post(':idNumber/requests')
  @HttpCode(202)
  @Roles('admin')
  async request(
    @Param('idNumber') raw: string,
    @Body() body: PrivacyRequestDto,
    @Headers('authorization') authorization: string,
  ) {
    const id = idNumberOf(raw);
    const forwarded = { kind: body.kind, reason: body.reason, legalBasis: body.legalBasis };
    return this.fanOut(id, (upstream, path) =>
      this.proxy.postJson(upstream, `${path}/requests`, forwarded, { authorization }),
    );
  }

  private async fanOut(
    id: IdNumber,
    call: (upstream: UpstreamName, path: string) => Promise<{ status: number; body: unknown }>,
  ) {
    const path = `/api/v1/privacy/people/${encodeURIComponent(id)}`;
    const results = await Promise.allSettled(HOLDERS.map((upstream) => call(upstream, path)));
    const services = Object.fromEntries(
      HOLDERS.map((upstream, i) => [upstream, partOf(results[i], upstream)]),
    ) as Record<UpstreamName, ServicePart>;
    const parts = Object.values(services);
    return {
      idNumberMasked: maskIdNumber(id),
      complete: parts.every((p) => p.available && p.status >= 200 && p.status < 300),
      services,
    };
  }
}

function idNumberOf(raw: string): IdNumber {
  const id = validateIdNumber(raw);
  if (!id.ok) {
    throw new ProblemException('VALIDATION_FAILED', id.reason, {
      errors: [{ field: 'idNumber', message: id.reason }],
    });
  }
  return id.value;
}

function partOf(result: PromiseSettledResult<{ status: number; body: unknown }>, upstream: UpstreamName): ServicePart {
  if (result.status === 'rejected') {
    const detail =
      result.reason instanceof ProblemException
        ? result.reason.body.detail
        : `The ${upstream} service gave an answer the gateway could not read.`;
    return { available: false, detail };
  }
  return { available: true, status: result.value.status, answer: result.value.body };
}
