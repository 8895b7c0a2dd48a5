import { ElMessageBox } from 'element-plus'
import { api } from './api.js'
import { activityTypeText, fmtDate } from './labels.js'
import { isCancel, toastError, toastOk } from './ui.js'

// Row actions shared by the 活动记录 page and the unit detail card.
// Each resolves true when the activity changed (the caller reloads).

export async function removeActivity(a) {
  try {
    await ElMessageBox.confirm(
      `确定删除「${a.unit_name}」${fmtDate(a.activity_date)}的${activityTypeText(a)}活动「${a.title}」吗？删除后不可恢复，台账统计将不再计入这次活动。`,
      '删除活动记录',
      { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消', confirmButtonClass: 'el-button--danger' },
    )
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
  try {
    await api.del(`/activities/${a.id}`, { version: a.version })
    toastOk('活动记录已删除')
    return true
  } catch (e) {
    toastError(e)
    return e.status === 409 || e.status === 404
  }
}
