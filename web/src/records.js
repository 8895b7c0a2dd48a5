import { ref, watch } from 'vue'
import { ElMessageBox } from 'element-plus'
import { api } from './api.js'
import { AD_CARRIERS, AID_KINDS_SHORT, EXEMPLAR_KINDS, label } from './labels.js'
import { isCancel, toastError, toastOk } from './ui.js'

// Row actions and small helpers of the 先进典型, 帮扶记录 and 公益宣传 pages.

// Deletes a record after a confirmation naming it. Resolves true when the list changed (the
// caller reloads): deleted, or gone / changed meanwhile (404 / 409).
async function removeRecord(path, rec, { title, what, done }) {
  try {
    await ElMessageBox.confirm(`确定删除「${rec.unit_name}」的${what}吗？删除后不可恢复。`, title, {
      type: 'warning',
      confirmButtonText: '删除',
      cancelButtonText: '取消',
      confirmButtonClass: 'el-button--danger',
    })
  } catch (e) {
    if (isCancel(e)) return false
    throw e
  }
  try {
    await api.del(`${path}/${rec.id}`, { version: rec.version })
    toastOk(done)
    return true
  } catch (e) {
    toastError(e)
    return e.status === 409 || e.status === 404
  }
}

export const removeExemplar = (x) =>
  removeRecord('/exemplars', x, {
    title: '删除先进典型',
    what: `${label(EXEMPLAR_KINDS, x.kind)}「${x.name}」（${x.year}年）`,
    done: '先进典型已删除',
  })

export const removeAid = (x) =>
  removeRecord('/aid', x, {
    title: '删除帮扶记录',
    what: `${x.aid_date} ${label(AID_KINDS_SHORT, x.kind)}记录${x.person || x.item ? `「${x.person || x.item}」` : ''}`,
    done: '帮扶记录已删除',
  })

export const removePublicity = (x) =>
  removeRecord('/publicity', x, {
    title: '删除公益广告',
    what: `${label(AD_CARRIERS, x.carrier)}公益广告「${x.theme}」`,
    done: '公益广告记录已删除',
  })

// The name of the unit a filter names by id (a link or a reload only carries the id).
export function useUnitName(idRef) {
  const name = ref('')
  watch(
    idRef,
    async (id) => {
      name.value = ''
      if (!id) return
      try {
        const u = await api.get(`/units/${id}`)
        if (String(idRef()) === String(id)) name.value = u.name
      } catch {
        if (String(idRef()) === String(id)) name.value = `单位 #${id}`
      }
    },
    { immediate: true },
  )
  return name
}

// The years offered by a year filter: this year (next year too with `next`) back to ten years
// ago, and the one in the URL.
export function yearOptions(thisYear, current, { next = false } = {}) {
  const list = []
  for (let y = thisYear + (next ? 1 : 0); y >= thisYear - 9; y--) list.push(String(y))
  if (/^\d{4}$/.test(String(current || '')) && !list.includes(String(current))) list.push(String(current))
  return list
}
