/**
 * Needs and claims (微心愿 · 需求清单): posting a need with its reward, every command on it
 * through the need's decider (claims, dispatch, visits, confirmation with the reward paid
 * once through the ledger), ranking and batch dispatch (派单), the claim board, the public
 * wish board (心愿墙), and the expiry run.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Actor } from "../../kernel/actor.js"
import { systemActor } from "../../kernel/actor.js"
import type { Recorded } from "../../kernel/decider.js"
import { pathOf, type Place } from "../../kernel/directory.js"
import { forbidden, invalidField, notFound } from "../../kernel/errors.js"
import type { GridNodeId, PersonId } from "../../kernel/ids.js"
import { MAX_PAGE_SIZE } from "../../kernel/pagination.js"
import type { Action } from "../../kernel/permissions.js"
import { redactorFor } from "../../kernel/redact.js"
import { addDays, type Instant, now, startOfDate } from "../../kernel/time.js"
import { CandidateIndex } from "../candidates.js"
import { dispatchGraph, greedyDispatch, solveDispatch } from "../dispatch.js"
import { type NeedContext, type NeedDecideCommand, needDecider, rewardHoldId, workingStates } from "../machine.js"
import {
  type Need,
  type NeedCommand,
  type NeedId,
  type NeedState,
  newNeedId,
  type PersonRef,
  type Reward,
  type RewardPayment,
  type RewardRequest,
  type Volunteer
} from "../model.js"
import { proximityOf, proximityScore, rankCandidates, rejectionOf } from "../ranking.js"
import { needFollowOn, needLogPayload, requesterShares, wishCard } from "../rules.js"
import type { Matching, MatchingError } from "../service.js"
import { ENTITY, type Fx, type Kit } from "./kit.js"

const SYSTEM = systemActor()
const FULFILLED: ReadonlyArray<NeedState> = ["confirmed", "closed"]
const OPEN_FOR_CLAIMS: ReadonlyArray<NeedState> = ["open", "claimed", "assigned"]
const PUBLIC_STATES: ReadonlyArray<NeedState> = [...OPEN_FOR_CLAIMS, ...workingStates.filter((s) => !OPEN_FOR_CLAIMS.includes(s)), "done", ...FULFILLED]
const isCalendarDate = (s: string) => s.length === 10

/** The use cases of needs, claims, dispatch and the boards. */
export const makeNeeds = (kit: Kit): Pick<
  Matching["Service"],
  "post" | "execute" | "get" | "list" | "rank" | "dispatch" | "claimBoard" | "wishBoard" | "expireOverdue"
> => {
  const { access, actorOf, commands, directory, fresh, limitOf, loadConfig, needTarget, offsetOf, personOf, points, scorer, store, volunteerTarget, zoneOf } = kit

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

  /** Runs one decision on a need through the pipeline; `loaded`: the need as a batch read it (its version is checked on save). */
  const runNeed = (actor: Actor, id: NeedId, command: NeedDecideCommand, authorize: (n: Need | undefined) => Effect.Effect<void, MatchingError>, context: (n: Need | undefined, at: Instant) => Effect.Effect<NeedContext, MatchingError>, loaded?: Need) =>
    commands.run({
      actor,
      aggregate: ENTITY,
      id,
      decider: needDecider,
      command,
      load: command._tag === "Post" ? Effect.succeed(undefined) : loaded !== undefined ? Effect.succeed(loaded) : Effect.map(store.getNeed(id), Option.getOrUndefined),
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

  const execute = (actor: Actor, id: NeedId, command: NeedCommand, loaded?: Need): Fx<Need> =>
    Effect.map(
      runNeed(actor, id, command, (n) =>
        n === undefined ? Effect.fail(notFound(ENTITY, id)) : Effect.andThen(visible(actor, n), authorizeCommand(actor, n, command)),
        (n, at) => contextFor(actor, n!, command, at), loaded),
      (r) => r.state
    )

  const openNeeds = (scope: ReadonlyArray<GridNodeId>, states: ReadonlyArray<NeedState>, dueBefore?: Instant) =>
    Effect.gen(function*() {
      const all: Array<Need> = []
      let after: string | undefined
      for (;;) {
        const page = yield* store.listNeeds({ scope, states, dueBefore, after, limit: MAX_PAGE_SIZE })
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

  return {
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
        const due = (yield* openNeeds(pathOf(root), ["open", "claimed", "assigned"], at)).filter((n) => n.dueAt < at)
        // In batches, each need as the scan read it: one changed since fails its batch on
        // the version check, and the batch runs again need by need, each read afresh.
        const outcomes = yield* commands.batches(
          due,
          (chunk) => Effect.forEach(chunk, (n) => Effect.as(execute(SYSTEM, n.id, { _tag: "Expire" }, n), true)),
          (n) =>
            execute(SYSTEM, n.id, { _tag: "Expire" }).pipe(
              Effect.as(true),
              Effect.catchTag(["Conflict", "InvalidTransition", "InvalidInput"], () => Effect.succeed(false))
            )
        )
        return { at, expired: due.flatMap((n, i) => (outcomes[i] === true ? [n.id] : [])) }
      })
  }
}
