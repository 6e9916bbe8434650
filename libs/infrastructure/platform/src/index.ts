// Public API of @union/platform: the Nest plumbing every HTTP process shares.
export { PlatformModule, type PlatformModuleOptions } from './platform.module';
export { PLATFORM_OPTIONS, type PlatformOptions } from './platform.options';
export { PlatformController } from './platform.controller';

export {
  problemBody,
  problemTypeOf,
  problemTitleOf,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type ProblemBody,
  type ProblemInput,
} from './problem/problem-body';
export { ProblemException, type ProblemOptions } from './problem/problem.exception';
export { ProblemFilter, sendProblem } from './problem/problem.filter';
export { toProblem, type MappedProblem } from './problem/problem.mapper';
export { WriteFailure, isDatabaseUnavailable, type WriteOutcome } from './problem/write-failure';

export { createValidationPipe, fieldErrorsOf } from './validation/validation.pipe';
export {
  IsIdNumber,
  IsFen,
  IsBp,
  IsIsoDate,
  DEFAULT_MAX_FEN,
} from './validation/domain-validators.decorator';
export { ConsentDto, ConsentProperty } from './validation/consent.dto';

export { ROLES, ALL_UNITS, isRole, type Role, type Principal } from './auth/principal';
export { AUTH_CONFIG, type AuthConfig } from './auth/auth.config';
export {
  JwtVerifier,
  principalOf,
  unauthenticated,
  DEFAULT_MAX_TOKEN_AGE_SECONDS,
  IAT_CLOCK_SKEW_SECONDS,
} from './auth/jwt.verifier';
export { signDevToken, type DevTokenClaims } from './auth/dev-token';
export { AuthGuard, assertSomeRole } from './auth/auth.guard';
export { bearerToken, bearerTokenIn } from './auth/bearer-token';
export {
  Public,
  Roles,
  MetricsReader,
  CurrentPrincipal,
  IS_PUBLIC,
  IS_METRICS,
  REQUIRED_ROLES,
} from './auth/auth.decorators';
export { METRICS_ACCESS, assertMetricsReader, type MetricsAccess } from './auth/metrics-access';
export {
  GATEWAY_ASSERTION_HEADER,
  ASSERTION_ISSUER,
  ASSERTION_TTL_SECONDS,
  ASSERTION_CLOCK_SKEW_SECONDS,
  AssertionRefused,
  GatewayAssertionVerifier,
  authorizationHash,
  signGatewayAssertion,
  type GatewayAssertionClaims,
  type HopCall,
  type HopRequest,
  type VerifiedHop,
} from './auth/gateway-assertion';
export {
  ASSERTION_PRIVATE_KEY_VAR,
  ASSERTION_PUBLIC_KEY_VAR,
  assertionPrivateKey,
  assertionPublicKey,
  generateAssertionKeys,
} from './auth/assertion-keys';
export { canActForPath, assertUnitPath, collectUnitsActedFor } from './auth/unit-scope';
export {
  assertStrongSecret,
  estimatedBits,
  KNOWN_DEV_SECRETS,
  MIN_SECRET_BITS,
  MIN_SECRET_LENGTH,
} from './auth/secret-strength';

export {
  loadConfig,
  ConfigError,
  type ConfigSchema,
  type ConfigVar,
  type ConfigType,
  type ConfigOf,
} from './config/config.loader';

export {
  requestContext,
  currentCorrelationId,
  currentClientCorrelationId,
  type RequestContext,
} from './observability/request-context';
export {
  CorrelationMiddleware,
  CORRELATION_HEADER,
  CLIENT_CORRELATION_HEADER,
  isAcceptableCorrelationId,
} from './observability/correlation.middleware';
export { JsonLogger } from './observability/json.logger';
export {
  writeRequestLog,
  parseLogLevel,
  LOG_LEVELS,
  type LogLevel,
  type RequestLogEntry,
} from './observability/request-log';

export {
  MetricsRegistry,
  DEFAULT_LATENCY_BUCKETS,
  type Counter,
  type Gauge,
  type Histogram,
  type Labels,
} from './metrics/metrics.registry';
export { HttpMetricsMiddleware, UNMATCHED_ROUTE } from './metrics/http-metrics.middleware';

export {
  HealthRegistry,
  CHECK_TIMEOUT_MS,
  type CheckResult,
  type ReadinessCheck,
  type CheckOptions,
  type ReadinessStatus,
  type Readiness,
} from './health/health.registry';
export { pathOf, type PlatformRequest } from './http/http-types';

export { OptionalPositiveInt, PageQuery, type Page } from './http/page';
