/**
 * The party context's schemas (在职党员进社区报到): a serving party member registers with a
 * community, names the unit that employs them (a partners `unit`), commits to kinds of
 * service from the county's configuration, and the hours of service staff record are
 * tallied; the commands, the events and the feed's view of them.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { Text } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"
import { ActivityId } from "../activities/model.js"
import { PartnerId } from "../partners/model.js"

const check = (en: string, zh: string) => ({ message: en, messageZh: zh }) as Schema.Annotations.Filter
const maybe = Schema.optionalKey

/**
 * A registration's id: `pmr_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const RegistrationId = Schema.String.check(idCheck("pmr", { en: "a party member's registration", zh: "在职党员报到" })).pipe(Schema.brand("RegistrationId"))
/** @category ids @since 0.5.0 */
export type RegistrationId = typeof RegistrationId.Type

/**
 * A recorded service's id: `psr_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const PartyServiceId = Schema.String.check(idCheck("psr", { en: "a party member's service", zh: "党员服务记录" })).pipe(Schema.brand("PartyServiceId"))
/** @category ids @since 0.5.0 */
export type PartyServiceId = typeof PartyServiceId.Type

/** @category constructors @since 0.5.0 */
export const newRegistrationId: Effect.Effect<RegistrationId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `pmr_${u}` as RegistrationId))
/** @category constructors @since 0.5.0 */
export const newPartyServiceId: Effect.Effect<PartyServiceId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `psr_${u}` as PartyServiceId))

/**
 * A kind of service members commit to (政策宣讲, 志愿服务, …): its code and its names.
 *
 * @category models
 * @since 0.5.0
 */
export const PartyServiceKind = Schema.Struct({ code: ConfigKey, labelZh: Text(20), labelEn: Text(60) })
/** @category models @since 0.5.0 */
export type PartyServiceKind = typeof PartyServiceKind.Type

const ServiceKinds = Schema.Array(PartyServiceKind).check(
  Schema.isMinLength(1, check("must list at least one", "至少需要一项")),
  Schema.isMaxLength(50, check("must list at most 50", "最多 50 项")),
  isUniqueBy((k: PartyServiceKind) => k.code, { field: "code", en: "must not repeat a code", zh: "代码不能重复", issue: (k) => `repeats the code ${k}` })
)

/**
 * A county's party configuration: the kinds of service members commit to.
 *
 * @category models
 * @since 0.5.0
 */
export const PartyConfig = Schema.Struct({ countyId: GridNodeId, serviceKinds: ServiceKinds, version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), updatedAt: Schema.NullOr(Instant) })
/** @category models @since 0.5.0 */
export type PartyConfig = typeof PartyConfig.Type

const expected = maybe(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, check("must be a version (0 or more)", "必须是版本号（不小于 0）"))))

/**
 * Change a county's kinds of service (the whole list).
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureParty = Schema.Struct({ serviceKinds: ServiceKinds, expectedVersion: expected })
/** @category commands @since 0.5.0 */
export type ConfigureParty = typeof ConfigureParty.Type

/**
 * What happened to a county's party configuration.
 *
 * @category events
 * @since 0.5.0
 */
export const PartyConfigEvent = Schema.Struct({ type: Schema.Literal("configured"), at: Instant, actor: ActorRef, config: PartyConfig, changed: Schema.Array(Schema.String) })
/** @category events @since 0.5.0 */
export type PartyConfigEvent = typeof PartyConfigEvent.Type

/**
 * Hours of service: from 0.5 to 24, in half hours.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartyServiceHours = Schema.Number.check(Schema.makeFilter((h: number) => Number.isInteger(h * 2) && h >= 0.5 && h <= 24, check(
  "must be a number of hours from 0.5 to 24, in half hours",
  "必须是 0.5 到 24 之间的小时数（以半小时计）"
)))

const Commitments = Schema.Array(ConfigKey).check(Schema.isMaxLength(20, check("must list at most 20 kinds", "最多 20 项")))

/**
 * A registration's status: serving, or withdrawn (moved, retired, …).
 *
 * @category models
 * @since 0.5.0
 */
export const RegistrationStatus = Schema.Literals(["active", "withdrawn"])
/** @category models @since 0.5.0 */
export type RegistrationStatus = typeof RegistrationStatus.Type

/**
 * A party member's registration with a community (`scope` is the community's path, the
 * community last). The person's name and phone are not kept here: they are read from the
 * grid, for those who may see them. `hours` and `services` tally what was recorded.
 *
 * @category models
 * @since 0.5.0
 */
export const Registration = Schema.Struct({
  id: RegistrationId,
  countyId: GridNodeId,
  personId: PersonId,
  communityId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  employerId: PartnerId,
  commitments: Commitments,
  status: RegistrationStatus,
  hours: Schema.Number,
  services: Schema.Int,
  registeredAt: Instant,
  withdrawnAt: Schema.NullOr(Instant),
  updatedAt: Instant,
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export interface Registration extends Schema.Schema.Type<typeof Registration> {}

/**
 * One service a member gave, as staff recorded it — its kind, the hours and the day — or as
 * attending an activity recorded it (kind `activity`, with the activity's id).
 *
 * @category models
 * @since 0.5.0
 */
export const PartyService = Schema.Struct({
  id: PartyServiceId,
  registrationId: RegistrationId,
  countyId: GridNodeId,
  employerId: PartnerId,
  communityId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  kind: ConfigKey,
  hours: PartyServiceHours,
  servedOn: CalendarDate,
  /** The instant `servedOn` starts in the county's time zone: what periods select by. */
  servedAt: Instant,
  recordedAt: Instant,
  /** The activity attended, for a service counted from an activity's attendance. */
  activityId: maybe(ActivityId)
})
/** @category models @since 0.5.0 */
export type PartyService = typeof PartyService.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Register a party member with a community: by staff (`party.manage` at the community,
 * the person in their scope), or by the member themselves (`party.join`). The employer is
 * an active partner of type `unit` in the county.
 *
 * @category commands
 * @since 0.5.0
 */
export const RegisterMember = Schema.Struct({ personId: PersonId, communityId: GridNodeId, employerId: PartnerId, commitments: maybe(Commitments) })
/** @category commands @since 0.5.0 */
export type RegisterMember = typeof RegisterMember.Type

/** @category commands @since 0.5.0 */
export const CommitServices = Schema.TaggedStruct("Commit", { commitments: Commitments, expectedVersion: expected })
/**
 * Record a service the member gave (`party.manage` at the community): its kind, hours and
 * day (today when absent; never later).
 *
 * @category commands
 * @since 0.5.0
 */
export const RecordService = Schema.TaggedStruct("RecordService", { kind: ConfigKey, hours: PartyServiceHours, servedOn: maybe(CalendarDate), expectedVersion: expected })
/** @category commands @since 0.5.0 */
export const WithdrawMember = Schema.TaggedStruct("Withdraw", { expectedVersion: expected })

/**
 * A command on an existing registration.
 *
 * @category commands
 * @since 0.5.0
 */
export const RegistrationCommand = Schema.Union([CommitServices, RecordService, WithdrawMember])
/** @category commands @since 0.5.0 */
export type RegistrationCommand = typeof RegistrationCommand.Type

// ---------------------------------------------------------------------------
// Events

const stamp = { at: Instant, actor: ActorRef }

/**
 * What happened to a registration.
 *
 * @category events
 * @since 0.5.0
 */
export const RegistrationEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("registered"), ...stamp, registration: Registration }),
  Schema.Struct({ type: Schema.Literal("committed"), ...stamp, commitments: Commitments }),
  Schema.Struct({ type: Schema.Literal("serviceRecorded"), ...stamp, service: PartyService }),
  Schema.Struct({ type: Schema.Literal("withdrawn"), ...stamp })
])
/** @category events @since 0.5.0 */
export type RegistrationEvent = typeof RegistrationEvent.Type

/**
 * The party events as the feed shows them: no person, no name, no phone.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartyFeedEvents = [
  feedEvent("party.member.registered", { communityId: GridNodeId, employerId: PartnerId }),
  feedEvent("party.member.committed", { commitments: Schema.Array(ConfigKey) }),
  feedEvent("party.service.recorded", { kind: ConfigKey, hours: Schema.Number }),
  feedEvent("party.member.withdrawn", {}),
  feedEvent("party.config.changed", { changed: Schema.Array(Schema.String) })
] as const
