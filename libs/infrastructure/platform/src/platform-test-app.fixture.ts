// Shared by the platform's int specs: a tiny app with PlatformModule and one controller that
// exercises roles, nested DTO validation, domain errors and the request context.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { DomainError, idNumberWithCheckChar } from '@union/kernel';
import {
  assertUnitPath,
  currentClientCorrelationId,
  currentCorrelationId,
  CurrentPrincipal,
  IsFen,
  IsIdNumber,
  PlatformModule,
  Roles,
  type PlatformModuleOptions,
  signDevToken,
  type Principal,
} from './index';

export const SECRET = 'int-test-secret-0123456789abcdefghijklmnop';
export const ID = idNumberWithCheckChar('11010519491231002');

class HouseholdDto {
  @IsInt() @Min(1) readonly size!: number;
  @IsFen() readonly monthlyIncomeFen!: number;
}

class OpenCaseDto {
  @IsIdNumber() readonly idNumber!: string;
  @IsDefined() @ValidateNested() @Type(() => HouseholdDto) readonly household!: HouseholdDto;
  @IsString() readonly unitId!: string;
}

@Controller('cases')
class CasesController {
  @Post()
  @Roles('caseworker')
  open(
    @Body() dto: OpenCaseDto,
    @CurrentPrincipal() who: Principal,
  ): { opened: boolean; by: string; dtoClass: string } {
    return { opened: true, by: who.sub, dtoClass: dto.constructor.name };
  }

  @Post(':caseId/approve')
  @Roles('reviewer')
  approve(): { approved: boolean } {
    return { approved: true };
  }

  @Post(':caseId/duplicate')
  @Roles('caseworker')
  duplicate(@CurrentPrincipal() who: Principal): never {
    assertUnitPath(who, 'unit-1', ['unit-1']);
    throw new DomainError('DUPLICATE', 'This person already has an open case.', {
      details: { existingCaseId: 'c-7' },
    });
  }

  @Get('context')
  context(): { correlationId?: string; clientCorrelationId?: string } {
    return { correlationId: currentCorrelationId(), clientCorrelationId: currentClientCorrelationId() };
  }

  @Get('boom')
  boom(): never {
    throw new Error('db password is hunter2');
  }
}

/**
 * Boots the test app, service `test` (no listening socket: supertest drives the server); `options`
 * add to the platform's (a service's `gatewayPublicKey`, a `metricsToken`).
 */
export async function bootTestApp(options: Partial<PlatformModuleOptions> = {}): Promise<INestApplication> {
  @Module({
    imports: [
      PlatformModule.forRoot({
        service: 'test',
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
        ...options,
      }),
    ],
    controllers: [CasesController],
  })
  class TestAppModule {}
  const app = await NestFactory.create(TestAppModule, { logger: false });
  return app.init();
}

/** A dev token for user u-1 (units ['unit-1'] by default). */
export const token = (
  roles: Principal['roles'] = ['caseworker'],
  secret = SECRET,
  ttl = 300,
  units = ['unit-1'],
) => signDevToken(secret, { sub: 'u-1', roles, units }, ttl);
export const validBody = { idNumber: ID, household: { size: 3, monthlyIncomeFen: 150000 }, unitId: 'unit-1' };
