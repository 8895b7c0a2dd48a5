// Labels and formats shown to people (Simplified Chinese).

export const LEVELS = { national: '全国', region: '自治区级', city: '市级', banner: '旗级' }
export const LEVEL_ORDER = ['national', 'region', 'city', 'banner']
export const TIERS = { unit: '文明单位', model: '标兵' }
export const TIER_ORDER = ['unit', 'model']
export const TITLE_STATUS = {
  valid: '有效',
  criticized: '通报批评',
  yellow_card: '黄牌警告',
  revoked: '撤销',
  lapsed: '自行终止',
}
export const TITLE_STATUS_ORDER = ['valid', 'criticized', 'yellow_card', 'revoked', 'lapsed']
export const TITLE_STATUS_TAG = {
  valid: 'success',
  criticized: 'warning',
  yellow_card: 'warning',
  revoked: 'danger',
  lapsed: 'info',
}
export const UNIT_STATUS = { active: '正常', merged: '已合并', dissolved: '已撤销' }
export const UNIT_STATUS_TAG = { active: 'success', merged: 'info', dissolved: 'danger' }
export const ROLES = { admin: '管理员', assessor: '测评员', unit: '单位联络员', viewer: '领导查看' }
export const ROLE_ORDER = ['admin', 'assessor', 'unit', 'viewer']
export const REGION_LEVELS = { 1: '省级', 2: '市级', 3: '县级' }

export const LINEAGE_KINDS = {
  created: '设立',
  renamed: '更名',
  merged_into: '并入',
  absorbed: '吸收合并',
  split_from: '分立设立',
  split_to: '分立出',
  dissolved: '撤销',
}
export const LINEAGE_TAG = {
  created: 'primary',
  renamed: 'primary',
  merged_into: 'warning',
  absorbed: 'success',
  split_from: 'primary',
  split_to: 'warning',
  dissolved: 'danger',
}

export const RESTRUCTURE_KINDS = { rename: '更名', merge: '合并（并入其他单位）', split: '分立（分出新单位）', dissolve: '撤销' }

export const label = (map, v) => (v == null || v === '' ? '' : map[v] ?? v)

// 「全国 文明单位」 / 「自治区级 文明单位标兵」
export function titleName(t) {
  if (!t) return ''
  const lv = label(LEVELS, t.level)
  const tier = t.tier === 'model' ? '文明单位标兵' : '文明单位'
  return `${lv} ${tier}`
}

const pad = (n) => String(n).padStart(2, '0')

// YYYY-MM-DD (dates are already date strings; ISO times are shown in local time)
export function fmtDate(v) {
  if (!v) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  const d = new Date(v)
  if (isNaN(d)) return String(v)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// YYYY-MM-DD HH:mm in local time
export function fmtTime(v) {
  if (!v) return ''
  const d = new Date(v)
  if (isNaN(d)) return String(v)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function fmtInt(n) {
  if (n == null || n === '') return ''
  return Number(n).toLocaleString('zh-CN')
}

// GB 32100-2015 统一社会信用代码: 18 characters, last one a check character.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export function usccProblem(code) {
  if (!code) return ''
  if (code.length !== 18) return '统一社会信用代码应为18位'
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const v = USCC_CHARS.indexOf(code[i])
    if (v < 0) return '统一社会信用代码含有无效字符'
    if (i < 17) sum += v * USCC_WEIGHTS[i]
    else {
      const check = (31 - (sum % 31)) % 31
      if (check !== v) return '统一社会信用代码校验位错误'
    }
  }
  return ''
}

// creation ledger: partners (共建对象) and pairings (结对共建)
export const PARTNER_KINDS = { community: '社区（小区）', village: '嘎查村' }
export const PARTNER_KIND_ORDER = ['community', 'village']
export const PARTNER_KIND_TAG = { community: 'primary', village: 'success' }
export const PAIRING_KINDS = {
  city_creation: '结对共建社区（助力文明城市创建）',
  rural_revitalization: '包联共建嘎查村（助力乡村振兴）',
}
export const PAIRING_KINDS_SHORT = { city_creation: '结对共建社区', rural_revitalization: '包联共建嘎查村' }
export const PAIRING_KIND_ORDER = ['city_creation', 'rural_revitalization']
// the partner kind each pairing kind needs
export const PAIRING_PARTNER_KIND = { city_creation: 'community', rural_revitalization: 'village' }
export const PAIRING_STATUS = { active: '有效', ended: '已结束', pending: '未开始' }
export const PAIRING_STATUS_TAG = { active: 'success', ended: 'info', pending: 'warning' }

// Today in the office's time zone (the server's dates are Beijing time), YYYY-MM-DD.
export function todayCN() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date())
  const get = (t) => (parts.find((p) => p.type === t) || {}).value
  return `${get('year')}-${get('month')}-${get('day')}`
}

// 有效 / 已结束 / 未开始 (the server's `active` is for today)
export function pairingStatus(g) {
  if (!g) return ''
  if (g.active) return 'active'
  return g.start_date && g.start_date > todayCN() ? 'pending' : 'ended'
}

// 结束结对 is offered while a pairing is in force and not already ending today
export function pairingEndable(g) {
  return pairingStatus(g) === 'active' && (!g.end_date || g.end_date > todayCN())
}

// a share as a percentage with one decimal; '—' when there is nothing to divide by
export function fmtPct(n, d) {
  n = Number(n) || 0
  d = Number(d) || 0
  if (!d) return '—'
  return `${((n * 100) / d).toFixed(1)}%`
}

// creation ledger: activities (活动记录)
export const OUR_FESTIVALS = 'our_festivals' // the activity type that needs a festival
export const FESTIVALS = {
  spring_festival: '春节',
  lantern: '元宵',
  qingming: '清明',
  dragon_boat: '端午',
  qixi: '七夕',
  mid_autumn: '中秋',
  double_ninth: '重阳',
}
export const FESTIVAL_ORDER = ['spring_festival', 'lantern', 'qingming', 'dragon_boat', 'qixi', 'mid_autumn', 'double_ninth']
export const ACTIVITY_ROLES = { hosted: '主办', joined: '参与' }
export const ACTIVITY_ROLE_ORDER = ['hosted', 'joined']
export const ACTIVITY_ROLE_TAG = { hosted: 'primary', joined: 'info' }

// 「我们的节日·中秋」 / 「志愿服务」
export function activityTypeText(a) {
  if (!a) return ''
  const t = a.type_label || a.type_code || ''
  return a.festival ? `${t}·${label(FESTIVALS, a.festival)}` : t
}

// The current year in the office's time zone.
export const yearCN = () => Number(todayCN().slice(0, 4))

// creation ledger: volunteers (志愿者)
export const GENDERS = { male: '男', female: '女' }
export const GENDER_ORDER = ['male', 'female']
export const VOLUNTEER_STATUS = { active: '在册', left: '已退出' }
export const VOLUNTEER_STATUS_ORDER = ['active', 'left']
export const VOLUNTEER_STATUS_TAG = { active: 'success', left: 'info' }
export const VOLUNTEER_RATIO_MIN = 20 // 注册志愿者占职工人数比例 ≥ 20%

// creation ledger: exemplars (先进典型) and the 善行义举四德榜
export const EXEMPLAR_KINDS = {
  moral_model: '道德模范',
  moral_model_collective: '道德模范集体',
  good_person: '身边好人',
  excellent_staff: '优秀员工/先进工作者',
  excellent_volunteer: '优秀志愿者',
  civilized_family: '文明家庭',
}
export const EXEMPLAR_KIND_ORDER = [
  'moral_model', 'moral_model_collective', 'good_person', 'excellent_staff', 'excellent_volunteer', 'civilized_family',
]
// a collective's or a family's name rather than a person's
export const EXEMPLAR_GROUP_KINDS = ['moral_model_collective', 'civilized_family']
export const EXEMPLAR_LEVELS = { unit: '本单位', banner: '旗县级', city: '市级', region: '自治区级', nation: '全国' }
export const EXEMPLAR_LEVEL_ORDER = ['nation', 'region', 'city', 'banner', 'unit']
export const EXEMPLAR_LEVEL_TAG = { nation: 'danger', region: 'warning', city: 'success', banner: 'primary', unit: 'info' }
// the four columns of the 四德榜 ('' = 其他)
export const VIRTUES = { social: '社会公德', professional: '职业道德', family: '家庭美德', personal: '个人品德' }
export const VIRTUE_ORDER = ['social', 'professional', 'family', 'personal']
export const VIRTUE_OTHER = '其他'
export const EXEMPLAR_YEAR_MIN = 1949

// creation ledger: aid (帮扶记录)
export const AID_KINDS = {
  first_secretary: '选派第一书记',
  industry_project: '产业项目',
  purchase_aid: '消费帮扶',
  donation: '捐款捐物',
  aid_funds: '帮扶资金（配套资金）',
}
export const AID_KINDS_SHORT = { ...AID_KINDS, aid_funds: '帮扶资金' }
export const AID_KIND_ORDER = ['first_secretary', 'industry_project', 'purchase_aid', 'donation', 'aid_funds']
export const AID_KIND_TAG = {
  first_secretary: 'danger', industry_project: 'primary', purchase_aid: 'success', donation: 'warning', aid_funds: 'info',
}
export const QUANTITY_UNITS = { kg: '千克', head: '头', piece: '件', box: '箱', bag: '袋' }
export const QUANTITY_UNIT_ORDER = ['kg', 'head', 'piece', 'box', 'bag']

// creation ledger: public-service ads (公益广告)
export const AD_CARRIERS = {
  door_head: '门头',
  wall: '墙体',
  bulletin_board: '宣传栏',
  led_screen: '电子显示屏',
  billboard: '公益广告牌',
  website: '单位网站',
  wechat_weibo_app: '两微一端',
}
export const AD_CARRIER_ORDER = ['door_head', 'wall', 'bulletin_board', 'led_screen', 'billboard', 'website', 'wechat_weibo_app']
