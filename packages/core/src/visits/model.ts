/**
 * The visits context's schemas: special-care categories (独居老人, 残疾, 低保, 留守儿童, …)
 * each with a visiting frequency, as a county's configuration; the marking of a household
 * with categories; the 全科社工 door-to-door visit log with the follow-ups a visit raises;
 * the events they cause and the feed's view of those.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, HouseholdId, idCheck, IdGenerator } from "../kernel/ids.js"
import { Prose, Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"
import { PostNeed } from "../matching/model/needs.js"
import { ReportCase } from "../mediation/commands.js"
import { RaiseItem } from "../deliberation/commands.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey
const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）")))

/**
 * A household visit's id: `vst_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const VisitId = Schema.String.check(idCheck("vst", { en: "a household visit", zh: "入户走访" })).pipe(Schema.brand("VisitId"))
/** @category ids @since 0.5.0 */
export type VisitId = typeof VisitId.Type

/**
 * A fresh {@link VisitId}.
 *
 * @category constructors
 * @since 0.5.0
 */
export const newVisitId: Effect.Effect<VisitId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `vst_${u}` as VisitId))

/**
 * A special-care category with how often its households are visited, in days.
 *
 * @category models
 * @since 0.5.0
 */
export const CareCategory = Schema.Struct({
  code: ConfigKey,
  labelZh: Text(20),
  labelEn: Text(60),
  frequencyDays: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 366 }, rule("must be a whole number of days from 1 to 366", "必须是 1 到 366 之间的整数天")))
})
/** @category models @since 0.5.0 */
export type CareCategory = typeof CareCategory.Type

/**
 * Why a visit was made: a code of the county's reasons.
 *
 * @category models
 * @since 0.5.0
 */
export const VisitReason = Schema.Struct({ code: ConfigKey, labelZh: Text(20), labelEn: Text(60) })
/** @category models @since 0.5.0 */
export type VisitReason = typeof VisitReason.Type

const uniqueCodes = <A extends { readonly code: string }>(max: number) => [
  Schema.isMinLength(1, rule("must list at least one", "至少需要一项")),
  Schema.isMaxLength(max, rule(`must list at most ${max}`, `最多 ${max} 项`)),
  isUniqueBy((k: A) => k.code, { field: "code", en: "must not repeat a code", zh: "代码不能重复", issue: (k) => `repeats the code ${k}` })
] as const

const Categories = Schema.Array(CareCategory).check(...uniqueCodes<CareCategory>(50))
const Reasons = Schema.Array(VisitReason).check(...uniqueCodes<VisitReason>(50))

/**
 * A county's visits configuration: its special-care categories and reasons for a visit.
 *
 * @category models
 * @since 0.5.0
 */
export const VisitsConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Categories,
  reasons: Reasons,
  version: Version,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type VisitsConfig = typeof VisitsConfig.Type

/**
 * Change a county's categories and reasons.
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureVisits = Schema.Struct({ categories: Categories, reasons: Reasons, expectedVersion: optional(Version) })
/** @category commands @since 0.5.0 */
export type ConfigureVisits = typeof ConfigureVisits.Type

/**
 * A household's special-care marking: its categories (none: no longer marked), since when.
 * Staff-only: it is personal data.
 *
 * @category models
 * @since 0.5.0
 */
export const CareHousehold = Schema.Struct({
  householdId: HouseholdId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  categories: Schema.Array(ConfigKey),
  /** When the categories last changed from none to some: the start of the first interval. */
  markedAt: Instant,
  updatedAt: Instant,
  version: Version
})
/** @category models @since 0.5.0 */
export type CareHousehold = typeof CareHousehold.Type

/**
 * Mark a household with special-care categories (an empty list unmarks it).
 *
 * @category commands
 * @since 0.5.0
 */
export const MarkHousehold = Schema.Struct({
  categories: Schema.Array(ConfigKey).check(
    Schema.isMaxLength(20, rule("must list at most 20", "最多 20 项")),
    isUniqueBy((k: string) => k, { en: "must not repeat a category", zh: "类别不能重复", issue: (k) => `repeats ${k}` })
  ),
  expectedVersion: optional(Version)
})
/** @category commands @since 0.5.0 */
export type MarkHousehold = typeof MarkHousehold.Type

/**
 * A follow-up a visit raises in another context, in the same unit of work: a need
 * (matching), a mediation case or a deliberation item, each the other context's command.
 *
 * @category commands
 * @since 0.5.0
 */
export const VisitFollowUp = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("need"), need: PostNeed }),
  Schema.Struct({ kind: Schema.Literal("case"), case: ReportCase }),
  Schema.Struct({ kind: Schema.Literal("item"), item: RaiseItem })
])
/** @category commands @since 0.5.0 */
export type VisitFollowUp = typeof VisitFollowUp.Type

/**
 * What a follow-up raised: its kind and the id of the need, case or item.
 *
 * @category models
 * @since 0.5.0
 */
export const RaisedFollowUp = Schema.Struct({ kind: Schema.Literals(["need", "case", "item"]), id: Schema.String })
/** @category models @since 0.5.0 */
export type RaisedFollowUp = typeof RaisedFollowUp.Type

/**
 * Record a door-to-door visit the acting person made.
 *
 * @category commands
 * @since 0.5.0
 */
export const RecordVisit = Schema.Struct({
  householdId: HouseholdId,
  visitedAt: Instant,
  reason: ConfigKey,
  findings: Prose(4000),
  followUps: optional(Schema.Array(VisitFollowUp).check(Schema.isMaxLength(5, rule("must list at most 5", "最多 5 项"))))
})
/** @category commands @since 0.5.0 */
export type RecordVisit = typeof RecordVisit.Type

/**
 * A logged visit: who (the acting person), which household, when, why, what was found
 * (staff-only) and what it raised.
 *
 * @category models
 * @since 0.5.0
 */
export const HouseholdVisit = Schema.Struct({
  id: VisitId,
  countyId: GridNodeId,
  householdId: HouseholdId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  visitor: Schema.Struct({ id: Schema.String, name: Schema.String }),
  visitedAt: Instant,
  reason: ConfigKey,
  findings: Schema.String,
  followUps: Schema.Array(RaisedFollowUp),
  recordedAt: Instant,
  version: Version
})
/** @category models @since 0.5.0 */
export type HouseholdVisit = typeof HouseholdVisit.Type

/**
 * What happened to a household's marking.
 *
 * @category events
 * @since 0.5.0
 */
export interface CareEvent {
  readonly type: "marked"
  readonly at: Instant
  readonly actor: ActorRef
  readonly household: CareHousehold
}

/**
 * A visit was recorded.
 *
 * @category events
 * @since 0.5.0
 */
export interface VisitEvent {
  readonly type: "recorded"
  readonly at: Instant
  readonly actor: ActorRef
  readonly visit: HouseholdVisit
}

/**
 * A county's visits configuration changed.
 *
 * @category events
 * @since 0.5.0
 */
export interface VisitsConfigEvent {
  readonly type: "configured"
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: VisitsConfig
  readonly changed: ReadonlyArray<string>
}

/**
 * A household overdue for a visit: its categories, the most frequent one's days, the last
 * visit (or the marking), the date the visit fell due and by how many days it is late.
 *
 * @category views
 * @since 0.5.0
 */
export const OverdueHousehold = Schema.Struct({
  householdId: HouseholdId,
  nodeId: GridNodeId,
  categories: Schema.Array(ConfigKey),
  frequencyDays: Schema.Int,
  lastVisitAt: Schema.NullOr(Instant),
  dueDate: Schema.String,
  daysOverdue: Schema.Int
})
/** @category views @since 0.5.0 */
export type OverdueHousehold = typeof OverdueHousehold.Type

/**
 * The feed's view of the visits events: no household, no findings, no person.
 *
 * @category events
 * @since 0.5.0
 */
export const VisitsFeedEvents = [
  feedEvent("visits.household.marked", { count: Schema.Int }),
  feedEvent("visits.visit.recorded", { reason: ConfigKey, followUps: Schema.Array(Schema.String) }),
  feedEvent("visits.config.changed", { changed: Schema.Array(Schema.String) }),
  feedEvent("visits.overdue", { count: Schema.Int, personIds: Schema.Array(Schema.String) })
] as const
