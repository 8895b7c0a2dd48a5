import { ElMessageBox } from 'element-plus'
import { api } from './api.js'
import { PAIRING_KINDS_SHORT, label, todayCN } from './labels.js'
import { isCancel, toastError, toastOk } from './ui.js'

// Row actions shared by the 结对共建 page and the unit detail card.
// Each resolves true when the pairing changed (the caller reloads).

const who = (g) => `「${g.unit_name}」与「${g.partner_name}」`

export async function endPairing(g) {
  const today = todayCN()
  try {
    await ElMessageBox.confirm(
      `确定结束${who(g)}的${label(PAIRING_KINDS_SHORT, g.kind)}吗？结束日期将设为今天（${today}），自明天起不再计入有效结对。`,
      '结束结对',
      { type: 'warning', confirmButtonText: '结束结对', cancelButtonText: '取消' },
    )
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
  try {
    await api.patch(`/pairings/${g.id}`, { end_date: today, version: g.version })
    toastOk('结对已结束')
    return true
  } catch (e) {
    toastError(e)
    return e.status === 409 || e.status === 404
  }
}

export async function removePairing(g) {
  try {
    await ElMessageBox.confirm(
      `确定删除${who(g)}的结对记录吗？删除后不可恢复；结对期满请使用「结束结对」保留记录。`,
      '删除结对',
      { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消', confirmButtonClass: 'el-button--danger' },
    )
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
  try {
    await api.del(`/pairings/${g.id}`, { version: g.version })
    toastOk('结对记录已删除')
    return true
  } catch (e) {
    toastError(e)
    return e.status === 409 || e.status === 404
  }
}
