import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { api, apiUrl } from './api.js'
import { toastError } from './ui.js'

// A list page whose search, page and page size live in the URL query:
// back/forward and reload keep them, and the export link repeats the query.
// `defaults` gives a filter its value when the URL does not name it (e.g. the current year);
// such a filter is left out of the URL while it has that value, so it cannot be emptied:
// offer an explicit value for "all" and map it with `toApi` (the filters → the API's query).
export function useRouteList({ path, keys, routeName, extraParams = () => ({}), defaults = {}, toApi = (p) => p }) {
  const route = useRoute()
  const router = useRouter()
  const dflt = (k) => defaults[k] ?? ''
  const blank = () => Object.fromEntries(keys.map((k) => [k, dflt(k)]))
  const filters = reactive(blank())
  const page = ref(1)
  const perPage = ref(20)
  const rows = ref([])
  const total = ref(0)
  const loading = ref(false)
  let ctrl = null

  function fromRoute() {
    const q = route.query
    for (const k of keys) filters[k] = typeof q[k] === 'string' ? q[k] : dflt(k)
    page.value = Math.max(1, parseInt(q.page) || 1)
    const pp = parseInt(q.per_page)
    perPage.value = [10, 20, 50, 100].includes(pp) ? pp : 20
  }

  const queryParams = computed(() => {
    const p = {}
    for (const k of keys) {
      const v = typeof filters[k] === 'string' ? filters[k].trim() : filters[k]
      if (v !== '' && v != null) p[k] = v
    }
    return p
  })
  const apiParams = computed(() => toApi({ ...queryParams.value }))
  const exportUrl = computed(() => apiUrl(path, { ...apiParams.value, ...extraParams(), format: 'csv' }))

  async function load() {
    if (ctrl) ctrl.abort()
    ctrl = new AbortController()
    const my = ctrl
    loading.value = true
    try {
      const data = await api.get(path, { ...apiParams.value, ...extraParams(), page: page.value, per_page: perPage.value }, { signal: my.signal })
      rows.value = (data && data.items) || []
      total.value = (data && data.total) || 0
    } catch (e) {
      if (e.name !== 'AbortError') {
        rows.value = []
        total.value = 0
        toastError(e)
      }
    } finally {
      if (ctrl === my) loading.value = false
    }
  }

  function pushRoute() {
    const query = {}
    for (const [k, v] of Object.entries(queryParams.value)) if (String(v) !== String(dflt(k))) query[k] = String(v)
    if (page.value > 1) query.page = String(page.value)
    if (perPage.value !== 20) query.per_page = String(perPage.value)
    const cur = route.query
    const same = Object.keys(query).length === Object.keys(cur).length && Object.keys(query).every((k) => cur[k] === query[k])
    if (same) load()
    else router.replace({ query })
  }
  function search() {
    page.value = 1
    pushRoute()
  }
  function reset() {
    Object.assign(filters, blank())
    search()
  }
  function onSizeChange(n) {
    perPage.value = n
    page.value = 1
    pushRoute()
  }
  function onPageChange(n) {
    page.value = n
    pushRoute()
  }

  watch(
    () => route.query,
    () => {
      if (route.name !== routeName) return
      fromRoute()
      load()
    },
  )
  onMounted(() => {
    fromRoute()
    load()
  })

  const hasFilters = computed(() => Object.entries(queryParams.value).some(([k, v]) => String(v) !== String(dflt(k))))

  return { filters, page, perPage, rows, total, loading, load, search, reset, onSizeChange, onPageChange, exportUrl, hasFilters, apiParams }
}
