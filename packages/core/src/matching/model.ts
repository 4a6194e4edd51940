/**
 * The matching context's schemas: needs (微心愿 · 需求清单), volunteer profiles and teams
 * (能力资源清单), the county's matching configuration, and the commands on them.
 *
 * @since 0.3.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { Text } from "../kernel/text.js"
import { AccountId, TransferId } from "../points/model.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Ids

/**
 * A need's id: `need_<ULID>`.
 *
 * @category ids
 * @since 0.3.0
 */
export const NeedId = Schema.String.check(idCheck("need", { en: "a need", zh: "需求" })).pipe(Schema.brand("NeedId"))
/** @category ids @since 0.3.0 */
export type NeedId = typeof NeedId.Type

/**
 * A fresh need id.
 *
 * @category constructors
 * @since 0.3.0
 */
export const newNeedId: Effect.Effect<NeedId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `need_${u}` as NeedId))

/**
 * A volunteer team's id: `team_<ULID>`.
 *
 * @category ids
 * @since 0.3.0
 */
export const TeamId = Schema.String.check(idCheck("team", { en: "a volunteer team", zh: "志愿服务队" })).pipe(Schema.brand("TeamId"))
/** @category ids @since 0.3.0 */
export type TeamId = typeof TeamId.Type

/**
 * A fresh team id.
 *
 * @category constructors
 * @since 0.3.0
 */
export const newTeamId: Effect.Effect<TeamId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `team_${u}` as TeamId))

/**
 * The id of a person acting in the system (the `Actor.id` of a volunteer or requester).
 *
 * @category ids
 * @since 0.3.0
 */
export const PersonRef = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))
/** @category ids @since 0.3.0 */
export type PersonRef = typeof PersonRef.Type

/**
 * A configuration key (category, skill): lower-case letters, digits and `_`.
 *
 * @category schemas
 * @since 0.3.0
 */
export const MatchingKey = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, {
  message: "must be a key of lower-case letters, digits and _",
  messageZh: "必须是由小写字母、数字和下划线组成的代码"
}))

// ---------------------------------------------------------------------------
// Needs

/**
 * What kind of need: a micro-wish (微心愿), an urgent small problem (微清单), a service
 * request through the one-window intake (一口式受理), a public-interest project (公益项目).
 *
 * @category models
 * @since 0.3.0
 */
export const NeedKind = Schema.Literals(["micro_wish", "urgent_problem", "service_request", "public_interest"])
/** @category models @since 0.3.0 */
export type NeedKind = typeof NeedKind.Type

/**
 * How urgent a need is; dispatch serves the most urgent first.
 *
 * @category models
 * @since 0.3.0
 */
export const Urgency = Schema.Literals(["low", "normal", "high", "critical"])
/** @category models @since 0.3.0 */
export type Urgency = typeof Urgency.Type

/**
 * The detailed state of a need.
 *
 * @category models
 * @since 0.3.0
 */
export const NeedState = Schema.Literals(["open", "claimed", "assigned", "visiting", "done", "confirmed", "closed", "cancelled", "expired"])
/** @category models @since 0.3.0 */
export type NeedState = typeof NeedState.Type

/**
 * The Open311-style coarse status beside the detailed state.
 *
 * @category models
 * @since 0.3.0
 */
export const NeedStatus = Schema.Literals(["open", "closed"])
/** @category models @since 0.3.0 */
export type NeedStatus = typeof NeedStatus.Type

/**
 * Chinese and English labels of the states, for views and diagrams.
 *
 * @category models
 * @since 0.3.0
 */
export const NeedStateLabels: Readonly<Record<NeedState, { readonly en: string; readonly zh: string }>> = {
  open: { en: "open", zh: "待认领" },
  claimed: { en: "claimed", zh: "已认领" },
  assigned: { en: "assigned", zh: "已派单" },
  visiting: { en: "visiting", zh: "上门中" },
  done: { en: "done", zh: "已完成" },
  confirmed: { en: "confirmed", zh: "已确认" },
  closed: { en: "closed", zh: "已关闭" },
  cancelled: { en: "cancelled", zh: "已撤销" },
  expired: { en: "expired", zh: "已过期" }
}

/**
 * A volunteer on a need: who, how they came (claimed or dispatched), when, and why
 * (the dispatch's explanation).
 *
 * @category models
 * @since 0.3.0
 */
export const Assignee = Schema.Struct({
  personId: PersonRef,
  via: Schema.Literals(["claim", "dispatch"]),
  at: Instant,
  explanation: Schema.NullOr(Schema.String)
})
/** @category models @since 0.3.0 */
export type Assignee = typeof Assignee.Type

/**
 * A door-knock visit (敲门行动), logged by a volunteer on the need.
 *
 * @category models
 * @since 0.3.0
 */
export const Visit = Schema.Struct({ personId: PersonRef, at: Instant, note: Schema.String })
/** @category models @since 0.3.0 */
export type Visit = typeof Visit.Type

/**
 * A rating from 1 (poor) to 5 (excellent).
 *
 * @category models
 * @since 0.3.0
 */
export const NeedRating = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }))

/**
 * The requester's (or a grid worker's) confirmation of a done need.
 *
 * @category models
 * @since 0.3.0
 */
export const Confirmation = Schema.Struct({ by: ActorRef, at: Instant, rating: NeedRating, comment: Schema.String })
/** @category models @since 0.3.0 */
export type Confirmation = typeof Confirmation.Type

/**
 * The points reward of a need and the account it is paid from (an issuer, a sponsor).
 *
 * @category models
 * @since 0.3.0
 */
export const Reward = Schema.Struct({
  points: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10_000 })),
  fromAccountId: AccountId
})
/** @category models @since 0.3.0 */
export type Reward = typeof Reward.Type

/**
 * One reward transfer paid for a confirmed need: its deterministic id, whom, how much.
 *
 * @category models
 * @since 0.3.0
 */
export const RewardPayment = Schema.Struct({ transferId: TransferId, personId: PersonRef, accountId: AccountId, points: Schema.Int })
/** @category models @since 0.3.0 */
export type RewardPayment = typeof RewardPayment.Type

/**
 * A need (需求): what, where, for whom, by when, and its life so far.
 *
 * @category models
 * @since 0.3.0
 */
export const Need = Schema.Struct({
  id: NeedId,
  countyId: GridNodeId,
  /** The household or grid node the need concerns. */
  nodeId: GridNodeId,
  /** The node's path, root first, the node itself last. */
  scope: Schema.Array(GridNodeId),
  kind: NeedKind,
  category: MatchingKey,
  title: Text(100),
  description: Schema.String,
  requiredSkills: Schema.Array(MatchingKey),
  requester: Schema.Struct({ id: PersonRef, name: Schema.String }),
  urgency: Urgency,
  dueAt: Instant,
  slots: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 })),
  reward: Schema.NullOr(Reward),
  state: NeedState,
  status: NeedStatus,
  assignees: Schema.Array(Assignee),
  visits: Schema.Array(Visit),
  /** Everyone who ever worked on the need (for history and fairness). */
  helpers: Schema.Array(PersonRef),
  doneAt: Schema.NullOr(Instant),
  confirmation: Schema.NullOr(Confirmation),
  /** Reward transfers paid, once, on the first confirmation. */
  paid: Schema.Array(RewardPayment),
  reason: Schema.NullOr(Schema.String),
  postedAt: Instant,
  /** When the first volunteer claimed it or was dispatched. */
  respondedAt: Schema.NullOr(Instant),
  closedAt: Schema.NullOr(Instant),
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Need = typeof Need.Type

// ---------------------------------------------------------------------------
// Volunteers

/**
 * The tags of a volunteer (party member, 五老, building leader, partner merchant, social worker).
 *
 * @category models
 * @since 0.3.0
 */
export const VolunteerTag = Schema.Literals(["party_member", "five_elders", "building_leader", "partner_merchant", "social_worker"])
/** @category models @since 0.3.0 */
export type VolunteerTag = typeof VolunteerTag.Type

/**
 * A skill and its level, 1 (can help) to 5 (professional).
 *
 * @category models
 * @since 0.3.0
 */
export const Skill = Schema.Struct({ skill: MatchingKey, level: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 })) })
/** @category models @since 0.3.0 */
export type Skill = typeof Skill.Type

/**
 * A weekly availability window: a weekday (0 Sunday … 6 Saturday), from and to hour (UTC).
 *
 * @category models
 * @since 0.3.0
 */
export const AvailabilityWindow = Schema.Struct({
  day: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 6 })),
  fromHour: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 23 })),
  toHour: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 }))
})
/** @category models @since 0.3.0 */
export type AvailabilityWindow = typeof AvailabilityWindow.Type

/**
 * What a volunteer has done: needs completed, ratings received, points earned, and when
 * they were given needs lately (for fairness).
 *
 * @category models
 * @since 0.3.0
 */
export const VolunteerHistory = Schema.Struct({
  completed: Schema.Int,
  ratingSum: Schema.Int,
  ratingCount: Schema.Int,
  pointsEarned: Schema.Int,
  /** Times of the latest assignments, newest last, at most 50. */
  recent: Schema.Array(Instant)
})
/** @category models @since 0.3.0 */
export type VolunteerHistory = typeof VolunteerHistory.Type

/**
 * A volunteer's profile (能力资源清单 entry).
 *
 * @category models
 * @since 0.3.0
 */
export const Volunteer = Schema.Struct({
  personId: PersonRef,
  countyId: GridNodeId,
  name: Schema.String,
  homeNodeId: GridNodeId,
  /** The home node's path, root first, the node itself last. */
  homeScope: Schema.Array(GridNodeId),
  skills: Schema.Array(Skill),
  availability: Schema.Array(AvailabilityWindow),
  maxConcurrent: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 })),
  tags: Schema.Array(VolunteerTag),
  teams: Schema.Array(TeamId),
  /** The points account rewards are paid to, if any. */
  accountId: Schema.NullOr(AccountId),
  active: Schema.Boolean,
  /** Needs currently claimed, assigned or being visited. */
  load: Schema.Int,
  history: VolunteerHistory,
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Volunteer = typeof Volunteer.Type

/**
 * A volunteer team (志愿服务队): a leader and a home subtree.
 *
 * @category models
 * @since 0.3.0
 */
export const Team = Schema.Struct({
  id: TeamId,
  countyId: GridNodeId,
  name: Text(60),
  leaderId: PersonRef,
  homeNodeId: GridNodeId,
  homeScope: Schema.Array(GridNodeId),
  members: Schema.Array(PersonRef),
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Team = typeof Team.Type

// ---------------------------------------------------------------------------
// Configuration

/**
 * A need category the county offers (repairs, elder care, errands, …).
 *
 * @category models
 * @since 0.3.0
 */
export const NeedCategory = Schema.Struct({ key: MatchingKey, nameZh: Text(30), nameEn: Text(60) })
/** @category models @since 0.3.0 */
export type NeedCategory = typeof NeedCategory.Type

/**
 * The weights of the ranking score's parts; each part is in [0, 1].
 *
 * @category models
 * @since 0.3.0
 */
export const Weights = Schema.Struct({
  skill: Schema.Number,
  distance: Schema.Number,
  availability: Schema.Number,
  load: Schema.Number,
  fairness: Schema.Number,
  rating: Schema.Number
})
/** @category models @since 0.3.0 */
export type Weights = typeof Weights.Type

/**
 * A county's matching configuration.
 *
 * @category models
 * @since 0.3.0
 */
export const MatchingConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Schema.Array(NeedCategory),
  weights: Weights,
  /** Depths (0 = county) of the community, grid and building levels, for grid distance. */
  depths: Schema.Struct({ community: Schema.Int, grid: Schema.Int, building: Schema.Int }),
  /** Volunteers must share the ancestor at this depth with the need (2: same community). */
  radiusDepth: Schema.Int,
  /** Dispatch keeps at most this many best candidates per need (pruning). */
  candidatesPerNeed: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.3.0 */
export type MatchingConfig = typeof MatchingConfig.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Post a need at a grid node (a household's unit, a building, a grid).
 *
 * @category commands
 * @since 0.3.0
 */
export const PostNeed = Schema.Struct({
  nodeId: GridNodeId,
  kind: NeedKind,
  category: MatchingKey,
  title: Text(100),
  description: optional(Schema.String.check(Schema.isMaxLength(2000))),
  requiredSkills: optional(Schema.Array(MatchingKey).check(Schema.isMaxLength(10))),
  requester: optional(Schema.Struct({ id: PersonRef, name: Text(60) })),
  urgency: optional(Urgency),
  dueAt: Instant,
  slots: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 }))),
  reward: optional(Schema.NullOr(Reward))
})
/** @category commands @since 0.3.0 */
export type PostNeed = typeof PostNeed.Type

const Reason = Text(500)

/**
 * Every command on an existing need, tagged by `_tag`.
 *
 * @category commands
 * @since 0.3.0
 */
export const NeedCommand = Schema.TaggedUnion({
  /** 认领: a volunteer takes a slot (their own, unless staff name one). */
  Claim: { personId: optional(PersonRef) },
  /** 派单: staff assign volunteers. */
  Assign: { personIds: Schema.Array(PersonRef).check(Schema.isMinLength(1), Schema.isMaxLength(50)), explanation: optional(Schema.String) },
  /** A volunteer gives the need back (or staff take it from them). */
  Release: { personId: optional(PersonRef), reason: Reason },
  /** Staff move the need from one volunteer to another. */
  Reassign: { from: PersonRef, to: PersonRef, reason: Reason },
  /** 敲门行动: a door-knock visit, logged. */
  LogVisit: { note: Schema.String.check(Schema.isMaxLength(1000)) },
  /** The volunteer reports it done. */
  ReportDone: { note: optional(Schema.String.check(Schema.isMaxLength(1000))) },
  /** The requester or a grid worker confirms with a 1–5 rating; the reward is paid once. */
  Confirm: { rating: NeedRating, comment: optional(Schema.String.check(Schema.isMaxLength(1000))) },
  /** The confirmation says it was not solved: back to open. */
  Reopen: { reason: Reason },
  Close: {},
  /** Withdrawn by the requester or staff, with a reason. */
  Cancel: { reason: Reason },
  /** Past due: by the system actor only. */
  Expire: {}
})
/** @category commands @since 0.3.0 */
export type NeedCommand = typeof NeedCommand.Type
/** @category commands @since 0.3.0 */
export type NeedCommandTag = NeedCommand["_tag"] | "Post"

/**
 * Create or replace a volunteer profile (staff, or the volunteer themself).
 *
 * @category commands
 * @since 0.3.0
 */
export const SaveVolunteer = Schema.Struct({
  personId: PersonRef,
  name: Text(60),
  homeNodeId: GridNodeId,
  skills: Schema.Array(Skill).check(Schema.isMaxLength(30)),
  availability: Schema.Array(AvailabilityWindow).check(Schema.isMaxLength(50)),
  maxConcurrent: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 })),
  tags: optional(Schema.Array(VolunteerTag)),
  accountId: optional(Schema.NullOr(AccountId)),
  active: optional(Schema.Boolean)
})
/** @category commands @since 0.3.0 */
export type SaveVolunteer = typeof SaveVolunteer.Type

/**
 * Create a volunteer team.
 *
 * @category commands
 * @since 0.3.0
 */
export const CreateTeam = Schema.Struct({
  name: Text(60),
  leaderId: PersonRef,
  homeNodeId: GridNodeId,
  members: Schema.Array(PersonRef).check(Schema.isMaxLength(500))
})
/** @category commands @since 0.3.0 */
export type CreateTeam = typeof CreateTeam.Type
