// Volunteers' service hours (服务时长): the API keeps whole minutes, people read and type hours
// with at most one decimal. The conversions are string and integer arithmetic only: no float
// multiplication, so "2.3" is 138 minutes, never 137.99999….

export const MINUTES_MAX = 1440 // 24 hours, per volunteer per activity or per report

export const HOUR_REPORT_STATUS = { pending: '待审核', approved: '已通过', declined: '已退回' }
export const HOUR_REPORT_STATUS_ORDER = ['pending', 'approved', 'declined']
export const HOUR_REPORT_STATUS_TAG = { pending: 'warning', approved: 'success', declined: 'info' }

// "2.5" → {minutes: 150}; a problem → {error: '…'} (the text says what to type).
export function hoursToMinutes(text) {
  const s = String(text ?? '').trim().replace(/。/g, '.').replace(/．/g, '.')
  if (!s) return { error: '请填写服务时长' }
  const m = /^(\d{1,4})(?:\.(\d)?)?$/.exec(s) || /^()\.(\d)$/.exec(s)
  if (!m) return { error: '服务时长以小时填写，最多一位小数，如 2.5' }
  const whole = m[1] ? parseInt(m[1], 10) : 0
  const tenth = m[2] ? parseInt(m[2], 10) : 0
  const minutes = whole * 60 + tenth * 6
  if (minutes < 1) return { error: '服务时长应大于0' }
  if (minutes > MINUTES_MAX) return { error: '服务时长不能超过24小时' }
  return { minutes }
}

// 150 → "2.5", 120 → "2" (tenths of an hour rounded half up, as the server shows them).
export function minutesToHours(minutes) {
  const m = Math.max(0, Math.trunc(Number(minutes) || 0))
  const tenths = Math.floor((m + 3) / 6)
  const whole = Math.floor(tenths / 10)
  const frac = tenths % 10
  return frac ? `${whole}.${frac}` : String(whole)
}

// "items[3].minutes" → {index: 3, key: 'minutes'}; "items[3]" → {index: 3, key: ''}
export function itemField(field) {
  const m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(field || '')
  return m ? { index: Number(m[1]), key: m[2] || '' } : null
}

// a mobile number as the API wants it: 11 digits starting 1[3-9]
export const PHONE_RE = /^1[3-9]\d{9}$/
