import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { isProblem, type Problem } from './problem';

export type Schemas = components['schemas'];
export type Case = Schemas['Case'];
export type CaseDetail = Schemas['CaseDetail'];
export type CasePreview = Schemas['CasePreview'];
export type Referral = Schemas['Referral'];
export type OpenCaseBody = Schemas['OpenCase'];

/** A refused request, carrying the problem+json answer. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code ?? 'problem');
  }
}

/** The typed API client (openapi-fetch on the generated paths), sending the bearer token. */
export function createApi(token: () => string | undefined, onUnauthenticated: () => void) {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const auth: Middleware = {
    onRequest({ request }) {
      const t = token();
      if (t) request.headers.set('Authorization', `Bearer ${t}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type Api = ReturnType<typeof createApi>;

/** The answer's data, or throws {@link ApiProblem} with the problem (or one made for a network failure). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = isProblem(result.error)
      ? result.error
      : {
          status: result.response.status,
          code: result.response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN',
        };
    throw new ApiProblem(problem);
  }
  return result.data as T;
}
