/**
 * The intake context's pure policy: the seed's categories, the reference number's shape,
 * the follow code's limits on wrong guesses and the reject reasons' labels.
 *
 * @since 0.5.0
 */
import type { GridNodeId } from "../kernel/ids.js"
import type { CalendarDate, Instant } from "../kernel/time.js"
import type { Labels } from "../kernel/vocabulary.js"
import type { FollowGuard, IntakeCategory, IntakeChannel, IntakeConfig, IntakeRequestId, RejectReason } from "./model.js"

/**
 * The categories of requests the seed names, property (物业) among them.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultIntakeCategories: ReadonlyArray<IntakeCategory> = [
  { code: "property", labelZh: "物业", labelEn: "Property management" },
  { code: "neighbour_dispute", labelZh: "邻里纠纷", labelEn: "Dispute between neighbours" },
  { code: "environment", labelZh: "环境卫生", labelEn: "Environment and sanitation" },
  { code: "facilities", labelZh: "公共设施", labelEn: "Public facilities" },
  { code: "safety", labelZh: "治安安全", labelEn: "Safety and security" },
  { code: "elderly_care", labelZh: "养老服务", labelEn: "Care for the elderly" },
  { code: "social_assistance", labelZh: "社会救助", labelEn: "Social assistance" },
  { code: "policy", labelZh: "政策咨询", labelEn: "Policy question" },
  { code: "other", labelZh: "其他", labelEn: "Other" }
]

/**
 * The prefix of reference numbers until a county chooses its own.
 *
 * @category constants
 * @since 0.5.0
 */
export const DEFAULT_REFERENCE_PREFIX = "MJ"

/**
 * A county's configuration before it saved one: the seed's categories, version 0.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultIntakeConfig = (countyId: GridNodeId): IntakeConfig => ({
  countyId,
  categories: defaultIntakeCategories,
  referencePrefix: DEFAULT_REFERENCE_PREFIX,
  version: 0,
  updatedAt: null
})

/**
 * A reference number: the county's prefix, the local date of intake and the day's serial
 * number, at least four digits (`SZ-20261206-0042`).
 *
 * @category rules
 * @since 0.5.0
 */
export const formatReference = (prefix: string, date: CalendarDate, serial: number): string =>
  `${prefix}-${date.replaceAll("-", "")}-${String(serial).padStart(4, "0")}`

/**
 * How many digits a follow code has: drawn from `Secrets`, shown once at intake.
 *
 * @category constants
 * @since 0.5.0
 */
export const FOLLOW_CODE_DIGITS = 8

/**
 * The limits on wrong follow codes: after `perHour` wrong codes within an hour, following
 * the request is locked for `lockMinutes`, the right code included.
 *
 * @category constants
 * @since 0.5.0
 */
export const followCodeLimits = { perHour: 5, lockMinutes: 60 } as const

/**
 * The guard after one more wrong code at `at`: failures counted in a one-hour window that
 * starts with the first of them; the lock set when they reach the limit.
 *
 * @category rules
 * @since 0.5.0
 */
export const followGuardAfterFailure = (requestId: IntakeRequestId, guard: FollowGuard | undefined, at: Instant): FollowGuard => {
  const windowOpen = guard !== undefined && Date.parse(at) - Date.parse(guard.windowStart) < 3_600_000
  const failures = windowOpen ? guard.failures + 1 : 1
  const lock = failures >= followCodeLimits.perHour ? new Date(Date.parse(at) + followCodeLimits.lockMinutes * 60_000).toISOString() : null
  return { requestId, failures, windowStart: windowOpen ? guard.windowStart : at, lockedUntil: lock ?? guard?.lockedUntil ?? null }
}

/**
 * Whether following a request is locked at `at`.
 *
 * @category predicates
 * @since 0.5.0
 */
export const followLocked = (guard: FollowGuard | undefined, at: Instant): boolean =>
  guard?.lockedUntil != null && at < guard.lockedUntil

/**
 * The channels' labels.
 *
 * @category constants
 * @since 0.5.0
 */
export const IntakeChannelLabels: Labels<IntakeChannel> = {
  walk_in: { en: "Walk-in", zh: "来访" },
  phone: { en: "Phone", zh: "来电" },
  hotline_12345: { en: "12345 hotline", zh: "12345 热线" },
  grid_worker: { en: "Grid worker", zh: "网格员上报" },
  mini_program: { en: "Mini-program", zh: "小程序" }
}

/**
 * The reject reasons' labels.
 *
 * @category constants
 * @since 0.5.0
 */
export const RejectReasonLabels: Labels<RejectReason> = {
  out_of_scope: { en: "Not a matter the community handles", zh: "不属于受理范围" },
  insufficient_information: { en: "Not enough information", zh: "信息不足" },
  not_reachable: { en: "The resident could not be reached", zh: "无法联系诉求人" },
  withdrawn: { en: "Withdrawn by the resident", zh: "诉求人撤回" },
  already_handled: { en: "Already handled", zh: "已办理" }
}
