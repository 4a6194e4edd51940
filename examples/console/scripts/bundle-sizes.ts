/**
 * What each route of the console loads, from the build's manifest: the entry's scripts and
 * styles and those of the route's pages, each file counted once, in bytes after gzip (what
 * `npm start` sends). The budgets are stated here and checked by `test/bundle.test.ts`.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

interface Chunk {
  readonly file: string
  readonly imports?: ReadonlyArray<string>
  readonly css?: ReadonlyArray<string>
}

/** Each route and the page modules it loads (the staff pages sit in the staff layout). */
export const routes: Record<string, ReadonlyArray<string>> = {
  "/signin": ["src/pages/SignIn.vue"],
  "/c/grid": ["src/pages/StaffLayout.vue", "src/pages/GridPage.vue"],
  "/c/wishes": ["src/pages/StaffLayout.vue", "src/pages/WishesPage.vue"],
  "/c/mediation": ["src/pages/StaffLayout.vue", "src/pages/MediationPage.vue"],
  "/c/deliberation": ["src/pages/StaffLayout.vue", "src/pages/DeliberationPage.vue"],
  "/c/points": ["src/pages/StaffLayout.vue", "src/pages/PointsPage.vue"],
  "/c/dashboard": ["src/pages/StaffLayout.vue", "src/pages/DashboardPage.vue"],
  "/c/inbox": ["src/pages/StaffLayout.vue", "src/pages/InboxPage.vue"],
  "/r/:node/board": ["src/pages/PublicBoard.vue"],
  "/r/:node/wishes": ["src/pages/PublicWishes.vue"],
  "/r/:node/mediation": ["src/pages/PublicMediation.vue"]
}

/**
 * The gzip budget of each route, in KiB: residents' pages 130 (a phone on a slow network),
 * sign-in 140, staff pages 220, the dashboard 360 (ECharts).
 */
export const budgetKiB = (route: string): number =>
  route === "/c/dashboard" ? 360 : route.startsWith("/r/") ? 130 : route === "/signin" ? 140 : 220

/** Each route's files and their total size after gzip, in bytes. */
export const routeSizes = (dist: string): Array<{ route: string; files: number; gzipBytes: number }> => {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, Chunk>
  const gzipped = new Map<string, number>()
  const size = (file: string) => {
    let n = gzipped.get(file)
    if (n === undefined) {
      n = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
      gzipped.set(file, n)
    }
    return n
  }
  const closure = (key: string, files: Set<string>) => {
    const chunk = manifest[key]
    if (chunk === undefined) throw new Error(`${key} is not in the build's manifest`)
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) closure(imported, files)
  }
  return Object.entries(routes).map(([route, pages]) => {
    const files = new Set<string>(["index.html"])
    for (const key of ["index.html", ...pages]) closure(key, files)
    return { route, files: files.size, gzipBytes: [...files].reduce((sum, f) => sum + size(f), 0) }
  })
}
