// Money in the UI. The API keeps amounts as integer fen (分); people type and read 元.
// Everything here is string / BigInt arithmetic: no float is ever multiplied by 100
// (0.29 * 100 = 28.999999999999996).

export const FEN_MAX = 10n ** 15n // the server's cap (amount_fen ≤ 10^15)

// Parses what a person typed as 元 — "1480000", "1,480,000.5", "¥1,480,000.00", "1480000元",
// "-12.5", or in 万元: "148万", "148.00万元" — into integer fen. At most two decimals of 元 (six of
// 万元); thousands commas and full-width digits are allowed. The sign is kept: whether a negative amount is allowed is the server's call (its message
// then shows under the field).
// Returns {fen: Number|null, error: ''}; fen is null for an empty input.
export function parseYuan(text) {
  let s = String(text ?? '')
    .replace(/[\s\u00a0]/g, '')
    .replace(/[，,]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
  if (s === '') return { fen: null, error: '' }
  const wan = /万$/.test(s)
  if (wan) s = s.slice(0, -1)
  let neg = false
  if (/^[-−－]/.test(s)) {
    neg = true
    s = s.slice(1)
  } else if (s[0] === '+') s = s.slice(1)
  const m = /^(\d*)(?:[.．](\d*))?$/.exec(s)
  if (!m || (m[1] === '' && !m[2])) return { fen: null, error: '请输入金额（元），如 1480000.00' }
  const whole = m[1] || '0'
  const frac = m[2] || ''
  const places = wan ? 6 : 2 // 1 万元 = 1,000,000 fen
  if (frac.length > places) return { fen: null, error: '金额最多保留两位小数（精确到分）' }
  const fen = BigInt(whole) * 10n ** BigInt(places) + BigInt((frac + '000000').slice(0, places))
  if (fen > FEN_MAX) return { fen: null, error: '金额过大' }
  const n = Number(fen) // ≤ 10^15 < 2^53: exact
  return { fen: neg && n ? -n : n, error: '' }
}

// Integer fen (a Number or numeric string) → BigInt; null when it is not an integer.
function toBig(fen) {
  if (fen == null || fen === '') return null
  const s = String(fen).trim()
  if (!/^-?\d+$/.test(s)) return null
  return BigInt(s)
}

const groups = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

// fen → "1,480,000.00" (thousands commas, always two decimals).
export function fmtYuan(fen) {
  const b = toBig(fen)
  if (b == null) return ''
  const neg = b < 0n
  const a = neg ? -b : b
  const whole = a / 100n
  const cents = String(a % 100n).padStart(2, '0')
  return `${neg ? '-' : ''}${groups(String(whole))}.${cents}`
}

// fen → "148.00" 万元, rounded half up (away from zero) to 0.01 万元 (= 10,000 fen), as the server.
export function fmtWan(fen) {
  const b = toBig(fen)
  if (b == null) return ''
  const neg = b < 0n
  const a = neg ? -b : b
  const q = (a + 5000n) / 10000n // in 0.01 万元
  if (q === 0n) return '0.00'
  return `${neg ? '-' : ''}${groups(String(q / 100n))}.${String(q % 100n).padStart(2, '0')}`
}

// "46412.99" (a figure the server formatted, e.g. amount_wan) → "46,412.99".
export function groupFigure(text) {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(String(text ?? '').trim())
  return m ? `${m[1]}${groups(m[2])}${m[3] || ''}` : String(text ?? '')
}

// fen → what the amount input shows when editing: "1480000.00" (no commas), '' for null.
export function fenToInput(fen) {
  const b = toBig(fen)
  if (b == null) return ''
  const neg = b < 0n
  const a = neg ? -b : b
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`
}

// An amount as people read it: "¥1,480,000.00"; with `wan` from 100万元 up "148.00 万元".
export function fmtMoney(fen, { wan = false } = {}) {
  const b = toBig(fen)
  if (b == null) return ''
  if (wan && (b >= 100000000n || b <= -100000000n)) return `${fmtWan(fen)} 万元`
  return `¥${fmtYuan(fen)}`
}
