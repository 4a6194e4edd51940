/**
 * The console in a real browser (Debian's Chromium through playwright-core) against the real
 * example server on SQLite: each demo person signs in and does one real task per page, end to
 * end, and every page passes axe-core with no serious or critical violation. Without
 * Chromium these tests do not run and one line says how to install it.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ensureBuilt } from "../serve.js"
import { axeViolations, hasChromium, launch, type Server, setUp, signIn, startServer } from "./browser-world.js"

if (!hasChromium) {
  console.log("Browser tests of the console not run: Chromium is missing. Install it with: apt-get install -y chromium fonts-wqy-microhei")
}

describe.runIf(hasChromium)("the console in Chromium", () => {
  let server: Server
  let browser: Browser
  let world: Awaited<ReturnType<typeof setUp>>
  const contexts: Array<BrowserContext> = []

  beforeAll(async () => {
    ensureBuilt(() => {})
    server = await startServer()
    ;[browser, world] = await Promise.all([launch(), setUp(server)])
  }, 120_000)
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.close()
  })

  /** A fresh browser session (its own storage), phone-sized when asked; page errors fail the test. */
  const open = async (mobile = false): Promise<Page> => {
    const context = await browser.newContext(mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } })
    contexts.push(context)
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    page.on("pageerror", (error) => {
      throw error
    })
    return page
  }
  /** Waits up to 10 s for a value to match. */
  const eventually = <T>(f: () => T | Promise<T>) => expect.poll(f, { timeout: 10_000 })
  const accessible = async (page: Page) => expect(await axeViolations(page)).toEqual([])

  it("signs a grid worker in to the grid, with the households of their grid and who serves them, and not another grid's", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-grid-worker")
    await eventually(() => page.locator("[data-test=households] tbody tr").count()).toBeGreaterThan(0)
    await eventually(() => page.locator("[data-test=coverage]").textContent()).toContain("第一网格")
    await page.locator("[data-test=households] tbody tr").first().getByRole("button").click()
    await eventually(() => page.locator("[data-test=servers]").textContent()).toContain("李建国")
    await accessible(page)
    // Another grid of the same community: out of scope, the API answers as if it did not exist,
    // and the console says so, in Chinese.
    await page.goto(`${server.url}/c/grid?node=${world.otherGrid.id}`)
    await eventually(() => page.locator("[data-test=problem]").textContent()).toContain(`未找到网格节点 ${world.otherGrid.id}`)
    expect(await page.locator("[data-test=households] tbody tr").count()).toBe(0)
    // The same refusal in English after the switch.
    await page.click("[data-test=language]")
    await page.reload()
    await eventually(() => page.locator("[data-test=problem]").textContent()).toContain(`grid node ${world.otherGrid.id} was not found`)
  })

  it("masks households for a building leader, and shows a volunteer the API's refusal instead of households", async () => {
    const leader = await open()
    await signIn(leader, server.url, "demo-building-leader")
    await eventually(() => leader.locator("[data-test=households] tbody tr").count()).toBeGreaterThan(0)
    const row = await leader.locator("[data-test=households] tbody tr").first().textContent()
    expect(row).toMatch(/\*\*/u)
    expect(row).toMatch(/1\d\d\*{4}\d{4}/u)
    expect(row).toContain("已脱敏")
    const volunteer = await open()
    await signIn(volunteer, server.url, "demo-volunteer")
    await eventually(() => volunteer.locator("[data-test=problem]").textContent()).toContain("无权")
    expect(await volunteer.locator("[data-test=households] tbody tr").count()).toBe(0)
    await accessible(volunteer)
  })

  it("lets the volunteer claim a wish on the claim board", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-volunteer")
    await page.goto(`${server.url}/c/wishes`)
    const row = page.locator("[data-test=claim-board] tbody tr", { hasText: "帮独居老人修门锁" })
    await row.getByRole("button", { name: "认领" }).click()
    await eventually(() => page.getByRole("status").textContent()).toContain("已认领")
    await accessible(page)
    const need = await world.call("demo-county-admin", "GET", `/matching/needs/${world.wish.id}`)
    expect(need.state).toBe("claimed")
    expect(need.assignees.map((a: { personId: string }) => a.personId)).toEqual([server.tokens["demo-volunteer"]])
  })

  it("shows the secretary the needs of the community with a ranking, and dispatches them", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-secretary")
    await page.goto(`${server.url}/c/wishes`)
    await eventually(() => page.locator("[data-test=needs] tbody tr").count()).toBeGreaterThan(0)
    await page.locator("[data-test=needs] tbody tr").first().getByRole("button").click()
    await eventually(() => page.locator("[data-test=ranking]").count()).toBe(1)
    await accessible(page)
    await page.click("[data-test=dispatch]")
    await eventually(() => page.getByRole("status").textContent()).toMatch(/^派单完成：\d+ 项$/u)
  })

  it("lets the mediator record a deliberation round of a case (三议)", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-mediator")
    await page.goto(`${server.url}/c/mediation`)
    await page.locator("[data-test=cases] tbody tr", { hasText: "楼上漏水纠纷" }).getByRole("button").click()
    await page.fill("textarea[name=outcome]", "双方同意先请物业检测漏点")
    await page.click("[data-test=record-round]")
    await eventually(() => page.locator("[data-test=round]").allTextContents()).toEqual(["proposal · 双方同意先请物业检测漏点"])
    await eventually(() => page.locator("[data-test=case-state]").getAttribute("data-state")).toBe("deliberation")
    expect(await page.locator("[data-test=case-state]").textContent()).toBe("议事中")
    await accessible(page)
    const saved = await world.call("demo-county-admin", "GET", `/mediation/cases/${world.mediationCase.id}`)
    expect(saved.rounds.map((r: { round: string; outcome: string }) => [r.round, r.outcome])).toEqual([["proposal", "双方同意先请物业检测漏点"]])
  })

  it("lets a resident rate a reported item on the public board (现场评), which shows to everyone without sign-in", async () => {
    const anyone = await open(true)
    await anyone.goto(`${server.url}/r/${world.community.id}/board`)
    await eventually(() => anyone.locator("[data-test=board]").textContent()).toContain("夜间停车难")
    expect(await anyone.locator("[data-test=board]").textContent()).toContain("登录后可现场评分")
    await accessible(anyone)
    const page = await open(true)
    await signIn(page, server.url, "demo-resident")
    await page.goto(`${server.url}/r/${world.community.id}/board`)
    await page.click(`[data-rate="${world.item.id}"]`)
    await eventually(() => page.locator("main").textContent()).toContain("已评价")
    const rated = await world.call("demo-county-admin", "GET", `/deliberation/items/${world.item.id}`)
    expect(rated.state).toBe("rated")
  })

  it("shows residents the wish board and the mediation disclosures without sign-in, on a phone", async () => {
    const page = await open(true)
    await page.goto(`${server.url}/r/${world.community.id}/wishes`)
    await eventually(() => page.locator("h1").textContent()).toBe("微心愿")
    await accessible(page)
    await page.goto(`${server.url}/r/${world.community.id}/mediation`)
    await eventually(() => page.locator("h1").textContent()).toBe("调解公开")
    await accessible(page)
  })

  it("lets the merchant redeem a pickup code, after a wrong code is refused with the API's message", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-partner")
    await page.goto(`${server.url}/c/points`)
    // The community's catalog: the shop's free haircut for the elderly (0 points) and its haircut.
    await eventually(() => page.locator("[data-test=catalog] tbody tr").count()).toBe(2)
    await eventually(() => page.locator("[data-test=catalog]").textContent()).toContain("老人免费理发")
    const wrong = world.order.pickupCode === "000000" ? "111111" : "000000"
    await page.fill("input[name=holdId]", world.order.id)
    await page.fill("input[name=pickupCode]", wrong)
    await page.click("[data-test=redeem]")
    await eventually(() => page.locator("[data-test=problem]").textContent()).toContain("核销码")
    await page.fill("input[name=pickupCode]", world.order.pickupCode)
    await page.click("[data-test=redeem]")
    await eventually(() => page.locator("[data-test=redeemed]").count()).toBe(1)
    await accessible(page)
    const hold = await world.call("demo-county-admin", "GET", `/points/holds/${world.order.id}`)
    expect(hold.status).toBe("posted")
  })

  it("shows the county administrator the dashboard's charts, the deliberation page and the jobs", async () => {
    const page = await open()
    await signIn(page, server.url, "demo-county-admin")
    await accessible(page)
    await page.goto(`${server.url}/c/dashboard?animation=off`)
    await eventually(() => page.locator("[data-test=chart-work-categories] canvas").count()).toBe(1)
    await eventually(() => page.locator("[data-test=chart-mediation-categories] canvas").count()).toBe(1)
    await eventually(() => page.locator("[data-test=chart-activities-months] canvas").count()).toBe(1)
    await accessible(page)
    await page.goto(`${server.url}/c/deliberation`)
    await eventually(() => page.locator("[data-test=items]").textContent()).toContain("夜间停车难")
    await accessible(page)
    await page.goto(`${server.url}/c/inbox`)
    await eventually(() => page.locator("[data-test=jobs] tbody tr").count()).toBeGreaterThan(0)
    await accessible(page)
  })
})
