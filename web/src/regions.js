import { reactive } from 'vue'
import { api } from './api.js'

// Regions in the caller's scope, cached: flat list, tree, full paths.
export const regionStore = reactive({ items: [], byCode: {}, tree: [], loaded: false })

let pending = null

export function loadRegions(force = false) {
  if (regionStore.loaded && !force) return Promise.resolve(regionStore.items)
  if (pending && !force) return pending
  pending = api
    .get('/regions')
    .then((data) => {
      setRegions((data && data.items) || [])
      return regionStore.items
    })
    .finally(() => {
      pending = null
    })
  return pending
}

export function setRegions(items) {
  const byCode = {}
  for (const r of items) byCode[r.code] = { ...r, children: [] }
  const roots = []
  for (const r of items) {
    const node = byCode[r.code]
    const parent = r.parent_code && byCode[r.parent_code]
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  // full path: 内蒙古自治区 / 鄂尔多斯市 / 准格尔旗 (only the part the caller can see)
  const walk = (nodes, prefix) => {
    for (const n of nodes) {
      n.path = prefix ? `${prefix} / ${n.name}` : n.name
      if (!n.children.length) n.children = undefined
      else walk(n.children, n.path)
    }
  }
  walk(roots, '')
  regionStore.items = items
  regionStore.byCode = byCode
  regionStore.tree = roots
  regionStore.loaded = true
}

export function regionPath(code) {
  const r = regionStore.byCode[code]
  return r ? r.path : ''
}

// County-level regions (level 3); when none are visible, the leaves.
export function countyRegions() {
  const all = Object.values(regionStore.byCode)
  let list = all.filter((r) => Number(r.level) === 3)
  if (!list.length) list = all.filter((r) => !r.children)
  return list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

// Dictionaries (unit_category …), cached per kind.
const dictCache = reactive({})
export async function loadDict(kind, force = false) {
  if (dictCache[kind] && !force) return dictCache[kind]
  const data = await api.get(`/dicts/${kind}`)
  dictCache[kind] = ((data && data.items) || []).slice().sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
  return dictCache[kind]
}
export function dictItems(kind) {
  return dictCache[kind] || []
}
