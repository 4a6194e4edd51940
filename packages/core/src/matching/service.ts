/**
 * The matching use cases. Each one authorises the actor against the need's grid scope,
 * loads, decides with the pure machine, then saves the need, the volunteers' loads and
 * histories, the events and (on confirmation) the reward transfers in one unit of work.
 *
 * Who may do what:
 * - **post**: `matching.post` at the node the need concerns;
 * - **claim**: `matching.claim` there, for oneself, with a volunteer profile;
 * - **assign, reassign, rank, dispatch**: `matching.dispatch` on the need's node;
 * - **release, visit, report done**: the volunteer on the need, or `matching.dispatch`;
 * - **confirm, reopen**: the requester or `matching.dispatch` (a grid worker);
 * - **cancel**: the requester or `matching.manage`; **close**: `matching.dispatch`;
 * - **expire**: the system actor only (the expiry run needs `matching.manage`);
 * - **profiles and teams**: `matching.manage` at the home node, or the volunteer for their own profile.
 *
 * @since 0.3.0
 */
import { Context, Effect, Layer, Option } from "effect"
import { type Actor, systemActor } from "../kernel/actor.js"
import {
  forbidden,
  invalidField,
  notFound,
  staleVersion,
  type Conflict,
  type Forbidden,
  type InvalidInput,
  type InvalidTransition,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import { makeEvent, type NewEvent } from "../kernel/events.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { type Action, isAllowed, PermissionPolicy, type Policy } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { now } from "../kernel/time.js"
import type { GridNode } from "../grid/model.js"
import { GridStore } from "../grid/store.js"
import { Points } from "../points/service.js"
import { CandidateIndex } from "./candidates.js"
import { dispatchGraph, greedyDispatch, solveDispatch } from "./dispatch.js"
import { decideNeed, evolveNeed, loadDeltas, type NeedDecideCommand, type NeedEvent, workingStates } from "./machine.js"
import {
  type CreateTeam,
  type MatchingConfig,
  type Need,
  type NeedCommand,
  type NeedId,
  type NeedState,
  type NeedStatus,
  newNeedId,
  newTeamId,
  type PersonRef,
  type PostNeed,
  type SaveVolunteer,
  type Team,
  type Volunteer
} from "./model.js"
import { NeedScorer, proximityOf, proximityScore, rankCandidates, rejectionOf, type Scorer } from "./ranking.js"
import { defaultMatchingConfig, needLogPayload, wishCard } from "./rules.js"
import { MatchingStore } from "./store.js"
import type { ClaimBoardItem, DispatchReport, ExpiryReport, RankingView, WishCard } from "./views.js"

/**
 * Every error a matching use case can fail with.
 *
 * @category errors
 * @since 0.3.0
 */
export type MatchingError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, MatchingError>

/**
 * Filters of a staff listing of needs.
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedFilter extends PageRequest {
  readonly state?: NeedState | undefined
  readonly status?: NeedStatus | undefined
  readonly category?: string | undefined
}

/**
 * Changes to a county's matching configuration.
 *
 * @category models
 * @since 0.3.0
 */
export type ConfigureMatching = {
  readonly [K in "categories" | "weights" | "depths" | "radiusDepth" | "candidatesPerNeed"]?: MatchingConfig[K] | undefined
} & { readonly expectedVersion?: number | undefined }

/**
 * The matching use cases.
 *
 * @category services
 * @since 0.3.0
 */
export class Matching extends Context.Service<Matching, {
  /** A county's configuration, or the defaults (anyone). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<MatchingConfig>
  /** Changes a county's configuration: categories, weights, radius (`matching.manage` on the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureMatching) => Fx<MatchingConfig>
  /** Posts a need (`matching.post` at its node); the requester is the actor unless staff name one. */
  readonly post: (actor: Actor, command: PostNeed) => Fx<Need>
  /** Runs one command on a need. A retried identical confirmation replays: the reward is paid once. */
  readonly execute: (actor: Actor, id: NeedId, command: NeedCommand) => Fx<Need>
  /** One need, for staff, its requester, its volunteers and claimers of its subtree. */
  readonly get: (actor: Actor, id: NeedId) => Fx<Need>
  /** Needs below a node, a page at a time (`matching.read`). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: NeedFilter) => Fx<Page<Need>>
  /** Creates or replaces a volunteer profile, keeping its load and history. */
  readonly saveVolunteer: (actor: Actor, command: SaveVolunteer) => Fx<Volunteer>
  /** One profile: the volunteer, or staff of their home. */
  readonly getVolunteer: (actor: Actor, personId: PersonRef) => Fx<Volunteer>
  /** Profiles whose home lies below a node (`matching.read`). */
  readonly listVolunteers: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<Volunteer>>
  /** Creates a volunteer team (`matching.manage` at its home). */
  readonly createTeam: (actor: Actor, command: CreateTeam) => Fx<Team>
  /** The teams of a county (`matching.read` on the county). */
  readonly listTeams: (actor: Actor, countyId: GridNodeId) => Fx<ReadonlyArray<Team>>
  /** Ranks the volunteers for one need, with the breakdown of each score (`matching.dispatch`). */
  readonly rank: (actor: Actor, id: NeedId, options?: { readonly limit?: number | undefined }) => Fx<RankingView>
  /** Batch dispatch (派单) of the open needs below a node; `dryRun` plans without assigning. */
  readonly dispatch: (actor: Actor, rootId: GridNodeId, options?: { readonly dryRun?: boolean | undefined }) => Fx<DispatchReport>
  /** The actor's claim board: open needs of their community, nearest first. */
  readonly claimBoard: (actor: Actor, options?: { readonly limit?: number | undefined }) => Fx<ReadonlyArray<ClaimBoardItem>>
  /** The public wish board (心愿墙) of a subtree: open and fulfilled needs, requesters masked; no actor needed. */
  readonly wishBoard: (rootId: GridNodeId, page?: PageRequest) => Fx<Page<WishCard>>
  /** Expires every need past due below a node, as the system actor (`matching.manage` there). */
  readonly expireOverdue: (actor: Actor, rootId: GridNodeId) => Fx<ExpiryReport>
}>()("@mulin/core/matching/Matching") {
  /**
   * The use cases over the ports and the points ledger. The permission policy and the
   * scorer are read once, when the layer is built.
   *
   * @category layers
   * @since 0.3.0
   */
  static readonly layer: Layer.Layer<Matching, never, MatchingStore | GridStore | EventLog | UnitOfWork | IdGenerator | Points> = Layer.effect(
    Matching,
    Effect.gen(function*() {
      return makeMatching({
        store: yield* MatchingStore,
        grid: yield* GridStore,
        log: yield* EventLog,
        uow: yield* UnitOfWork,
        ids: yield* IdGenerator,
        points: yield* Points,
        policy: yield* PermissionPolicy,
        scorer: yield* NeedScorer
      })
    })
  )
}

interface Deps {
  readonly store: MatchingStore["Service"]
  readonly grid: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly points: Points["Service"]
  readonly policy: Policy
  readonly scorer: Scorer
}

const ENTITY = "need"
const SYSTEM = systemActor()
const FULFILLED: ReadonlyArray<NeedState> = ["confirmed", "closed"]
const OPEN_FOR_CLAIMS: ReadonlyArray<NeedState> = ["open", "claimed", "assigned"]

const makeMatching = ({ grid, ids, log, points, policy, scorer, store, uow }: Deps): Matching["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const can = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, action, path)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const loadNode = (id: GridNodeId): Effect.Effect<GridNode, NotFound | StorageError> =>
    Effect.flatMap(grid.getNode(id), (found) =>
      Option.isSome(found) && found.value.status === "active" ? Effect.succeed(found.value) : Effect.fail(notFound("grid node", id)))
  const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]
  const loadConfig = (countyId: GridNodeId): Effect.Effect<MatchingConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultMatchingConfig(countyId)))
  const requireAt = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>, id: GridNodeId) =>
    can(actor, action, path) ? Effect.void : Effect.fail(can(actor, "grid.tree.read", path) ? forbidden(action, id) : notFound("grid node", id))

  const onNeed = (actor: Actor, n: Need) => n.assignees.some((a) => a.personId === actor.id)
  const reads = (actor: Actor, n: Need) =>
    can(actor, "matching.read", n.scope) || can(actor, "matching.claim", n.scope) || n.requester.id === actor.id || n.helpers.includes(actor.id)
  const mayRun = (actor: Actor, n: Need, command: NeedCommand): boolean => {
    const dispatcher = can(actor, "matching.dispatch", n.scope)
    switch (command._tag) {
      case "Claim":
        return command.personId === undefined || command.personId === actor.id ? can(actor, "matching.claim", n.scope) : dispatcher
      case "Assign":
      case "Reassign":
      case "Close":
        return dispatcher
      case "Release":
        return dispatcher || ((command.personId === undefined || command.personId === actor.id) && onNeed(actor, n))
      case "LogVisit":
      case "ReportDone":
        return dispatcher || onNeed(actor, n)
      case "Confirm":
      case "Reopen":
        return dispatcher || n.requester.id === actor.id
      case "Cancel":
        return can(actor, "matching.manage", n.scope) || n.requester.id === actor.id
      case "Expire":
        return actor.kind === "system"
    }
  }

  const loadReadable = (actor: Actor, id: NeedId) =>
    Effect.flatMap(store.getNeed(id), (found) =>
      Option.isSome(found) && reads(actor, found.value) ? Effect.succeed(found.value) : Effect.fail(notFound(ENTITY, id)))

  const toLog = (n: Need, events: ReadonlyArray<NeedEvent>, firstVersion: number): Effect.Effect<Array<NewEvent>> =>
    Effect.forEach(events, (e, i) =>
      fresh(makeEvent({
        type: `matching.need.${e.type}`,
        aggregate: { type: ENTITY, id: n.id, version: firstVersion + i },
        actor: e.actor,
        at: e.at,
        scope: n.scope,
        payload: needLogPayload(e)
      })))

  /** The profiles of everyone a command concerns: the need's volunteers and those it names. */
  const volunteersFor = (n: Need | undefined, command: NeedDecideCommand, actor: Actor) =>
    Effect.map(
      store.getVolunteers([...new Set([
        ...(n?.assignees.map((a) => a.personId) ?? []),
        ...(command._tag === "Claim" ? [command.personId ?? actor.id] : []),
        ...(command._tag === "Assign" ? command.personIds : []),
        ...(command._tag === "Reassign" ? [command.to] : [])
      ])]),
      (vs) => new Map(vs.map((v) => [v.personId, v]))
    )

  /** Pays the reward transfers of a confirmation through the ledger (a replay when they exist). */
  const pay = (n: Need) =>
    n.reward === null || n.paid.length === 0
      ? Effect.void
      : Effect.asVoid(points.commitBatch(SYSTEM, {
        transfers: n.paid.map((p) => ({
          id: p.transferId,
          debitAccountId: n.reward!.fromAccountId,
          creditAccountId: p.accountId,
          amount: p.points,
          code: "earn" as const,
          memo: `reward of need ${n.id}`,
          cause: { type: "need" as const, id: n.id }
        }))
      }))

  /** Decides, applies and saves one command on a loaded need, inside the caller's unit of work. */
  const run = (actor: Actor, n: Need, command: NeedCommand) =>
    Effect.gen(function*() {
      const at = yield* now
      const volunteers = yield* volunteersFor(n, command, actor)
      const events = yield* Effect.fromResult(decideNeed(n, command, { at, actor: { id: actor.id, kind: actor.kind }, volunteers }))
      const next = { ...events.reduce(evolveNeed, n), version: n.version + events.length }
      yield* store.updateNeed(next, n.version)
      // Loads and histories of the volunteers concerned.
      const changed = new Map<PersonRef, Volunteer>()
      for (const [personId, delta] of loadDeltas(n, next)) {
        const v = volunteers.get(personId)
        if (v === undefined) continue
        const recent = delta > 0 ? [...v.history.recent, at].slice(-50) : v.history.recent
        changed.set(personId, { ...v, load: Math.max(0, v.load + delta), history: { ...v.history, recent }, updatedAt: at })
      }
      for (const e of events) {
        if (e.type !== "confirmed") continue
        for (const a of n.assignees) {
          const v = changed.get(a.personId) ?? volunteers.get(a.personId)
          if (v === undefined) continue
          const earned = e.paid.find((p) => p.personId === a.personId)?.points ?? 0
          changed.set(a.personId, {
            ...v,
            history: { ...v.history, completed: v.history.completed + 1, ratingSum: v.history.ratingSum + e.confirmation.rating, ratingCount: v.history.ratingCount + 1, pointsEarned: v.history.pointsEarned + earned },
            updatedAt: at
          })
        }
      }
      for (const v of changed.values()) {
        const before = volunteers.get(v.personId)!
        yield* store.saveVolunteer({ ...v, version: before.version + 1 }, before.version)
      }
      yield* log.append(yield* toLog(next, events, n.version + 1))
      if (events.some((e) => e.type === "confirmed")) yield* pay(next)
      return next
    })

  const openNeeds = (scope: ReadonlyArray<GridNodeId>, states: ReadonlyArray<NeedState>) =>
    Effect.gen(function*() {
      const all: Array<Need> = []
      let after: string | undefined
      for (;;) {
        const page = yield* store.listNeeds({ scope, states, after, limit: MAX_PAGE_SIZE })
        all.push(...page.items)
        if (page.next === null) return all
        after = page.next
      }
    })
  const volunteersIn = (scope: ReadonlyArray<GridNodeId>) =>
    Effect.gen(function*() {
      const all: Array<Volunteer> = []
      let after: string | undefined
      for (;;) {
        const page = yield* store.listVolunteers({ scope, after, limit: MAX_PAGE_SIZE })
        all.push(...page.items)
        if (page.next === null) return all
        after = page.next
      }
    })

  return Matching.of({
    getConfig: (_actor, countyId) =>
      Effect.gen(function*() {
        if (Option.isNone(yield* grid.getCounty(countyId))) return yield* Effect.fail(notFound("county", countyId))
        return yield* loadConfig(countyId)
      }),

    configure: (actor, countyId, command) =>
      uow.transaction(Effect.gen(function*() {
        if (Option.isNone(yield* grid.getCounty(countyId))) return yield* Effect.fail(notFound("county", countyId))
        if (!can(actor, "matching.manage", [countyId])) return yield* Effect.fail(forbidden("matching.manage", countyId))
        const current = yield* loadConfig(countyId)
        if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
          return yield* Effect.fail(staleVersion("matching configuration", countyId, command.expectedVersion, current.version))
        }
        const { expectedVersion: _, ...given } = command
        const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<MatchingConfig>
        const at = yield* now
        const next: MatchingConfig = { ...current, ...changes, countyId, version: current.version + 1, updatedAt: at }
        if (new Set(next.categories.map((c) => c.key)).size !== next.categories.length) {
          return yield* Effect.fail(invalidField("categories", "category keys must be unique", "类别代码不能重复"))
        }
        yield* store.saveConfig(next, current.version)
        yield* log.append([yield* fresh(makeEvent({
          type: "matching.config.changed",
          aggregate: { type: "matching configuration", id: countyId, version: next.version },
          actor,
          at,
          scope: [countyId],
          payload: { changed: Object.keys(changes) }
        }))])
        return next
      })),

    post: (actor, command) =>
      Effect.gen(function*() {
        const node = yield* loadNode(command.nodeId)
        const path = pathOf(node)
        yield* requireAt(actor, "matching.post", path, node.id)
        if (command.requester !== undefined && command.requester.id !== actor.id && !can(actor, "matching.manage", path)) {
          return yield* Effect.fail(forbidden("matching.manage (post for someone else)", node.id))
        }
        const config = yield* loadConfig(node.countyId)
        if (!config.categories.some((c) => c.key === command.category)) {
          return yield* Effect.fail(invalidField("category", `unknown category ${command.category} (known: ${config.categories.map((c) => c.key).join(", ")})`, `未知类别 ${command.category}`))
        }
        const at = yield* now
        const id = yield* fresh(newNeedId)
        const requester = command.requester ?? { id: actor.id, name: actor.name }
        const events = yield* Effect.fromResult(decideNeed(undefined, { _tag: "Post", ...command }, {
          at,
          actor: { id: actor.id, kind: actor.kind },
          volunteers: new Map(),
          place: { id, countyId: node.countyId, nodeId: node.id, scope: path, requester }
        }))
        const created = { ...events.reduce(evolveNeed, undefined as Need | undefined)!, version: events.length }
        const logged = yield* toLog(created, events, 1)
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertNeed(created)
          yield* log.append(logged)
        }))
        return created
      }),

    execute: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const n = yield* loadReadable(actor, id)
        if (!mayRun(actor, n, command)) return yield* Effect.fail(forbidden(`matching: ${command._tag}`, n.nodeId))
        // A retried confirmation: the same rating and comment on a confirmed need replays the payment.
        if (command._tag === "Confirm" && n.state === "confirmed" && n.confirmation !== null &&
          n.confirmation.rating === command.rating && n.confirmation.comment === (command.comment ?? "") && n.confirmation.by.id === actor.id) {
          yield* pay(n)
          return n
        }
        return yield* run(actor, n, command)
      })),

    get: (actor, id) => loadReadable(actor, id),

    list: (actor, rootId, filter = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* requireAt(actor, "matching.read", scope, rootId)
        return yield* store.listNeeds({
          scope,
          states: filter.state === undefined ? undefined : [filter.state],
          status: filter.status,
          category: filter.category,
          after: filter.after,
          limit: limitOf(filter)
        })
      }),

    saveVolunteer: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const home = yield* loadNode(command.homeNodeId)
        const path = pathOf(home)
        const self = command.personId === actor.id && can(actor, "matching.claim", path)
        if (!self) yield* requireAt(actor, "matching.manage", path, home.id)
        const at = yield* now
        const [existing] = yield* store.getVolunteers([command.personId])
        const v: Volunteer = {
          personId: command.personId,
          countyId: home.countyId,
          name: command.name,
          homeNodeId: home.id,
          homeScope: path,
          skills: command.skills,
          availability: command.availability,
          maxConcurrent: command.maxConcurrent,
          tags: command.tags ?? existing?.tags ?? [],
          teams: existing?.teams ?? [],
          accountId: command.accountId !== undefined ? command.accountId : existing?.accountId ?? null,
          active: command.active ?? existing?.active ?? true,
          load: existing?.load ?? 0,
          history: existing?.history ?? { completed: 0, ratingSum: 0, ratingCount: 0, pointsEarned: 0, recent: [] },
          version: (existing?.version ?? 0) + 1,
          updatedAt: at
        }
        yield* store.saveVolunteer(v, existing?.version ?? 0)
        yield* log.append([yield* fresh(makeEvent({
          type: existing === undefined ? "matching.volunteer.registered" : "matching.volunteer.updated",
          aggregate: { type: "volunteer", id: v.personId, version: v.version },
          actor,
          at,
          scope: path,
          payload: { skills: v.skills.map((s) => s.skill), maxConcurrent: v.maxConcurrent }
        }))])
        return v
      })),

    getVolunteer: (actor, personId) =>
      Effect.gen(function*() {
        const [v] = yield* store.getVolunteers([personId])
        if (v === undefined || (v.personId !== actor.id && !can(actor, "matching.read", v.homeScope))) return yield* Effect.fail(notFound("volunteer", personId))
        return v
      }),

    listVolunteers: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* requireAt(actor, "matching.read", scope, rootId)
        return yield* store.listVolunteers({ scope, after: page?.after, limit: limitOf(page) })
      }),

    createTeam: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const home = yield* loadNode(command.homeNodeId)
        const path = pathOf(home)
        yield* requireAt(actor, "matching.manage", path, home.id)
        const at = yield* now
        const id = yield* fresh(newTeamId)
        const members = [...new Set([command.leaderId, ...command.members])]
        const team: Team = { id, countyId: home.countyId, name: command.name, leaderId: command.leaderId, homeNodeId: home.id, homeScope: path, members, version: 1, updatedAt: at }
        yield* store.saveTeam(team, 0)
        for (const v of yield* store.getVolunteers(members)) {
          yield* store.saveVolunteer({ ...v, teams: [...v.teams, id], version: v.version + 1, updatedAt: at }, v.version)
        }
        yield* log.append([yield* fresh(makeEvent({
          type: "matching.team.created",
          aggregate: { type: "volunteer team", id, version: 1 },
          actor,
          at,
          scope: path,
          payload: { members: members.length }
        }))])
        return team
      })),

    listTeams: (actor, countyId) =>
      Effect.gen(function*() {
        if (Option.isNone(yield* grid.getCounty(countyId))) return yield* Effect.fail(notFound("county", countyId))
        yield* requireAt(actor, "matching.read", [countyId], countyId)
        return yield* store.listTeams(countyId)
      }),

    rank: (actor, id, options = {}) =>
      Effect.gen(function*() {
        const n = yield* loadReadable(actor, id)
        if (!can(actor, "matching.dispatch", n.scope)) return yield* Effect.fail(forbidden("matching.dispatch", n.nodeId))
        const config = yield* loadConfig(n.countyId)
        const at = yield* now
        const radius = n.scope.slice(0, Math.min(n.scope.length, config.radiusDepth + 1))
        const ranking = rankCandidates(n, yield* volunteersIn(radius), config, at, { limit: Math.max(1, Math.floor(options.limit ?? 20)), scorer })
        return { ...ranking, rejected: ranking.rejected as Record<string, number> }
      }),

    dispatch: (actor, rootId, options = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* requireAt(actor, "matching.dispatch", scope, rootId)
        const config = yield* loadConfig(root.countyId)
        const at = yield* now
        const needs = yield* openNeeds(scope, OPEN_FOR_CLAIMS)
        // Volunteers may live anywhere within the radius of the subtree's needs.
        const radius = scope.slice(0, Math.min(scope.length, config.radiusDepth + 1))
        const volunteers = yield* volunteersIn(radius)
        const graph = dispatchGraph(needs, new CandidateIndex(config, volunteers), config, at, scorer)
        const plan = solveDispatch(graph)
        const skipped: Array<{ needId: string; reason: string }> = []
        if (options.dryRun !== true) {
          const byNeed = new Map<string, Array<(typeof plan.assignments)[number]>>()
          for (const a of plan.assignments) byNeed.set(a.needId, [...(byNeed.get(a.needId) ?? []), a])
          for (const [needId, list] of byNeed) {
            const outcome = yield* uow.transaction(Effect.gen(function*() {
              const found = yield* store.getNeed(needId as NeedId)
              if (Option.isNone(found)) return "gone"
              yield* run(actor, found.value, { _tag: "Assign", personIds: list.map((a) => a.personId), explanation: list.map((a) => `${a.personId}: ${a.explanation}`).join(" | ") })
              return "assigned"
            })).pipe(Effect.catchTag(["Conflict", "InvalidTransition", "InvalidInput"], (e) => Effect.succeed(`changed while dispatching: ${e.message}`)))
            if (outcome !== "assigned") skipped.push({ needId, reason: outcome })
          }
        }
        return {
          at,
          needs: graph.needs.length,
          volunteers: volunteers.length,
          applied: options.dryRun !== true,
          assignments: plan.assignments,
          total: plan.total,
          greedyTotal: greedyDispatch(graph),
          unassigned: plan.unassigned,
          skipped
        }
      }),

    claimBoard: (actor, options = {}) =>
      Effect.gen(function*() {
        const [v] = yield* store.getVolunteers([actor.id])
        if (v === undefined) return yield* Effect.fail(notFound("volunteer", actor.id))
        const config = yield* loadConfig(v.countyId)
        const at = yield* now
        const radius = v.homeScope.slice(0, Math.min(v.homeScope.length, config.radiusDepth + 1))
        const needs = (yield* openNeeds(radius, OPEN_FOR_CLAIMS)).filter((n) => n.assignees.length < n.slots && can(actor, "matching.claim", n.scope))
        const items = needs.map((n) => {
          const reason = rejectionOf(n, v, config, at)
          return { n, proximity: proximityOf(n.scope, v.homeScope, config.depths), reason }
        })
        items.sort((a, b) => proximityScore[b.proximity] - proximityScore[a.proximity] || (a.n.dueAt < b.n.dueAt ? -1 : a.n.dueAt > b.n.dueAt ? 1 : a.n.id < b.n.id ? -1 : 1))
        return items.slice(0, Math.max(1, Math.floor(options.limit ?? 50))).map(({ n, proximity, reason }) => ({ card: wishCard(n), proximity, eligible: reason === null, reason }))
      }),

    wishBoard: (rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const found = yield* store.listNeeds({ scope: pathOf(root), states: [...OPEN_FOR_CLAIMS, ...workingStates.filter((s) => !OPEN_FOR_CLAIMS.includes(s)), "done", ...FULFILLED], after: page?.after, limit: limitOf(page) })
        return { items: found.items.map(wishCard), next: found.next }
      }),

    expireOverdue: (actor, rootId) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* requireAt(actor, "matching.manage", scope, rootId)
        const at = yield* now
        const expired: Array<string> = []
        for (const n of yield* openNeeds(scope, ["open", "claimed", "assigned"])) {
          if (!(n.dueAt < at)) continue
          const outcome = yield* uow.transaction(Effect.gen(function*() {
            const found = yield* store.getNeed(n.id)
            if (Option.isNone(found)) return false
            yield* run(SYSTEM, found.value, { _tag: "Expire" })
            return true
          })).pipe(Effect.catchTag(["Conflict", "InvalidTransition", "InvalidInput"], () => Effect.succeed(false)))
          if (outcome) expired.push(n.id)
        }
        return { at, expired }
      })
  })
}
