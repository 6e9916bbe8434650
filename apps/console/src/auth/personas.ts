/**
 * The ready personas of the development sign-in page (embedded default only: the gateway answers
 * `POST /api/v1/auth/dev-token` only with AUTH_DEV_LOGIN=true). One place to change them: the
 * unit ids name organisation nodes (libs org tree); reviewer, auditor and admin act for all.
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
    sub: 'cw-chengxi',
    name: '李敏',
    title: '帮扶干部（城西区工会）',
    roles: ['caseworker'],
    units: ['unit-chengxi'],
  },
  {
    key: 'caseworker-2',
    sub: 'cw-chengdong',
    name: '王芳',
    title: '帮扶干部（城东区工会）',
    roles: ['caseworker'],
    units: ['unit-chengdong'],
  },
  {
    key: 'reviewer',
    sub: 'rv-city',
    name: '张伟',
    title: '审核人（市总工会）',
    roles: ['reviewer'],
    units: ['*'],
  },
  {
    key: 'admin',
    sub: 'admin-city',
    name: '赵静',
    title: '管理员（市总工会）',
    roles: ['admin'],
    units: ['*'],
  },
  {
    key: 'auditor',
    sub: 'au-city',
    name: '陈刚',
    title: '审计（市总工会）',
    roles: ['auditor'],
    units: ['*'],
  },
];

/** The region of the cases the personas open (GB/T 2260), until units carry their own. */
export const DEFAULT_REGION_CODE = '110105';
