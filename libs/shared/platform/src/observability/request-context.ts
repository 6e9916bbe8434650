import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request being served, wherever the code runs during it. */
export interface RequestContext {
  readonly correlationId: string;
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
