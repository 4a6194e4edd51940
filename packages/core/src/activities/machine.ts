/**
 * The activities deciders: an activity's lifecycle — planning, registration with a waiting
 * list (the first waiting is promoted when someone withdraws), check-in by the code or by
 * staff, team members' hours, cancellation and completion — with its transition table as
 * data; and a team's (forming, changing, disbanding). Pure: the time, ids, the check-in
 * code's hash (and whether the code typed matches it), the people, team and place (already
 * checked through `Access`) come in the context. Wrong codes are counted per person; after
 * {@link CHECK_IN_ATTEMPTS} of them only staff can check that person in.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { ActivityCommand, ActivityEvent, ActivityId, ActivityStatus, ActivityTeam, FormTeam, NamedMember, PlanActivity, ServiceActivity, TeamCommand, TeamEvent, ActivityTeamId } from "./model.js"

/**
 * Check-in opens this long before the start and closes this long after the end.
 *
 * @category constants
 * @since 0.5.0
 */
export const CHECK_IN_MARGIN_MS = 2 * 3_600_000

/**
 * The wrong check-in codes a person may enter for one activity; after that, only staff can
 * check them in (a new code does not lift it).
 *
 * @category constants
 * @since 0.5.0
 */
export const CHECK_IN_ATTEMPTS = 5

/**
 * A check-in code's salted hash, as the activity keeps it.
 *
 * @category models
 * @since 0.5.0
 */
export interface CodeHash {
  readonly hash: string
  readonly salt: string
}

/**
 * The commands of the activity decider.
 *
 * @category models
 * @since 0.5.0
 */
export type ActivityDecideCommand = ({ readonly _tag: "Plan" } & PlanActivity) | ActivityCommand

/**
 * What the activity decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface ActivityDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** For planning: the new activity's id, county, node path, organiser, team and code's hash. */
  readonly plan?: {
    readonly id: ActivityId
    readonly countyId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly organiser: NamedMember
    readonly team: ActivityTeam | undefined
    readonly code: CodeHash
  } | undefined
  /** The person a registration, withdrawal or check-in is for (checked). */
  readonly person?: PersonId | undefined
  /** Whether staff record the check-in (no code needed). */
  readonly byStaff?: boolean | undefined
  /** A check-in by the code: whether the code typed matches the activity's hash. */
  readonly codeMatches?: boolean | undefined
  /** A new code: its hash. */
  readonly code?: CodeHash | undefined
  /** The team whose members' hours are recorded. */
  readonly team?: ActivityTeam | undefined
}

/**
 * The activity lifecycle as data: the commands each status accepts.
 *
 * @category models
 * @since 0.5.0
 */
export const activityTransitions: Readonly<Record<ActivityStatus, Partial<Record<ActivityCommand["_tag"], ActivityStatus>>>> = {
  planned: { Register: "planned", Withdraw: "planned", CheckIn: "planned", ReissueCode: "planned", RecordHours: "planned", Cancel: "cancelled", Complete: "completed" },
  completed: { RecordHours: "completed" },
  cancelled: {}
}

const refuse = (path: string, en: string, zh: string): Result.Result<never, InvalidInput> => Result.fail(invalidField(path, en, zh))

const decidePlan = (command: PlanActivity, context: ActivityDecideContext): Result.Result<ReadonlyArray<ActivityEvent>, InvalidInput> => {
  const plan = context.plan!
  if (Date.parse(command.endsAt) <= Date.parse(command.startsAt)) return refuse("endsAt", "must be later than startsAt", "结束时间必须晚于开始时间")
  if (command.kind === "lecture" && command.topic === undefined) return refuse("topic", "a lecture needs a topic", "宣讲活动需要填写主题")
  if (plan.team !== undefined) {
    if (plan.team.status !== "active") return refuse("teamId", "the team is disbanded", "该队伍已解散")
    if (command.kind === "lecture" && plan.team.kind !== "lecture") return refuse("teamId", "a lecture is given by a lecture team", "宣讲活动须由宣讲团承办")
  }
  const { at, actor } = context
  const activity: ServiceActivity = {
    id: plan.id,
    countyId: plan.countyId,
    nodeId: plan.scope[plan.scope.length - 1]!,
    scope: plan.scope,
    placeId: command.placeId ?? null,
    kind: command.kind,
    title: command.title,
    topic: command.topic ?? null,
    teamId: plan.team?.id ?? null,
    organiser: plan.organiser,
    startsAt: command.startsAt,
    endsAt: command.endsAt,
    capacity: command.capacity ?? null,
    registered: [],
    waiting: [],
    attended: [],
    hours: [],
    codeHash: plan.code.hash,
    codeSalt: plan.code.salt,
    wrongCodes: [],
    status: "planned",
    createdAt: at,
    version: 0
  }
  return Result.succeed([{ type: "planned", at, actor, activity }])
}

/**
 * The events a command causes on an activity, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideActivity = (
  state: ServiceActivity | undefined,
  command: ActivityDecideCommand,
  context: ActivityDecideContext
): Result.Result<ReadonlyArray<ActivityEvent>, InvalidInput | InvalidTransition> => {
  if (command._tag === "Plan") return state === undefined && context.plan !== undefined ? decidePlan(command, context) : Result.fail(invalidTransition("activity", state?.status ?? "new", "Plan"))
  if (state === undefined) return Result.fail(invalidTransition("activity", "new", command._tag))
  if (activityTransitions[state.status][command._tag] === undefined) return Result.fail(invalidTransition("activity", state.status, command._tag))
  const { actor, at } = context
  const person = context.person
  const isIn = (list: ReadonlyArray<{ readonly personId: PersonId }>) => person !== undefined && list.some((e) => e.personId === person)
  switch (command._tag) {
    case "Register": {
      if (person === undefined || isIn(state.registered) || isIn(state.waiting)) return Result.succeed([])
      const full = state.capacity !== null && state.registered.length >= state.capacity
      return Result.succeed([{ type: full ? "waitlisted" : "registered", at, actor, personId: person }])
    }
    case "Withdraw": {
      if (person === undefined) return Result.succeed([])
      if (isIn(state.waiting)) return Result.succeed([{ type: "withdrawn", at, actor, personId: person }])
      if (!isIn(state.registered)) return Result.succeed([])
      const next = state.waiting[0]
      return Result.succeed(next === undefined
        ? [{ type: "withdrawn", at, actor, personId: person }]
        : [{ type: "withdrawn", at, actor, personId: person }, { type: "promoted", at, actor, personId: next.personId }])
    }
    case "CheckIn": {
      if (person === undefined) return refuse("personId", "name the person checking in", "请指定签到人员")
      const ms = Date.parse(at)
      if (ms < Date.parse(state.startsAt) - CHECK_IN_MARGIN_MS || ms > Date.parse(state.endsAt) + CHECK_IN_MARGIN_MS) {
        return refuse("code", "check-in is open from 2 hours before the start to 2 hours after the end", "签到时间为活动开始前 2 小时至结束后 2 小时")
      }
      if (context.byStaff !== true) {
        if (command.code === undefined) return refuse("code", "give the activity's 6-digit check-in code", "请填写活动的 6 位签到码")
        const wrong = state.wrongCodes.find((w) => w.personId === person)?.attempts ?? 0
        if (wrong >= CHECK_IN_ATTEMPTS) {
          return refuse("code", `was wrong ${CHECK_IN_ATTEMPTS} times for this activity: only its staff can check you in now`, `本活动签到码已输错 ${CHECK_IN_ATTEMPTS} 次：现在只能由活动工作人员为您签到`)
        }
        // A wrong code is an event (it counts, and commits); the use case then refuses it.
        if (context.codeMatches !== true) return Result.succeed([{ type: "code_rejected", at, actor, personId: person, attempts: wrong + 1 }])
      }
      if (isIn(state.attended)) return Result.succeed([])
      return Result.succeed([{ type: "checked_in", at, actor, personId: person, by: context.byStaff === true ? "staff" : "code" }])
    }
    case "ReissueCode":
      if (context.code === undefined) return refuse("_tag", "a new code needs its hash", "新签到码缺少哈希")
      return Result.succeed([{ type: "code_reissued", at, actor, codeHash: context.code.hash, codeSalt: context.code.salt }])
    case "RecordHours": {
      const members = new Set((context.team?.members ?? []).map((m) => m.personId))
      for (const [i, h] of command.hours.entries()) {
        if (!members.has(h.personId)) return refuse(`hours.${i}.personId`, "is not a member of the activity's team", "不是承办队伍的成员")
      }
      const changed = command.hours.filter((h) => state.hours.find((x) => x.personId === h.personId)?.hours !== h.hours)
      return Result.succeed(changed.length === 0 ? [] : [{ type: "hours_recorded", at, actor, hours: changed }])
    }
    case "Cancel":
      return Result.succeed([{ type: "cancelled", at, actor, reason: command.reason }])
    case "Complete":
      if (Date.parse(at) < Date.parse(state.startsAt)) return refuse("_tag", "an activity completes once it has started", "活动开始后才能结束")
      return Result.succeed([{ type: "completed", at, actor }])
  }
}

const without = <A extends { readonly personId: PersonId }>(list: ReadonlyArray<A>, person: PersonId) => list.filter((e) => e.personId !== person)

/**
 * An activity after one event.
 *
 * @category rules
 * @since 0.5.0
 */
export const evolveActivity = (state: ServiceActivity | undefined, event: ActivityEvent): ServiceActivity => {
  const s = state!
  switch (event.type) {
    case "planned":
      return event.activity
    case "registered":
      return { ...s, registered: [...s.registered, { personId: event.personId, at: event.at }] }
    case "waitlisted":
      return { ...s, waiting: [...s.waiting, { personId: event.personId, at: event.at }] }
    case "withdrawn":
      return { ...s, registered: without(s.registered, event.personId), waiting: without(s.waiting, event.personId) }
    case "promoted":
      return { ...s, registered: [...s.registered, { personId: event.personId, at: event.at }], waiting: without(s.waiting, event.personId) }
    case "checked_in":
      return { ...s, attended: [...s.attended, { personId: event.personId, at: event.at, by: event.by }] }
    case "code_rejected":
      return { ...s, wrongCodes: [...without(s.wrongCodes, event.personId), { personId: event.personId, attempts: event.attempts }] }
    case "code_reissued":
      return { ...s, codeHash: event.codeHash, codeSalt: event.codeSalt }
    case "hours_recorded":
      return { ...s, hours: [...s.hours.filter((h) => !event.hours.some((x) => x.personId === h.personId)), ...event.hours] }
    case "cancelled":
      return { ...s, status: "cancelled" }
    case "completed":
      return { ...s, status: "completed" }
  }
}

/**
 * The activity decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const activityDecider: Decider<ServiceActivity, ActivityDecideCommand, ActivityEvent, ActivityDecideContext, InvalidInput | InvalidTransition> = {
  decide: decideActivity,
  evolve: evolveActivity
}

// ---------------------------------------------------------------------------
// Teams

/**
 * The commands of the team decider.
 *
 * @category models
 * @since 0.5.0
 */
export type TeamDecideCommand = ({ readonly _tag: "Form" } & FormTeam) | TeamCommand

/**
 * What the team decider needs: the time, the new team's place, and every person the
 * command names, checked and named.
 *
 * @category models
 * @since 0.5.0
 */
export interface TeamDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly form?: { readonly id: ActivityTeamId; readonly countyId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId> } | undefined
  readonly people: ReadonlyMap<PersonId, NamedMember>
}

const membersOf = (leader: NamedMember, members: ReadonlyArray<NamedMember>): ReadonlyArray<NamedMember> =>
  [leader, ...members.filter((m) => m.personId !== leader.personId)].filter((m, i, all) => all.findIndex((x) => x.personId === m.personId) === i)

/**
 * The events a command causes on a team, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideTeam = (state: ActivityTeam | undefined, command: TeamDecideCommand, context: TeamDecideContext): Result.Result<ReadonlyArray<TeamEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at, people } = context
  const named = (id: PersonId) => people.get(id)!
  if (command._tag === "Form") {
    if (state !== undefined || context.form === undefined) return Result.fail(invalidTransition("team", state?.status ?? "new", "Form"))
    const leader = named(command.leaderId)
    const { countyId, id, scope } = context.form
    const team: ActivityTeam = {
      id, countyId, nodeId: scope[scope.length - 1]!, scope, kind: command.kind, name: command.name, leader,
      members: membersOf(leader, (command.memberIds ?? []).map(named)), topics: command.topics ?? [], status: "active", createdAt: at, version: 0
    }
    return Result.succeed([{ type: "formed", at, actor, team }])
  }
  if (state === undefined || state.status !== "active") return Result.fail(invalidTransition("team", state?.status ?? "new", command._tag))
  if (command._tag === "Disband") return Result.succeed([{ type: "disbanded", at, actor }])
  const leader = command.leaderId === undefined ? state.leader : named(command.leaderId)
  if (command.leave?.includes(leader.personId) === true) return refuse("leave", "the leader cannot leave; name another leader first", "队长不能退出，请先更换队长")
  const staying = state.members.filter((m) => command.leave?.includes(m.personId) !== true)
  const members = membersOf(leader, [...staying, ...(command.join ?? []).map(named)])
  const next = { name: command.name ?? state.name, leader, members, topics: command.topics ?? state.topics }
  const same = next.name === state.name && next.leader.personId === state.leader.personId &&
    JSON.stringify(next.members.map((m) => m.personId)) === JSON.stringify(state.members.map((m) => m.personId)) && JSON.stringify(next.topics) === JSON.stringify(state.topics)
  return Result.succeed(same ? [] : [{ type: "changed", at, actor, ...next }])
}

/**
 * The team decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const activityTeamDecider: Decider<ActivityTeam, TeamDecideCommand, TeamEvent, TeamDecideContext, InvalidInput | InvalidTransition> = {
  decide: decideTeam,
  evolve: (state, event) => {
    switch (event.type) {
      case "formed":
        return event.team
      case "changed":
        return { ...state!, name: event.name, leader: event.leader, members: event.members, topics: event.topics }
      case "disbanded":
        return { ...state!, status: "disbanded" }
    }
  }
}
