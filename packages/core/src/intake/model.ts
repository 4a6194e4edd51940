/**
 * The intake context's schemas (一口式受理): one request (诉求) whatever channel it came
 * by, at a grid node, with a category of the county's, the resident as a person or a
 * contact, a reference number unique in the county and one status the resident follows;
 * the commands that accept, route, resolve, reject and merge it; the county's categories.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, HouseholdId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { Phone, Prose, Text } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"
import { VisitFollowUp } from "../visits/model.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey
const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）")))

/**
 * An intake request's id: `ikr_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const IntakeRequestId = Schema.String.check(idCheck("ikr", { en: "an intake request", zh: "诉求" })).pipe(Schema.brand("IntakeRequestId"))
/** @category ids @since 0.5.0 */
export type IntakeRequestId = typeof IntakeRequestId.Type

/**
 * A fresh {@link IntakeRequestId}.
 *
 * @category constructors
 * @since 0.5.0
 */
export const newIntakeRequestId: Effect.Effect<IntakeRequestId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `ikr_${u}` as IntakeRequestId))

/**
 * How a request came in: at the window, by phone, from the 12345 hotline, through a grid
 * worker, or from the mini-program.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeChannel = Schema.Literals(["walk_in", "phone", "hotline_12345", "grid_worker", "mini_program"])
/** @category models @since 0.5.0 */
export type IntakeChannel = typeof IntakeChannel.Type

/**
 * Where a request stands: received → accepted (staff confirmed it: the response) → routed →
 * resolved; or rejected (with a reason) or merged into another request.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeStatus = Schema.Literals(["received", "accepted", "routed", "resolved", "rejected", "merged"])
/** @category models @since 0.5.0 */
export type IntakeStatus = typeof IntakeStatus.Type

/**
 * Why a request is rejected: a code, never free text.
 *
 * @category models
 * @since 0.5.0
 */
export const RejectReason = Schema.Literals(["out_of_scope", "insufficient_information", "not_reachable", "withdrawn", "already_handled"])
/** @category models @since 0.5.0 */
export type RejectReason = typeof RejectReason.Type

/**
 * A category of requests: a code with its labels.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeCategory = Schema.Struct({ code: ConfigKey, labelZh: Text(20), labelEn: Text(60) })
/** @category models @since 0.5.0 */
export type IntakeCategory = typeof IntakeCategory.Type

const Categories = Schema.Array(IntakeCategory).check(
  Schema.isMinLength(1, rule("must list at least one", "至少需要一项")),
  Schema.isMaxLength(100, rule("must list at most 100", "最多 100 项")),
  isUniqueBy((k: IntakeCategory) => k.code, { field: "code", en: "must not repeat a code", zh: "代码不能重复", issue: (k) => `repeats the code ${k}` })
)

/**
 * What a county's reference numbers start with: 1 to 6 capital letters (`SZ` in `SZ-20261206-0042`).
 *
 * @category models
 * @since 0.5.0
 */
export const ReferencePrefix = Schema.String.check(Schema.isPattern(/^[A-Z]{1,6}$/u, rule("must be 1 to 6 capital letters A-Z", "必须是 1 到 6 个大写英文字母")))

/**
 * A county's intake configuration: its categories and the prefix of its reference numbers.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Categories,
  referencePrefix: ReferencePrefix,
  version: Version,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type IntakeConfig = typeof IntakeConfig.Type

/**
 * Change a county's categories and reference prefix.
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureIntake = Schema.Struct({ categories: Categories, referencePrefix: ReferencePrefix, expectedVersion: optional(Version) })
/** @category commands @since 0.5.0 */
export type ConfigureIntake = typeof ConfigureIntake.Type

/**
 * Who brought the request: a person the grid knows, or a contact (a name and a phone) for
 * someone it does not.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeResident = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("person"), personId: PersonId }),
  Schema.Struct({ kind: Schema.Literal("contact"), name: Text(40), phone: Phone })
])
/** @category models @since 0.5.0 */
export type IntakeResident = typeof IntakeResident.Type

/**
 * Take a request: its channel, where (a household, whose node it takes, or a node such as a
 * place's), its category, who brought it and what they said.
 *
 * @category commands
 * @since 0.5.0
 */
export const ReceiveRequest = Schema.Struct({
  channel: IntakeChannel,
  nodeId: optional(GridNodeId),
  householdId: optional(HouseholdId),
  category: ConfigKey,
  resident: IntakeResident,
  text: Prose(4000)
})
/** @category commands @since 0.5.0 */
export type ReceiveRequest = typeof ReceiveRequest.Type

/**
 * Route a request: to a need, a mediation case or a deliberation item (each that context's
 * command, raised with the staff member's own rights in the same unit of work), or to a
 * department with the date it is due.
 *
 * @category commands
 * @since 0.5.0
 */
export const RouteRequest = Schema.Union([
  ...VisitFollowUp.members,
  Schema.Struct({ kind: Schema.Literal("referral"), department: Text(60), dueDate: CalendarDate })
])
/** @category commands @since 0.5.0 */
export type RouteRequest = typeof RouteRequest.Type

/**
 * Resolve a request (a referral's department answered, or staff settled it), with the
 * outcome the resident may read (redacted before it is stored).
 *
 * @category commands
 * @since 0.5.0
 */
export const ResolveRequest = Schema.Struct({ outcome: optional(Prose(1000)) })
/** @category commands @since 0.5.0 */
export type ResolveRequest = typeof ResolveRequest.Type

/**
 * Reject a request with a reason code and, optionally, the outcome the resident may read.
 *
 * @category commands
 * @since 0.5.0
 */
export const RejectRequest = Schema.Struct({ reason: RejectReason, outcome: optional(Prose(1000)) })
/** @category commands @since 0.5.0 */
export type RejectRequest = typeof RejectRequest.Type

/**
 * Merge a duplicate into an open request of the same county.
 *
 * @category commands
 * @since 0.5.0
 */
export const MergeRequest = Schema.Struct({ into: IntakeRequestId })
/** @category commands @since 0.5.0 */
export type MergeRequest = typeof MergeRequest.Type

/**
 * A reference number and the follow code shown at intake: what a resident follows a
 * request with, without signing in.
 *
 * @category commands
 * @since 0.5.0
 */
export const FollowRequest = Schema.Struct({
  reference: Schema.String.check(Schema.isMaxLength(40, rule("must be at most 40 characters", "长度不能超过 40 个字符"))),
  code: Schema.String.check(Schema.isMaxLength(40, rule("must be at most 40 characters", "长度不能超过 40 个字符")))
})
/** @category commands @since 0.5.0 */
export type FollowRequest = typeof FollowRequest.Type

/**
 * The resident's rating of the outcome (1 to 5), once, with the reference and follow code.
 *
 * @category commands
 * @since 0.5.0
 */
export const RateRequest = Schema.Struct({
  ...FollowRequest.fields,
  rating: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }, rule("must be a whole number from 1 to 5", "必须是 1 到 5 之间的整数")))
})
/** @category commands @since 0.5.0 */
export type RateRequest = typeof RateRequest.Type

/**
 * Where a request was routed: the kind, the id of the need, case or item (`null` for a
 * referral), and a referral's department and due date.
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeRoute = Schema.Struct({
  target: Schema.Literals(["need", "case", "item", "referral"]),
  targetId: Schema.NullOr(Schema.String),
  department: Schema.NullOr(Schema.String),
  dueDate: Schema.NullOr(CalendarDate)
})
/** @category models @since 0.5.0 */
export type IntakeRoute = typeof IntakeRoute.Type

const requestFields = {
  id: IntakeRequestId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  householdId: Schema.NullOr(HouseholdId),
  reference: Schema.String,
  channel: IntakeChannel,
  category: ConfigKey,
  resident: IntakeResident,
  text: Schema.String,
  status: IntakeStatus,
  receivedBy: ActorRef,
  receivedAt: Instant,
  acceptedAt: Schema.NullOr(Instant),
  routedAt: Schema.NullOr(Instant),
  closedAt: Schema.NullOr(Instant),
  route: Schema.NullOr(IntakeRoute),
  rejectReason: Schema.NullOr(RejectReason),
  /** The outcome the resident reads, redacted when it was written. */
  outcome: Schema.NullOr(Schema.String),
  mergedInto: Schema.NullOr(Schema.Struct({ id: IntakeRequestId, reference: Schema.String })),
  rating: Schema.NullOr(Schema.Int),
  version: Version
}

/**
 * A request as staff read it (personal data: the resident and the text).
 *
 * @category models
 * @since 0.5.0
 */
export const IntakeRequest = Schema.Struct(requestFields)
/** @category models @since 0.5.0 */
export type IntakeRequest = typeof IntakeRequest.Type

/**
 * A request as stored: with the salted hash of its follow code, which no view returns.
 *
 * @category models
 * @since 0.5.0
 */
export const StoredIntakeRequest = Schema.Struct({ ...requestFields, follow: Schema.Struct({ hash: Schema.String, salt: Schema.String }) })
/** @category models @since 0.5.0 */
export type StoredIntakeRequest = typeof StoredIntakeRequest.Type

/**
 * What intake answers: the request and its follow code, shown this once.
 *
 * @category models
 * @since 0.5.0
 */
export const ReceivedRequest = Schema.Struct({ request: IntakeRequest, followCode: Schema.String })
/** @category models @since 0.5.0 */
export type ReceivedRequest = typeof ReceivedRequest.Type

/**
 * The resident's view of a request, without signing in: status, dates and the public
 * outcome; nothing personal, not even the text.
 *
 * @category views
 * @since 0.5.0
 */
export const PublicIntakeRequest = Schema.Struct({
  reference: Schema.String,
  category: ConfigKey,
  status: IntakeStatus,
  receivedAt: Instant,
  acceptedAt: Schema.NullOr(Instant),
  routedAt: Schema.NullOr(Instant),
  closedAt: Schema.NullOr(Instant),
  routedTo: Schema.NullOr(Schema.Literals(["need", "case", "item", "referral"])),
  department: Schema.NullOr(Schema.String),
  dueDate: Schema.NullOr(CalendarDate),
  rejectReason: Schema.NullOr(RejectReason),
  outcome: Schema.NullOr(Schema.String),
  /** The reference of the request this one was merged into, and where that one stands. */
  mergedInto: Schema.NullOr(Schema.String),
  mergedIntoStatus: Schema.NullOr(IntakeStatus),
  rating: Schema.NullOr(Schema.Int)
})
/** @category views @since 0.5.0 */
export type PublicIntakeRequest = typeof PublicIntakeRequest.Type

/**
 * The wrong follow codes counted against one request: failures in the current one-hour
 * window and until when following it is locked.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowGuard {
  readonly requestId: IntakeRequestId
  readonly failures: number
  readonly windowStart: Instant
  readonly lockedUntil: Instant | null
}

/**
 * What happened to a request; `patch` is what changed, `type` names the event in the log.
 *
 * @category events
 * @since 0.5.0
 */
export interface IntakeEvent {
  readonly type: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged" | "rated"
  readonly at: Instant
  readonly actor: ActorRef
  readonly patch: Partial<StoredIntakeRequest>
}

/**
 * A county's intake configuration changed.
 *
 * @category events
 * @since 0.5.0
 */
export interface IntakeConfigEvent {
  readonly type: "configured"
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: IntakeConfig
  readonly changed: ReadonlyArray<string>
}
