/**
 * Pure points policy: the county's configuration (earning rules, caps, expiry, minimum
 * balance, donation, hold timeout) with the seed's defaults, the effect of a transfer on
 * balances, the floor check, cap windows in local time, and oldest-first expiry.
 *
 * @since 0.2.0
 */
import { Result, Schema } from "effect"
import { type Actor, Role } from "../kernel/actor.js"
import { conflict, type Conflict } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Policy } from "../kernel/permissions.js"
import type { Instant } from "../kernel/time.js"
import { Text } from "../kernel/text.js"
import type { Account, Transfer } from "./model.js"

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
  category: Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, rule("must be a key of lower-case letters, digits and _", "必须是由小写字母、数字和下划线组成的代码"))),
  nameZh: Text(40),
  nameEn: Text(60),
  /** Points per unit. */
  points: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1_000_000 })),
  unit: Schema.Literals(["each", "hour"]),
  /** Points of this category one person may earn per (local) day / month. */
  dailyCap: Cap,
  monthlyCap: Cap,
  awardRoles: Schema.Array(Role).check(Schema.isMinLength(1))
})
/** @category models @since 0.2.0 */
export type EarningRule = typeof EarningRule.Type

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
  /** Offset of local time from UTC, for the day and month of caps (China: 480). */
  utcOffsetMinutes: Schema.Int.check(Schema.isBetween({ minimum: -720, maximum: 840 }))
})
/** @category models @since 0.2.0 */
export type PointsConfig = typeof PointsConfig.Type

const staff: ReadonlyArray<Role> = ["county_admin", "street_admin", "community_secretary", "grid_worker"]

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
  utcOffsetMinutes: 480
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
 * The local day and month containing `at`, as UTC instants `[from, to)`.
 *
 * @category rules
 * @since 0.2.0
 */
export const windows = (at: Instant, utcOffsetMinutes: number): { readonly day: readonly [Instant, Instant]; readonly month: readonly [Instant, Instant] } => {
  const offset = utcOffsetMinutes * 60_000
  const local = new Date(Date.parse(at) + offset)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth()
  const d = local.getUTCDate()
  const iso = (ms: number) => new Date(ms - offset).toISOString()
  return {
    day: [iso(Date.UTC(y, m, d)), iso(Date.UTC(y, m, d + 1))],
    month: [iso(Date.UTC(y, m, 1)), iso(Date.UTC(y, m + 1, 1))]
  }
}

/**
 * `at` minus whole months (the expiry cut-off).
 *
 * @category rules
 * @since 0.2.0
 */
export const monthsBefore = (at: Instant, months: number): Instant => {
  const d = new Date(at)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString()
}

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
 * A six-digit pickup code (核销码) from random bits.
 *
 * @category constructors
 * @since 0.2.0
 */
export const pickupCodeFrom = (random: string): string => {
  let h = 2166136261
  for (let i = 0; i < random.length; i++) {
    h ^= random.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return String((h >>> 0) % 1_000_000).padStart(6, "0")
}
