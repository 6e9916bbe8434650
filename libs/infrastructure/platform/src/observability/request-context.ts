import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request being served, wherever the code runs during it. */
export interface RequestContext {
  /**
   * The platform's id of the story this request belongs to: assigned by the gateway, and taken by
   * a service only from the gateway's verified assertion; never a value a client chose.
   */
  readonly correlationId: string;
  /** The client's own `x-correlation-id`, kept as a reference it supplied (never joined on). */
  readonly clientCorrelationId?: string;
}

/**
 * Carries the {@link RequestContext} through every await of a request, so the event store can
 * stamp `correlationId` on events and the logger on lines without passing it by hand.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The correlation id of the request being served, or undefined outside a request. */
export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}

/** The client's own correlation reference of the request being served, if it sent one. */
export function currentClientCorrelationId(): string | undefined {
  return requestContext.getStore()?.clientCorrelationId;
}
