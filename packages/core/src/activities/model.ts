/**
 * The activities context's schemas: activities of every kind the seed names (睦邻节, 睦邻大集,
 * 公益市集, 夜校, festival events, lectures by 宣讲团, volunteer services of teams) with
 * registration, a waiting list and check-in; volunteer and lecture teams with their leader
 * and members; the commands, the events and the feed's view of them.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ServicePlaceId } from "../places/model.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey
const version = optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）"))))

/**
 * An activity's id: `act_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const ActivityId = Schema.String.check(idCheck("act", { en: "an activity", zh: "活动" })).pipe(Schema.brand("ActivityId"))
/** @category ids @since 0.5.0 */
export type ActivityId = typeof ActivityId.Type

/**
 * A team's id: `tem_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const ActivityTeamId = Schema.String.check(idCheck("tem", { en: "a team", zh: "队伍" })).pipe(Schema.brand("ActivityTeamId"))
/** @category ids @since 0.5.0 */
export type ActivityTeamId = typeof ActivityTeamId.Type

/** A fresh {@link ActivityId}. @category constructors @since 0.5.0 */
export const newActivityId: Effect.Effect<ActivityId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `act_${u}` as ActivityId))
/** A fresh {@link ActivityTeamId}. @category constructors @since 0.5.0 */
export const newActivityTeamId: Effect.Effect<ActivityTeamId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `tem_${u}` as ActivityTeamId))

/**
 * The kinds of activity the seed names.
 *
 * @category models
 * @since 0.5.0
 */
export const ActivityKind = Schema.Literals(["neighbourhood_festival", "neighbourhood_fair", "charity_market", "night_school", "festival", "lecture", "volunteer_service"])
/** @category models @since 0.5.0 */
export type ActivityKind = typeof ActivityKind.Type

/**
 * A person an activity or a team names, with their name.
 *
 * @category models
 * @since 0.5.0
 */
export const NamedMember = Schema.Struct({ personId: PersonId, name: Text(60) })
/** @category models @since 0.5.0 */
export type NamedMember = typeof NamedMember.Type

// ---------------------------------------------------------------------------
// Teams

/**
 * A team's kind: volunteers (志愿服务队) or lecturers (宣讲团).
 *
 * @category models
 * @since 0.5.0
 */
export const TeamKind = Schema.Literals(["volunteer", "lecture"])
/** @category models @since 0.5.0 */
export type TeamKind = typeof TeamKind.Type

/**
 * A volunteer or lecture team at a node: its leader, its members (people) and, for
 * lecturers, the topics it speaks on.
 *
 * @category models
 * @since 0.5.0
 */
export const ActivityTeam = Schema.Struct({
  id: ActivityTeamId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  kind: TeamKind,
  name: Text(60),
  leader: NamedMember,
  members: Schema.Array(NamedMember),
  topics: Schema.Array(Text(60)),
  status: Schema.Literals(["active", "disbanded"]),
  createdAt: Instant,
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export interface ActivityTeam extends Schema.Schema.Type<typeof ActivityTeam> {}

const People = Schema.Array(PersonId).check(Schema.isMaxLength(500, rule("must list at most 500 people", "最多 500 人")))
const Topics = Schema.Array(Text(60)).check(Schema.isMaxLength(50, rule("must list at most 50 topics", "最多 50 个主题")))

/**
 * Form a team at a node (`activities.manage`); the leader is a member too.
 *
 * @category commands
 * @since 0.5.0
 */
export const FormTeam = Schema.Struct({ nodeId: GridNodeId, kind: TeamKind, name: Text(60), leaderId: PersonId, memberIds: optional(People), topics: optional(Topics) })
/** @category commands @since 0.5.0 */
export type FormTeam = typeof FormTeam.Type

/**
 * Change a team: its name, leader, topics, members joining or leaving.
 *
 * @category commands
 * @since 0.5.0
 */
export const UpdateTeam = Schema.TaggedStruct("Update", {
  name: optional(Text(60)),
  leaderId: optional(PersonId),
  join: optional(People),
  leave: optional(People),
  topics: optional(Topics),
  expectedVersion: version
})
/** @category commands @since 0.5.0 */
export type UpdateTeam = typeof UpdateTeam.Type

/**
 * Disband a team.
 *
 * @category commands
 * @since 0.5.0
 */
export const DisbandTeam = Schema.TaggedStruct("Disband", { expectedVersion: version })

/**
 * A command on an existing team.
 *
 * @category commands
 * @since 0.5.0
 */
export const TeamCommand = Schema.Union([UpdateTeam, DisbandTeam])
/** @category commands @since 0.5.0 */
export type TeamCommand = typeof TeamCommand.Type

/**
 * What happened to a team.
 *
 * @category events
 * @since 0.5.0
 */
export const TeamEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("formed"), at: Instant, actor: ActorRef, team: ActivityTeam }),
  Schema.Struct({ type: Schema.Literal("changed"), at: Instant, actor: ActorRef, name: Text(60), leader: NamedMember, members: Schema.Array(NamedMember), topics: Schema.Array(Text(60)) }),
  Schema.Struct({ type: Schema.Literal("disbanded"), at: Instant, actor: ActorRef })
])
/** @category events @since 0.5.0 */
export type TeamEvent = typeof TeamEvent.Type

// ---------------------------------------------------------------------------
// Activities

/**
 * One person's place on an activity's lists, with when they took it.
 *
 * @category models
 * @since 0.5.0
 */
export const ListEntry = Schema.Struct({ personId: PersonId, at: Instant })
/** @category models @since 0.5.0 */
export type ListEntry = typeof ListEntry.Type

/**
 * One attendance: who, when, and whether by the code or recorded by staff.
 *
 * @category models
 * @since 0.5.0
 */
export const Attendance = Schema.Struct({ personId: PersonId, at: Instant, by: Schema.Literals(["code", "staff"]) })
/** @category models @since 0.5.0 */
export type Attendance = typeof Attendance.Type

/**
 * Service hours a team member gave at an activity.
 *
 * @category models
 * @since 0.5.0
 */
export const ServiceHours = Schema.Struct({
  personId: PersonId,
  hours: Schema.Finite.check(Schema.makeFilter((h: number) => h > 0 && h <= 24 && Number.isInteger(h * 2), rule("must be hours from 0.5 to 24 in half hours", "必须是 0.5 到 24 之间的小时数（以半小时计）")))
})
/** @category models @since 0.5.0 */
export type ServiceHours = typeof ServiceHours.Type

/**
 * How many wrong check-in codes a person has entered for an activity.
 *
 * @category models
 * @since 0.5.0
 */
export const WrongCodes = Schema.Struct({ personId: PersonId, attempts: Schema.Int })
/** @category models @since 0.5.0 */
export type WrongCodes = typeof WrongCodes.Type

/**
 * An activity's status.
 *
 * @category models
 * @since 0.5.0
 */
export const ActivityStatus = Schema.Literals(["planned", "cancelled", "completed"])
/** @category models @since 0.5.0 */
export type ActivityStatus = typeof ActivityStatus.Type

/**
 * An activity at a node (and, when given, at one of its places): its kind, title and topic,
 * the team that runs it, the organiser (whose award rights pay the attendance points), the
 * time, the capacity (`null`: no limit), the registered (in order), the waiting list (in
 * order), the attendance, the team members' hours, the check-in code's salted hash (the
 * code itself is never stored: staff see it once, when it is issued or re-issued) and the
 * wrong codes each person has entered.
 *
 * @category models
 * @since 0.5.0
 */
export const ServiceActivity = Schema.Struct({
  id: ActivityId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  placeId: Schema.NullOr(ServicePlaceId),
  kind: ActivityKind,
  title: Text(100),
  topic: Schema.NullOr(Text(100)),
  teamId: Schema.NullOr(ActivityTeamId),
  organiser: NamedMember,
  startsAt: Instant,
  endsAt: Instant,
  capacity: Schema.NullOr(Schema.Int),
  registered: Schema.Array(ListEntry),
  waiting: Schema.Array(ListEntry),
  attended: Schema.Array(Attendance),
  hours: Schema.Array(ServiceHours),
  codeHash: Schema.String,
  codeSalt: Schema.String,
  wrongCodes: Schema.Array(WrongCodes),
  status: ActivityStatus,
  createdAt: Instant,
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export interface ServiceActivity extends Schema.Schema.Type<typeof ServiceActivity> {}

/**
 * An activity as its managers read it (the roster): everything but the check-in code's hash
 * and salt.
 *
 * @category views
 * @since 0.5.0
 */
export const ActivityRoster = ServiceActivity.mapFields(({ codeHash: _h, codeSalt: _s, ...fields }) => fields)
/** @category views @since 0.5.0 */
export interface ActivityRoster extends Schema.Schema.Type<typeof ActivityRoster> {}

/**
 * Plan an activity at a node or one of its places (`activities.manage`). `capacity` limits
 * registration (the rest wait); `organiserId` defaults to the caller.
 *
 * @category commands
 * @since 0.5.0
 */
export const PlanActivity = Schema.Struct({
  nodeId: GridNodeId,
  placeId: optional(ServicePlaceId),
  kind: ActivityKind,
  title: Text(100),
  topic: optional(Text(100)),
  teamId: optional(ActivityTeamId),
  organiserId: optional(PersonId),
  startsAt: Instant,
  endsAt: Instant,
  capacity: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }, rule("must be an integer from 1 to 100000", "必须是 1 到 100000 之间的整数"))))
})
/** @category commands @since 0.5.0 */
export type PlanActivity = typeof PlanActivity.Type

/**
 * The commands on an activity: registering and cancelling (a person for themself, staff for
 * a person in scope), checking in by the code or by staff, a new check-in code (staff; the
 * old one stops working), the team members' hours, cancelling and completing the activity.
 *
 * @category commands
 * @since 0.5.0
 */
export const ActivityCommand = Schema.Union([
  Schema.TaggedStruct("Register", { personId: optional(PersonId) }),
  Schema.TaggedStruct("Withdraw", { personId: optional(PersonId) }),
  Schema.TaggedStruct("CheckIn", { personId: optional(PersonId), code: optional(Schema.String.check(Schema.isPattern(/^\d{6}$/u, rule("must be the 6-digit check-in code", "必须是 6 位签到码")))) }),
  Schema.TaggedStruct("ReissueCode", { expectedVersion: version }),
  Schema.TaggedStruct("RecordHours", { hours: Schema.Array(ServiceHours).check(Schema.isMinLength(1), Schema.isMaxLength(500)), expectedVersion: version }),
  Schema.TaggedStruct("Cancel", { reason: Text(200), expectedVersion: version }),
  Schema.TaggedStruct("Complete", { expectedVersion: version })
])
/** @category commands @since 0.5.0 */
export type ActivityCommand = typeof ActivityCommand.Type

/**
 * What happened to an activity.
 *
 * @category events
 * @since 0.5.0
 */
export const ActivityEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("planned"), at: Instant, actor: ActorRef, activity: ServiceActivity }),
  Schema.Struct({ type: Schema.Literal("registered"), at: Instant, actor: ActorRef, personId: PersonId }),
  Schema.Struct({ type: Schema.Literal("waitlisted"), at: Instant, actor: ActorRef, personId: PersonId }),
  Schema.Struct({ type: Schema.Literal("withdrawn"), at: Instant, actor: ActorRef, personId: PersonId }),
  Schema.Struct({ type: Schema.Literal("promoted"), at: Instant, actor: ActorRef, personId: PersonId }),
  Schema.Struct({ type: Schema.Literal("checked_in"), at: Instant, actor: ActorRef, personId: PersonId, by: Schema.Literals(["code", "staff"]) }),
  Schema.Struct({ type: Schema.Literal("code_rejected"), at: Instant, actor: ActorRef, personId: PersonId, attempts: Schema.Int }),
  Schema.Struct({ type: Schema.Literal("code_reissued"), at: Instant, actor: ActorRef, codeHash: Schema.String, codeSalt: Schema.String }),
  Schema.Struct({ type: Schema.Literal("hours_recorded"), at: Instant, actor: ActorRef, hours: Schema.Array(ServiceHours) }),
  Schema.Struct({ type: Schema.Literal("cancelled"), at: Instant, actor: ActorRef, reason: Text(200) }),
  Schema.Struct({ type: Schema.Literal("completed"), at: Instant, actor: ActorRef })
])
/** @category events @since 0.5.0 */
export type ActivityEvent = typeof ActivityEvent.Type

/**
 * The activities events as the feed shows them: kinds, counts and ids of activities and
 * teams, never a person, a code or free text.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ActivitiesFeedEvents = [
  feedEvent("activities.activity.planned", { kind: ActivityKind, nodeId: GridNodeId, teamId: Schema.NullOr(ActivityTeamId) }),
  feedEvent("activities.activity.registered", { registered: Schema.Int, waiting: Schema.Int }),
  feedEvent("activities.activity.waitlisted", { registered: Schema.Int, waiting: Schema.Int }),
  feedEvent("activities.activity.withdrawn", { registered: Schema.Int, waiting: Schema.Int }),
  feedEvent("activities.activity.promoted", { registered: Schema.Int, waiting: Schema.Int }),
  feedEvent("activities.activity.checked_in", { attended: Schema.Int, by: Schema.Literals(["code", "staff"]) }),
  feedEvent("activities.activity.code_rejected", { locked: Schema.Boolean }),
  feedEvent("activities.activity.code_reissued", {}),
  feedEvent("activities.activity.hours_recorded", { members: Schema.Int }),
  feedEvent("activities.activity.cancelled", {}),
  feedEvent("activities.activity.completed", { attended: Schema.Int }),
  feedEvent("activities.team.formed", { kind: TeamKind, nodeId: GridNodeId, members: Schema.Int }),
  feedEvent("activities.team.changed", { members: Schema.Int }),
  feedEvent("activities.team.disbanded", {})
] as const
