// Element Plus, imported by hand: only the components used, with their CSS.
// The heavier ones used on a single page (ElDatePicker, ElTree) are imported
// by those pages so they stay out of the first chunk.
import {
  ElAlert, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCascader, ElCol,
  ElDescriptions, ElDescriptionsItem, ElDialog,
  ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElIcon,
  ElInput, ElInputNumber, ElLink, ElLoading, ElMenu, ElMenuItem, ElMessage,
  ElMessageBox, ElOption, ElPagination, ElRadioButton, ElRadioGroup, ElRow,
  ElSelect, ElSkeleton, ElSubMenu, ElSwitch, ElTable, ElTableColumn, ElTag,
  ElTimeline, ElTimelineItem, ElTooltip, provideGlobalConfig,
} from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'

import 'element-plus/es/components/base/style/css'
import 'element-plus/es/components/alert/style/css'
import 'element-plus/es/components/breadcrumb/style/css'
import 'element-plus/es/components/breadcrumb-item/style/css'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/card/style/css'
import 'element-plus/es/components/cascader/style/css'
import 'element-plus/es/components/col/style/css'
import 'element-plus/es/components/descriptions/style/css'
import 'element-plus/es/components/descriptions-item/style/css'
import 'element-plus/es/components/dialog/style/css'
import 'element-plus/es/components/dropdown/style/css'
import 'element-plus/es/components/dropdown-item/style/css'
import 'element-plus/es/components/dropdown-menu/style/css'
import 'element-plus/es/components/empty/style/css'
import 'element-plus/es/components/form/style/css'
import 'element-plus/es/components/form-item/style/css'
import 'element-plus/es/components/icon/style/css'
import 'element-plus/es/components/input/style/css'
import 'element-plus/es/components/input-number/style/css'
import 'element-plus/es/components/link/style/css'
import 'element-plus/es/components/loading/style/css'
import 'element-plus/es/components/menu/style/css'
import 'element-plus/es/components/menu-item/style/css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/option/style/css'
import 'element-plus/es/components/pagination/style/css'
import 'element-plus/es/components/radio-button/style/css'
import 'element-plus/es/components/radio-group/style/css'
import 'element-plus/es/components/row/style/css'
import 'element-plus/es/components/select/style/css'
import 'element-plus/es/components/skeleton/style/css'
import 'element-plus/es/components/sub-menu/style/css'
import 'element-plus/es/components/switch/style/css'
import 'element-plus/es/components/table/style/css'
import 'element-plus/es/components/table-column/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/es/components/timeline/style/css'
import 'element-plus/es/components/timeline-item/style/css'
import 'element-plus/es/components/tooltip/style/css'

const components = [
  ElAlert, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElCard, ElCascader, ElCol,
  ElDescriptions, ElDescriptionsItem, ElDialog,
  ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElIcon,
  ElInput, ElInputNumber, ElLink, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElRadioButton, ElRadioGroup, ElRow, ElSelect, ElSkeleton, ElSubMenu, ElSwitch,
  ElTable, ElTableColumn, ElTag, ElTimeline, ElTimelineItem, ElTooltip,
]

export default {
  install(app) {
    // zh-cn for every component, including ElMessageBox / ElMessage rendered outside the tree
    provideGlobalConfig({ locale: zhCn }, app, true)
    // register by name: sub-components (ElRadioGroup, ElOption, …) have no-op installers
    for (const c of components) app.component(c.name, c)
    // plugins: v-loading, and the service functions bound to this app (locale)
    app.use(ElLoading)
    app.use(ElMessage)
    app.use(ElMessageBox)
  },
}
