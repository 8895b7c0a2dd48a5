import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession, clearSession } from './session.js'
import { setApiHandlers } from './api.js'
import AppLayout from './layout/AppLayout.vue'

const ADMIN = ['admin']
// 创建台账: a unit's liaison keeps their own unit's pairings, activities, volunteers, exemplars, aid
// and public-service ads; viewers read
const LEDGER = ['admin', 'unit', 'viewer']
const OFFICE_READ = ['admin', 'viewer']

const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginPage.vue'), meta: { public: true, title: '登录' } },
  // a volunteer's self-report form (志愿服务时长自报): no login, no app frame, no session needed
  {
    path: '/r/:token',
    name: 'self-report',
    component: () => import('./views/SelfReportPage.vue'),
    meta: { public: true, bare: true, title: '志愿服务时长自报' },
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('./views/DashboardPage.vue'), meta: { title: '首页' } },
      {
        path: 'units',
        name: 'units',
        component: () => import('./views/UnitList.vue'),
        meta: { title: '单位名录', group: '单位管理', roles: ADMIN },
      },
      {
        path: 'units/:id(\\d+)',
        name: 'unit',
        component: () => import('./views/UnitDetail.vue'),
        meta: { title: '单位详情', group: '单位管理', parent: { title: '单位名录', to: '/units', roles: ADMIN } },
      },
      {
        path: 'titles',
        name: 'titles',
        component: () => import('./views/TitleList.vue'),
        meta: { title: '荣誉称号', group: '单位管理', roles: ADMIN },
      },
      {
        path: 'ledger/pairings',
        name: 'pairings',
        component: () => import('./views/PairingList.vue'),
        meta: { title: '结对共建', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/activities',
        name: 'activities',
        component: () => import('./views/ActivityList.vue'),
        meta: { title: '活动记录', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/volunteers',
        name: 'volunteers',
        component: () => import('./views/VolunteerList.vue'),
        meta: { title: '志愿者', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/hour-reports',
        name: 'hour-reports',
        component: () => import('./views/HourReportList.vue'),
        meta: { title: '时长审核', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/exemplars',
        name: 'exemplars',
        component: () => import('./views/ExemplarList.vue'),
        meta: { title: '先进典型', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/board',
        name: 'exemplar-board',
        component: () => import('./views/ExemplarBoard.vue'),
        meta: { title: '四德榜', group: '创建台账', roles: LEDGER, parent: { title: '先进典型', to: '/ledger/exemplars' } },
      },
      {
        path: 'ledger/aid',
        name: 'aid',
        component: () => import('./views/AidList.vue'),
        meta: { title: '帮扶记录', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/publicity',
        name: 'publicity',
        component: () => import('./views/PublicityList.vue'),
        meta: { title: '公益宣传', group: '创建台账', roles: LEDGER },
      },
      {
        path: 'ledger/stats',
        name: 'ledger-stats',
        component: () => import('./views/LedgerStats.vue'),
        meta: { title: '台账统计', group: '创建台账', roles: LEDGER },
      },
      {
        // 批量导入: ?kind=activities|volunteers|hours presets what is imported
        path: 'ledger/import',
        name: 'import',
        component: () => import('./views/ImportWizard.vue'),
        meta: { title: '批量导入', group: '创建台账', roles: ['admin', 'unit'] },
      },
      {
        path: 'ledger/partners',
        name: 'partners',
        component: () => import('./views/PartnerList.vue'),
        meta: { title: '共建对象', group: '创建台账', roles: OFFICE_READ },
      },
      {
        path: 'ledger/coverage',
        name: 'coverage',
        component: () => import('./views/PairingCoverage.vue'),
        meta: { title: '结对覆盖', group: '创建台账', roles: OFFICE_READ },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('./views/UserList.vue'),
        meta: { title: '用户', group: '系统管理', roles: ADMIN },
      },
      {
        path: 'system/regions',
        name: 'regions',
        component: () => import('./views/RegionTree.vue'),
        meta: { title: '行政区划', group: '系统管理', roles: ADMIN },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('./views/AuditLog.vue'),
        meta: { title: '审计日志', group: '系统管理', roles: ADMIN },
      },
      { path: 'password', name: 'password', component: () => import('./views/ChangePassword.vue'), meta: { title: '修改密码' } },
      { path: ':pathMatch(.*)*', name: 'notfound', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在' } },
    ],
  },
]

const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  // public pages outside the app (the self-report form) open for anyone, without asking for a session
  if (to.meta.bare) return true
  if (!session.loaded) {
    try {
      await loadSession()
    } catch {
      // server unreachable: the login page says so when used
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.user) return session.user.must_change_password ? { name: 'password' } : { path: '/' }
    return true
  }
  if (!session.user) {
    return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (session.user.must_change_password && to.name !== 'password') return { name: 'password' }
  if (to.meta.roles && !to.meta.roles.includes(session.user.role)) {
    // a unit liaison's "单位名录" is their own unit
    if (session.user.role === 'unit' && session.user.unit_id && to.name === 'units') {
      return { name: 'unit', params: { id: session.user.unit_id } }
    }
    return { name: 'home' }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 文明单位创建测评管理系统` : '文明单位创建测评管理系统'
})

setApiHandlers({
  unauthorized() {
    clearSession()
    const cur = router.currentRoute.value
    if (cur.name !== 'login') {
      router.push({ name: 'login', query: cur.fullPath && cur.fullPath !== '/' ? { redirect: cur.fullPath } : {} })
    }
  },
  passwordRequired() {
    if (session.user) session.user.must_change_password = true
    if (router.currentRoute.value.name !== 'password') router.push({ name: 'password' })
  },
})

export default router
