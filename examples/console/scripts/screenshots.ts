/**
 * Screenshots of every page of the console (in Chinese) for `docs/console/`, and the figures
 * `docs/console.md` quotes: each route's gzip size and the first load of the console on the
 * demo county (100,000 households), median of five cold loads.
 * `npm run screenshots -w @mulin/console` (needs Chromium: apt-get install -y chromium fonts-wqy-microhei).
 */
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Page } from "playwright-core"
import { launch, setUp, signIn, startServer } from "../test/browser-world.js"
import { routeSizes } from "./bundle-sizes.js"
import { consoleDist, ensureBuilt } from "../serve.js"

const out = fileURLToPath(new URL("../../../docs/console/", import.meta.url))
mkdirSync(out, { recursive: true })
ensureBuilt()
const households = Number(process.env.MULIN_SEED_HOUSEHOLDS ?? 100_000)
const server = await startServer(households)
const browser = await launch()
try {
  const world = await setUp(server)
  const shoot = async (page: Page, name: string, wait: string) => {
    await page.waitForSelector(wait, { timeout: 15_000 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${out}${name}.png` })
    console.log(`docs/console/${name}.png`)
  }
  const desktop = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" })).newPage()
  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2, locale: "zh-CN" })).newPage()

  const signin = await desktop()
  await signin.goto(`${server.url}/signin`)
  await shoot(signin, "signin", "[data-token]")
  const staff: Array<[string, string, string, string]> = [
    ["demo-grid-worker", "/c/grid", "grid", "[data-test=households] tbody tr"],
    ["demo-secretary", "/c/wishes", "wishes", "[data-test=needs] tbody tr"],
    ["demo-mediator", "/c/mediation", "mediation", "[data-test=cases] tbody tr"],
    ["demo-secretary", "/c/deliberation", "deliberation", "[data-test=items] tbody tr"],
    ["demo-partner", "/c/points", "points", "[data-test=catalog] tbody tr"],
    ["demo-county-admin", "/c/dashboard?animation=off", "dashboard", "[data-test^=chart-] canvas"],
    ["demo-county-admin", "/c/inbox", "inbox", "[data-test=jobs] tbody tr"]
  ]
  for (const [token, path, name, wait] of staff) {
    const page = await desktop()
    await signIn(page, server.url, token)
    await page.goto(`${server.url}${path}`)
    if (name === "mediation") await page.locator("[data-test=cases] tbody tr").first().getByRole("button").click()
    if (name === "wishes") await page.locator("[data-test=needs] tbody tr").first().getByRole("button").click()
    await shoot(page, name, wait)
  }
  for (const [path, name, wait] of [["board", "public-board", "[data-test=board] .el-card"], ["wishes", "public-wishes", "h1"], ["mediation", "public-mediation", "h1"]] as const) {
    const page = await phone()
    await page.goto(`${server.url}/r/${world.community.id}/${path}`)
    await shoot(page, name, wait)
  }

  // First load: a cold browser (no cache) opens the grid page, signed in, until the households show.
  const loads: Array<number> = []
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.addInitScript(() => sessionStorage.setItem("mulin.token", "demo-county-admin"))
    const page = await context.newPage()
    await page.goto(`${server.url}/c/grid`)
    await page.waitForSelector("[data-test=households] tbody tr", { timeout: 15_000 })
    loads.push(await page.evaluate(() => performance.now()))
    await context.close()
  }
  loads.sort((a, b) => a - b)
  console.log(`\nFirst load of /c/grid on the demo county (${households.toLocaleString("en-US")} households), cold, median of 5: ${Math.round(loads[2]!)} ms (min ${Math.round(loads[0]!)}, max ${Math.round(loads[4]!)})`)
  console.log("\n| route | files | gzip KiB |\n| --- | ---: | ---: |")
  for (const s of routeSizes(consoleDist)) console.log(`| \`${s.route}\` | ${s.files} | ${(s.gzipBytes / 1024).toFixed(1)} |`)
} finally {
  await browser.close()
  await server.close()
}
