import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ProblemException, Public, ROLES, signDevToken, type Role } from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings } from '../gateway.settings';

export class DevTokenRequest {
  @IsString() @Length(1, 64) readonly sub: string;
  @IsOptional() @IsString() @Length(1, 64) readonly name?: string;
  @IsArray() @ArrayNotEmpty() @IsIn(ROLES, { each: true }) readonly roles: Role[];
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) readonly units: string[];
}

/** Lets a newcomer try the API in the embedded default; answers 404 unless AUTH_DEV_LOGIN=true. */
@Controller('api/v1/auth')
export class DevTokenController {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  async devToken(@Body() body: DevTokenRequest): Promise<{ token: string }> {
    if (!this.settings.devLogin || !this.settings.jwtSecret) {
      throw new ProblemException('NOT_FOUND', 'Development login is off (AUTH_DEV_LOGIN is not true).');
    }
    const token = await signDevToken(
      this.settings.jwtSecret,
      { sub: body.sub, name: body.name ?? body.sub, roles: body.roles, units: body.units },
      8 * 3600,
      { issuer: this.settings.issuer, audience: this.settings.audience },
    );
    return { token };
  }
}
