/**
 * Pure points policy: the county's configuration (earning rules, caps, expiry, minimum
 * balance, donation, hold timeout, pickup-code attempts) with the seed's defaults, the
 * effect of a transfer on balances, the floor check, cap windows in the county's calendar,
 * oldest-first expiry, and the pickup-code limits.
 *
 * @since 0.2.0
 */
import { Effect, Result, Schema } from "effect"
import { type Actor, Role } from "../kernel/actor.js"
import { conflict, type Conflict } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Policy } from "../kernel/permissions.js"
import { dayWindow, type Instant, monthWindow, shiftMonths } from "../kernel/time.js"
import { Text } from "../kernel/text.js"
import { type Account, EarningCategory, type MerchantGuard, type Transfer } from "./model.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const Cap = Schema.NullOr(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1_000_000_000 })))

/**
 * One earning rule: how many points one unit of a category earns, its caps per person, and
 * which roles may award it (within their own subtree).
 *
 * @category models
 * @since 0.2.0
 */
export const EarningRule = Schema.Struct({
  category: EarningCategory,
  nameZh: Text(40),
  nameEn: Text(60),
  /** Points per unit. */
  points: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1_000_000 })),
  unit: Schema.Literals(["each", "hour"]),
  /** Points of this category one person may earn per (local) day / month. */
  dailyCap: Cap,
  monthlyCap: Cap,
  awardRoles: Schema.Array(Role).check(
    Schema.isMinLength(1),
    Schema.makeFilter((rs: ReadonlyArray<Role>) => !rs.includes("resident") && !rs.includes("system"), rule(
      "must list staff roles (not resident, and not system, which may always award)",
      "必须是工作人员角色（不能是居民；系统无需列出）"
    ))
  )
})
/** @category models @since 0.2.0 */
export type EarningRule = typeof EarningRule.Type

const staff: ReadonlyArray<Role> = ["county_admin", "street_admin", "community_secretary", "grid_worker"]

/**
 * The limits on wrong pickup codes: a hold locks after `perHold` wrong codes (until its
 * holder asks for a new code); a merchant who enters `perMerchantHour` wrong codes within an
 * hour may confirm none for `merchantLockMinutes`.
 *
 * @category models
 * @since 0.4.0
 */
export const PickupCodeLimits = Schema.Struct({
  perHold: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 })),
  perMerchantHour: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })),
  merchantLockMinutes: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 60 }))
})
/** @category models @since 0.4.0 */
export type PickupCodeLimits = typeof PickupCodeLimits.Type

/**
 * Five wrong codes lock a hold; twenty in an hour lock the merchant for an hour.
 *
 * @category constants
 * @since 0.4.0
 */
export const defaultPickupCodeLimits: PickupCodeLimits = { perHold: 5, perMerchantHour: 20, merchantLockMinutes: 60 }

/**
 * A county's points configuration. Every figure is data the county supplies; see
 * {@link defaultPointsConfig} for the seed's defaults.
 *
 * @category models
 * @since 0.2.0
 */
export const PointsConfig = Schema.Struct({
  rules: Schema.Array(EarningRule).check(
    Schema.makeFilter((rs: ReadonlyArray<EarningRule>) => new Set(rs.map((r) => r.category)).size === rs.length, rule("categories must be unique", "类别不能重复"))
  ),
  /** All categories together, per person per day / month. */
  personDailyCap: Cap,
  personMonthlyCap: Cap,
  /** Points expire this many months after they were earned, oldest first (`null`: never). */
  expiryMonths: Schema.NullOr(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 120 }))),
  /** The posted balance an account must have before it may redeem. */
  minBalanceToRedeem: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000_000 })),
  donation: Schema.Struct({ toCharity: Schema.Boolean, toPerson: Schema.Boolean }),
  /** A hold not confirmed within this many hours is voided. */
  holdTimeoutHours: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 90 })),
  /** How many wrong pickup codes a hold and a merchant may see (absent in configurations saved before 0.4.0: the defaults). */
  pickupCodes: PickupCodeLimits.pipe(Schema.withDecodingDefaultKey(Effect.succeed(defaultPickupCodeLimits)))
})
/** @category models @since 0.2.0 */
export type PointsConfig = typeof PointsConfig.Type

/**
 * Replace a county's points configuration: the whole {@link PointsConfig}, and optionally
 * the version it replaces (a stale one is a `Conflict`). `Points.configure` checks its
 * arguments with this schema whoever calls; it is the HTTP body of
 * `PUT /counties/{id}/points/config`.
 *
 * @category commands
 * @since 0.4.0
 */
export const ConfigurePoints = Schema.Struct({
  config: PointsConfig,
  expectedVersion: Schema.optional(Schema.Int)
})
/** @category commands @since 0.4.0 */
export type ConfigurePoints = typeof ConfigurePoints.Type

/**
 * The seed's practice ("credit points + volunteer service", "integrity points + low-cost
 * services"): volunteer hours, door-knock visits, fulfilled micro-wishes, event attendance
 * and good-conduct awards; 100 points a day and 1,000 a month per person; points expire
 * after 24 months; holds time out after 72 hours.
 *
 * @category constructors
 * @since 0.2.0
 */
export const defaultPointsConfig: PointsConfig = {
  rules: [
    { category: "volunteer_hour", nameZh: "志愿服务时长", nameEn: "volunteer hour", points: 10, unit: "hour", dailyCap: 80, monthlyCap: 600, awardRoles: staff },
    { category: "door_knock", nameZh: "敲门行动", nameEn: "door-knock visit", points: 5, unit: "each", dailyCap: 30, monthlyCap: 300, awardRoles: [...staff, "building_leader"] },
    { category: "micro_wish", nameZh: "认领微心愿", nameEn: "fulfilled micro-wish", points: 20, unit: "each", dailyCap: 60, monthlyCap: 400, awardRoles: staff },
    { category: "event_attendance", nameZh: "活动参与", nameEn: "event attendance", points: 5, unit: "each", dailyCap: 20, monthlyCap: 100, awardRoles: staff },
    { category: "good_conduct", nameZh: "好人好事", nameEn: "good-conduct award", points: 50, unit: "each", dailyCap: null, monthlyCap: 200, awardRoles: ["county_admin", "street_admin", "community_secretary"] }
  ],
  personDailyCap: 100,
  personMonthlyCap: 1000,
  expiryMonths: 24,
  minBalanceToRedeem: 0,
  donation: { toCharity: true, toPerson: true },
  holdTimeoutHours: 72,
  pickupCodes: defaultPickupCodeLimits
}

// ---------------------------------------------------------------------------
// Balances

/**
 * Balances of one account.
 *
 * @category models
 * @since 0.2.0
 */
export interface Balances {
  readonly posted: number
  readonly held: number
}

/**
 * How a transfer changes the balances of its two accounts: `[debit, credit]` deltas of
 * posted and held.
 *
 * @category rules
 * @since 0.2.0
 */
export const effectOf = (t: Pick<Transfer, "kind" | "amount">): readonly [debit: Balances, credit: Balances] => {
  switch (t.kind) {
    case "posted":
      return [{ posted: -t.amount, held: 0 }, { posted: t.amount, held: 0 }]
    case "pending":
      return [{ posted: 0, held: t.amount }, { posted: 0, held: 0 }]
    case "post":
      return [{ posted: -t.amount, held: -t.amount }, { posted: t.amount, held: 0 }]
    case "void":
      return [{ posted: 0, held: -t.amount }, { posted: 0, held: 0 }]
  }
}

/**
 * Whether a transfer lowers what is available on its debit account (and so must respect
 * the floor).
 *
 * @category predicates
 * @since 0.2.0
 */
export const debitsAvailable = (t: Pick<Transfer, "kind">): boolean => t.kind === "posted" || t.kind === "pending"

/**
 * The `Conflict` (reason `insufficient_points`) for a debit a floored account cannot afford,
 * naming the account and the amounts.
 *
 * @category constructors
 * @since 0.2.0
 */
export const insufficientPoints = (account: Pick<Account, "id" | "name" | "floor">, balances: Balances, amount: number): Conflict => {
  const available = balances.posted - balances.held
  const floor = account.floor ?? 0
  return conflict(
    "insufficient_points",
    `account ${account.id} has ${available} points available (posted ${balances.posted}, held ${balances.held}, floor ${floor}): ${amount} needed`,
    `积分账户 ${account.id} 可用积分为 ${available}（已入账 ${balances.posted}，冻结 ${balances.held}，下限 ${floor}），本次需要 ${amount}`
  )
}

/**
 * Checks a transfer against its debit account's floor, given that account's balances now.
 *
 * @category rules
 * @since 0.2.0
 */
export const checkFloor = (account: Pick<Account, "id" | "name" | "floor">, balances: Balances, t: Pick<Transfer, "kind" | "amount">): Result.Result<void, Conflict> =>
  account.floor === null || !debitsAvailable(t) || balances.posted - balances.held - t.amount >= account.floor
    ? Result.void
    : Result.fail(insufficientPoints(account, balances, t.amount))

/**
 * Replays transfers (in ledger order) into balances per account id: what every stored
 * balance must equal.
 *
 * @category rules
 * @since 0.2.0
 */
export const replay = (transfers: Iterable<Pick<Transfer, "kind" | "amount" | "debitAccountId" | "creditAccountId">>): Map<string, Balances> => {
  const out = new Map<string, { posted: number; held: number }>()
  const add = (id: string, d: Balances) => {
    const b = out.get(id)
    if (b === undefined) out.set(id, { posted: d.posted, held: d.held })
    else {
      b.posted += d.posted
      b.held += d.held
    }
  }
  for (const t of transfers) {
    const [debit, credit] = effectOf(t)
    add(t.debitAccountId, debit)
    add(t.creditAccountId, credit)
  }
  return out
}

/**
 * The same content, for the idempotency matrix: a retry with the same id must carry the
 * same accounts, amount, code, kind, memo, cause and references (actor and time may differ).
 *
 * @category predicates
 * @since 0.2.0
 */
export const sameTransfer = (a: Transfer, b: Transfer): boolean =>
  a.kind === b.kind && a.debitAccountId === b.debitAccountId && a.creditAccountId === b.creditAccountId && a.amount === b.amount &&
  a.code === b.code && a.category === b.category && a.memo === b.memo && a.pendingId === b.pendingId && a.reversesId === b.reversesId &&
  (a.cause?.type ?? null) === (b.cause?.type ?? null) && (a.cause?.id ?? null) === (b.cause?.id ?? null)

// ---------------------------------------------------------------------------
// Time windows

/**
 * The day and month containing `at` in the county's calendar (time zone `zone`), as UTC
 * instants `[from, to)`.
 *
 * @category rules
 * @since 0.2.0
 */
export const windows = (at: Instant, zone: string): { readonly day: readonly [Instant, Instant]; readonly month: readonly [Instant, Instant] } => ({
  day: dayWindow(at, zone),
  month: monthWindow(at, zone)
})

/**
 * The expiry cut-off: the same local wall-clock moment `months` months before `at`, in the
 * county's calendar (clamped to the end of shorter months).
 *
 * @category rules
 * @since 0.2.0
 */
export const monthsBefore = (at: Instant, months: number, zone: string): Instant => shiftMonths(at, -months, zone)

/**
 * Oldest-first expiry: debits consume the oldest credits first, so what is left of the
 * credits received before the cut-off is `creditsBefore - debitsTotal`; at most what is
 * available expires.
 *
 * @category rules
 * @since 0.2.0
 */
export const expiringAmount = (creditsBefore: number, debitsTotal: number, available: number): number =>
  Math.max(0, Math.min(creditsBefore - debitsTotal, available))

// ---------------------------------------------------------------------------
// Who may award

/**
 * Whether `actor` may award by `rule` to an account registered at `path`: one of its
 * grants must be in the rule's roles (or `system`), cover the path, and allow `points.award`.
 *
 * @category predicates
 * @since 0.2.0
 */
export const mayAward = (policy: Policy, actor: Actor, rule: EarningRule, path: ReadonlyArray<GridNodeId>): boolean =>
  actor.grants.some((g) =>
    (g.role === "system" || rule.awardRoles.includes(g.role)) &&
    policy[g.role].includes("points.award") &&
    (g.scope === "*" || path.includes(g.scope))
  )

/**
 * The room left under each cap for one more award of a category to an account: the least
 * of (cap − earned) over the rule's and the person's daily and monthly caps (`Infinity`
 * when none applies). `earned` gives what the account earned in each window.
 *
 * @category rules
 * @since 0.4.0
 */
export const capRoom = (
  rule: EarningRule,
  config: PointsConfig,
  earned: { readonly categoryDay: number; readonly categoryMonth: number; readonly day: number; readonly month: number }
): number => {
  let room = Infinity
  const within = (cap: number | null, used: number) => {
    if (cap !== null) room = Math.min(room, Math.max(0, cap - used))
  }
  within(rule.dailyCap, earned.categoryDay)
  within(rule.monthlyCap, earned.categoryMonth)
  within(config.personDailyCap, earned.day)
  within(config.personMonthlyCap, earned.month)
  return room
}

/**
 * A merchant's guard after one more wrong code at `at`: failures counted in a one-hour
 * window, and a lock of `merchantLockMinutes` when they reach `perMerchantHour`.
 *
 * @category rules
 * @since 0.4.0
 */
export const guardAfterFailure = (guard: MerchantGuard | undefined, merchantAccountId: MerchantGuard["merchantAccountId"], at: Instant, limits: PickupCodeLimits): Omit<MerchantGuard, "version"> => {
  const fresh = guard === undefined || Date.parse(at) - Date.parse(guard.windowStart) >= 3_600_000
  const failures = (fresh ? 0 : guard.failures) + 1
  const windowStart = fresh ? at : guard.windowStart
  const lockedUntil = failures >= limits.perMerchantHour
    ? new Date(Date.parse(at) + limits.merchantLockMinutes * 60_000).toISOString()
    : guard?.lockedUntil ?? null
  return { merchantAccountId, failures, windowStart, lockedUntil }
}

/**
 * Whether a merchant is locked out of confirming codes at `at`.
 *
 * @category predicates
 * @since 0.4.0
 */
export const merchantLocked = (guard: MerchantGuard | undefined, at: Instant): boolean =>
  guard !== undefined && guard.lockedUntil !== null && at < guard.lockedUntil
