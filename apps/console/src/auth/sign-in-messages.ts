/** Every sentence a failed OpenID Connect sign-in shows (oidc.ts), in one place. */
export const MESSAGES = {
  insecure: '当前页面不是安全连接（HTTPS），无法进行统一身份认证登录，请通过 HTTPS 访问工作台。',
  unreachable: '无法连接统一身份认证服务，请稍后再试。',
  discovery: '统一身份认证服务的配置不正确（发现文档与本平台信任的签发方不一致），请联系管理员。',
  noS256: '统一身份认证服务不支持 PKCE（S256），无法安全登录，请联系管理员。',
  denied: '您已拒绝授权，未能登录。如需使用工作台，请重新登录并同意授权。',
  loginRequired: '统一身份认证需要您重新登录，请再试一次。',
  providerDown: '统一身份认证服务暂时不可用，请稍后再试。',
  noPending: '登录请求校验失败：未找到本次登录的发起记录（可能已在其他页面完成），请重新登录。',
  stateMismatch: '登录请求校验失败（state 不一致），为安全起见已中止登录，请重新登录。',
  expired: '登录请求已过期（超过 10 分钟未完成），请重新登录。',
  wrongIssuer: '登录应答的签发方与本平台信任的不一致，已中止登录。',
  noCode: '统一身份认证未返回授权码，请重新登录。',
  invalidGrant: '授权码已失效或已被使用，请重新登录。',
  idToken: '身份令牌校验失败（签发方、受众或 nonce 不一致），已中止登录。',
  idTokenExpired: '身份令牌已过期，请重新登录。',
  accessToken: '统一身份认证签发的访问令牌不适用于本平台，请联系管理员。',
  noRoles: '您的账号尚未分配工作台角色或所属单位，请联系管理员。',
  sessionExpired: '登录已过期，请重新登录。',
} as const;

/** The Chinese sentence for an error the provider sent back to the redirect URI (RFC 6749 §4.1.2.1). */
export function providerErrorMessage(error: string): string {
  if (error === 'access_denied') return MESSAGES.denied;
  if (
    ['login_required', 'interaction_required', 'consent_required', 'account_selection_required'].includes(
      error,
    )
  )
    return MESSAGES.loginRequired;
  if (error === 'temporarily_unavailable' || error === 'server_error') return MESSAGES.providerDown;
  return `统一身份认证未能完成登录（错误代码 ${error}），请重新登录。`;
}
