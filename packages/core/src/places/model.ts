/**
 * The places context's schemas (阵地): service places on grid nodes — 党群服务中心, 邻里中心,
 * 兖新苑 service points, 红帆驿站, 街坊说事点, 居民议事厅, 矛盾调解室 — with their kind (a
 * county's configuration), opening hours in the county's time zone, the services offered,
 * capacity, a contact person and a status; the commands that change them, the events they
 * cause and the feed's view of those.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { redactText } from "../kernel/redact.js"
import { Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey

/**
 * A service place's id: `plc_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const ServicePlaceId = Schema.String.check(idCheck("plc", { en: "a service place", zh: "服务阵地" })).pipe(Schema.brand("ServicePlaceId"))
/** @category ids @since 0.5.0 */
export type ServicePlaceId = typeof ServicePlaceId.Type

/**
 * A fresh {@link ServicePlaceId}.
 *
 * @category constructors
 * @since 0.5.0
 */
export const newServicePlaceId: Effect.Effect<ServicePlaceId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `plc_${u}` as ServicePlaceId))

/** A public name: one line, no phone or ID-card number in it. */
const PublicName = (max: number) =>
  Text(max).check(Schema.makeFilter((s: string) => redactText(s) === s, rule(
    "must not contain a phone or ID-card number (7 digits or more)",
    "不能包含电话号码或身份证号（7 位及以上数字）"
  )))

// ---------------------------------------------------------------------------
// Configuration

/**
 * A kind of place a county keeps (党群服务中心, 红帆驿站, …): its code and its names.
 *
 * @category models
 * @since 0.5.0
 */
export const PlaceKind = Schema.Struct({ code: ConfigKey, labelZh: PublicName(20), labelEn: PublicName(60) })
/** @category models @since 0.5.0 */
export type PlaceKind = typeof PlaceKind.Type

const PlaceKinds = Schema.Array(PlaceKind).check(
  Schema.isMinLength(1, rule("must list at least one", "至少需要一项")),
  Schema.isMaxLength(50, rule("must list at most 50", "最多 50 项")),
  isUniqueBy((k: PlaceKind) => k.code, { field: "code", en: "must not repeat a code", zh: "代码不能重复", issue: (k) => `repeats the code ${k}` })
)

/**
 * A county's places configuration: the kinds of places it keeps.
 *
 * @category models
 * @since 0.5.0
 */
export const PlacesConfig = Schema.Struct({
  countyId: GridNodeId,
  kinds: PlaceKinds,
  version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type PlacesConfig = typeof PlacesConfig.Type

/**
 * Change a county's kinds of places (the whole list); `expectedVersion` guards against a
 * concurrent change.
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigurePlaces = Schema.Struct({
  kinds: PlaceKinds,
  expectedVersion: optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）"))))
})
/** @category commands @since 0.5.0 */
export type ConfigurePlaces = typeof ConfigurePlaces.Type

/**
 * What happened to a county's places configuration.
 *
 * @category events
 * @since 0.5.0
 */
export const PlacesConfigEvent = Schema.Struct({
  type: Schema.Literal("configured"),
  at: Instant,
  actor: ActorRef,
  config: PlacesConfig,
  changed: Schema.Array(Schema.String)
})
/** @category events @since 0.5.0 */
export type PlacesConfigEvent = typeof PlacesConfigEvent.Type

// ---------------------------------------------------------------------------
// Opening hours

/**
 * A wall-clock time of the county's day, `HH:MM` from `00:00` to `24:00` (the end of the day).
 *
 * @category schemas
 * @since 0.5.0
 */
export const ClockTime = Schema.String.check(Schema.isPattern(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/u, rule(
  "must be a time HH:MM from 00:00 to 24:00, e.g. 08:30",
  "必须是 00:00 到 24:00 之间的时间（时:分），例如 08:30"
)))
/** @category schemas @since 0.5.0 */
export type ClockTime = typeof ClockTime.Type

/**
 * One opening range of a weekday (ISO numbering: 1 Monday … 7 Sunday), in the county's
 * time zone; `to` is after `from`.
 *
 * @category models
 * @since 0.5.0
 */
export const OpeningRange = Schema.Struct({
  day: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 7 }, rule("must be a weekday from 1 (Monday) to 7 (Sunday)", "必须是 1（周一）到 7（周日）之间的星期"))),
  from: ClockTime,
  to: ClockTime
})
/** @category models @since 0.5.0 */
export type OpeningRange = typeof OpeningRange.Type

/**
 * Minutes since midnight of a {@link ClockTime}.
 *
 * @category rules
 * @since 0.5.0
 */
export const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/**
 * The first problem of a week's opening ranges: a range that ends at or before it starts
 * (at `[i, "to"]`), or one that overlaps an earlier range of the same day (at `[i, "from"]`).
 *
 * @category rules
 * @since 0.5.0
 */
export const hoursProblem = (hours: ReadonlyArray<OpeningRange>): { readonly path: readonly [number, string]; readonly issue: string } | undefined =>
  invertedRange(hours) ?? overlappingRange(hours)

const invertedRange = (hours: ReadonlyArray<OpeningRange>) => {
  for (const [i, r] of hours.entries()) {
    if (minutesOf(r.to) <= minutesOf(r.from)) return { path: [i, "to"] as const, issue: `must be later than from (${r.from})` }
  }
  return undefined
}

const overlappingRange = (hours: ReadonlyArray<OpeningRange>) => {
  for (const [i, r] of hours.entries()) {
    for (let j = 0; j < i; j++) {
      const o = hours[j]!
      if (o.day === r.day && minutesOf(r.from) < minutesOf(o.to) && minutesOf(o.from) < minutesOf(r.to)) {
        return { path: [i, "from"] as const, issue: `overlaps ${o.from}–${o.to} of the same day` }
      }
    }
  }
  return undefined
}

/**
 * A week's opening hours: at most 50 ranges, none inverted, none overlapping another of
 * its day.
 *
 * @category schemas
 * @since 0.5.0
 */
export const OpeningHours = Schema.Array(OpeningRange).check(
  Schema.isMaxLength(50, rule("must list at most 50 ranges", "最多 50 个时段")),
  Schema.makeFilter((hours: ReadonlyArray<OpeningRange>) => invertedRange(hours), rule("must end later than it starts", "结束时间必须晚于开始时间")),
  Schema.makeFilter((hours: ReadonlyArray<OpeningRange>) => overlappingRange(hours), rule("must not overlap another range of the same day", "不能与同一天的其他时段重叠"))
)
/** @category schemas @since 0.5.0 */
export type OpeningHours = typeof OpeningHours.Type

/**
 * The services a place offers: short public names, at most 50.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PlaceServices = Schema.Array(PublicName(60)).check(Schema.isMaxLength(50, rule("must list at most 50 services", "最多 50 项服务")))

/**
 * How many people a place holds at once.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PlaceCapacity = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }, rule("must be an integer from 1 to 100000", "必须是 1 到 100000 之间的整数")))

// ---------------------------------------------------------------------------
// The place

/**
 * A place's status: open, closed for a while (with a reason), or archived (gone for good).
 *
 * @category models
 * @since 0.5.0
 */
export const PlaceStatus = Schema.Literals(["open", "closed", "archived"])
/** @category models @since 0.5.0 */
export type PlaceStatus = typeof PlaceStatus.Type

/**
 * A place's contact person: a person of the county, named. Their phone is never stored here.
 *
 * @category models
 * @since 0.5.0
 */
export const PlaceContact = Schema.Struct({ personId: PersonId, name: Text(60) })
/** @category models @since 0.5.0 */
export type PlaceContact = typeof PlaceContact.Type

/**
 * A service place (阵地) at a grid node. `scope` is the node's path, the node last.
 *
 * @category models
 * @since 0.5.0
 */
export const ServicePlace = Schema.Struct({
  id: ServicePlaceId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  kind: ConfigKey,
  name: PublicName(60),
  address: Schema.NullOr(PublicName(200)),
  hours: OpeningHours,
  services: PlaceServices,
  capacity: Schema.NullOr(PlaceCapacity),
  contact: Schema.NullOr(PlaceContact),
  status: PlaceStatus,
  closedReason: Schema.NullOr(Text(200)),
  createdAt: Instant,
  updatedAt: Instant,
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export interface ServicePlace extends Schema.Schema.Type<typeof ServicePlace> {}

// ---------------------------------------------------------------------------
// Commands

/**
 * Register a place at a node (`places.manage` there). `kind` is one of the county's kinds;
 * `contactId` a person in the caller's scope and county.
 *
 * @category commands
 * @since 0.5.0
 */
export const RegisterPlace = Schema.Struct({
  nodeId: GridNodeId,
  kind: ConfigKey,
  name: PublicName(60),
  address: optional(PublicName(200)),
  hours: optional(OpeningHours),
  services: optional(PlaceServices),
  capacity: optional(PlaceCapacity),
  contactId: optional(PersonId)
})
/** @category commands @since 0.5.0 */
export type RegisterPlace = typeof RegisterPlace.Type

/** The details an update may change, all optional. */
const changeable = {
  kind: optional(ConfigKey),
  name: optional(PublicName(60)),
  address: optional(Schema.NullOr(PublicName(200))),
  hours: optional(OpeningHours),
  services: optional(PlaceServices),
  capacity: optional(Schema.NullOr(PlaceCapacity))
}

const expectedVersion = optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）"))))

/**
 * Change a place's details; absent fields stay, `null` clears an address, capacity or contact.
 *
 * @category commands
 * @since 0.5.0
 */
export const UpdatePlace = Schema.TaggedStruct("Update", {
  ...changeable,
  contactId: optional(Schema.NullOr(PersonId)),
  expectedVersion
})
/** @category commands @since 0.5.0 */
export type UpdatePlace = typeof UpdatePlace.Type

/**
 * Close a place for a while, saying why (renovation, …).
 *
 * @category commands
 * @since 0.5.0
 */
export const ClosePlace = Schema.TaggedStruct("Close", { reason: Text(200), expectedVersion })
/** @category commands @since 0.5.0 */
export type ClosePlace = typeof ClosePlace.Type

/**
 * Open a closed place again.
 *
 * @category commands
 * @since 0.5.0
 */
export const ReopenPlace = Schema.TaggedStruct("Reopen", { expectedVersion })
/** @category commands @since 0.5.0 */
export type ReopenPlace = typeof ReopenPlace.Type

/**
 * Archive a place for good: it leaves every list.
 *
 * @category commands
 * @since 0.5.0
 */
export const ArchivePlace = Schema.TaggedStruct("Archive", { expectedVersion })
/** @category commands @since 0.5.0 */
export type ArchivePlace = typeof ArchivePlace.Type

/**
 * A command on an existing place.
 *
 * @category commands
 * @since 0.5.0
 */
export const PlaceCommand = Schema.Union([UpdatePlace, ClosePlace, ReopenPlace, ArchivePlace])
/** @category commands @since 0.5.0 */
export type PlaceCommand = typeof PlaceCommand.Type

// ---------------------------------------------------------------------------
// Events

const happened = { at: Instant, actor: ActorRef }

/**
 * The details an update changes.
 *
 * @category events
 * @since 0.5.0
 */
export const PlaceChanges = Schema.Struct({ ...changeable, contact: optional(Schema.NullOr(PlaceContact)) })
/** @category events @since 0.5.0 */
export type PlaceChanges = typeof PlaceChanges.Type

/**
 * What happened to a place.
 *
 * @category events
 * @since 0.5.0
 */
export const PlaceEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("registered"), ...happened, place: ServicePlace }),
  Schema.Struct({ type: Schema.Literal("updated"), ...happened, changes: PlaceChanges }),
  Schema.Struct({ type: Schema.Literal("closed"), ...happened, reason: Text(200) }),
  Schema.Struct({ type: Schema.Literal("reopened"), ...happened }),
  Schema.Struct({ type: Schema.Literal("archived"), ...happened })
])
/** @category events @since 0.5.0 */
export type PlaceEvent = typeof PlaceEvent.Type

/**
 * The places events as the feed shows them: no contact, no reason, no personal data.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PlacesFeedEvents = [
  feedEvent("places.place.registered", { kind: ConfigKey, nodeId: GridNodeId }),
  feedEvent("places.place.updated", { changed: Schema.Array(Schema.String) }),
  feedEvent("places.place.closed", {}),
  feedEvent("places.place.reopened", {}),
  feedEvent("places.place.archived", {}),
  feedEvent("places.config.changed", { changed: Schema.Array(Schema.String) })
] as const
