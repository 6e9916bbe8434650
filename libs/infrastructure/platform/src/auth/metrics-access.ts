import { createHash, timingSafeEqual } from 'node:crypto';
import type { PlatformRequest } from '../http/http-types';
import { ProblemException } from '../problem/problem.exception';
import { bearerTokenIn } from './bearer-token';

/**
 * Who may read `/metrics`: with a `token`, a scraper sending `Authorization: Bearer <token>`
 * (`METRICS_TOKEN`; the settings require it outside the embedded default); without, anyone who
 * reaches the port (the embedded default, on loopback).
 */
export interface MetricsAccess {
  readonly token?: string;
}

/** DI token of the {@link MetricsAccess}. */
export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

const digest = (value: string) => createHash('sha256').update(value).digest();

/** 401 unless the request may read the metrics; compared in constant time. */
export function assertMetricsReader(access: MetricsAccess, request: PlatformRequest): void {
  if (access.token === undefined) return;
  const token = bearerTokenIn(request.headers.authorization);
  if (token !== undefined && timingSafeEqual(digest(token), digest(access.token))) return;
  throw new ProblemException(
    'UNAUTHENTICATED',
    'Reading the metrics needs Authorization: Bearer <METRICS_TOKEN>.',
    {
      headers: { 'WWW-Authenticate': 'Bearer' },
    },
  );
}
