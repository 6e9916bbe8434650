import { CliError, EXIT, type CliIo } from './cli-io';

/**
 * The gateway as the auditor's CLI sees it: JSON over HTTP with a bearer token. Errors come back
 * as the gateway's problem+json; the CLI prints their detail and exits 3.
 */
export class GatewayClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** The answer's text as sent (an evidence file), not parsed. */
  async getText(path: string): Promise<string> {
    const res = await this.fetch('GET', path);
    const text = await res.text();
    if (!res.ok) throw new CliError(problemLine('GET', path, res.status, parseOrNull(text)), EXIT.apiFailed);
    return text;
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetch(method, path, body);
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) throw new CliError(problemLine(method, path, res.status, parsed), EXIT.apiFailed);
    return parsed as T;
  }

  private async fetch(method: string, path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(`The gateway at ${this.baseUrl} is unreachable (${String(error)}).`, EXIT.apiFailed);
    }
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function problemLine(method: string, path: string, status: number, body: unknown): string {
  const p = (body ?? {}) as { code?: string; detail?: string };
  return `${method} ${path}: ${status} ${p.code ?? ''} ${p.detail ?? ''}`.trim();
}

/**
 * The gateway's URL (`AUDIT_GATEWAY_URL`) and a token: `AUDIT_TOKEN`, or with `devLogin` one the
 * embedded platform's dev-token route signs (`AUTH_DEV_LOGIN=true` only) for `roles`.
 */
export async function connect(
  io: CliIo,
  options: { devLogin: boolean; roles: readonly string[] },
): Promise<GatewayClient> {
  const baseUrl = (io.env.AUDIT_GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const token = io.env.AUDIT_TOKEN;
  if (token && !options.devLogin) return new GatewayClient(baseUrl, token);
  if (!options.devLogin) {
    throw new CliError(
      'Set AUDIT_TOKEN to an auditor token, or pass --dev-login on the embedded platform.',
      EXIT.usage,
    );
  }
  const sub = `audit-cli-${options.roles.join('-')}`;
  const anonymous = new GatewayClient(baseUrl, '');
  const answer = await anonymous.post<{ token: string }>('/api/v1/auth/dev-token', {
    sub,
    name: 'audit CLI',
    roles: options.roles,
    units: ['*'],
  });
  return new GatewayClient(baseUrl, answer.token);
}
