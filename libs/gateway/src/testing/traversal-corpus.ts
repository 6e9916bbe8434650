// Request targets that try to reach, through the gateway, a service route the caller is not
// authorised for: a person's records on a service (`/api/v1/<programme>/people/{idNumber}`, which
// the gateway's table lacks and whose gateway view refuses admins) and a service's `/metrics`.
// Sent as they are on the wire (never through fetch or `new URL`, which would normalise them).
// Used by the gateway's int tests, the embedded platform's (apps/standalone) and any security
// suite that wants them; apps/gateway/README.md, "Paths", says why each is refused or harmless.
import type { Role } from '@union/platform';

/** One probe: a request target, who sends it, and what the gateway must answer. */
export interface TraversalProbe {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** As sent on the wire; `{idNumber}` stands for the identity number of a person with records. */
  readonly target: string;
  /** The role of the sender's token (units `*`). */
  readonly as: Role;
  /** The gateway's status: 400 for the path rule, else the status of the route it matches. */
  readonly status: number;
  /**
   * For the harmless spellings of a route the sender may call: the service route (Nest pattern)
   * the request reaches. Every other probe must reach no service at all.
   */
  readonly serviceRoute?: string;
}

const HS = '/api/v1/hardship';
const R = `${HS}/policies/regions`;

const refused = (
  name: string,
  target: string,
  as: Role = 'admin',
  method: TraversalProbe['method'] = 'GET',
) => ({ name, method, target, as, status: 400 }) as const;

// prettier-ignore
export const TRAVERSAL_CORPUS: readonly TraversalProbe[] = [
  refused('backslash to a person (issue 13)', `${R}/..\\..\\people\\{idNumber}`),
  refused('backslash to a person, grants', '/api/v1/grants/campaigns/..\\people\\{idNumber}'),
  refused('backslash to a person, medical aid', '/api/v1/medical-aid/periods/..\\people\\{idNumber}'),
  refused('backslash to metrics', `${R}/..\\..\\..\\..\\..\\metrics`, 'caseworker'),
  refused('backslash to metrics, medical aid', '/api/v1/medical-aid/periods/..\\..\\..\\..\\metrics', 'reviewer'),
  refused('%2e%2e and backslash to a person', `${R}/%2e%2e\\%2E%2E\\people\\{idNumber}`),
  refused('dot-dot to a person', `${R}/../../people/{idNumber}`),
  refused('dot-dot to metrics', '/api/v1/medical-aid/periods/../../../../metrics', 'caseworker'),
  refused('dot segment', `${HS}/./cases`, 'caseworker'),
  refused('trailing dot-dot', '/api/v1/people/{idNumber}/..', 'reviewer'),
  refused('%2e%2e to a person', `${R}/%2e%2e/%2e%2e/people/{idNumber}`),
  refused('%2E%2E to metrics', '/api/v1/grants/campaigns/%2E%2E/%2E%2E/%2E%2E/%2E%2E/metrics', 'caseworker'),
  refused('.%2e and .%2E mixed', `${R}/.%2e/.%2E/people/{idNumber}`),
  refused('%2F to a person', `${R}/..%2F..%2Fpeople%2F{idNumber}`),
  refused('%2f to metrics', '/api/v1/medical-aid/periods/..%2f..%2f..%2f..%2fmetrics', 'caseworker'),
  refused('%5C to a person', `${R}/..%5C..%5Cpeople%5C{idNumber}`),
  refused('%5c to metrics', '/api/v1/grants/campaigns/..%5c..%5c..%5c..%5cmetrics', 'caseworker'),
  refused('double-encoded %252e%252f', `${R}/%252e%252e%252f%252e%252e%252fpeople%252f{idNumber}`),
  refused('overlong UTF-8 slash %c0%af', `${R}/..%c0%af..%c0%afpeople%c0%af{idNumber}`),
  refused('encoded ? in a segment', `${HS}/cases/x%3F..%3F`, 'caseworker'),
  refused('encoded # in a segment', `${HS}/cases/x%23y`, 'caseworker'),
  refused('empty segment', `${HS}//cases`, 'caseworker'),
  refused('leading //', `//api/v1/hardship/cases`, 'caseworker'),
  refused('; then dot-dot', `${R}/110105;x=/../../people/{idNumber}`),
  refused('; matrix parameter', `${HS}/cases;jsessionid=1`, 'caseworker'),
  refused('# then dot-dot', `${R}/110105#/../../people/{idNumber}`),
  refused('# fragment', `${HS}/cases#top`, 'caseworker'),
  refused('%00 in the path', `${HS}/cases/%00`, 'caseworker'),
  refused('%00 in the query', `${HS}/cases?status=%00`, 'caseworker'),
  refused('backslash in the query', `${HS}/cases?unitId=u1\\x`, 'caseworker'),
  refused('malformed escape', `${HS}/cases/%zz`, 'caseworker'),
  refused('absolute-form to a person', 'http://127.0.0.1/api/v1/hardship/people/{idNumber}'),
  refused('absolute-form to the person view', 'http://127.0.0.1/api/v1/people/{idNumber}'),
  refused('asterisk-form', '*'),
  refused('backslash on the gateway person view', '/api/v1/people\\{idNumber}'),
  refused('%2F on the audit trace', '/api/v1/audit/trace/..%2F..%2F..%2Fpeople%2F{idNumber}', 'auditor'),
  refused('backslash on the audit timeline', '/api/v1/audit/people/{idNumber}\\timeline', 'auditor'),
  refused('dot-dot in a write', `${HS}/cases/x/../../policies/regions/110105`, 'admin', 'PUT'),
  // Harmless spellings: matched as written, and the route table decides as for any other path.
  { name: 'mixed-case prefix (forwarded routes match case-sensitively)', method: 'GET', target: '/API/v1/hardship/people/{idNumber}', as: 'admin', status: 404 },
  { name: 'mixed-case programme', method: 'GET', target: '/api/v1/Hardship/policies/regions/110105', as: 'caseworker', status: 404 },
  { name: "mixed-case person view (the gateway's own routes match in any case)", method: 'GET', target: '/api/v1/PEOPLE/{idNumber}', as: 'admin', status: 403 },
  { name: 'trailing slash on a route the caller may use', method: 'GET', target: `${HS}/stats/?year=2025`, as: 'admin', status: 200, serviceRoute: `${HS}/stats` },
  { name: 'trailing slash on a route the caller may not use', method: 'GET', target: `${HS}/cases/`, as: 'admin', status: 403 },
  { name: 'trailing slash on the person view', method: 'GET', target: '/api/v1/people/{idNumber}/', as: 'admin', status: 403 },
  { name: "trailing slash on a service's person route", method: 'GET', target: `${HS}/people/{idNumber}/`, as: 'admin', status: 404 },
  { name: 'path-like query', method: 'GET', target: `${HS}/stats?year=2025&unitId=/../../people/{idNumber}`, as: 'admin', status: 200, serviceRoute: `${HS}/stats` },
];
