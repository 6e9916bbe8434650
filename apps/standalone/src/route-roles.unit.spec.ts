import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { GatewayModule, loadGatewaySettings, ROUTE_TABLE } from '@union/gateway';
import { EducationGrantsModule } from '@union/education-grants/service';
import { HardshipCasesModule } from '@union/hardship-cases/service';
import { MedicalAidModule } from '@union/medical-aid/service';
import { OrganisationModule } from '@union/organisation/service';
import { IS_METRICS, IS_PUBLIC, REQUIRED_ROLES, type Role } from '@union/platform';
import type { ServiceInfra, ServiceSettings } from '@union/runtime';

/**
 * A service checks roles as if the gateway were not there: each service route's @Roles must be
 * exactly the roles the gateway admits to it (its route table, or the gateway's own controller
 * for the views it composes from service routes). Read from the metadata Nest's router and the
 * AuthGuard read, so a route added, widened or left without @Roles fails here.
 */
interface Route {
  readonly key: string;
  readonly roles?: readonly Role[];
  readonly open: boolean;
}

const canonical = (method: string, path: string) =>
  `${method} /${path.split('/').filter(Boolean).join('/')}`.replace(/:[A-Za-z]+|\{[A-Za-z]+\}/g, '{}');

function controllersOf(module: DynamicModule | Type, seen = new Set<unknown>()): Type[] {
  const dynamic = typeof module === 'function' ? undefined : module;
  const type = dynamic ? dynamic.module : (module as Type);
  if (seen.has(dynamic ?? type)) return [];
  seen.add(dynamic ?? type);
  const meta = (key: string) => (Reflect.getMetadata(key, type) as unknown[] | undefined) ?? [];
  const imports = [...meta('imports'), ...(dynamic?.imports ?? [])] as (DynamicModule | Type)[];
  return [
    ...(meta('controllers') as Type[]),
    ...(dynamic?.controllers ?? []),
    ...imports.flatMap((m) => controllersOf(m, seen)),
  ];
}

function routesOf(module: DynamicModule): Route[] {
  return controllersOf(module).flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto).flatMap((name) => {
      const handler = proto[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (name === 'constructor' || method === undefined) return [];
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const roles = (Reflect.getMetadata(REQUIRED_ROLES, handler) ??
        Reflect.getMetadata(REQUIRED_ROLES, controller)) as Role[] | undefined;
      const open =
        Reflect.getMetadata(IS_PUBLIC, handler) === true ||
        Reflect.getMetadata(IS_PUBLIC, controller) === true ||
        Reflect.getMetadata(IS_METRICS, handler) === true;
      return [{ key: canonical(RequestMethod[method], `${base}/${path}`), roles, open }];
    });
  });
}

const keys = generateKeyPairSync('ed25519');
const settings = (service: ServiceSettings['service']): ServiceSettings => ({
  service,
  jwtSecret: 'route-roles-test-secret-0123456789abcdefghij',
  personRefSecret: 'route-roles-test-person-ref-0123456789abcdef',
  gatewayPublicKey: keys.publicKey,
  logLevel: 'silent',
});
// Registering a module only builds its description; the infrastructure is never touched here.
const infra = {} as ServiceInfra;
const SERVICES = {
  'hardship-cases': HardshipCasesModule.register(infra, settings('hardship-cases')),
  'education-grants': EducationGrantsModule.register(infra, settings('education-grants')),
  'medical-aid': MedicalAidModule.register(infra, settings('medical-aid')),
  organisation: OrganisationModule.register(infra, settings('organisation')),
} as const;

const gatewayOwn = routesOf(
  GatewayModule.register(
    loadGatewaySettings(
      {
        HARDSHIP_CASES_URL: 'http://h',
        EDUCATION_GRANTS_URL: 'http://g',
        MEDICAL_AID_URL: 'http://m',
        ORGANISATION_URL: 'http://o',
      },
      true,
    ),
  ),
);
/** The service routes the gateway calls to compose a view of its own, by the gateway route that uses them. */
const COMPOSED: Readonly<Record<string, string>> = {
  'GET /api/v1/hardship/people/{}': 'GET /api/v1/people/{}',
  'GET /api/v1/grants/people/{}': 'GET /api/v1/people/{}',
  'GET /api/v1/medical-aid/people/{}': 'GET /api/v1/people/{}',
  'GET /api/v1/audit/people/{}/events': 'GET /api/v1/audit/people/{}/timeline',
  'GET /api/v1/audit/correlations/{}/events': 'GET /api/v1/audit/trace/{}',
  'GET /api/v1/privacy/people/{}': 'GET /api/v1/privacy/people/{}',
  'POST /api/v1/privacy/people/{}/requests': 'POST /api/v1/privacy/people/{}/requests',
  'GET /api/v1/privacy/processing-records': 'GET /api/v1/privacy/processing-records',
};
const PROBES = ['GET /health/live', 'GET /health/ready', 'GET /metrics'];
const sorted = (roles: readonly Role[] | undefined) => [...(roles ?? [])].sort();

describe.each(Object.entries(SERVICES))(
  '%s: the roles of every route, as the gateway admits them',
  (name, module) => {
    const routes = routesOf(module);
    const table = new Map(
      ROUTE_TABLE.filter((r) => r.upstream === name).map((r) => {
        const path = r.servicePrefix ? r.path.replace(r.servicePrefix.from, r.servicePrefix.to) : r.path;
        return [canonical(r.method, path), r.roles] as const;
      }),
    );
    const gatewayRolesOf = (key: string): readonly Role[] | undefined =>
      table.get(key) ?? gatewayOwn.find((g) => g.key === COMPOSED[key])?.roles;

    it('finds the routes (the walk reaches every controller)', () => {
      expect(routes.length).toBeGreaterThan(table.size);
    });

    it('opens only the probes and the metrics without a user token', () => {
      expect(
        routes
          .filter((r) => r.open)
          .map((r) => r.key)
          .sort(),
      ).toEqual([...PROBES].sort());
    });

    it('puts @Roles on every other route, exactly the roles the gateway admits', () => {
      const drift = routes
        .filter((r) => !r.open)
        .filter((r) => JSON.stringify(sorted(r.roles)) !== JSON.stringify(sorted(gatewayRolesOf(r.key))))
        .map(
          (r) =>
            `${r.key}: service ${JSON.stringify(sorted(r.roles))}, gateway ${JSON.stringify(sorted(gatewayRolesOf(r.key)))}`,
        );
      expect(drift).toEqual([]);
    });

    it('serves every route the gateway forwards to it', () => {
      const served = new Set(routes.map((r) => r.key));
      expect([...table.keys()].filter((key) => !served.has(key))).toEqual([]);
    });
  },
);
