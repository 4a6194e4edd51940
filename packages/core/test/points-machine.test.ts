/**
 * The ledger's deciders, given / when / then: the hold lifecycle (every hold state × every
 * hold command, against `holdTransitions`), the idempotency of committed transfers, accounts,
 * the county's configuration, catalog services and the merchant's guard against guessed codes.
 */
import { describe, expect, it } from "vitest"
import {
  accountDecider,
  type AccountId,
  conflict,
  defaultPointsConfig,
  type GridNodeId,
  guardDecider,
  type HoldCommand,
  type HoldContext,
  holdDecider,
  type HoldEvent,
  type HoldStatus,
  type PersonId,
  holdTransitions,
  pointsConfigDecider,
  serviceDecider,
  transferDecider,
  type TransferId,
  type TransferSpec
} from "@mulin/core"
import { given } from "@mulin/core/testing"

const county = "node_01J00000000000000000000000" as GridNodeId
const account = (n: string) => `acct_01J0000000000000000000000${n}` as AccountId
const tid = (s: string) => s as TransferId
const resident = account("1")
const merchant = account("2")
const issuer = account("3")
const helper = account("4")
const AT = "2026-06-01T08:00:00.000Z"
const LATER = "2026-06-01T09:00:00.000Z"
/** After the order's 24-hour timeout. */
const TIMED_OUT = "2026-06-02T08:00:00.000Z"

const orderHold = {
  id: tid("o1"), countyId: county, purpose: "order" as const, accountId: resident, creditAccountId: merchant, merchantAccountId: merchant,
  amount: 30, serviceId: null, quantity: 1, cashFen: 0, cause: { type: "order" as const, id: "o1" }, codeHash: "hash", codeSalt: "salt"
}
const rewardHold = {
  ...orderHold, id: tid("r1"), purpose: "reward" as const, creditAccountId: issuer, merchantAccountId: null, amount: 20, cause: { type: "need" as const, id: "need-1" },
  codeHash: null, codeSalt: null
}
const placeOrder: HoldCommand = { _tag: "Place", hold: orderHold, timeoutHours: 24 }
const placeReward: HoldCommand = { _tag: "Place", hold: rewardHold, timeoutHours: null }
const placedOrder: HoldEvent = { type: "HoldPlaced", at: AT, hold: { ...orderHold, placedAt: AT, timeoutAt: TIMED_OUT } }
const placedReward: HoldEvent = { type: "HoldPlaced", at: AT, hold: { ...rewardHold, placedAt: AT, timeoutAt: null } }
const share = (amount: number, to = helper) => ({ transferId: tid(`s-${amount}`), accountId: to, amount })

describe("hold decider", () => {
  // A hold in each state, by the events that lead there (an order, or a reward for Pay).
  const orderIn: Record<HoldStatus | "none", ReadonlyArray<HoldEvent>> = {
    none: [],
    pending: [placedOrder],
    posted: [placedOrder, { type: "HoldPosted", at: LATER, transferId: tid("o1.post") }],
    voided: [placedOrder, { type: "HoldVoided", at: LATER, transferId: tid("o1.void"), reason: "cancelled" }],
    expired: [placedOrder, { type: "HoldVoided", at: TIMED_OUT, transferId: tid("o1.void"), reason: "expired" }]
  }
  const rewardIn: Record<HoldStatus | "none", ReadonlyArray<HoldEvent>> = {
    none: [],
    pending: [placedReward],
    posted: [placedReward, { type: "RewardPaid", at: LATER, voidId: tid("r1.void"), shares: [share(20)] }],
    voided: [placedReward, { type: "HoldVoided", at: LATER, transferId: tid("r1.void"), reason: "cancelled" }],
    expired: [placedReward, { type: "HoldVoided", at: LATER, transferId: tid("r1.void"), reason: "expired" }]
  }
  // Each command as it would succeed on a pending hold: fresh transfer ids, the right code, after the timeout.
  const commands: Record<HoldCommand["_tag"], readonly [HoldCommand, HoldContext, "order" | "reward"]> = {
    Place: [placeOrder, { at: AT }, "order"],
    Fulfil: [{ _tag: "Fulfil", transferId: tid("x.post") }, { at: LATER, codeMatches: true }, "order"],
    Cancel: [{ _tag: "Cancel", transferId: tid("x.void") }, { at: LATER }, "order"],
    Expire: [{ _tag: "Expire", transferId: tid("x.void") }, { at: TIMED_OUT }, "order"],
    Reissue: [{ _tag: "Reissue" }, { at: LATER, code: { hash: "new", salt: "pepper" } }, "order"],
    Pay: [{ _tag: "Pay", voidId: tid("x.void"), shares: [share(15)] }, { at: LATER }, "reward"]
  }
  type Expected = ReadonlyArray<HoldEvent> | { readonly fails: "InvalidTransition" }
  const refused = { fails: "InvalidTransition" } as const
  // The whole table: every hold state × every hold command. A Place of the same hold again is a retry.
  const table: Record<HoldStatus | "none", Record<HoldCommand["_tag"], Expected>> = {
    none: {
      Place: [placedOrder], Fulfil: refused, Cancel: refused, Expire: refused, Reissue: refused, Pay: refused
    },
    pending: {
      Place: [],
      Fulfil: [{ type: "HoldPosted", at: LATER, transferId: tid("x.post") }],
      Cancel: [{ type: "HoldVoided", at: LATER, transferId: tid("x.void"), reason: "cancelled" }],
      Expire: [{ type: "HoldVoided", at: TIMED_OUT, transferId: tid("x.void"), reason: "expired" }],
      Reissue: [{ type: "CodeReissued", at: LATER, codeHash: "new", codeSalt: "pepper" }],
      Pay: [{ type: "RewardPaid", at: LATER, voidId: tid("x.void"), shares: [share(15)] }]
    },
    posted: { Place: [], Fulfil: refused, Cancel: refused, Expire: refused, Reissue: refused, Pay: refused },
    voided: { Place: [], Fulfil: refused, Cancel: refused, Expire: refused, Reissue: refused, Pay: refused },
    expired: { Place: [], Fulfil: refused, Cancel: refused, Expire: refused, Reissue: refused, Pay: refused }
  }
  const cases = Object.entries(table).flatMap(([state, row]) => Object.entries(row).map(([tag, expected]) => [state as HoldStatus | "none", tag as HoldCommand["_tag"], expected] as const))

  it.each(cases)("%s × %s", (state, tag, expected) => {
    const [command, ctx, purpose] = commands[tag]
    const history = purpose === "order" ? orderIn[state] : rewardIn[state]
    const when = given(holdDecider, history).when(purpose === "reward" && tag === "Place" ? placeReward : command, ctx)
    if ("fails" in expected) {
      when.thenFails(expected.fails, { entity: "hold", from: state })
      return
    }
    const after = when.then(expected)
    // An allowed pair ends in a state the table lists for it.
    if (expected.length > 0) expect(holdTransitions.filter((t) => t.from === state && t.command === tag).map((t) => t.to)).toContain(after!.status)
  })

  it("enumerates exactly the pairs of holdTransitions as the ones that move a hold", () => {
    expect(cases).toHaveLength(5 * 6)
    const moving = cases.filter(([, , e]) => !("fails" in e) && e.length > 0).map(([s, c]) => `${s} × ${c}`).sort()
    expect(moving).toEqual([...new Set(holdTransitions.map((t) => `${t.from} × ${t.command}`))].sort())
  })

  it("places a hold with its timeout, or none for a reward; the same hold again is nothing, another one with its id a conflict", () => {
    const pending = given(holdDecider).when(placeOrder, { at: AT }).then([placedOrder])
    expect(pending).toMatchObject({ status: "pending", failedAttempts: 0, locked: false, resolutionId: null, timeoutAt: TIMED_OUT })
    given(holdDecider).when(placeReward, { at: AT }).then([placedReward])
    given(holdDecider, [placedOrder]).when({ ...placeOrder, hold: { ...orderHold, quantity: 2 } } as HoldCommand, { at: LATER }).thenFails("Conflict", { reason: "transfer_exists" })
  })

  it("refuses an order the reading refused (a balance, stock or capacity), with that reason", () => {
    const soldOut = conflict("out_of_stock", "sold out", "已售罄")
    given(holdDecider).when(placeOrder, { at: AT, refusal: soldOut }).thenFails("Conflict", { reason: "out_of_stock" })
  })

  it("counts a wrong code, and locks the hold at the county's limit; a new code unlocks it", () => {
    const wrong = { at: LATER, codeMatches: false, limits: { perHold: 2, perMerchantHour: 20, merchantLockMinutes: 60 } }
    const once = given(holdDecider, [placedOrder]).when({ _tag: "Fulfil", transferId: tid("p") }, wrong).then([{ type: "CodeRejected", at: LATER, attempts: 1 }])
    expect(once).toMatchObject({ status: "pending", failedAttempts: 1, locked: false })
    const rejected: HoldEvent = { type: "CodeRejected", at: LATER, attempts: 1 }
    const locked = given(holdDecider, [placedOrder, rejected]).when({ _tag: "Fulfil", transferId: tid("p") }, wrong)
      .then([{ type: "CodeRejected", at: LATER, attempts: 2 }, { type: "HoldLocked", at: LATER }])
    expect(locked).toMatchObject({ failedAttempts: 2, locked: true })
    const lockedHistory: ReadonlyArray<HoldEvent> = [placedOrder, rejected, { type: "CodeRejected", at: LATER, attempts: 2 }, { type: "HoldLocked", at: LATER }]
    given(holdDecider, lockedHistory).when({ _tag: "Fulfil", transferId: tid("p") }, { at: LATER, codeMatches: true }).thenFails("Conflict", { reason: "hold_locked" })
    const reissued = given(holdDecider, lockedHistory).when({ _tag: "Reissue" }, { at: LATER, code: { hash: "h2", salt: "s2" } }).then([{ type: "CodeReissued", at: LATER, codeHash: "h2", codeSalt: "s2" }])
    expect(reissued).toMatchObject({ failedAttempts: 0, locked: false, codeHash: "h2" })
    // Five wrong codes by default.
    given(holdDecider, [placedOrder, { type: "CodeRejected", at: LATER, attempts: 4 }]).when({ _tag: "Fulfil", transferId: tid("p") }, { at: LATER, codeMatches: false })
      .then([{ type: "CodeRejected", at: LATER, attempts: 5 }, { type: "HoldLocked", at: LATER }])
  })

  it("confirms no code after the timeout, from a locked merchant, or without a code issued", () => {
    const fulfil: HoldCommand = { _tag: "Fulfil", transferId: tid("p") }
    given(holdDecider, [placedOrder]).when(fulfil, { at: TIMED_OUT, codeMatches: true }).thenFails("Conflict", { reason: "hold_timed_out" })
    given(holdDecider, [placedOrder]).when(fulfil, { at: LATER, codeMatches: true, merchantLocked: true }).thenFails("Conflict", { reason: "merchant_locked" })
    const noCode: HoldEvent = { type: "HoldPlaced", at: AT, hold: { ...orderHold, codeHash: null, codeSalt: null, placedAt: AT, timeoutAt: TIMED_OUT } }
    given(holdDecider, [noCode]).when(fulfil, { at: LATER, codeMatches: true }).thenFails("Conflict", { reason: "code_not_issued" })
    given(holdDecider, [placedOrder]).when({ _tag: "Reissue" }, { at: LATER }).thenFails("InvalidInput")
  })

  it("fulfils and reissues only orders, pays only rewards", () => {
    given(holdDecider, [placedReward]).when({ _tag: "Fulfil", transferId: tid("p") }, { at: LATER, codeMatches: true }).thenFails("InvalidInput")
    given(holdDecider, [placedReward]).when({ _tag: "Reissue" }, { at: LATER, code: { hash: "h", salt: "s" } }).thenFails("InvalidInput")
    given(holdDecider, [placedOrder]).when({ _tag: "Pay", voidId: tid("v"), shares: [share(10)] }, { at: LATER }).thenFails("InvalidInput")
  })

  it("pays shares up to what is held, never back to the holder's own account", () => {
    given(holdDecider, [placedReward]).when({ _tag: "Pay", voidId: tid("v"), shares: [share(20)] }, { at: LATER }).thenMatches([{ type: "RewardPaid" }])
    given(holdDecider, [placedReward]).when({ _tag: "Pay", voidId: tid("v"), shares: [share(15), { ...share(6), transferId: tid("s-6b") }] }, { at: LATER })
      .thenFails("Conflict", { reason: "reward_exceeds_hold" })
    given(holdDecider, [placedReward]).when({ _tag: "Pay", voidId: tid("v"), shares: [share(5), share(5, resident)] }, { at: LATER })
      .thenFails("InvalidInput", { issues: [{ path: "shares.1.accountId" }] })
  })

  it("expires a pending order only after its timeout, and a reward never", () => {
    given(holdDecider, [placedOrder]).when({ _tag: "Expire", transferId: tid("v") }, { at: LATER }).thenFails("Conflict", { reason: "hold_not_due" })
    given(holdDecider, [placedReward]).when({ _tag: "Expire", transferId: tid("v") }, { at: TIMED_OUT }).thenFails("Conflict", { reason: "hold_not_due" })
  })

  it("decides nothing for a retry of the command that resolved the hold, with its transfer id", () => {
    given(holdDecider, orderIn.posted).when({ _tag: "Fulfil", transferId: tid("o1.post") }, { at: LATER, codeMatches: true }).thenNothing()
    given(holdDecider, orderIn.voided).when({ _tag: "Cancel", transferId: tid("o1.void") }, { at: LATER }).thenNothing()
    given(holdDecider, orderIn.expired).when({ _tag: "Expire", transferId: tid("o1.void") }, { at: TIMED_OUT }).thenNothing()
    given(holdDecider, orderIn.expired).when({ _tag: "Cancel", transferId: tid("o1.void") }, { at: TIMED_OUT }).thenNothing()
    given(holdDecider, rewardIn.posted).when({ _tag: "Pay", voidId: tid("r1.void"), shares: [share(20)] }, { at: LATER }).thenNothing()
  })
})

describe("transfer decider", () => {
  const spec = (id: string, amount = 10): TransferSpec => ({
    id: tid(id), kind: "posted", debitAccountId: issuer, creditAccountId: resident, amount, code: "earn", category: "volunteer_hour", memo: "",
    cause: null, pendingId: null, reversesId: null, timeoutAt: null
  })
  const committed = (...specs: ReadonlyArray<TransferSpec>) => ({ type: "TransfersCommitted" as const, transfers: specs.map((s) => ({ ...s, actorId: "staff", at: AT })) })
  const ctx = { at: AT, actorId: "staff" }

  it("commits a batch by whom and when", () => {
    given(transferDecider).when({ _tag: "Commit", transfers: [spec("t1"), spec("t2")] }, ctx).then([committed(spec("t1"), spec("t2"))])
  })

  it("is a replay when the whole batch is stored with the same content, whoever retries it and when", () => {
    given(transferDecider, [committed(spec("t1"), spec("t2"))]).when({ _tag: "Commit", transfers: [spec("t1"), spec("t2")] }, { at: LATER, actorId: "staff" }).thenNothing()
  })

  it("refuses an id stored with other content, and a batch only partly stored", () => {
    given(transferDecider, [committed(spec("t1"))]).when({ _tag: "Commit", transfers: [spec("t1", 11)] }, ctx).thenFails("Conflict", { reason: "transfer_exists" })
    given(transferDecider, [committed(spec("t1"))]).when({ _tag: "Commit", transfers: [spec("t1"), spec("t2")] }, ctx).thenFails("Conflict", { reason: "transfer_exists" })
  })

  it("refuses a new batch with the reading's refusal (a cap reached), not a replay", () => {
    const cap = conflict("daily_cap", "the daily cap is reached", "已达每日上限")
    given(transferDecider).when({ _tag: "Commit", transfers: [spec("t9")] }, { ...ctx, refusal: cap }).thenFails("Conflict", { reason: "daily_cap" })
    given(transferDecider, [committed(spec("t9"))]).when({ _tag: "Commit", transfers: [spec("t9")] }, { ...ctx, refusal: cap }).thenNothing()
  })
})

describe("account decider", () => {
  const opened = {
    id: resident, countyId: county, nodeId: county, path: [county], kind: "person" as const, ownerId: "psn_01J00000000000000000000001" as PersonId, name: "张三", floor: 0, posted: 0, held: 0, createdAt: AT
  }
  it("opens an account once; opening it again is a conflict", () => {
    const account0 = opened
    given(accountDecider).when({ _tag: "Open", account: account0 }, undefined).then([{ type: "AccountOpened", account: account0 }])
    given(accountDecider, [{ type: "AccountOpened", account: account0 }]).when({ _tag: "Open", account: account0 }, undefined).thenFails("Conflict", { reason: "duplicate_account" })
  })
})

describe("points configuration decider", () => {
  const configure = (config = defaultPointsConfig, expectedVersion?: number) => ({ _tag: "Configure" as const, countyId: county, config, expectedVersion })
  const changed = { ...defaultPointsConfig, holdTimeoutHours: 48 }
  it("replaces the defaults; the same configuration again is nothing", () => {
    given(pointsConfigDecider).when(configure(changed, 0), undefined).then([{ type: "PointsConfigured", countyId: county, config: changed }])
    given(pointsConfigDecider, [{ type: "PointsConfigured" as const, countyId: county, config: changed }]).when(configure(changed), undefined).thenNothing()
  })

  it("refuses a stale expected version", () => {
    given(pointsConfigDecider).when(configure(changed, 3), undefined).thenFails("Conflict", { reason: "version_mismatch" })
    given(pointsConfigDecider, [], { countyId: county, config: defaultPointsConfig, version: 4 }).when(configure(changed, 3), undefined).thenFails("Conflict", { reason: "version_mismatch" })
  })
})

describe("catalog service decider", () => {
  type CatalogEntry = NonNullable<Parameters<typeof serviceDecider.evolve>[0]>
  const haircut: CatalogEntry = {
    id: "svc_1" as CatalogEntry["id"], countyId: county, nodeId: county, merchantAccountId: merchant, title: "理发", description: "", pricePoints: 30, cashFen: 0,
    stock: 5, dailyCapacity: null, status: "active", version: 1, createdAt: AT, updatedAt: AT
  }
  const published = { type: "ServicePublished" as const, service: haircut }

  it("publishes a service once", () => {
    given(serviceDecider).when({ _tag: "Publish", service: haircut }, { at: AT }).then([published])
    given(serviceDecider, [published]).when({ _tag: "Publish", service: haircut }, { at: AT }).thenFails("Conflict", { reason: "duplicate_id" })
  })

  it("changes what is given; a change that changes nothing is nothing; a stale version or no service is refused", () => {
    const after = given(serviceDecider, [published]).when({ _tag: "Update", changes: { pricePoints: 25, stock: null } }, { at: LATER })
      .then([{ type: "ServiceUpdated", service: { ...haircut, pricePoints: 25, stock: null, updatedAt: LATER } }])
    expect(after).toMatchObject({ title: "理发", pricePoints: 25, stock: null })
    given(serviceDecider, [published]).when({ _tag: "Update", changes: { title: "理发", stock: 5 } }, { at: LATER }).thenNothing()
    given(serviceDecider, [published]).when({ _tag: "Update", changes: { status: "withdrawn" }, expectedVersion: 0 }, { at: LATER }).thenFails("Conflict", { reason: "version_mismatch" })
    given(serviceDecider).when({ _tag: "Update", changes: { status: "withdrawn" } }, { at: LATER }).thenFails("InvalidTransition", { entity: "service", from: "none" })
  })
})

describe("merchant guard decider", () => {
  const limits = { perHold: 5, perMerchantHour: 2, merchantLockMinutes: 30 }
  const wrong = { _tag: "WrongCode" as const, merchantAccountId: merchant, limits }
  const first = { type: "WrongCodeCounted" as const, guard: { merchantAccountId: merchant, failures: 1, windowStart: AT, lockedUntil: null } }

  it("counts wrong codes within the hour and locks the merchant at the limit", () => {
    given(guardDecider).when(wrong, { at: AT }).then([first])
    const locked = given(guardDecider, [first]).when(wrong, { at: "2026-06-01T08:10:00.000Z" }).then([
      { type: "WrongCodeCounted", guard: { merchantAccountId: merchant, failures: 2, windowStart: AT, lockedUntil: "2026-06-01T08:40:00.000Z" } },
      { type: "MerchantLocked", until: "2026-06-01T08:40:00.000Z" }
    ])
    expect(locked).toMatchObject({ failures: 2, lockedUntil: "2026-06-01T08:40:00.000Z" })
  })

  it("starts a new hour's count after an hour", () => {
    given(guardDecider, [first]).when(wrong, { at: LATER }).then([{ type: "WrongCodeCounted", guard: { merchantAccountId: merchant, failures: 1, windowStart: LATER, lockedUntil: null } }])
  })
})
