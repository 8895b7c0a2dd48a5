import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'

// The logged-in user and what comes with the session.
export const session = reactive({
  loaded: false, // GET /session has been tried
  user: null, // {id,username,display_name,role,region_code,region_name,unit_id,unit_name,must_change_password}
  officeName: '文明办',
})

function apply(data) {
  session.user = (data && data.user) || null
  setCsrfToken(data && data.csrf_token)
  if (data && data.office_name) session.officeName = data.office_name
  session.loaded = true
}

export function clearSession() {
  session.user = null
  setCsrfToken('')
  session.loaded = true
}

// Load the current session; resolves to the user or null (not logged in).
export async function loadSession() {
  try {
    const data = await api.get('/session', null, { quiet401: true })
    apply(data)
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      clearSession()
      try {
        const pub = await api.get('/settings/public', null, { quiet401: true })
        if (pub && pub.office_name) session.officeName = pub.office_name
      } catch {
        /* keep the default name */
      }
    } else {
      session.loaded = false
      throw e
    }
  }
  return session.user
}

export async function login(username, password) {
  const data = await api.post('/session', { username, password }, { quiet401: true })
  apply(data)
  return session.user
}

export async function logout() {
  try {
    await api.del('/session', null, { quiet401: true })
  } catch {
    /* already gone */
  }
  clearSession()
}

export function hasRole(...roles) {
  return !!session.user && roles.includes(session.user.role)
}

export const isAdmin = () => hasRole('admin')
