// The public API as the page uses it: POST /login for a token (kept for the browser tab only), POST /graphql.
const KEY = 'narrator.token';

export class GraphQLError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export const token = () => sessionStorage.getItem(KEY);

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export async function signIn(username, password) {
  const response = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After')) || 60;
    throw new Error(`登录失败次数过多，请 ${seconds} 秒后再试。`);
  }
  if (!response.ok) {
    throw new Error(response.status === 401 ? '用户名或密码不正确。' : `登录失败（HTTP ${response.status}）。`);
  }
  const body = await response.json();
  sessionStorage.setItem(KEY, body.access_token);
}

/** What the server offers the signed-in user ({ model }: whether a language model is configured). */
export async function features() {
  const response = await fetch('/app/features', { headers: token() ? { Authorization: `Bearer ${token()}` } : {} });
  return response.ok ? response.json() : { model: false };
}

function headers() {
  const h = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (token()) h.Authorization = `Bearer ${token()}`;
  return h;
}

/** Runs an operation and returns its data; the first error is thrown, in Chinese, with its code. */
export async function gql(query, variables = {}) {
  const response = await fetch('/graphql', { method: 'POST', headers: headers(), body: JSON.stringify({ query, variables }) });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError(`服务器返回了无法读取的应答（HTTP ${response.status}）。`, 'INTERNAL');
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const code = first.extensions && first.extensions.code;
    const prefix = { PERMISSION_DENIED: '无权操作：', UNAUTHENTICATED: '请先登录：', CONFLICT: '版本冲突：', NOT_FOUND: '未找到：',
      BAD_REQUEST: '请求有误：', BAD_USER_INPUT: '输入有误：', UNAVAILABLE: '暂不可用：' }[code] || '出错：';
    throw new GraphQLError(prefix + first.message, code);
  }
  return body.data;
}

/** Downloads a file the API serves (with the sign-in token) and saves it under the given name. */
export async function download(path, fileName) {
  const response = await fetch(path, { headers: token() ? { Authorization: `Bearer ${token()}` } : {} });
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      message = (await response.json()).message || message;
    } catch {
      // not JSON: the status says enough
    }
    throw new GraphQLError('导出失败：' + message, response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
