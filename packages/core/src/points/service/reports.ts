/**
 * The ledger's reports: points issued, redeemed, donated, expired and outstanding in a
 * subtree, the leaderboard with names masked, and the store-wide verification that every
 * balance is the sum of its transfers.
 *
 * @since 0.4.0
 */
import { Effect } from "effect"
import { pathOf } from "../../kernel/directory.js"
import { forbidden, invalidField } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import { maskName } from "../../kernel/masking.js"
import { now } from "../../kernel/time.js"
import { windows } from "../rules.js"
import type { Period, Points } from "../service.js"
import type { Kit } from "./kit.js"

/** The use cases of reports. */
export const makeReports = (kit: Kit): Pick<Points["Service"], "totals" | "leaderboard" | "verify"> => {
  const { access, store, zoneOf } = kit

  function periodOf(countyId: GridNodeId, period: Period | undefined) {
    return Effect.gen(function*() {
      const month = windows(yield* now, yield* zoneOf(countyId)).month
      const from = period?.from ?? month[0]
      const to = period?.to ?? month[1]
      if (from >= to) return yield* Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
      return { from, to }
    })
  }

  return {
    totals: (actor, nodeId, period) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "points.read", nodeId)
        const { from, to } = yield* periodOf(place.countyId, period)
        const m = yield* store.movements(nodeId, from, to)
        const sum = (code: string, side: "credits" | "debits") => m.byCode.filter((c) => c.code === code).reduce((s, c) => s + c[side], 0)
        const adjustIn = sum("adjust", "credits")
        const adjustOut = sum("adjust", "debits")
        return {
          nodeId,
          from,
          to,
          issued: sum("earn", "credits") + adjustIn,
          // Merchants of the subtree are credited what residents redeem: only the debits count.
          redeemed: sum("redeem", "debits"),
          donated: sum("donate", "debits"),
          expired: sum("expire", "debits"),
          reversed: sum("reverse", "debits") - sum("reverse", "credits"),
          adjusted: adjustIn - adjustOut,
          outstanding: m.outstanding
        }
      }),

    leaderboard: (actor, nodeId, options) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "grid.tree.read", nodeId)
        const ids = access.can(actor, "points.read", pathOf(place))
        const { from, to } = yield* periodOf(place.countyId, options)
        const limit = Math.min(Math.max(1, Math.floor(options?.limit ?? 10)), 100)
        const rows = yield* store.leaderboard(nodeId, from, to, limit)
        return { nodeId, from, to, entries: rows.map((r, i) => ({ rank: i + 1, accountId: ids ? r.account.id : null, name: maskName(r.account.name), earned: r.earned })) }
      }),

    verify: (actor) =>
      Effect.gen(function*() {
        if (!access.can(actor, "points.configure", [])) return yield* Effect.fail(forbidden("points.configure", "the whole store", "全库"))
        const r = yield* store.verify
        return { ok: r.differences.length === 0 && r.sum === 0, accounts: r.accounts, transfers: r.transfers, sum: r.sum, differences: r.differences }
      })
  }
}
