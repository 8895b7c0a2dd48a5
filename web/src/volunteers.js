import { ElMessageBox } from 'element-plus'
import { api } from './api.js'
import { isCancel, toastError, toastOk } from './ui.js'

// Row actions of the 志愿者 page. Resolves true when the roster changed (the caller reloads).

export async function removeVolunteer(v) {
  try {
    await ElMessageBox.confirm(
      `确定从「${v.unit_name}」的志愿者名册中删除「${v.name}」吗？删除后不可恢复。志愿者退出时请改为「已退出」并填写退出日期。`,
      '删除志愿者',
      { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消', confirmButtonClass: 'el-button--danger' },
    )
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
  try {
    await api.del(`/volunteers/${v.id}`, { version: v.version })
    toastOk('志愿者已删除')
    return true
  } catch (e) {
    toastError(e)
    return e.status === 409 || e.status === 404
  }
}
