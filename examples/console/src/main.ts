import { createApp } from "vue"
import "element-plus/theme-chalk/base.css"
import App from "./App.vue"
import { i18n } from "./i18n"
import { router } from "./router"
import "./style.css"

createApp(App).use(i18n).use(router).mount("#app")
