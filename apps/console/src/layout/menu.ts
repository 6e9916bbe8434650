/**
 * The side menu, by role: each entry names the roles whose work it is (API.md gives who may do
 * what; the menu only leaves out what a role has no use for, the API still decides). A menu entry
 * with `children` is a group. One place for the console's top-level screens.
 */
export type Role = 'caseworker' | 'reviewer' | 'admin' | 'auditor';

export interface MenuEntry {
  readonly key: string;
  readonly label: string;
  readonly roles: readonly Role[];
  readonly children?: readonly MenuEntry[];
}

export const MENU: readonly MenuEntry[] = [
  { key: '/workbench', label: '工作台', roles: ['caseworker'] },
  { key: '/approvals', label: '审批', roles: ['reviewer'] },
  { key: '/cases', label: '困难职工档案', roles: ['caseworker', 'reviewer', 'auditor'] },
  { key: '/referrals', label: '转介', roles: ['caseworker'] },
  { key: '/grants', label: '金秋助学', roles: ['caseworker', 'reviewer'] },
  { key: '/medical-aid', label: '医疗互助', roles: ['caseworker', 'reviewer'] },
  { key: '/people', label: '人员查询', roles: ['caseworker', 'reviewer', 'auditor'] },
  { key: '/reports', label: '统计报表', roles: ['caseworker', 'reviewer', 'admin', 'auditor'] },
  {
    key: '/admin',
    label: '管理',
    roles: ['admin'],
    children: [
      { key: '/admin/policies', label: '区域政策', roles: ['admin'] },
      { key: '/admin/campaigns', label: '助学活动', roles: ['admin'] },
      { key: '/admin/periods', label: '互助期次', roles: ['admin'] },
      { key: '/audit/rebuild', label: '重建核对', roles: ['admin'] },
    ],
  },
  { key: '/audit', label: '审计', roles: ['auditor'] },
];

const visible = (e: MenuEntry, roles: readonly string[]) => e.roles.some((r) => roles.includes(r));

/** The entries a user with `roles` sees, groups keeping only their visible children. */
export function menuFor(roles: readonly string[]): MenuEntry[] {
  return MENU.filter((e) => visible(e, roles)).map((e) =>
    e.children ? { ...e, children: e.children.filter((c) => visible(c, roles)) } : e,
  );
}

const HOME: readonly (readonly [Role, string])[] = [
  ['caseworker', '/workbench'],
  ['reviewer', '/approvals'],
  ['admin', '/admin/policies'],
  ['auditor', '/audit'],
];

/** Where a user lands after sign-in: the day's work of their first role in this order. */
export function homeFor(roles: readonly string[]): string {
  return HOME.find(([role]) => roles.includes(role))?.[1] ?? '/workbench';
}

/** The menu key to highlight for a path: the longest entry the path is in. */
export function selectedKey(pathname: string, roles: readonly string[]): string | undefined {
  const keys = menuFor(roles).flatMap((e) => [e.key, ...(e.children ?? []).map((c) => c.key)]);
  return keys
    .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
}
