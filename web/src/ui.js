import { reactive } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'

// Page-level state the layout shows (e.g. the unit name as the last breadcrumb).
export const pageState = reactive({ title: '' })

// Toasts. Failures show the server's message, never a raw code.
export function toastOk(msg) {
  ElMessage({ type: 'success', message: msg, grouping: true })
}
export function toastError(err, fallback = '操作失败') {
  if (err && err.name === 'AbortError') return
  // 401 / password_change_required are handled by redirects
  if (err && (err.status === 401 || err.code === 'password_change_required')) return
  const msg = (err && err.message) || fallback
  ElMessage({ type: 'error', message: msg, grouping: true, duration: 4000 })
}

// ElMessageBox rejects with 'cancel' / 'close' when dismissed.
export const isCancel = (e) => e === 'cancel' || e === 'close'

export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    /* fall back */
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  document.body.appendChild(ta)
  ta.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  document.body.removeChild(ta)
  return ok
}

// Ask before throwing away unsaved input; resolves true when it may close.
export async function confirmDiscard(dirty) {
  if (!dirty) return true
  try {
    await ElMessageBox.confirm('有未保存的修改，确定放弃并关闭吗？', '提示', {
      type: 'warning',
      confirmButtonText: '放弃修改',
      cancelButtonText: '继续编辑',
    })
    return true
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
}

// Saves rows (arrays of cells) as a CSV file Excel opens as UTF-8 (BOM, CRLF).
export function downloadCsv(filename, rows) {
  const cell = (v) => {
    const s = v == null ? '' : String(v)
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const csv = '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}
