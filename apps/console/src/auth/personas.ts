/**
 * The ready personas of the development sign-in page (embedded default only: the gateway answers
 * `POST /api/v1/auth/dev-token` only with AUTH_DEV_LOGIN=true). One place to change them: the
 * unit ids name nodes of the tree the embedded default seeds (libs/organisation/service/src/seeds):
 * caseworkers of two counties in two cities, reviewer and admin of the province, auditor of all.
 */
export interface Persona {
  readonly key: string;
  readonly sub: string;
  readonly name: string;
  readonly title: string;
  readonly roles: readonly ('caseworker' | 'reviewer' | 'auditor' | 'admin')[];
  readonly units: readonly string[];
}

export const PERSONAS: readonly Persona[] = [
  {
    key: 'caseworker',
    sub: 'cw-jinshui',
    name: '李敏',
    title: '帮扶干部（金水区总工会）',
    roles: ['caseworker'],
    units: ['ha-zz-jsq'],
  },
  {
    key: 'caseworker-2',
    sub: 'cw-xigong',
    name: '王芳',
    title: '帮扶干部（西工区总工会）',
    roles: ['caseworker'],
    units: ['ha-ly-xgq'],
  },
  {
    key: 'reviewer',
    sub: 'rv-henan',
    name: '张伟',
    title: '审核人（河南省总工会）',
    roles: ['reviewer'],
    units: ['ha'],
  },
  {
    key: 'admin',
    sub: 'admin-henan',
    name: '赵静',
    title: '管理员（河南省总工会）',
    roles: ['admin'],
    units: ['ha'],
  },
  {
    key: 'auditor',
    sub: 'au-henan',
    name: '陈刚',
    title: '审计（河南省总工会）',
    roles: ['auditor'],
    units: ['*'],
  },
];

/** The region of the cases the personas open (GB/T 2260), until units carry their own. */
export const DEFAULT_REGION_CODE = '410105';
