/**
 * The browser tests' world: the real example server on a fresh SQLite file, Debian's
 * Chromium driven by playwright-core, the work each page's task starts from (set up through
 * the HTTP API as the county administrator would), axe-core, and what each page loaded.
 */
import { localDate } from "@mulin/core"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Browser, chromium, type Page } from "playwright-core"
import { start } from "../../county-server/main.js"

/** Where Debian installs Chromium (`apt-get install -y chromium fonts-wqy-microhei`). */
export const CHROMIUM = process.env.MULIN_CHROMIUM ?? "/usr/bin/chromium"
export const hasChromium = existsSync(CHROMIUM)

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"]
  })

export type Server = Awaited<ReturnType<typeof start>>

/** Starts the example server on a fresh SQLite file with a small demo county. */
export const startServer = async (households = 300): Promise<Server> => {
  const dir = mkdtempSync(join(tmpdir(), "mulin-browser-"))
  return start({ PORT: "0", MULIN_DB: join(dir, "county.db"), MULIN_SEED_HOUSEHOLDS: String(households), MULIN_JOBS: "off", MULIN_DELIVERY: "off" }, () => {})
}

/** Calls the API as `token`; fails the test on anything but a success. */
export const caller = (server: Server) => async (token: string, method: string, path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return text === "" ? null : JSON.parse(text)
}

/** The work each page's task starts from. */
export const setUp = async (server: Server) => {
  const call = caller(server)
  const admin = "demo-county-admin"
  const person = (token: string) => server.tokens[token]!
  const node = (path: string) => call(admin, "GET", `/lookup/node?path=${path}`) as Promise<{ id: string; countyId: string }>
  const county = await node("370812")
  const community = await node("370812/001/001")
  const grid = await node("370812/001/001/G01")
  const otherGrid = await node("370812/001/001/G02")
  const week = new Date(Date.now() + 7 * 86_400_000).toISOString()

  // A wish the volunteer may claim.
  await call(admin, "POST", "/matching/volunteers", {
    personId: person("demo-volunteer"), homeNodeId: grid.id, skills: [{ skill: "repairs", level: 3 }],
    availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })), maxConcurrent: 3
  })
  const wish = await call(admin, "POST", "/matching/needs", {
    nodeId: grid.id, kind: "micro_wish", category: "repairs", title: "帮独居老人修门锁", requiredSkills: ["repairs"], dueAt: week
  })

  // A case heard by the mediator, waiting for its rounds (一听 done, 三议 to come).
  const mediationCase = await call(admin, "POST", "/mediation/cases", {
    nodeId: community.id, category: "water_leak", title: "楼上漏水纠纷", description: "楼上卫生间漏水，楼下天花板受损",
    parties: [
      { kind: "external", name: "张伟", phone: null, idCardNumber: null, houseNumber: "1-101", side: "applicant" },
      { kind: "external", name: "李强", phone: null, idCardNumber: null, houseNumber: "1-201", side: "respondent" }
    ]
  })
  await call(admin, "POST", `/mediation/cases/${mediationCase.id}/commands`, { _tag: "Accept", mediators: [person("demo-mediator")] })
  await call(admin, "POST", `/mediation/cases/${mediationCase.id}/commands`, { _tag: "RecordStatement", party: 0, text: "天花板渗水三周", publishable: false })

  // An item raised at a round table, resolved and reported back: residents rate it.
  const session = await call(admin, "POST", "/deliberation/sessions", {
    nodeId: community.id, type: "round_table", heldAt: new Date(Date.now() - 3_600_000).toISOString(),
    participants: [{ role: "residents", count: 12, names: [] }], agenda: ["停车难"]
  })
  const item = await call(admin, "POST", "/deliberation/items", {
    nodeId: community.id, kind: "suggestion", sessionId: session.id, category: "parking", title: "夜间停车难", text: "消防通道被占"
  })
  // A promise a week ahead: after today in the county's calendar whatever the hour in UTC.
  // A week ahead in the county's calendar, not the UTC date.
  const promisedBy = localDate(Date.now() + 7 * 86_400_000, "Asia/Shanghai")
  await new Promise((resolve) => setTimeout(resolve, 5))
  const council = await call(admin, "POST", "/deliberation/sessions", {
    nodeId: community.id, type: "residents_council", heldAt: new Date().toISOString(),
    participants: [{ role: "residents", count: 20, names: [] }], agenda: ["通报办理情况"]
  })
  for (const command of [
    { _tag: "Accept", unit: "community", promisedBy },
    { _tag: "RecordMilestone", note: "划定临时停车位 40 个", progress: 60 },
    { _tag: "Resolve", resolution: "新增停车位 40 个" },
    { _tag: "ReportBack", sessionId: council.id, note: "在居民议事会上通报" }
  ]) await call(admin, "POST", `/deliberation/items/${item.id}/commands`, command)

  // An order of the resident at the partner's shop, and its pickup code.
  await call(admin, "POST", "/points/accounts", { nodeId: county.id, kind: "issuer", name: "兖州区积分发行" })
  const residentAccount = await call(admin, "POST", "/points/accounts", { nodeId: community.id, kind: "person", ownerId: person("demo-resident") })
  // The partner's shop: the demo county opened its merchant account and listed a free haircut on it.
  const catalog: Array<{ title: string; merchantAccountId: string }> = await call(admin, "GET", `/nodes/${community.id}/points/services`)
  const shop = { id: catalog.find((s) => s.title === "老人免费理发")!.merchantAccountId }
  await call(admin, "POST", "/points/adjustments", { transferId: "opening-1", accountId: residentAccount.id, amount: 20, reason: "opening balance" })
  const service = await call(admin, "POST", "/points/services", { merchantAccountId: shop.id, nodeId: community.id, title: "理发", pricePoints: 5 })
  const order = await call("demo-resident", "POST", "/points/orders", { transferId: "order-1", accountId: residentAccount.id, serviceId: service.id })
  const coded = await call("demo-resident", "POST", `/points/holds/${order.id}/code`, {})

  return { call, county, community, grid, otherGrid, wish, mediationCase, item, order: coded, residentAccount }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

/** The serious and critical accessibility violations axe-core finds on the page. */
export const axeViolations = async (page: Page): Promise<Array<string>> => {
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: Array<string> }> }> }> } }).axe
    return axe.run(document, { resultTypes: ["violations"] })
  })
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)
}

/** Signs in on the console as a demo person, by the button of the sign-in page. */
export const signIn = async (page: Page, base: string, token: string) => {
  await page.goto(`${base}/signin`)
  await page.click(`[data-token="${token}"]`)
  await page.waitForURL("**/c/grid")
}
