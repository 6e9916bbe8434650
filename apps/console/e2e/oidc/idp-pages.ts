// The e2e identity provider's own pages (统一身份认证): sign-in, consent, sign-out and error, in
// Chinese, plain HTML with nothing loaded from anywhere (oidc-provider's development pages import
// a web font from the internet; these do not).

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;background:#f0f2f5;margin:0}main{max-width:360px;margin:64px auto;background:#fff;padding:24px 32px;border-radius:4px}
label{display:block;margin:12px 0 4px}input{width:100%;padding:8px;box-sizing:border-box}button{margin-top:16px;padding:8px 16px}
.error{color:#a8071a}</style></head><body><main>${body}</main></body></html>`;
}

/** The sign-in form; `error` after a wrong account or password. */
export function loginPage(uid: string, clientName: string, error?: string): string {
  return layout(
    '统一身份认证 · 登录',
    `<h1>统一身份认证</h1><p>登录以继续访问「${escape(clientName)}」</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">账号</label><input id="login" name="login" autocomplete="username" required>
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button></form>`,
  );
}

/** What the client asks for, to grant or refuse. */
export function consentPage(uid: string, clientName: string, scopes: readonly string[]): string {
  return layout(
    '统一身份认证 · 授权',
    `<h1>授权确认</h1><p>「${escape(clientName)}」请求使用您的以下信息：</p>
<ul>${scopes.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>
<form method="post" action="/interaction/${escape(uid)}/confirm"><button type="submit">同意授权</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">拒绝</button></form>`,
  );
}

/** RP-initiated logout's confirmation; `form` is the provider's own (with its CSRF token). */
export function logoutPage(form: string): string {
  return layout(
    '统一身份认证 · 退出',
    `<h1>退出统一身份认证</h1><p>是否同时退出统一身份认证？</p>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">确认退出</button>
<button type="submit" form="op.logoutForm">暂不退出</button>`,
  );
}

export function errorPage(error: string, description?: string): string {
  return layout(
    '统一身份认证 · 出错',
    `<h1>统一身份认证出错</h1><p role="alert">${escape(error)}${description ? `：${escape(description)}` : ''}</p>`,
  );
}
