/**
 * The matching use cases. Each loads every entity it references (the need, the people and
 * volunteers it names, the node, a reward's account) and passes it through the kernel's one
 * scope check (`Access`) in the county of the thing acted on, then runs its command through
 * the kernel's pipeline (`Commands.run`) with its decider: the need's lifecycle, a profile,
 * a team, the county's configuration. The follow-on effects of a need's decision — the
 * volunteers' loads and histories, and its reward — are pure functions of (before, after,
 * events) applied by the pipeline in the same unit of work. A command that changes nothing
 * writes nothing.
 *
 * Who may do what:
 * - **post**: `matching.post` at the node the need concerns (for someone else:
 *   `matching.manage` there, and the person in scope);
 * - **claim**: `matching.claim` there, for oneself, with a volunteer profile — never one's
 *   own need, nor a need whose reward one attached;
 * - **assign, reassign, rank, dispatch**: `matching.dispatch` on the need's node, volunteers
 *   the actor can see;
 * - **release, visit, report done**: the volunteer on the need, or `matching.dispatch`;
 * - **confirm, reopen**: the requester or `matching.dispatch` — not whoever did the work;
 * - **cancel**: the requester or `matching.manage`; **close**: `matching.dispatch`;
 * - **attach a reward**: `points.award` under the earning rule at the need's node;
 * - **expire**: the system actor only (the expiry run needs `matching.manage`);
 * - **profiles and teams**: `matching.manage` at the profile's current home and new home
 *   (and over the person), or the volunteer for their own profile.
 *
 * Rewards: a reward from the requester's own account is held by the requester when the need
 * is posted, paid out in shares as its holder's own consent when the need is confirmed, and
 * released (as the holder) when it is cancelled or expires. A reward under an earning rule is
 * awarded by the actor who attached it (its `awardedBy`, who must still be allowed to award
 * at the need's node), never by the system actor on a caller's behalf.
 *
 * @since 0.3.0
 */
import { Context, Effect, Layer, Option, Result, Schema } from "effect"
import { Access } from "../kernel/access.js"
import { type Actor, systemActor } from "../kernel/actor.js"
import { Commands, type Recorded } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import {
  type Conflict,
  forbidden,
  type Forbidden,
  fromSchemaError,
  invalidField,
  type InvalidInput,
  type InvalidTransition,
  notFound,
  type NotFound,
  staleVersion,
  type StorageError
} from "../kernel/errors.js"
import { Identity } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import type { Action } from "../kernel/permissions.js"
import { redactorFor } from "../kernel/redact.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { addDays, DEFAULT_TIME_ZONE, type Instant, localDate, now, startOfDate } from "../kernel/time.js"
import type { Decider } from "../kernel/decider.js"
import { GridStore } from "../grid/store.js"
import type { AccountId } from "../points/model.js"
import { Points } from "../points/service.js"
import { CandidateIndex } from "./candidates.js"
import { dispatchGraph, greedyDispatch, solveDispatch } from "./dispatch.js"
import { type NeedContext, type NeedDecideCommand, needDecider, rewardHoldId, workingStates } from "./machine.js"
import {
  ConfigureMatching,
  type CreateTeam,
  MatchingConfig,
  type Need,
  type NeedCommand,
  type NeedId,
  type NeedState,
  type NeedStatus,
  newNeedId,
  newTeamId,
  type PersonRef,
  type PostNeed,
  type Reward,
  type RewardPayment,
  type RewardRequest,
  type SaveVolunteer,
  type Team,
  type Volunteer
} from "./model.js"
import { NeedScorer, proximityOf, proximityScore, rankCandidates, rejectionOf, type Scorer } from "./ranking.js"
import { defaultMatchingConfig, needFollowOn, needLogPayload, requesterShares, wishCard } from "./rules.js"
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
 * The matching use cases.
 *
 * @category services
 * @since 0.3.0
 */
export class Matching extends Context.Service<Matching, {
  /** A county's configuration, or the defaults: for the county's staff (`county.config.read`). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<MatchingConfig>
  /** Changes a county's configuration (`matching.manage` on the county), validated by {@link ConfigureMatching}. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureMatching) => Fx<MatchingConfig>
  /** Posts a need (`matching.post` at its node); the requester is the actor unless staff name a person of their scope. */
  readonly post: (actor: Actor, command: PostNeed) => Fx<Need>
  /** Runs one command on a need. A retried identical confirmation changes nothing: the reward is paid once. */
  readonly execute: (actor: Actor, id: NeedId, command: NeedCommand) => Fx<Need>
  /** One need, for staff, its requester, its volunteers and claimers of its subtree. */
  readonly get: (actor: Actor, id: NeedId) => Fx<Need>
  /** Needs below a node, a page at a time (`matching.read`). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: NeedFilter) => Fx<Page<Need>>
  /** Creates or replaces a person's volunteer profile, keeping its load, history and teams. */
  readonly saveVolunteer: (actor: Actor, command: SaveVolunteer) => Fx<Volunteer>
  /** One profile: the volunteer, or staff of their home. */
  readonly getVolunteer: (actor: Actor, personId: PersonRef) => Fx<Volunteer>
  /** Profiles whose home lies below a node (`matching.read`). */
  readonly listVolunteers: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<Volunteer>>
  /** Creates a volunteer team (`matching.manage` at its home, over every member and their profile). */
  readonly createTeam: (actor: Actor, command: CreateTeam) => Fx<Team>
  /** The teams of a county (`matching.read` on the county). */
  readonly listTeams: (actor: Actor, countyId: GridNodeId) => Fx<ReadonlyArray<Team>>
  /** Ranks the volunteers the actor can see for one need, with the breakdown of each score (`matching.dispatch`). */
  readonly rank: (actor: Actor, id: NeedId, options?: { readonly limit?: number | undefined }) => Fx<RankingView>
  /** Batch dispatch (派单) of the open needs below a node to the volunteers the actor can see; `dryRun` plans without assigning. */
  readonly dispatch: (actor: Actor, rootId: GridNodeId, options?: { readonly dryRun?: boolean | undefined }) => Fx<DispatchReport>
  /** The actor's claim board: open needs of their community, nearest first, titles redacted. */
  readonly claimBoard: (actor: Actor, options?: { readonly limit?: number | undefined }) => Fx<ReadonlyArray<ClaimBoardItem>>
  /** The public wish board (心愿墙) of a subtree: open and fulfilled needs, titles redacted, requesters masked; no actor needed. */
  readonly wishBoard: (rootId: GridNodeId, page?: PageRequest) => Fx<Page<WishCard>>
  /** Expires every need past due below a node, as the system actor (`matching.manage` there). */
  readonly expireOverdue: (actor: Actor, rootId: GridNodeId) => Fx<ExpiryReport>
}>()("@mulin/core/matching/Matching") {
  /**
   * The use cases over the ports and the points ledger, with the kernel (`Access`,
   * `Identity`, `Commands`) provided. The scorer is read once, when the layer is built.
   *
   * @category layers
   * @since 0.3.0
   */
  static readonly layer: Layer.Layer<Matching, never, MatchingStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator | Points> = Layer.effect(
    Matching,
    Effect.gen(function*() {
      return makeMatching({
        store: yield* MatchingStore,
        grid: yield* GridStore,
        directory: yield* Directory,
        ids: yield* IdGenerator,
        points: yield* Points,
        access: yield* Access,
        commands: yield* Commands,
        identity: yield* Identity,
        scorer: yield* NeedScorer
      })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps {
  readonly store: MatchingStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly ids: IdGenerator["Service"]
  readonly points: Points["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
  readonly identity: Identity["Service"]
  readonly scorer: Scorer
}

const ENTITY = "need"
const SYSTEM = systemActor()
const FULFILLED: ReadonlyArray<NeedState> = ["confirmed", "closed"]
const OPEN_FOR_CLAIMS: ReadonlyArray<NeedState> = ["open", "claimed", "assigned"]
const PUBLIC_STATES: ReadonlyArray<NeedState> = [...OPEN_FOR_CLAIMS, ...workingStates.filter((s) => !OPEN_FOR_CLAIMS.includes(s)), "done", ...FULFILLED]
const isCalendarDate = (s: string) => s.length === 10
const decodeConfigure = Schema.decodeUnknownEffect(ConfigureMatching)
const decodeConfig = Schema.decodeUnknownResult(MatchingConfig)
const encodeConfig = Schema.encodeSync(MatchingConfig)

// ---------------------------------------------------------------------------
// Profiles, teams and configuration as deciders

/**
 * The fields of a volunteer's profile a save sets: everything but what the service keeps
 * itself (teams, load, history, version) and what a save may leave as stored.
 *
 * @category models
 * @since 0.4.0
 */
export type ProfileFields = Omit<Volunteer, "teams" | "load" | "history" | "version" | "updatedAt" | "tags" | "accountId" | "active">

/**
 * What can be asked of a volunteer's profile. A save's `tags`, `accountId` and `active` keep
 * the stored values when absent.
 *
 * @category models
 * @since 0.4.0
 */
export type VolunteerCommand =
  | {
    readonly _tag: "Save"
    readonly profile: ProfileFields
    readonly tags?: Volunteer["tags"] | undefined
    readonly accountId?: Volunteer["accountId"] | undefined
    readonly active?: boolean | undefined
  }
  | { readonly _tag: "JoinTeam"; readonly teamId: Team["id"] }

/**
 * What happened to a profile.
 *
 * @category models
 * @since 0.4.0
 */
export type VolunteerEvent =
  | { readonly type: "registered" | "updated"; readonly volunteer: Volunteer }
  | { readonly type: "joined_team"; readonly teamId: Team["id"]; readonly at: Instant }

const profileKey = (v: Omit<Volunteer, "teams" | "load" | "history" | "version" | "updatedAt">) =>
  JSON.stringify([v.countyId, v.name, v.homeNodeId, v.homeScope, v.skills, v.availability, v.maxConcurrent, v.tags, v.accountId, v.active])

/**
 * A profile: saved (a save that changes nothing writes nothing), and joined to teams. Its
 * load and history are the work's, kept by the follow-on effects of needs.
 *
 * @category rules
 * @since 0.4.0
 */
export const volunteerDecider: Decider<Volunteer, VolunteerCommand, VolunteerEvent, { readonly at: Instant }, MatchingError> = {
  decide: (state, command, ctx) => {
    if (command._tag === "JoinTeam") {
      return Result.succeed(state === undefined || state.teams.includes(command.teamId) ? [] : [{ type: "joined_team", teamId: command.teamId, at: ctx.at }])
    }
    const fields = {
      ...command.profile,
      tags: command.tags ?? state?.tags ?? [],
      accountId: command.accountId !== undefined ? command.accountId : state?.accountId ?? null,
      active: command.active ?? state?.active ?? true
    }
    if (state !== undefined && profileKey(state) === profileKey(fields)) return Result.succeed([])
    const volunteer: Volunteer = {
      ...fields,
      teams: state?.teams ?? [],
      load: state?.load ?? 0,
      history: state?.history ?? { completed: 0, ratingSum: 0, ratingCount: 0, pointsEarned: 0, recent: [] },
      version: 0,
      updatedAt: ctx.at
    }
    return Result.succeed([{ type: state === undefined ? "registered" : "updated", volunteer }])
  },
  evolve: (state, e) => (e.type === "joined_team" ? { ...state!, teams: [...state!.teams, e.teamId], updatedAt: e.at } : e.volunteer)
}

/**
 * A team, created once.
 *
 * @category rules
 * @since 0.4.0
 */
export const teamDecider: Decider<Team, { readonly _tag: "Create"; readonly team: Team }, { readonly type: "created"; readonly team: Team }, unknown, MatchingError> = {
  decide: (state, command) => Result.succeed(state === undefined ? [{ type: "created", team: command.team }] : []),
  evolve: (_, e) => e.team
}

/**
 * Changes to a county's configuration: merged into the stored one (or the defaults),
 * validated as a whole; the same values again change nothing; a stale `expectedVersion` is a
 * `Conflict`.
 *
 * @category rules
 * @since 0.4.0
 */
export const matchingConfigDecider: Decider<
  MatchingConfig,
  { readonly _tag: "Configure"; readonly countyId: GridNodeId; readonly changes: Partial<MatchingConfig>; readonly expectedVersion?: number | undefined },
  { readonly type: "changed"; readonly config: MatchingConfig; readonly changed: ReadonlyArray<string> },
  { readonly at: Instant },
  MatchingError
> = {
  decide: (state, command, ctx) => {
    const current = state ?? defaultMatchingConfig(command.countyId)
    // (A county without a configuration of its own is loaded with the defaults, at version 0.)
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      return Result.fail(staleVersion("matching configuration", command.countyId, command.expectedVersion, current.version))
    }
    const merged = { ...current, ...command.changes, countyId: command.countyId }
    const checked = decodeConfig(encodeConfig({ ...merged, version: 0, updatedAt: null }))
    if (Result.isFailure(checked)) return Result.fail(fromSchemaError(checked.failure))
    const same = JSON.stringify(encodeConfig({ ...current, version: 0, updatedAt: null })) === JSON.stringify(encodeConfig({ ...merged, version: 0, updatedAt: null }))
    if (same) return Result.succeed([])
    return Result.succeed([{ type: "changed", config: { ...merged, updatedAt: ctx.at }, changed: Object.keys(command.changes) }])
  },
  evolve: (_, e) => e.config
}

// ---------------------------------------------------------------------------

const makeMatching = ({ access, commands, directory, grid, identity, ids, points, scorer, store }: Deps): Matching["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const needTarget = (n: Need) => ({ entity: ENTITY, id: n.id, nodeId: n.nodeId })
  const volunteerTarget = (v: Volunteer) => ({ entity: "volunteer", id: v.personId, nodeId: v.homeNodeId })

  const loadConfig = (countyId: GridNodeId): Effect.Effect<MatchingConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultMatchingConfig(countyId)))
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  /** How far the county's local time is ahead of UTC at `at` (its availability windows are local). */
  const offsetOf = (at: Instant, zone: string): number => {
    const date = localDate(at, zone)
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(startOfDate(date, zone))) / 60_000)
  }

  /** A person of the directory, checked through `Access` for `action`. */
  const personOf = (actor: Actor, id: PersonId, action: Action, options: { readonly county?: GridNodeId; readonly involved?: boolean }) =>
    Effect.gen(function*() {
      const found = yield* directory.personAccess(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("person", id))
      const p = found.value.person
      yield* access.check(actor, action, { entity: "person", id, nodeId: p.nodeId }, { county: options.county ?? p.countyId, involved: options.involved })
      return p
    })

  /** The actor a person is now, to act as them (a reward's holder or awarder). */
  const actorOf = (personId: PersonId) =>
    Effect.flatMap(identity.actorOf(personId), Option.match({ onNone: () => Effect.fail(notFound("person", personId)), onSome: Effect.succeed }))

  /** Visible: staff who read or claim there, its requester, its volunteers; anyone else finds nothing. */
  const visible = (actor: Actor, n: Need): Effect.Effect<void, MatchingError> =>
    access.check(actor, "matching.claim", needTarget(n), {
      read: "matching.read",
      county: n.countyId,
      involved: n.requester.id === actor.id || n.helpers.includes(actor.id as PersonRef)
    }).pipe(Effect.asVoid, Effect.catchTag("Forbidden", () => Effect.void))

  const loadVisible = (actor: Actor, id: NeedId) =>
    Effect.gen(function*() {
      const found = yield* store.getNeed(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound(ENTITY, id))
      yield* visible(actor, found.value)
      return found.value
    })

  /** Whether the actor may run `command` on the need (through `Access`; the decider decides the rest). */
  const authorizeCommand = (actor: Actor, n: Need, command: NeedCommand): Effect.Effect<void, MatchingError> => {
    const on = (action: Action, involved = false) => Effect.asVoid(access.check(actor, action, needTarget(n), { county: n.countyId, involved }))
    const self = (id: PersonRef | undefined) => id === undefined || id === actor.id
    const onNeed = n.assignees.some((a) => a.personId === actor.id)
    const requester = n.requester.id === actor.id
    switch (command._tag) {
      case "Claim":
        return self(command.personId) ? on("matching.claim") : on("matching.dispatch")
      case "Assign":
      case "Reassign":
      case "Close":
        return on("matching.dispatch")
      case "Release":
        return on("matching.dispatch", self(command.personId) && onNeed)
      case "LogVisit":
      case "ReportDone":
        return on("matching.dispatch", onNeed)
      case "Confirm":
      case "Reopen":
        return on("matching.dispatch", requester)
      case "Cancel":
        return on("matching.manage", requester)
      case "Expire":
        return actor.kind === "system" ? Effect.void : Effect.fail(forbidden("matching: Expire (the system's expiry run only)", n.id))
      case "AttachReward":
        return on("points.award")
    }
  }

  /** An issuer reward under a rule, authorised for the actor at the need's node. */
  const issuerReward = (actor: Actor, nodeId: GridNodeId, request: { readonly category?: string | undefined; readonly quantity?: number | undefined; readonly points?: number | undefined }, field: string) =>
    Effect.gen(function*() {
      if (actor.kind !== "person") return yield* Effect.fail(invalidField(field, "a reward under an earning rule is attached by a person allowed to award points", "按积分规则设定的奖励须由有权奖励积分的人员设定"))
      const category = request.category ?? "micro_wish"
      const quantity = request.quantity ?? 1
      const quote = yield* points.quoteAward(actor, { nodeId, category, quantity, accountIds: [] })
      if (request.points !== undefined && request.points !== quote.perVolunteer) {
        return yield* Effect.fail(invalidField(`${field}.points`, `a reward from the issuer gives the earning rule's points: ${quote.perVolunteer} per volunteer (${category} × ${quantity})`, `发行账户的奖励按积分规则计：每人 ${quote.perVolunteer} 分（${category} × ${quantity}）`))
      }
      return { _tag: "issuer", category, quantity, points: quote.perVolunteer, awardedBy: actor.id as PersonId } satisfies Reward
    })

  /** The reward a post asks for, resolved: the requester's own account, or the issuer under a rule. */
  const resolveReward = (actor: Actor, requester: PersonId, place: Place, request: RewardRequest | null | undefined, slots: number, id: NeedId) =>
    Effect.gen(function*(): Effect.fn.Return<Reward | null, MatchingError> {
      if (request === undefined || request === null) return null
      if (request.fromAccountId === undefined) return yield* issuerReward(actor, place.id, request, "reward")
      const account = yield* points.getAccount(actor, request.fromAccountId)
      if (account.kind === "issuer") return yield* issuerReward(actor, place.id, request, "reward")
      if (account.kind !== "person" || account.ownerId !== actor.id || requester !== actor.id) {
        return yield* Effect.fail(forbidden(
          "points.redeem (a reward comes from the requester's own account, held by the requester, or from the issuer under an earning rule)",
          `points account ${account.id}`,
          `积分账户 ${account.id}（奖励只能来自提出人本人的账户，或按积分规则由发行账户发放）`
        ))
      }
      if (request.points === undefined) return yield* Effect.fail(invalidField("reward.points", "give the points each volunteer gets", "请填写每名志愿者获得的积分"))
      if (request.category !== undefined || request.quantity !== undefined) {
        return yield* Effect.fail(invalidField("reward.category", "a reward from one's own account has no earning rule", "从本人账户发放的奖励不适用积分规则"))
      }
      return { _tag: "requester", accountId: account.id, points: request.points, holdId: rewardHoldId(id), held: request.points * slots } satisfies Reward
    })

  /** The follow-on effects of a decision: loads and histories, and the reward through the ledger. */
  const followOn = (actor: Actor, before: Need | undefined, after: Need, events: ReadonlyArray<Parameters<typeof needFollowOn>[2][number]>, at: Instant) =>
    Effect.gen(function*() {
      const { reward, work } = needFollowOn(before, after, events)
      if (work.length > 0) yield* store.recordWork(work, at)
      if (reward === null) return
      const cause = { type: "need" as const, id: after.id }
      switch (reward._tag) {
        case "Hold":
          // Placed by the poster, who must be the account's holder: the ledger checks it again.
          yield* points.holdReward(actor, { holdId: reward.holdId, accountId: reward.accountId, amount: reward.amount, cause })
          return
        case "Pay":
          yield* points.payReward(yield* actorOf(after.requester.id), { holdId: reward.holdId, voidId: reward.voidId, shares: reward.shares.map((s) => ({ transferId: s.transferId, accountId: s.accountId, amount: s.points })) })
          return
        case "Release":
          yield* points.releaseReward(yield* actorOf(after.requester.id), reward.holdId, reward.voidId)
          return
        case "Award":
          yield* points.awardReward(yield* actorOf(reward.awardedBy), {
            nodeId: after.nodeId,
            category: reward.category,
            quantity: reward.quantity,
            awards: reward.shares.map((s) => ({ transferId: s.transferId, accountId: s.accountId, amount: s.points })),
            cause
          })
          return
      }
    })

  /** Runs one decision on a need through the pipeline. */
  const runNeed = (actor: Actor, id: NeedId, command: NeedDecideCommand, authorize: (n: Need | undefined) => Effect.Effect<void, MatchingError>, context: (n: Need | undefined, at: Instant) => Effect.Effect<NeedContext, MatchingError>) =>
    commands.run({
      actor,
      aggregate: ENTITY,
      id,
      decider: needDecider,
      command,
      load: command._tag === "Post" ? Effect.succeed(undefined) : Effect.map(store.getNeed(id), Option.getOrUndefined),
      authorize,
      context,
      save: (next, expected, before) => (before === undefined ? store.insertNeed(next) : store.updateNeed(next, expected)),
      record: (e, after): Recorded => ({ type: `matching.need.${e.type}`, scope: after.scope, payload: needLogPayload(e) }),
      followOn: (before, after, events, at) => followOn(actor, before, after, events, at)
    })

  /** What a command on a need is decided with: the volunteers it concerns (named ones seen by the actor), the payout, the reward. */
  const contextFor = (actor: Actor, n: Need, command: NeedCommand, at: Instant): Effect.Effect<NeedContext, MatchingError> =>
    Effect.gen(function*() {
      const named = command._tag === "Claim" ? [command.personId ?? (actor.id as PersonRef)] : command._tag === "Assign" ? command.personIds : command._tag === "Reassign" ? [command.to] : []
      const profiles = yield* store.getVolunteers([...new Set([...n.assignees.map((a) => a.personId), ...named])])
      const volunteers = new Map(profiles.map((v) => [v.personId, v]))
      const others = named.filter((p) => p !== actor.id).flatMap((p) => volunteers.get(p) ?? [])
      if (others.length > 0) yield* access.checkAll(actor, "grid.tree.read", others.map(volunteerTarget), { county: n.countyId })
      const base = { at, actor: { id: actor.id, kind: actor.kind }, volunteers }
      if (command._tag === "Confirm" && n.reward !== null && n.paid.length === 0 && n.state === "done") {
        if (n.reward._tag === "requester") return { ...base, payout: requesterShares(n, volunteers) }
        const withAccounts = n.assignees.flatMap((a) => {
          const accountId = volunteers.get(a.personId)?.accountId ?? null
          return accountId === null ? [] : [{ personId: a.personId, accountId }]
        })
        if (withAccounts.length === 0) return { ...base, payout: [] }
        const reward = n.reward
        const quote = yield* points.quoteAward(yield* actorOf(reward.awardedBy), { nodeId: n.nodeId, category: reward.category, quantity: reward.quantity, accountIds: withAccounts.map((w) => w.accountId) })
        const payout: Array<RewardPayment> = []
        for (const w of withAccounts) {
          const amount = quote.amounts.find((x) => x.accountId === w.accountId)?.amount ?? 0
          if (amount > 0) payout.push({ transferId: `${n.id}.reward.${payout.length}` as RewardPayment["transferId"], personId: w.personId, accountId: w.accountId, points: amount })
        }
        return { ...base, payout }
      }
      if (command._tag === "AttachReward") return { ...base, reward: yield* issuerReward(actor, n.nodeId, command, "") }
      return base
    })

  const execute = (actor: Actor, id: NeedId, command: NeedCommand): Fx<Need> =>
    Effect.map(
      runNeed(actor, id, command, (n) =>
        n === undefined ? Effect.fail(notFound(ENTITY, id)) : Effect.andThen(visible(actor, n), authorizeCommand(actor, n, command)),
        (n, at) => contextFor(actor, n!, command, at)),
      (r) => r.state
    )

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
  /** The profiles of the radius that the actor can see. */
  const volunteersSeenIn = (actor: Actor, scope: ReadonlyArray<GridNodeId>) =>
    Effect.gen(function*() {
      const all: Array<Volunteer> = []
      let after: string | undefined
      for (;;) {
        const page = yield* store.listVolunteers({ scope, after, limit: MAX_PAGE_SIZE })
        for (const v of page.items) if (access.can(actor, "grid.tree.read", v.homeScope)) all.push(v)
        if (page.next === null) return all
        after = page.next
      }
    })

  /** Runs one command on a volunteer's profile through the pipeline. */
  const runVolunteer = (actor: Actor, personId: PersonRef, command: VolunteerCommand, authorize: (v: Volunteer | undefined) => Effect.Effect<void, MatchingError>) =>
    commands.run({
      actor,
      aggregate: "volunteer",
      id: personId,
      decider: volunteerDecider,
      command,
      load: Effect.map(store.getVolunteers([personId]), (vs) => vs[0]),
      authorize,
      context: (_, at) => Effect.succeed({ at }),
      save: (next, expected) => store.saveVolunteer(next, expected),
      record: (e, after): Recorded =>
        e.type === "joined_team"
          ? { type: "matching.volunteer.joined_team", scope: after.homeScope, payload: { teamId: e.teamId } }
          : { type: `matching.volunteer.${e.type}`, scope: after.homeScope, payload: { skills: after.skills.map((s) => s.skill), maxConcurrent: after.maxConcurrent } }
    })

  return Matching.of({
    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* access.inCounty(actor, "county.config.read", countyId)
        return yield* loadConfig(countyId)
      }),

    configure: (actor, countyId, input) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "matching.manage", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        // The core schema validates, whoever calls (not only the HTTP layer).
        const command = yield* decodeConfigure(input).pipe(Effect.mapError((e) => fromSchemaError(e)))
        const { expectedVersion, ...given } = command
        const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<MatchingConfig>
        const result = yield* commands.run({
          actor,
          aggregate: "matching configuration",
          id: countyId,
          decider: matchingConfigDecider,
          command: { _tag: "Configure", countyId, changes, expectedVersion },
          // A county without a configuration of its own has the defaults, at version 0.
          load: loadConfig(countyId),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next, expected) => store.saveConfig(next, expected),
          record: (e): Recorded => ({ type: "matching.config.changed", scope: [countyId], payload: { changed: e.changed } })
        })
        return result.state
      }),

    post: (actor, command) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "matching.post", command.nodeId, { live: true })
        let requester: { readonly id: PersonId; readonly name: string }
        if (command.requester !== undefined && command.requester !== actor.id) {
          yield* access.at(actor, "matching.manage", place.id)
          const p = yield* personOf(actor, command.requester, "matching.manage", { county: place.countyId })
          requester = { id: p.id, name: p.name }
        } else if (actor.kind === "person") {
          requester = { id: actor.id as PersonId, name: actor.name }
        } else {
          return yield* Effect.fail(invalidField("requester", "a need is posted for a person: name its requester", "需求必须属于某个人：请指定提出人"))
        }
        const config = yield* loadConfig(place.countyId)
        if (!config.categories.some((c) => c.key === command.category)) {
          return yield* Effect.fail(invalidField("category", `unknown category ${command.category} (known: ${config.categories.map((c) => c.key).join(", ")})`, `未知类别 ${command.category}`))
        }
        const zone = yield* zoneOf(place.countyId)
        // A calendar date is due at the end of that day in the county's calendar.
        const dueAt = isCalendarDate(command.dueAt) ? startOfDate(addDays(command.dueAt, 1), zone) : command.dueAt
        const id = yield* fresh(newNeedId)
        const reward = yield* resolveReward(actor, requester.id, place, command.reward, command.slots ?? 1, id)
        // Public text is made from redacted text, when it is written.
        const redact = redactorFor([requester.name, ...(yield* directory.namesAround(place.id))])
        const result = yield* runNeed(actor, id, { _tag: "Post", ...command }, () => Effect.void, (_, at) =>
          Effect.succeed({
            at,
            actor: { id: actor.id, kind: actor.kind },
            volunteers: new Map(),
            place: { id, countyId: place.countyId, nodeId: place.id, scope: pathOf(place), requester, dueAt, publicTitle: redact(command.title), reward }
          }))
        return result.state
      }),

    execute,

    get: (actor, id) => loadVisible(actor, id),

    list: (actor, rootId, filter = {}) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "matching.read", rootId)
        return yield* store.listNeeds({
          scope: pathOf(root),
          states: filter.state === undefined ? undefined : [filter.state],
          status: filter.status,
          category: filter.category,
          after: filter.after,
          limit: limitOf(filter)
        })
      }),

    saveVolunteer: (actor, command) =>
      Effect.gen(function*() {
        const self = command.personId === actor.id
        const person = yield* personOf(actor, command.personId, "matching.manage", { involved: self })
        const home = yield* access.at(actor, self ? "matching.claim" : "matching.manage", command.homeNodeId, { county: person.countyId, live: true })
        const accountId: AccountId | null = command.accountId ?? null
        if (accountId !== null) {
          const account = yield* points.getAccount(actor, accountId)
          if (account.kind !== "person" || account.ownerId !== command.personId || account.countyId !== person.countyId) {
            return yield* Effect.fail(invalidField("accountId", "must be the volunteer's own person account in their county", "必须是该志愿者本人在本区县的个人积分账户"))
          }
        }
        const profile: ProfileFields = {
          personId: command.personId,
          countyId: person.countyId,
          name: person.name,
          homeNodeId: home.id,
          homeScope: pathOf(home),
          skills: command.skills,
          availability: command.availability,
          maxConcurrent: command.maxConcurrent
        }
        const save: VolunteerCommand = { _tag: "Save", profile, tags: command.tags, accountId: command.accountId === undefined ? undefined : accountId, active: command.active }
        const result = yield* runVolunteer(actor, command.personId, save, (existing) =>
          existing === undefined
            ? Effect.void
            // The profile's current home as well as the new one.
            : Effect.asVoid(access.check(actor, self ? "matching.claim" : "matching.manage", volunteerTarget(existing), { county: existing.countyId, involved: self })))
        return result.state
      }),

    getVolunteer: (actor, personId) =>
      Effect.gen(function*() {
        const [v] = yield* store.getVolunteers([personId])
        if (v === undefined) return yield* Effect.fail(notFound("volunteer", personId))
        yield* access.check(actor, "matching.read", volunteerTarget(v), { read: "matching.read", involved: v.personId === actor.id })
        return v
      }),

    listVolunteers: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "matching.read", rootId)
        return yield* store.listVolunteers({ scope: pathOf(root), after: page?.after, limit: limitOf(page) })
      }),

    createTeam: (actor, command) =>
      Effect.gen(function*() {
        const home = yield* access.at(actor, "matching.manage", command.homeNodeId, { live: true })
        const people = [...new Set([command.leaderId, ...command.members])]
        // Every member a person of the actor's scope and county, and their profile too.
        for (const id of people) yield* personOf(actor, id, "matching.manage", { county: home.countyId })
        const profiles = yield* store.getVolunteers(people)
        yield* access.checkAll(actor, "matching.manage", profiles.map(volunteerTarget), { county: home.countyId })
        const team: Team = { id: yield* fresh(newTeamId), countyId: home.countyId, name: command.name, leaderId: command.leaderId, homeNodeId: home.id, homeScope: pathOf(home), members: people, version: 0, updatedAt: yield* now }
        const result = yield* commands.run({
          actor,
          aggregate: "volunteer team",
          id: team.id,
          decider: teamDecider,
          command: { _tag: "Create", team },
          load: Effect.succeed<Team | undefined>(undefined),
          authorize: () => Effect.void,
          context: () => Effect.void,
          save: (next) => store.saveTeam(next, 0),
          record: (e): Recorded => ({ type: "matching.team.created", scope: e.team.homeScope, payload: { members: e.team.members.length } }),
          followOn: (_, after) => Effect.forEach(profiles, (v) => runVolunteer(actor, v.personId, { _tag: "JoinTeam", teamId: after.id }, () => Effect.void), { discard: true })
        })
        return result.state
      }),

    listTeams: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "matching.read", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        return yield* store.listTeams(countyId)
      }),

    rank: (actor, id, options = {}) =>
      Effect.gen(function*() {
        const n = yield* loadVisible(actor, id)
        yield* access.check(actor, "matching.dispatch", needTarget(n), { county: n.countyId })
        const config = yield* loadConfig(n.countyId)
        const at = yield* now
        const radius = n.scope.slice(0, Math.min(n.scope.length, config.radiusDepth + 1))
        const ranking = rankCandidates(n, yield* volunteersSeenIn(actor, radius), config, at, {
          limit: Math.max(1, Math.floor(options.limit ?? 20)),
          scorer,
          utcOffsetMinutes: offsetOf(at, yield* zoneOf(n.countyId))
        })
        return { ...ranking, rejected: ranking.rejected as Record<string, number> }
      }),

    dispatch: (actor, rootId, options = {}) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "matching.dispatch", rootId)
        const scope = pathOf(root)
        const config = yield* loadConfig(root.countyId)
        const at = yield* now
        const needs = yield* openNeeds(scope, OPEN_FOR_CLAIMS)
        // Volunteers may live anywhere within the radius of the subtree's needs, where the actor can see them.
        const radius = scope.slice(0, Math.min(scope.length, config.radiusDepth + 1))
        const volunteers = yield* volunteersSeenIn(actor, radius)
        const graph = dispatchGraph(needs, new CandidateIndex(config, volunteers), config, at, scorer, offsetOf(at, yield* zoneOf(root.countyId)))
        const plan = solveDispatch(graph)
        const skipped: Array<{ needId: string; reason: string }> = []
        if (options.dryRun !== true) {
          const byNeed = new Map<string, Array<(typeof plan.assignments)[number]>>()
          for (const a of plan.assignments) byNeed.set(a.needId, [...(byNeed.get(a.needId) ?? []), a])
          for (const [needId, list] of byNeed) {
            const outcome = yield* execute(actor, needId as NeedId, {
              _tag: "Assign",
              personIds: list.map((a) => a.personId as PersonRef),
              explanation: list.map((a) => `${a.personId}: ${a.explanation}`).join(" | ")
            }).pipe(
              Effect.as("assigned"),
              Effect.catchTag(["Conflict", "InvalidTransition", "InvalidInput", "NotFound", "Forbidden"], (e) => Effect.succeed(`changed while dispatching: ${e.message}`))
            )
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
        const [v] = yield* store.getVolunteers([actor.id as PersonRef])
        if (v === undefined) return yield* Effect.fail(notFound("volunteer", actor.id))
        const config = yield* loadConfig(v.countyId)
        const at = yield* now
        const offset = offsetOf(at, yield* zoneOf(v.countyId))
        const radius = v.homeScope.slice(0, Math.min(v.homeScope.length, config.radiusDepth + 1))
        const needs = (yield* openNeeds(radius, OPEN_FOR_CLAIMS)).filter((n) => n.assignees.length < n.slots && access.can(actor, "matching.claim", n.scope))
        const items = needs.map((n) => ({ n, proximity: proximityOf(n.scope, v.homeScope, config.depths), reason: rejectionOf(n, v, config, at, offset) }))
        items.sort((a, b) => proximityScore[b.proximity] - proximityScore[a.proximity] || (a.n.dueAt < b.n.dueAt ? -1 : a.n.dueAt > b.n.dueAt ? 1 : a.n.id < b.n.id ? -1 : 1))
        return items.slice(0, Math.max(1, Math.floor(options.limit ?? 50))).map(({ n, proximity, reason }) => ({ card: wishCard(n), proximity, eligible: reason === null, reason }))
      }),

    wishBoard: (rootId, page) =>
      Effect.gen(function*() {
        const root = yield* directory.getPlace(rootId)
        if (Option.isNone(root) || root.value.status !== "active") return yield* Effect.fail(notFound("grid node", rootId))
        const found = yield* store.listNeeds({ scope: pathOf(root.value), states: PUBLIC_STATES, after: page?.after, limit: limitOf(page) })
        return { items: found.items.map(wishCard), next: found.next }
      }),

    expireOverdue: (actor, rootId) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "matching.manage", rootId)
        const at = yield* now
        const expired: Array<string> = []
        for (const n of yield* openNeeds(pathOf(root), ["open", "claimed", "assigned"])) {
          if (!(n.dueAt < at)) continue
          const outcome = yield* execute(SYSTEM, n.id, { _tag: "Expire" }).pipe(
            Effect.as(true),
            Effect.catchTag(["Conflict", "InvalidTransition", "InvalidInput"], () => Effect.succeed(false))
          )
          if (outcome) expired.push(n.id)
        }
        return { at, expired }
      })
  })
}
