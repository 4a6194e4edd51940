/**
 * The console's pages: staff pages under `/c/` (signed in), residents' pages under
 * `/r/:node/` (no sign-in), each its own chunk.
 */
import { createRouter, createWebHistory } from "vue-router"
import { session, signIn } from "./api/client"

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: "/", redirect: "/signin" },
    { path: "/signin", component: () => import("./pages/SignIn.vue") },
    {
      path: "/c",
      component: () => import("./pages/StaffLayout.vue"),
      meta: { staff: true },
      children: [
        { path: "grid", component: () => import("./pages/GridPage.vue") },
        { path: "wishes", component: () => import("./pages/WishesPage.vue") },
        { path: "mediation", component: () => import("./pages/MediationPage.vue") },
        { path: "deliberation", component: () => import("./pages/DeliberationPage.vue") },
        { path: "points", component: () => import("./pages/PointsPage.vue") },
        { path: "dashboard", component: () => import("./pages/DashboardPage.vue") },
        { path: "inbox", component: () => import("./pages/InboxPage.vue") }
      ]
    },
    { path: "/r/:node/board", component: () => import("./pages/PublicBoard.vue") },
    { path: "/r/:node/wishes", component: () => import("./pages/PublicWishes.vue") },
    { path: "/r/:node/mediation", component: () => import("./pages/PublicMediation.vue") }
  ]
})

router.beforeEach(async (to) => {
  if (session.token !== null && session.me === null) {
    await signIn(session.token).catch(() => undefined)
  }
  if (to.matched.some((r) => r.meta.staff === true) && session.me === null) return { path: "/signin", query: { next: to.fullPath } }
  return true
})
