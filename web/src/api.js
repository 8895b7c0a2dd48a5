// Small fetch wrapper for the wenming JSON API (/api/v1).
// - same-origin cookies, JSON bodies
// - remembers the csrf_token (login / GET /session) and sends X-CSRF-Token
//   on state-changing requests
// - turns {"error":{code,message,field}} into a thrown ApiError
// - 401 → login page; 403 password_change_required → change-password page

export const API_BASE = '/api/v1'

let csrfToken = ''
const handlers = {
  unauthorized: null, // () => void
  passwordRequired: null, // () => void
}

export function setCsrfToken(token) {
  csrfToken = token || ''
}

export function setApiHandlers(h) {
  Object.assign(handlers, h)
}

export class ApiError extends Error {
  constructor({ status = 0, code = '', message = '', field = '', retryAfter = null, data = null } = {}) {
    super(message || '请求失败')
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field || ''
    this.retryAfter = retryAfter
    this.data = data // the whole JSON answer (e.g. an import's error list)
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

// Build a query string from an object, skipping empty values.
export function toQuery(params) {
  const sp = new URLSearchParams()
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === '') continue
      if (Array.isArray(v)) {
        if (v.length) sp.set(k, v.join(','))
      } else {
        sp.set(k, String(v))
      }
    }
  }
  const s = sp.toString()
  return s ? `?${s}` : ''
}

// URL for a plain link (e.g. CSV export of the same query).
export function apiUrl(path, params) {
  return API_BASE + path + toQuery(params)
}

function fallbackMessage(status) {
  switch (status) {
    case 0: return '网络错误，无法连接服务器'
    case 401: return '登录已失效，请重新登录'
    case 403: return '没有权限执行此操作'
    case 404: return '记录不存在或不在您的权限范围内'
    case 409: return '数据已被他人修改，请刷新后重试'
    case 413: return '提交的内容过大'
    case 429: return '操作过于频繁，请稍后再试'
    default: return status >= 500 ? `服务器错误（${status}），请稍后再试` : `请求失败（${status}）`
  }
}

// `raw` sends a FormData, File or Blob as it is (multipart uploads, a file as the body) instead of JSON.
export async function request(method, path, { params, body, raw, quiet401 = false, signal } = {}) {
  method = method.toUpperCase()
  const headers = { Accept: 'application/json' }
  const init = { method, headers, credentials: 'same-origin', signal }
  if (raw !== undefined) {
    init.body = raw
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let res
  try {
    res = await fetch(apiUrl(path, params), init)
  } catch (e) {
    if (e && e.name === 'AbortError') throw e
    throw new ApiError({ status: 0, code: 'network', message: fallbackMessage(0) })
  }

  let data = null
  if (res.status !== 204) {
    const ct = res.headers.get('Content-Type') || ''
    if (ct.includes('json')) {
      try { data = await res.json() } catch { data = null }
    } else {
      try { await res.text() } catch { /* ignore */ }
    }
  }

  if (res.ok) return data

  const e = (data && data.error) || {}
  const ra = res.headers.get('Retry-After')
  const err = new ApiError({
    status: res.status,
    code: e.code || '',
    message: e.message || fallbackMessage(res.status),
    field: e.field || '',
    retryAfter: ra != null && ra !== '' && !isNaN(Number(ra)) ? Number(ra) : null,
    data,
  })

  if (res.status === 401 && !quiet401 && handlers.unauthorized) {
    handlers.unauthorized()
  } else if (res.status === 403 && err.code === 'password_change_required' && handlers.passwordRequired) {
    handlers.passwordRequired()
  }
  throw err
}

export const api = {
  get: (path, params, opts = {}) => request('GET', path, { ...opts, params }),
  post: (path, body, opts = {}) => request('POST', path, { ...opts, body: body ?? {} }),
  put: (path, body, opts = {}) => request('PUT', path, { ...opts, body: body ?? {} }),
  patch: (path, body, opts = {}) => request('PATCH', path, { ...opts, body: body ?? {} }),
  del: (path, params, opts = {}) => request('DELETE', path, { ...opts, params }),
  // POST a FormData / File / Blob as it is (with the CSRF header)
  send: (path, raw, opts = {}) => request('POST', path, { ...opts, raw }),
}

// Downloads a file the API answers (an export, a template) through fetch, so a failure shows the
// server's message instead of a JSON file saved to disk; the name is the server's (filename*).
export async function downloadFile(path, params, fallbackName = 'download') {
  let res
  try {
    res = await fetch(apiUrl(path, params), { credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: fallbackMessage(0) })
  }
  if (!res.ok) {
    let data = null
    try { data = await res.json() } catch { /* not JSON */ }
    const e = (data && data.error) || {}
    const err = new ApiError({ status: res.status, code: e.code || '', message: e.message || fallbackMessage(res.status), field: e.field || '', data })
    if (res.status === 401 && handlers.unauthorized) handlers.unauthorized()
    else if (res.status === 403 && err.code === 'password_change_required' && handlers.passwordRequired) handlers.passwordRequired()
    throw err
  }
  const blob = await res.blob()
  const name = filenameOf(res.headers.get('Content-Disposition')) || fallbackName
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.appendChild(a)
  a.click()
  document.body.removeChild(a)
  setTimeout(() => URL.revokeObjectURL(a.href), 60000)
  return name
}

// The file name of a Content-Disposition header: filename*=UTF-8''… first, then filename="…".
export function filenameOf(cd) {
  if (!cd) return ''
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(cd)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(cd) || /filename\s*=\s*([^;]+)/i.exec(cd)
  return plain ? plain[1].trim() : ''
}

export default api
