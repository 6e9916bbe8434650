import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AUTH_CONFIG, type AuthConfig } from './auth/auth.config';
import { AuthGuard } from './auth/auth.guard';
import { GatewayAssertionVerifier } from './auth/gateway-assertion';
import { JwtVerifier } from './auth/jwt.verifier';
import { METRICS_ACCESS } from './auth/metrics-access';
import { HealthRegistry } from './health/health.registry';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsRegistry } from './metrics/metrics.registry';
import { CorrelationMiddleware } from './observability/correlation.middleware';
import { PlatformController } from './platform.controller';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform.options';
import { ProblemFilter } from './problem/problem.filter';
import { createValidationPipe } from './validation/validation.pipe';

/** Options of {@link PlatformModule.forRoot}. */
export interface PlatformModuleOptions extends PlatformOptions {
  /**
   * How to verify tokens. When omitted, the app must provide {@link AUTH_CONFIG} from a
   * `@Global()` module (e.g. one that builds it from its validated config).
   */
  readonly auth?: AuthConfig;
  /**
   * A service's: the gateway's public key. Then every route but the probes and `/metrics` needs
   * the gateway's assertion for the very request, and the correlation ids come from it. Omitted
   * at the edge (the gateway), which assigns its own.
   */
  readonly gatewayPublicKey?: KeyObject;
  /** When set, `/metrics` needs `Authorization: Bearer <metricsToken>`; else it is open. */
  readonly metricsToken?: string;
}

/**
 * What every HTTP process needs, in one import: problem+json errors (global filter), DTO
 * validation (global pipe), bearer-token auth with roles (global guard), the gateway's assertion
 * in a service, correlation ids and request logs, HTTP metrics, and the `/health/live`,
 * `/health/ready`, `/metrics` endpoints.
 * Exports {@link HealthRegistry}, {@link MetricsRegistry}, {@link JwtVerifier} and the middlewares.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { auth, gatewayPublicKey, metricsToken, ...platformOptions } = options;
    const providers: Provider[] = [
      { provide: PLATFORM_OPTIONS, useValue: platformOptions },
      { provide: METRICS_ACCESS, useValue: { token: metricsToken } },
      HealthRegistry,
      MetricsRegistry,
      JwtVerifier,
      CorrelationMiddleware,
      HttpMetricsMiddleware,
      { provide: APP_FILTER, useClass: ProblemFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_GUARD, useClass: AuthGuard },
    ];
    if (auth !== undefined) providers.push({ provide: AUTH_CONFIG, useValue: auth });
    if (gatewayPublicKey !== undefined) {
      const verifier = new GatewayAssertionVerifier(gatewayPublicKey, platformOptions.service);
      providers.push({ provide: GatewayAssertionVerifier, useValue: verifier });
    }
    return {
      module: PlatformModule,
      global: true,
      controllers: [PlatformController],
      providers,
      // The two middlewares too, for a handler that serves requests outside Nest's router (the
      // gateway's forwarding) with the same correlation ids, request logs and metrics.
      exports: [
        HealthRegistry,
        MetricsRegistry,
        JwtVerifier,
        PLATFORM_OPTIONS,
        CorrelationMiddleware,
        HttpMetricsMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Correlation first, so the metrics and everything after run inside the request context.
    consumer
      .apply(CorrelationMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
