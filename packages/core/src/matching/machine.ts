/**
 * The life of a need as a decider: {@link decideNeed} turns a command into events (or
 * refuses it), {@link evolveNeed} applies an event, and {@link needTransitions} is the state
 * machine as data — the docs draw it and the tests enumerate it.
 *
 * Both functions are pure: the time, the actor, the new need's place and the volunteers'
 * profiles come in through the {@link NeedContext}.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import { conflict, type Conflict, invalidField, type InvalidInput, invalidTransition, type InvalidTransition } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { TransferId } from "../points/model.js"
import type {
  Confirmation,
  Need,
  NeedCommand,
  NeedCommandTag,
  NeedId,
  NeedState,
  NeedStatus,
  PersonRef,
  PostNeed,
  RewardPayment,
  Visit,
  Volunteer
} from "./model.js"

/**
 * One arrow of the state machine; `start` is the state before the need exists. A pair may
 * have several arrows when the outcome depends on the need (a release that leaves others
 * on it keeps the state).
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedTransition {
  readonly from: NeedState | "start"
  readonly command: NeedCommandTag
  readonly to: NeedState
}

/**
 * The states in which volunteers are working on the need (they count towards their load).
 *
 * @category models
 * @since 0.3.0
 */
export const workingStates: ReadonlyArray<NeedState> = ["claimed", "assigned", "visiting"]

/**
 * Every command tag, `Post` first.
 *
 * @category models
 * @since 0.3.0
 */
export const needCommandTags: ReadonlyArray<NeedCommandTag> = [
  "Post", "Claim", "Assign", "Release", "Reassign", "LogVisit", "ReportDone", "Confirm", "Reopen", "Close", "Cancel", "Expire"
]

/**
 * The state machine as data. Any (state, command) pair not listed fails with
 * `InvalidTransition`; a listed pair may still fail with `InvalidInput` or `Conflict` when
 * the command breaks a rule (no slot left, a volunteer at capacity, not past due, …).
 *
 * @category models
 * @since 0.3.0
 */
export const needTransitions: ReadonlyArray<NeedTransition> = [
  { from: "start", command: "Post", to: "open" },
  { from: "open", command: "Claim", to: "claimed" },
  { from: "claimed", command: "Claim", to: "claimed" },
  { from: "assigned", command: "Claim", to: "assigned" },
  { from: "open", command: "Assign", to: "assigned" },
  { from: "claimed", command: "Assign", to: "assigned" },
  { from: "assigned", command: "Assign", to: "assigned" },
  ...workingStates.flatMap((from): Array<NeedTransition> => [
    { from, command: "Release", to: "open" },
    { from, command: "Release", to: from },
    { from, command: "Reassign", to: from === "visiting" ? "visiting" : "assigned" },
    { from, command: "LogVisit", to: "visiting" },
    { from, command: "ReportDone", to: "done" }
  ]),
  { from: "done", command: "Confirm", to: "confirmed" },
  { from: "done", command: "Reopen", to: "open" },
  { from: "confirmed", command: "Reopen", to: "open" },
  { from: "confirmed", command: "Close", to: "closed" },
  ...(["open", ...workingStates] as const).map((from): NeedTransition => ({ from, command: "Cancel", to: "cancelled" })),
  ...(["open", "claimed", "assigned"] as const).map((from): NeedTransition => ({ from, command: "Expire", to: "expired" }))
]

/**
 * The coarse status of a state.
 *
 * @category rules
 * @since 0.3.0
 */
export const needStatusOf = (state: NeedState): NeedStatus =>
  state === "confirmed" || state === "closed" || state === "cancelled" || state === "expired" ? "closed" : "open"

/**
 * What every need event carries.
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedEventBase {
  readonly at: Instant
  readonly actor: ActorRef
}

/**
 * What happened to a need.
 *
 * @category models
 * @since 0.3.0
 */
export type NeedEvent =
  | NeedEventBase & { readonly type: "posted"; readonly initial: Need }
  | NeedEventBase & { readonly type: "claimed"; readonly personId: PersonRef }
  | NeedEventBase & { readonly type: "assigned"; readonly personIds: ReadonlyArray<PersonRef>; readonly explanation: string | null }
  | NeedEventBase & { readonly type: "released"; readonly personId: PersonRef; readonly reason: string }
  | NeedEventBase & { readonly type: "reassigned"; readonly from: PersonRef; readonly to: PersonRef; readonly reason: string }
  | NeedEventBase & { readonly type: "visit_logged"; readonly visit: Visit }
  | NeedEventBase & { readonly type: "done_reported"; readonly note: string }
  | NeedEventBase & { readonly type: "confirmed"; readonly confirmation: Confirmation; readonly paid: ReadonlyArray<RewardPayment> }
  | NeedEventBase & { readonly type: "reopened"; readonly reason: string }
  | NeedEventBase & { readonly type: "closed" }
  | NeedEventBase & { readonly type: "cancelled"; readonly reason: string }
  | NeedEventBase & { readonly type: "expired" }

/**
 * What {@link decideNeed} needs besides the need and the command.
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The profiles of the volunteers the command names (claimant, assignees, reassignment target). */
  readonly volunteers: ReadonlyMap<PersonRef, Volunteer>
  /** For `Post`: the new need's id and place. */
  readonly place?: {
    readonly id: NeedId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly requester: { readonly id: PersonRef; readonly name: string }
  } | undefined
}

/**
 * The errors {@link decideNeed} may return.
 *
 * @category errors
 * @since 0.3.0
 */
export type NeedDecideError = InvalidTransition | InvalidInput | Conflict

/**
 * A decide command: the `Post` of a new need, or a command on an existing one.
 *
 * @category models
 * @since 0.3.0
 */
export type NeedDecideCommand = ({ readonly _tag: "Post" } & PostNeed) | NeedCommand

const ENTITY = "need"

/**
 * The deterministic id of the reward transfer to the `index`-th volunteer of a need: a
 * retried confirmation replays the same transfer instead of paying twice.
 *
 * @category rules
 * @since 0.3.0
 */
export const rewardTransferId = (needId: NeedId, index: number): TransferId => `${needId}.reward.${index}` as TransferId

/**
 * The `Conflict` of a claim that lost: every slot of the need is taken.
 *
 * @category constructors
 * @since 0.3.0
 */
export const slotsFull = (need: Need): Conflict =>
  conflict(
    "slots_full",
    `need ${need.id} has no slot left: all ${need.slots} were taken by other volunteers (your claim lost the race)`,
    `需求 ${need.id} 的 ${need.slots} 个名额已被他人认领（认领未成功）`
  )

/**
 * The `Conflict` of a volunteer already at their maximum of concurrent needs.
 *
 * @category constructors
 * @since 0.3.0
 */
export const atCapacity = (v: Volunteer): Conflict =>
  conflict(
    "volunteer_at_capacity",
    `volunteer ${v.personId} already has ${v.load} of at most ${v.maxConcurrent} needs in hand`,
    `志愿者 ${v.personId} 手头已有 ${v.load} 个需求，达到上限 ${v.maxConcurrent}`
  )

const ok = (events: ReadonlyArray<NeedEvent>): Result.Result<ReadonlyArray<NeedEvent>, NeedDecideError> => Result.succeed(events)
const fail = (e: NeedDecideError): Result.Result<ReadonlyArray<NeedEvent>, NeedDecideError> => Result.fail(e)

const allowed = (from: NeedState | "start", command: NeedCommandTag): boolean =>
  needTransitions.some((t) => t.from === from && t.command === command)

/**
 * Decides a command on a need (`undefined` before `Post`).
 *
 * @category rules
 * @since 0.3.0
 */
export const decideNeed = (need: Need | undefined, command: NeedDecideCommand, ctx: NeedContext): Result.Result<ReadonlyArray<NeedEvent>, NeedDecideError> => {
  const from = need?.state ?? "start"
  if (!allowed(from, command._tag)) return fail(invalidTransition(ENTITY, from, command._tag))
  const base = { at: ctx.at, actor: ctx.actor }
  if (command._tag === "Post") {
    const place = ctx.place
    if (place === undefined) return fail(invalidField("nodeId", "a new need needs a place", "新需求必须指定位置"))
    if (command.dueAt <= ctx.at) return fail(invalidField("dueAt", "must be in the future", "截止时间必须晚于当前时间"))
    const initial: Need = {
      id: place.id,
      countyId: place.countyId,
      nodeId: place.nodeId,
      scope: place.scope,
      kind: command.kind,
      category: command.category,
      title: command.title,
      description: command.description ?? "",
      requiredSkills: [...new Set(command.requiredSkills ?? [])],
      requester: place.requester,
      urgency: command.urgency ?? "normal",
      dueAt: command.dueAt,
      slots: command.slots ?? 1,
      reward: command.reward ?? null,
      state: "open",
      status: "open",
      assignees: [],
      visits: [],
      helpers: [],
      doneAt: null,
      confirmation: null,
      paid: [],
      reason: null,
      postedAt: ctx.at,
      respondedAt: null,
      closedAt: null,
      version: 0,
      updatedAt: ctx.at
    }
    return ok([{ ...base, type: "posted", initial }])
  }
  const n = need!
  const has = (id: PersonRef) => n.assignees.some((a) => a.personId === id)
  const take = (ids: ReadonlyArray<PersonRef>): Result.Result<void, NeedDecideError> => {
    if (n.assignees.length + ids.length > n.slots) return Result.fail(slotsFull(n))
    for (const id of ids) {
      if (has(id) || ids.indexOf(id) !== ids.lastIndexOf(id)) {
        return Result.fail(conflict("already_on_need", `volunteer ${id} is already on need ${n.id}`, `志愿者 ${id} 已在需求 ${n.id} 中`))
      }
      const v = ctx.volunteers.get(id)
      if (v === undefined || !v.active) return Result.fail(invalidField("personId", `${id} has no active volunteer profile`, `${id} 没有有效的志愿者档案`))
      if (v.load >= v.maxConcurrent) return Result.fail(atCapacity(v))
    }
    return Result.void
  }
  switch (command._tag) {
    case "Claim": {
      const who = command.personId ?? ctx.actor.id
      const r = take([who])
      return Result.isFailure(r) ? fail(r.failure) : ok([{ ...base, type: "claimed", personId: who }])
    }
    case "Assign": {
      const r = take(command.personIds)
      return Result.isFailure(r) ? fail(r.failure) : ok([{ ...base, type: "assigned", personIds: command.personIds, explanation: command.explanation ?? null }])
    }
    case "Release": {
      const who = command.personId ?? ctx.actor.id
      if (!has(who)) return fail(invalidField("personId", `${who} is not on need ${n.id}`, `${who} 不在需求 ${n.id} 中`))
      return ok([{ ...base, type: "released", personId: who, reason: command.reason }])
    }
    case "Reassign": {
      if (!has(command.from)) return fail(invalidField("from", `${command.from} is not on need ${n.id}`, `${command.from} 不在需求 ${n.id} 中`))
      const without = { ...n, assignees: n.assignees.filter((a) => a.personId !== command.from) }
      const v = ctx.volunteers.get(command.to)
      if (v === undefined || !v.active) return fail(invalidField("to", `${command.to} has no active volunteer profile`, `${command.to} 没有有效的志愿者档案`))
      if (without.assignees.some((a) => a.personId === command.to)) return fail(conflict("already_on_need", `volunteer ${command.to} is already on need ${n.id}`, `志愿者 ${command.to} 已在需求 ${n.id} 中`))
      if (v.load >= v.maxConcurrent) return fail(atCapacity(v))
      return ok([{ ...base, type: "reassigned", from: command.from, to: command.to, reason: command.reason }])
    }
    case "LogVisit":
      return ok([{ ...base, type: "visit_logged", visit: { personId: ctx.actor.id, at: ctx.at, note: command.note } }])
    case "ReportDone":
      return ok([{ ...base, type: "done_reported", note: command.note ?? "" }])
    case "Confirm": {
      let paid: Array<RewardPayment> = []
      if (n.reward !== null && n.paid.length === 0) {
        let i = 0
        for (const a of n.assignees) {
          const accountId = ctx.volunteers.get(a.personId)?.accountId ?? null
          if (accountId !== null) paid.push({ transferId: rewardTransferId(n.id, i++), personId: a.personId, accountId, points: n.reward.points })
        }
      } else paid = []
      return ok([{ ...base, type: "confirmed", confirmation: { by: ctx.actor, at: ctx.at, rating: command.rating, comment: command.comment ?? "" }, paid }])
    }
    case "Reopen":
      return ok([{ ...base, type: "reopened", reason: command.reason }])
    case "Close":
      return ok([{ ...base, type: "closed" }])
    case "Cancel":
      return ok([{ ...base, type: "cancelled", reason: command.reason }])
    case "Expire":
      if (ctx.actor.kind !== "system") return fail(invalidField("", "only the system expires needs", "只有系统可以将需求标记为过期"))
      if (!(n.dueAt < ctx.at)) return fail(invalidField("dueAt", `need ${n.id} is not past due (${n.dueAt})`, `需求 ${n.id} 尚未过期（${n.dueAt}）`))
      return ok([{ ...base, type: "expired" }])
  }
}

const withState = (n: Need, state: NeedState, at: Instant, extra: Partial<Need> = {}): Need => ({
  ...n,
  ...extra,
  state,
  status: needStatusOf(state),
  closedAt: needStatusOf(state) === "closed" ? (n.closedAt ?? at) : null,
  updatedAt: at
})

const addHelpers = (n: Need, ids: ReadonlyArray<PersonRef>): ReadonlyArray<PersonRef> => [...n.helpers, ...ids.filter((id) => !n.helpers.includes(id))]

/**
 * Applies one event to a need (the version is the caller's to count).
 *
 * @category rules
 * @since 0.3.0
 */
export const evolveNeed = (need: Need | undefined, e: NeedEvent): Need => {
  if (e.type === "posted") return e.initial
  const n = need!
  switch (e.type) {
    case "claimed":
    case "assigned": {
      const ids = e.type === "claimed" ? [e.personId] : e.personIds
      const assignees = [...n.assignees, ...ids.map((personId) => ({ personId, via: e.type === "claimed" ? "claim" as const : "dispatch" as const, at: e.at, explanation: e.type === "assigned" ? e.explanation : null }))]
      const state: NeedState = e.type === "assigned" ? "assigned" : n.state === "open" ? "claimed" : n.state
      return withState(n, state, e.at, { assignees, helpers: addHelpers(n, ids), respondedAt: n.respondedAt ?? e.at })
    }
    case "released": {
      const assignees = n.assignees.filter((a) => a.personId !== e.personId)
      return withState(n, assignees.length === 0 ? "open" : n.state, e.at, { assignees })
    }
    case "reassigned": {
      const assignees = [...n.assignees.filter((a) => a.personId !== e.from), { personId: e.to, via: "dispatch" as const, at: e.at, explanation: e.reason }]
      return withState(n, n.state === "visiting" ? "visiting" : "assigned", e.at, { assignees, helpers: addHelpers(n, [e.to]) })
    }
    case "visit_logged":
      return withState(n, "visiting", e.at, { visits: [...n.visits, e.visit] })
    case "done_reported":
      return withState(n, "done", e.at, { doneAt: e.at })
    case "confirmed":
      return withState(n, "confirmed", e.at, { confirmation: e.confirmation, paid: n.paid.length > 0 ? n.paid : e.paid })
    case "reopened":
      return withState(n, "open", e.at, { assignees: [], doneAt: null, confirmation: null, reason: e.reason })
    case "closed":
      return withState(n, "closed", e.at)
    case "cancelled":
      return withState(n, "cancelled", e.at, { reason: e.reason })
    case "expired":
      return withState(n, "expired", e.at)
  }
}

/**
 * The volunteers a need currently loads (those on it while it is being worked on).
 *
 * @category rules
 * @since 0.3.0
 */
export const loadedBy = (n: Need | undefined): ReadonlySet<PersonRef> =>
  new Set(n !== undefined && workingStates.includes(n.state) ? n.assignees.map((a) => a.personId) : [])

/**
 * How each volunteer's load changes from one version of a need to the next (+1, −1).
 *
 * @category rules
 * @since 0.3.0
 */
export const loadDeltas = (before: Need | undefined, after: Need): ReadonlyMap<PersonRef, number> => {
  const a = loadedBy(before)
  const b = loadedBy(after)
  const deltas = new Map<PersonRef, number>()
  for (const id of a) if (!b.has(id)) deltas.set(id, -1)
  for (const id of b) if (!a.has(id)) deltas.set(id, 1)
  return deltas
}
