/**
 * The schemas of volunteers' profiles (能力资源清单) and teams (志愿服务队), and the
 * commands that save a profile and create a team.
 *
 * @since 0.4.0
 */
import { Effect, Schema } from "effect"
import { GridNodeId, idCheck, IdGenerator } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { Text } from "../../kernel/text.js"
import { AccountId } from "../../points/model.js"
import { MatchingKey, PersonRef } from "./needs.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Ids

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
// Commands

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
