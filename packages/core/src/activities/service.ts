/**
 * The activities use cases. Every change — planning an activity, each command on it, forming
 * and changing a team — runs through the kernel's one pipeline (`Commands.run`) with its
 * decider, in one unit of work. A check-in's follow-on pays the attendance points through
 * the points use case (`Points.awardReward`) under the county's `event_attendance` rule and
 * its caps, as the organiser, once per person per activity (the transfer id is the activity
 * and the person, and a repeated check-in decides nothing), opening the attendee's points
 * account first when they have none.
 *
 * Every id a command references — the node, the place, the team, the organiser, the person
 * registered or checked in, the team's members — goes through the one scope check
 * (`Access`), within the county of the thing acted on: what lies outside reads as not found.
 *
 * Who may do what:
 * - **plan**, cancel and complete activities, record team members' hours, check people in
 *   without the code, register or withdraw someone else, form and change teams, read the
 *   roster and a team's hours: `activities.manage` (county and street administrators,
 *   community secretaries);
 * - **register**, withdraw and **check in with the code** for oneself: `activities.join` at
 *   the activity's node, above or below it (a resident of a community joins its street's
 *   activities);
 * - **read** activities, teams and the report of a subtree: anyone whose grants cover the
 *   node. The check-in code is drawn from `Secrets` and kept only as a salted hash: the
 *   manager who plans the activity (or issues a new code, `ReissueCode`) sees it once, in
 *   that answer. A wrong code counts against the person (and commits) before it is refused;
 *   after `CHECK_IN_ATTEMPTS` wrong codes only staff can check that person in.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Target } from "../kernel/access.js"
import type { Actor, ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf } from "../kernel/directory.js"
import { type DomainError, invalidField, notFound, type StorageError } from "../kernel/errors.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { constantTimeEqual, Secrets } from "../kernel/secrets.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { addDays, type CalendarDate, DEFAULT_TIME_ZONE, startOfDate } from "../kernel/time.js"
import { commandDecoder, expectVersion, type KernelServices, kernelServices, reachFromBelow, referencedPerson } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import { PlacesStore } from "../places/store.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import type { TransferId } from "../points/model.js"
import { CHECK_IN_ATTEMPTS, type ActivityDecideCommand, type ActivityDecideContext, activityDecider, type TeamDecideCommand, type TeamDecideContext, activityTeamDecider } from "./machine.js"
import {
  ActivityCommand,
  type ActivityEvent,
  type ActivityId,
  type ActivityRoster,
  type ActivityTeam,
  FormTeam,
  type NamedMember,
  newActivityId,
  newActivityTeamId,
  PlanActivity,
  type ServiceActivity,
  TeamCommand,
  type TeamEvent,
  type ActivityTeamId
} from "./model.js"
import { activityReportOf, activityRoster, activityView, recordActivityEvent, recordTeamEvent, teamHoursOf } from "./rules.js"
import { ActivitiesStore } from "./store.js"
import type { ActivityReport, ActivityView, TeamHours } from "./views.js"

/**
 * Every error an activities use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type ActivitiesError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, ActivitiesError>

/**
 * A period of local days of the county, `from` and `to` both included.
 *
 * @category models
 * @since 0.5.0
 */
export interface ActivityPeriod {
  readonly from?: CalendarDate | undefined
  readonly to?: CalendarDate | undefined
}

/**
 * The activities use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Activities extends Context.Service<Activities, {
  /** Plans an activity at a node or one of its places (`activities.manage`); the code is drawn from `Secrets`. */
  readonly plan: (actor: Actor, command: PlanActivity) => Fx<ActivityView>
  /**
   * Runs one command on an activity: register, withdraw, check in, a new code, record hours,
   * cancel, complete. A wrong check-in code is counted (committed), then refused with
   * `InvalidInput` on `code`.
   */
  readonly execute: (actor: Actor, id: ActivityId, command: ActivityCommand) => Fx<ActivityView>
  /** One activity as the caller sees it (anyone in scope). */
  readonly get: (actor: Actor, id: ActivityId) => Fx<ActivityView>
  /** An activity with its lists, without its code (`activities.manage`). */
  readonly roster: (actor: Actor, id: ActivityId) => Fx<ActivityRoster>
  /** The activities of a subtree starting in a period, by id (anyone in scope). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: ActivityPeriod & PageRequest) => Fx<Page<ActivityView>>
  /** Activities and person-times by kind, month and child node; distinct residents reached (anyone in scope). */
  readonly report: (actor: Actor, rootId: GridNodeId, period?: ActivityPeriod) => Fx<ActivityReport>
  /** Forms a volunteer or lecture team at a node (`activities.manage`). */
  readonly formTeam: (actor: Actor, command: FormTeam) => Fx<ActivityTeam>
  /** Changes or disbands a team (`activities.manage`). */
  readonly executeTeam: (actor: Actor, id: ActivityTeamId, command: TeamCommand) => Fx<ActivityTeam>
  /** One team (anyone in scope). */
  readonly getTeam: (actor: Actor, id: ActivityTeamId) => Fx<ActivityTeam>
  /** The teams of a subtree (anyone in scope). */
  readonly listTeams: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<ActivityTeam>>
  /** A team's service hours per member (`activities.manage`). */
  readonly teamHours: (actor: Actor, id: ActivityTeamId) => Fx<TeamHours>
}>()("@mulin/core/activities/Activities") {
  /**
   * The use cases over the ports and the points use cases, with the kernel provided.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<Activities, never, ActivitiesStore | PlacesStore | PointsStore | Points | GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Activities,
    Effect.gen(function*() {
      const kernel = yield* kernelServices
      return makeActivities({ ...kernel, store: yield* ActivitiesStore, places: yield* PlacesStore, pointsStore: yield* PointsStore, points: yield* Points, grid: yield* GridStore })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices {
  readonly store: ActivitiesStore["Service"]
  readonly places: PlacesStore["Service"]
  readonly pointsStore: PointsStore["Service"]
  readonly points: Points["Service"]
  readonly grid: GridStore["Service"]
}

const activities: Decider<ServiceActivity, ActivityDecideCommand, ActivityEvent, ActivityDecideContext, ActivitiesError> = activityDecider
const teams: Decider<ActivityTeam, TeamDecideCommand, TeamEvent, TeamDecideContext, ActivitiesError> = activityTeamDecider

const ACTIVITY = "activity"
const TEAM = "team"
const activityTarget = (a: ServiceActivity): Target => ({ entity: ACTIVITY, id: a.id, nodeId: a.nodeId })
const teamTarget = (t: ActivityTeam): Target => ({ entity: TEAM, id: t.id, nodeId: t.nodeId })
const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })

const decodePlan = commandDecoder(PlanActivity)
const decodeCommand = commandDecoder(ActivityCommand)
const decodeForm = commandDecoder(FormTeam)
const decodeTeamCommand = commandDecoder(TeamCommand)

/**
 * The transfer id of a person's attendance points for an activity: one per person and activity.
 *
 * @category constructors
 * @since 0.5.0
 */
export const attendanceTransferId = (activity: ActivityId, person: PersonId): TransferId => `att.${activity}.${person}` as TransferId

const makeActivities = (deps: Deps): Activities["Service"] => {
  const { access, commands, directory, grid, identity, ids, points, pointsStore, store } = deps
  const limitOf = (page: PageRequest | undefined) => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const zoneOf = (countyId: GridNodeId) => Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  const found = (entity: string, id: string) => <A>(o: Option.Option<A>): Effect.Effect<A, ActivitiesError> =>
    Option.isSome(o) ? Effect.succeed(o.value) : Effect.fail(notFound(entity, id))
  const loadActivity = (id: ActivityId) => Effect.flatMap(store.getActivity(id), found(ACTIVITY, id))
  const loadTeam = (id: ActivityTeamId) => Effect.flatMap(store.getTeam(id), found(TEAM, id))
  const person = (actor: Actor, id: PersonId, county: GridNodeId): Effect.Effect<NamedMember, ActivitiesError> =>
    Effect.map(referencedPerson({ access, directory }, actor, "activities.manage", id, county), (p) => ({ personId: p.personId, name: p.name }))
  const isManager = (actor: Actor, a: { readonly scope: ReadonlyArray<GridNodeId> }) => access.can(actor, "activities.manage", a.scope)
  const viewFor = (actor: Actor) => (a: ServiceActivity) => activityView(a, actor.id)
  /** A new check-in code: six digits from the secret source, and its salted hash. */
  const newCode = Effect.gen(function*() {
    const secrets = yield* Secrets
    const code = yield* secrets.digits(6)
    const salt = yield* secrets.token(16)
    return { code, hash: yield* secrets.hash(code, salt), salt }
  })
  const codeMatches = (a: ServiceActivity, code: string) => Effect.gen(function*() {
    const secrets = yield* Secrets
    return constantTimeEqual(yield* secrets.hash(code, a.codeSalt), a.codeHash)
  })

  /**
   * Pays the attendance points of a check-in: the organiser awards under `event_attendance`,
   * within the caps. An attendee without a points account gets one, opened by the organiser at
   * the person's node as staff open accounts (`points.account.open`), when the rule pays
   * something. Nothing when the county has no such rule or the organiser may not award.
   */
  const payAttendance = (a: ServiceActivity, personId: PersonId) =>
    Effect.gen(function*() {
      const organiser = yield* identity.actorOf(a.organiser.personId)
      if (Option.isNone(organiser)) return
      const award = { nodeId: a.nodeId, category: "event_attendance", quantity: 1 }
      const rule = yield* Effect.option(points.quoteAward(organiser.value, { ...award, accountIds: [] }))
      if (Option.isNone(rule) || rule.value.perVolunteer <= 0) return
      const found = yield* pointsStore.findAccount(a.countyId, "person", personId)
      const accountId = Option.isSome(found) ? found.value.id : yield* openAccountFor(organiser.value, personId)
      if (accountId === undefined) return
      const quote = yield* Effect.option(points.quoteAward(organiser.value, { ...award, accountIds: [accountId] }))
      const amount = Option.isSome(quote) ? quote.value.amounts[0]?.amount ?? 0 : 0
      if (amount <= 0) return
      yield* points.awardReward(organiser.value, { ...award, awards: [{ transferId: attendanceTransferId(a.id, personId), accountId, amount }], cause: { type: "activity", id: a.id } })
    })

  /** Opens a person's points account at their node, as the organiser; `undefined` when the organiser may not. */
  const openAccountFor = (organiser: Actor, personId: PersonId) =>
    Effect.gen(function*() {
      const found = yield* directory.personAccess(personId)
      if (Option.isNone(found)) return undefined
      const opened = yield* Effect.option(points.openAccount(organiser, { nodeId: found.value.person.nodeId, kind: "person", ownerId: personId }))
      return Option.isSome(opened) ? opened.value.id : undefined
    })

  const runActivity = (actor: Actor, id: ActivityId, command: ActivityDecideCommand, parts: {
    readonly load: Effect.Effect<ServiceActivity | undefined, ActivitiesError>
    readonly authorize: (a: ServiceActivity | undefined) => Effect.Effect<void, ActivitiesError>
    readonly context: (a: ServiceActivity | undefined, at: string) => Effect.Effect<ActivityDecideContext, ActivitiesError>
  }) =>
    commands.run({
      actor,
      aggregate: ACTIVITY,
      id,
      decider: activities,
      command,
      ...parts,
      save: (next, expected, before) => (before === undefined ? store.insertActivity(next) : store.updateActivity(next, expected)),
      record: recordActivityEvent,
      followOn: (_, after, events) => Effect.forEach(events, (e) => (e.type === "checked_in" ? payAttendance(after, e.personId) : Effect.void), { discard: true })
    })

  const runTeam = (actor: Actor, id: ActivityTeamId, command: TeamDecideCommand, parts: {
    readonly load: Effect.Effect<ActivityTeam | undefined, ActivitiesError>
    readonly authorize: (t: ActivityTeam | undefined) => Effect.Effect<void, ActivitiesError>
    readonly context: (t: ActivityTeam | undefined, at: string) => Effect.Effect<TeamDecideContext, ActivitiesError>
  }) =>
    Effect.map(commands.run({
      actor,
      aggregate: TEAM,
      id,
      decider: teams,
      command,
      ...parts,
      save: (next, expected, before) => (before === undefined ? store.insertTeam(next) : store.updateTeam(next, expected)),
      record: recordTeamEvent
    }), (r) => r.state)

  const peopleOf = (actor: Actor, ids: ReadonlyArray<PersonId>, county: GridNodeId) =>
    Effect.map(Effect.forEach([...new Set(ids)], (id) => person(actor, id, county)), (named) => new Map(named.map((p) => [p.personId, p])))

  const periodOf = (countyId: GridNodeId, period: ActivityPeriod | undefined) =>
    Effect.map(zoneOf(countyId), (zone) => ({
      zone,
      from: period?.from === undefined ? undefined : startOfDate(period.from, zone),
      to: period?.to === undefined ? undefined : startOfDate(addDays(period.to, 1), zone)
    }))

  return Activities.of({
    plan: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodePlan(input)
        const id = yield* Effect.provideService(newActivityId, IdGenerator, ids)
        const node = yield* access.at(actor, "activities.manage", command.nodeId, { live: true })
        const county = node.countyId
        let issued: { readonly code: string; readonly hash: string; readonly salt: string } | undefined
        const done = yield* runActivity(actor, id, { _tag: "Plan", ...command }, {
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: (_, at) =>
            Effect.gen(function*() {
              if (command.placeId !== undefined) {
                const place = yield* Effect.flatMap(deps.places.get(command.placeId), found(`service place`, command.placeId))
                yield* access.check(actor, "grid.tree.read", { entity: "service place", id: place.id, nodeId: place.nodeId }, { county })
                if (place.status === "archived" || !place.scope.includes(node.id)) {
                  return yield* Effect.fail(invalidField("placeId", "must be a place at the activity's node or below it, not archived", "必须是活动所在节点或其下级的阵地，且未撤销"))
                }
              }
              let team: ActivityTeam | undefined
              if (command.teamId !== undefined) {
                team = yield* loadTeam(command.teamId)
                yield* access.check(actor, "activities.manage", teamTarget(team), { county })
              }
              const organiserId = command.organiserId ?? (actor.kind === "person" ? actor.id as PersonId : undefined)
              if (organiserId === undefined) return yield* Effect.fail(invalidField("organiserId", "name the organiser: the system acts for no one", "请指定组织者：系统不代表任何人"))
              const organiser = yield* person(actor, organiserId, county)
              issued = yield* newCode
              return { at, actor: refOf(actor), plan: { id, countyId: county, scope: pathOf(node), organiser, team, code: { hash: issued.hash, salt: issued.salt } } }
            })
        })
        return activityView(done.state, actor.id, issued?.code)
      }),

    execute: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decodeCommand(input)
        let subject: PersonId | undefined
        let byStaff = false
        let issued: { readonly code: string; readonly hash: string; readonly salt: string } | undefined
        const done = yield* runActivity(actor, id, command, {
          load: loadActivity(id),
          authorize: (a) =>
            Effect.gen(function*() {
              const activity = a!
              const manage = () => access.check(actor, "activities.manage", activityTarget(activity), { county: activity.countyId })
              if (command._tag === "Register" || command._tag === "Withdraw" || command._tag === "CheckIn") {
                const named = command.personId
                if (named === undefined || named === actor.id) {
                  if (actor.kind !== "person") return yield* Effect.fail(invalidField("personId", "name the person: the system acts for no one", "请指定人员：系统不代表任何人"))
                  subject = actor.id as PersonId
                  if (command._tag === "CheckIn" && command.code === undefined && isManager(actor, activity)) byStaff = true
                  else yield* reachFromBelow({ access, directory }, actor, "activities.join", activityTarget(activity), activity.countyId)
                  return
                }
                yield* manage()
                subject = (yield* person(actor, named, activity.countyId)).personId
                byStaff = command._tag === "CheckIn"
                return
              }
              yield* manage()
              yield* expectVersion(ACTIVITY, id, command.expectedVersion, activity.version)
            }),
          context: (a, at) =>
            Effect.gen(function*() {
              const team = command._tag === "RecordHours" && a!.teamId !== null ? yield* loadTeam(a!.teamId) : undefined
              if (command._tag === "ReissueCode") issued = yield* newCode
              const matches = command._tag === "CheckIn" && !byStaff && command.code !== undefined ? yield* codeMatches(a!, command.code) : undefined
              return { at, actor: refOf(actor), person: subject, byStaff, team, codeMatches: matches, code: issued }
            })
        })
        const rejected = done.events.find((e) => e.type === "code_rejected")
        if (rejected !== undefined) {
          const left = Math.max(0, CHECK_IN_ATTEMPTS - rejected.attempts)
          return yield* Effect.fail(invalidField(
            "code",
            left === 0 ? `is not this activity's check-in code: that was the last try, only its staff can check you in now` : `is not this activity's check-in code (${left} tries left)`,
            left === 0 ? "签到码不正确：已无剩余次数，现在只能由活动工作人员为您签到" : `签到码不正确（还可尝试 ${left} 次）`
          ))
        }
        return activityView(done.state, actor.id, command._tag === "ReissueCode" ? issued?.code : undefined)
      }),

    get: (actor, id) =>
      Effect.gen(function*() {
        const a = yield* loadActivity(id)
        yield* access.check(actor, "grid.tree.read", activityTarget(a))
        return viewFor(actor)(a)
      }),

    roster: (actor, id) =>
      Effect.gen(function*() {
        const a = yield* loadActivity(id)
        yield* access.check(actor, "activities.manage", activityTarget(a))
        return activityRoster(a)
      }),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const { from, to } = yield* periodOf(root.countyId, filter)
        const page = yield* store.listActivities({ scope: pathOf(root), from, to, after: filter?.after, limit: limitOf(filter) })
        return { items: page.items.map(viewFor(actor)), next: page.next }
      }),

    report: (actor, rootId, period) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const { from, to, zone } = yield* periodOf(root.countyId, period)
        const found = yield* store.activitiesIn({ scope: pathOf(root), from, to })
        return activityReportOf(pathOf(root), { from: period?.from ?? null, to: period?.to ?? null }, zone, found)
      }),

    formTeam: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeForm(input)
        const id = yield* Effect.provideService(newActivityTeamId, IdGenerator, ids)
        const node = yield* access.at(actor, "activities.manage", command.nodeId, { live: true })
        return yield* runTeam(actor, id, { _tag: "Form", ...command }, {
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: (_, at) =>
            Effect.map(peopleOf(actor, [command.leaderId, ...(command.memberIds ?? [])], node.countyId), (people) => ({
              at, actor: refOf(actor), people, form: { id, countyId: node.countyId, scope: pathOf(node) }
            }))
        })
      }),

    executeTeam: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decodeTeamCommand(input)
        return yield* runTeam(actor, id, command, {
          load: loadTeam(id),
          authorize: (t) => Effect.andThen(access.check(actor, "activities.manage", teamTarget(t!), { county: t!.countyId }), expectVersion(TEAM, id, command.expectedVersion, t!.version)),
          context: (t, at) =>
            Effect.map(
              peopleOf(actor, command._tag === "Update" ? [...(command.leaderId === undefined ? [] : [command.leaderId]), ...(command.join ?? [])] : [], t!.countyId),
              (people) => ({ at, actor: refOf(actor), people })
            )
        })
      }),

    getTeam: (actor, id) =>
      Effect.gen(function*() {
        const t = yield* loadTeam(id)
        yield* access.check(actor, "grid.tree.read", teamTarget(t))
        return t
      }),

    listTeams: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        return yield* store.listTeams({ scope: pathOf(root), after: page?.after, limit: limitOf(page) })
      }),

    teamHours: (actor, id) =>
      Effect.gen(function*() {
        const t = yield* loadTeam(id)
        yield* access.check(actor, "activities.manage", teamTarget(t))
        return teamHoursOf(t, yield* store.activitiesOfTeam(id))
      })
  })
}
