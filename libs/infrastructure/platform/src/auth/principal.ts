/** The roles of API.md: what a signed-in person may do. */
export const ROLES = ['caseworker', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Unit id meaning "every unit" in a principal's `units`. */
export const ALL_UNITS = '*';

/** Who is making the request, from the verified token. */
export interface Principal {
  /** Stable user id (`sub` claim); recorded as the actor of events. */
  readonly sub: string;
  /** Display name; the `sub` when the token has no `name`. */
  readonly name: string;
  readonly roles: readonly Role[];
  /** Union unit ids the user may act for; `['*']` for all. */
  readonly units: readonly string[];
}

/** Narrows a string to a known {@link Role}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
