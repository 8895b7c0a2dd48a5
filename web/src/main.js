import { createApp } from 'vue'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import App from './App.vue'
import router from './router.js'
import element from './element.js'
import './style.css'

dayjs.locale('zh-cn')

createApp(App).use(element).use(router).mount('#app')
