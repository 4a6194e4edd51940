/**
 * The matching context's schemas: needs (微心愿 · 需求清单), volunteer profiles and teams
 * (能力资源清单), the county's matching configuration, and the commands on them.
 *
 * @since 0.3.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { Prose, Text } from "../kernel/text.js"
import { AccountId, EarningCategory, TransferId } from "../points/model.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

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
 * A person on a need or a profile: the directory's {@link PersonId} (the `Actor.id` of a
 * person actor), since 0.4.0.
 *
 * @category ids
 * @since 0.3.0
 */
export const PersonRef = PersonId
/** @category ids @since 0.3.0 */
export type PersonRef = PersonId

/**
 * A configuration key (category, skill): lower-case letters, digits and `_`.
 *
 * @category schemas
 * @since 0.3.0
 */
export const MatchingKey = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, rule(
  "must be a key of lower-case ASCII letters, digits and _",
  "必须是由小写 ASCII 字母、数字和下划线组成的代码"
)))

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

const RewardPoints = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10_000 }))

/**
 * The points reward of a need, where the points come from, per volunteer:
 *
 * - `requester`: from the requester's own account, held when the need is posted
 *   (`points × slots`), paid to the volunteers in shares when it is confirmed, released when
 *   it is cancelled or expires;
 * - `issuer`: from the issuer above the need, under a county earning rule and its caps,
 *   awarded when it is confirmed by the actor who attached it (`awardedBy`, who must be
 *   allowed to award that rule at the need's node).
 *
 * @category models
 * @since 0.3.0
 */
export const Reward = Schema.Union([
  Schema.TaggedStruct("requester", {
    accountId: AccountId,
    /** Points per volunteer. */
    points: RewardPoints,
    /** The hold on the account (`<need id>.reward`). */
    holdId: TransferId,
    /** Points held: per volunteer times the slots. */
    held: Schema.Int
  }),
  Schema.TaggedStruct("issuer", {
    category: EarningCategory,
    quantity: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 })),
    /** Points per volunteer as the rule gave them when attached (the caps may give less). */
    points: Schema.Int,
    /** Who attached it: the awarding actor recorded on the reward transfers. */
    awardedBy: PersonId
  })
])
/** @category models @since 0.3.0 */
export type Reward = typeof Reward.Type

/**
 * A reward as a command asks for it: `fromAccountId` the requester's own account with
 * `points` per volunteer; or, without an account, an award under the earning rule
 * `category` (default `micro_wish`), `quantity` units (default 1) per volunteer — its points
 * are the rule's.
 *
 * @category commands
 * @since 0.4.0
 */
export const RewardRequest = Schema.Struct({
  fromAccountId: optional(AccountId),
  points: optional(RewardPoints),
  category: optional(EarningCategory),
  quantity: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 })))
})
/** @category commands @since 0.4.0 */
export type RewardRequest = typeof RewardRequest.Type

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
  /** The title as the public boards show it: redacted when the need was posted. */
  publicTitle: Schema.String,
  description: Schema.String,
  requiredSkills: Schema.Array(MatchingKey),
  /** The person the need is for, and their name (personal data: never on a public board). */
  requester: Schema.Struct({ id: PersonId, name: Schema.String }),
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
 * A weekly availability window: a weekday (0 Sunday … 6 Saturday), from and to hour, in the
 * county's local time.
 *
 * @category models
 * @since 0.3.0
 */
export const AvailabilityWindow = Schema.Struct({
  day: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 6 })),
  fromHour: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 23 })),
  toHour: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 }))
}).check(Schema.makeFilter((w: { readonly fromHour: number; readonly toHour: number }) => w.fromHour < w.toHour, rule("fromHour must be before toHour", "开始时间必须早于结束时间")))
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
 * A volunteer's profile (能力资源清单 entry): it belongs to a person of the directory, whose
 * name it shows to staff.
 *
 * @category models
 * @since 0.3.0
 */
export const Volunteer = Schema.Struct({
  personId: PersonRef,
  countyId: GridNodeId,
  /** The person's name, from the directory. */
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

const Weight = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }, rule("must be a number from 0 to 1", "必须是 0 到 1 之间的数")))

/**
 * The weights of the ranking score's parts: each in [0, 1], not all 0.
 *
 * @category models
 * @since 0.3.0
 */
export const Weights = Schema.Struct({
  skill: Weight,
  distance: Weight,
  availability: Weight,
  load: Weight,
  fairness: Weight,
  rating: Weight
}).check(Schema.makeFilter((w: { readonly [k: string]: number }) => Object.values(w).some((x) => x > 0), rule("must not all be 0", "不能全部为 0")))

const Depth = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 20 }, rule("must be a whole number from 0 to 20", "必须是 0 到 20 之间的整数")))

/**
 * The depths (0 = county) of the community, grid and building levels, in that order.
 *
 * @category models
 * @since 0.4.0
 */
export const LevelDepths = Schema.Struct({ community: Depth, grid: Depth, building: Depth }).check(
  Schema.makeFilter((d: { readonly community: number; readonly grid: number; readonly building: number }) => d.community < d.grid && d.grid < d.building, rule(
    "must go down the tree: community < grid < building",
    "必须自上而下：社区 < 网格 < 楼栋"
  ))
)

/**
 * The need categories a county offers: 1 to 100, keys unique.
 *
 * @category models
 * @since 0.4.0
 */
export const NeedCategories = Schema.Array(NeedCategory).check(
  Schema.isMinLength(1),
  Schema.isMaxLength(100),
  Schema.makeFilter((cs: ReadonlyArray<{ readonly key: string }>) => new Set(cs.map((c) => c.key)).size === cs.length, rule("category keys must be unique", "类别代码不能重复"))
)
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
  categories: NeedCategories,
  weights: Weights,
  /** Depths (0 = county) of the community, grid and building levels, for grid distance. */
  depths: LevelDepths,
  /** Volunteers must share the ancestor at this depth with the need (2: same community). */
  radiusDepth: Depth,
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
  description: optional(Prose(2000)),
  requiredSkills: optional(Schema.Array(MatchingKey).check(Schema.isMaxLength(10))),
  /** The person the need is for, when staff post it for them (default: the actor). */
  requester: optional(PersonId),
  urgency: optional(Urgency),
  /** An instant, or a calendar date: the end of that day in the county's calendar. */
  dueAt: Schema.Union([Instant, CalendarDate]),
  slots: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 }))),
  reward: optional(Schema.NullOr(RewardRequest))
})
/** @category commands @since 0.3.0 */
export type PostNeed = typeof PostNeed.Type

const Reason = Text(500)
const Note = Prose(1000)

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
  Assign: { personIds: Schema.Array(PersonRef).check(Schema.isMinLength(1), Schema.isMaxLength(50)), explanation: optional(Prose(2000)) },
  /** A volunteer gives the need back (or staff take it from them). */
  Release: { personId: optional(PersonRef), reason: Reason },
  /** Staff move the need from one volunteer to another. */
  Reassign: { from: PersonRef, to: PersonRef, reason: Reason },
  /** 敲门行动: a door-knock visit, logged. */
  LogVisit: { note: Note },
  /** The volunteer reports it done. */
  ReportDone: { note: optional(Note) },
  /** The requester or a grid worker (not one who did the work) confirms with a 1–5 rating; the reward is paid once. */
  Confirm: { rating: NeedRating, comment: optional(Note) },
  /** The confirmation says it was not solved: back to open. */
  Reopen: { reason: Reason },
  Close: {},
  /** Withdrawn by the requester or staff, with a reason. */
  Cancel: { reason: Reason },
  /** Past due: by the system actor only. */
  Expire: {},
  /** Staff allowed to award attach a reward under an earning rule (they are its awarder). */
  AttachReward: { category: optional(EarningCategory), quantity: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 }))) }
})
/** @category commands @since 0.3.0 */
export type NeedCommand = typeof NeedCommand.Type
/** @category commands @since 0.3.0 */
export type NeedCommandTag = NeedCommand["_tag"] | "Post"

/**
 * Create or replace the volunteer profile of a person of the directory (staff of both the
 * profile's current home and its new one, or the volunteer themself). The name shown is the
 * person's.
 *
 * @category commands
 * @since 0.3.0
 */
export const SaveVolunteer = Schema.Struct({
  personId: PersonRef,
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

/**
 * Changes to a county's matching configuration, each validated (weights in [0, 1], depths in
 * order, unique categories, …), whoever calls the use case.
 *
 * @category commands
 * @since 0.4.0
 */
export const ConfigureMatching = Schema.Struct({
  categories: optional(NeedCategories),
  weights: optional(Weights),
  depths: optional(LevelDepths),
  radiusDepth: optional(Depth),
  candidatesPerNeed: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.3.0 */
export type ConfigureMatching = typeof ConfigureMatching.Type
