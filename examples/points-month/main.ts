/**
 * A month in the life of one community's credit points (积分), on SQLite:
 * `npx tsx --conditions=@mulin/source examples/points-month/main.ts [file.db]`.
 *
 * Volunteers earn through the county's rules and caps, a resident orders a haircut from the
 * barber and shows the pickup code (核销码), one order is cancelled and one times out, a
 * wrong award is reversed, a resident donates to the charity fund (慈善基金). Then it prints
 * statements, the community's totals for the month, the leaderboard and `verify`.
 */
import { resolve } from "node:path"
import { Clock, Effect, Layer } from "effect"
import { DEFAULT_TIME_ZONE, Grid, IdGenerator, localDate, monthWindow, Points, systemActor, type TransferId, type VerifyReport } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/fixtures"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"

const DAY = 86_400_000
const id = (s: string) => s as TransferId

/** A clock the story moves day by day (June 2026, 09:00 in China). */
const storyClock = (start: number) => {
  let now = start
  return {
    advance: (ms: number) => Effect.sync(() => void (now += ms)),
    provide: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.flatMap(Clock.Clock, (real) =>
        Effect.provideService(effect, Clock.Clock, {
          ...real,
          currentTimeMillisUnsafe: () => now,
          currentTimeMillis: Effect.sync(() => now),
          currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
          currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
          monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
          monotonicTimeNanos: real.monotonicTimeNanos,
          sleep: (d) => real.sleep(d)
        }))
  }
}

/** What the month ended with, for the test. */
export interface MonthResult {
  readonly verify: VerifyReport
  readonly totals: { readonly issued: number; readonly redeemed: number; readonly donated: number; readonly reversed: number; readonly outstanding: number }
  readonly refusals: ReadonlyArray<string>
}

/** Runs the month on `filename` (`:memory:` by default), printing with `log`. */
export const runPointsMonth = (log: (line: string) => void = console.log, filename = ":memory:"): Promise<MonthResult> => {
  const clock = storyClock(Date.UTC(2026, 5, 1, 1, 0, 0))
  const program = Effect.gen(function*() {
    const points = yield* Points
    const sys = systemActor()
    const l = yield* buildTinyLedger()
    const worker = l.tiny.gridWorker
    const leader = l.tiny.actors.leader
    const [zhang, fang] = l.people
    const refusals: Array<string> = []
    const tryIt = <A, E extends { readonly message: string; readonly messageZh: string }>(what: string, effect: Effect.Effect<A, E>) =>
      Effect.catch(effect, (e) => Effect.sync(() => {
        refusals.push(`${what}: ${e.message}`)
        log(`  ✗ ${what}: ${e.messageZh} / ${e.message}`)
      }))

    log("六月 · 社区1 积分月报 (a month of credit points)")
    for (let day = 1; day <= 30; day++) {
      // Weekend volunteering: 3 hours each; on the 6th 张 asks for 9 hours, over the daily cap of 80.
      if (day % 7 === 6) {
        yield* tryIt(`day ${day} volunteer hours for ${zhang.id}`, points.award(worker, { transferId: id(`vh-${day}-zhang`), accountId: zhang.id, category: "volunteer_hour", quantity: day === 6 ? 9 : 3, memo: "周末志愿服务" }))
        yield* points.award(worker, { transferId: id(`vh-${day}-fang`), accountId: fang.id, category: "volunteer_hour", quantity: 3, memo: "周末志愿服务" })
      }
      if (day % 3 === 0) yield* points.award(leader, { transferId: id(`knock-${day}`), accountId: fang.id, category: "door_knock", cause: { type: "activity", id: `knock-${day}` } })
      if (day === 3) yield* points.award(worker, { transferId: id("wish-1"), accountId: zhang.id, category: "micro_wish", memo: "为独居老人修水管", cause: { type: "need", id: "need-0001" } })
      if (day === 16) {
        const order = yield* points.orderService(l.holders[0], { transferId: id("order-haircut-1"), accountId: zhang.id, serviceId: l.haircut.id })
        log(`  day ${day}: 张 orders a haircut (${order.amount} points + ${order.cashFen / 100} yuan); the pickup code is shown to 张 once (kept only as a salted hash)`)
        yield* points.fulfil(l.barber, order.id, { transferId: id("pickup-haircut-1"), pickupCode: order.pickupCode! })
        log(`  day ${day}: the barber confirms the pickup code; ${order.amount} points post to 老王理发店`)
      }
      if (day === 12) {
        const order = yield* points.orderService(l.holders[1], { transferId: id("order-haircut-2"), accountId: fang.id, serviceId: l.haircut.id })
        yield* points.cancel(l.holders[1], order.id, { transferId: id("cancel-haircut-2") })
        log(`  day ${day}: 芳 orders a haircut and cancels it; the hold is voided`)
      }
      if (day === 14) {
        yield* points.award(l.secretary, { transferId: id("conduct-1"), accountId: fang.id, category: "good_conduct", memo: "拾金不昧" })
        yield* points.reverse(l.secretary, { transferId: id("reverse-conduct-1"), reversesId: id("conduct-1"), reason: "登记错了人，冲正" })
        log(`  day ${day}: a good-conduct award to the wrong person is reversed (a new transfer; nothing is edited)`)
      }
      if (day === 20) {
        yield* points.donate(l.holders[1], { transferId: id("donate-1"), fromAccountId: fang.id, toAccountId: l.charity.id, amount: 20, memo: "捐给社区慈善基金" })
        log(`  day ${day}: 芳 donates 20 points to the community charity fund`)
      }
      if (day === 26) {
        yield* points.orderService(l.holders[0], { transferId: id("order-haircut-3"), accountId: zhang.id, serviceId: l.haircut.id })
        log(`  day ${day}: 张 orders another haircut but never comes`)
      }
      if (day === 30) {
        const expired = yield* points.expireHolds(sys)
        log(`  day ${day}: the timeout job voids ${expired.voided} hold(s) older than 72 hours`)
      }
      yield* clock.advance(DAY)
    }
    for (const [who, account, holder] of [["张", zhang, l.holders[0]], ["芳", fang, l.holders[1]]] as const) {
      const statement = yield* points.statement(holder, account.id, { limit: 100 })
      log(`\nStatement of ${who} (${account.id}): posted ${statement.balance.posted}, held ${statement.balance.held}, available ${statement.balance.available}`)
      for (const line of [...statement.items].reverse()) {
        log(`  ${localDate(line.transfer.at, DEFAULT_TIME_ZONE)}  ${line.transfer.code.padEnd(8)} ${String(line.amount).padStart(5)}  → ${String(line.balance).padStart(5)}  ${line.transfer.memo}`)
      }
    }
    // June in the county's calendar (China time).
    const [from, to] = monthWindow(Date.UTC(2026, 5, 15), DEFAULT_TIME_ZONE)
    const totals = yield* points.totals(l.secretary, l.tiny.communities[0].id, { from, to })
    log(`\nCommunity totals, June: issued ${totals.issued}, redeemed ${totals.redeemed}, donated ${totals.donated}, expired ${totals.expired}, reversed ${totals.reversed}, outstanding ${totals.outstanding}`)
    const board = yield* points.leaderboard(l.holders[0], l.tiny.communities[0].id, { from: totals.from, to: totals.to })
    log(`Leaderboard (as residents see it: names masked, no account ids): ${board.entries.map((e) => `${e.rank}. ${e.name} ${e.earned}`).join("  ")}`)
    const verify = yield* points.verify(sys)
    log(`Verify: ${verify.ok ? "OK" : "FAILED"} — ${verify.accounts} accounts, ${verify.transfers} transfers, sum of balances ${verify.sum}, ${verify.differences.length} difference(s)`)
    return { verify, totals, refusals }
  })
  const app = Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provide([sqliteLayer({ filename }), IdGenerator.layer]))
  return Effect.runPromise(clock.provide(program.pipe(Effect.provide(app))))
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  runPointsMonth(console.log, process.argv[2] ?? ":memory:").then(
    (r) => process.exit(r.verify.ok ? 0 : 1),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
}
