/**
 * The life of a need as a decider ({@link needDecider}): {@link decideNeed} turns a command
 * into events (or refuses it), {@link evolveNeed} applies an event, and
 * {@link needTransitions} is the state machine as data — the docs draw it and the tests
 * enumerate it.
 *
 * Both functions are pure: the time, the actor, the new need's place, its redacted public
 * title, the reward as resolved, the volunteers' profiles and the payout come in through the
 * {@link NeedContext}. Separation of duties is decided here: a requester never works on
 * their own need, the awarder of its reward neither, and whoever did the work does not
 * confirm it.
 *
 * @since 0.3.0
 */
import { Result, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import {
  conflict,
  type Conflict,
  forbidden,
  type Forbidden,
  invalidField,
  type InvalidInput,
  invalidTransition,
  type InvalidTransition,
  type StorageError
} from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import type { TransferId } from "../points/model.js"
import {
  Confirmation,
  Need,
  type NeedCommand,
  type NeedCommandTag,
  type NeedId,
  type NeedState,
  type NeedStatus,
  PersonRef,
  type PostNeed,
  Reward,
  RewardPayment,
  Visit,
  type Volunteer
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
  "Post", "Claim", "Assign", "Release", "Reassign", "LogVisit", "ReportDone", "Confirm", "Reopen", "Close", "Cancel", "Expire", "AttachReward"
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
  ...(["open", "claimed", "assigned"] as const).map((from): NeedTransition => ({ from, command: "Expire", to: "expired" })),
  ...(["open", ...workingStates, "done"] as const).map((from): NeedTransition => ({ from, command: "AttachReward", to: from }))
]

/**
 * The coarse status of a state.
 *
 * @category rules
 * @since 0.3.0
 */
export const needStatusOf = (state: NeedState): NeedStatus =>
  state === "confirmed" || state === "closed" || state === "cancelled" || state === "expired" ? "closed" : "open"

const eventBase = { at: Instant, actor: ActorRef }

/**
 * What happened to a need: a union discriminated by `type`. The feed keeps ids, states and
 * figures of each (see `needLogPayload`), never names or notes.
 *
 * @category models
 * @since 0.4.0
 */
export const NeedEvent = Schema.Union([
  Schema.Struct({ ...eventBase, type: Schema.Literal("posted"), initial: Need }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("claimed"), personId: PersonRef }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("assigned"), personIds: Schema.Array(PersonRef), explanation: Schema.NullOr(Schema.String) }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("released"), personId: PersonRef, reason: Schema.String }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("reassigned"), from: PersonRef, to: PersonRef, reason: Schema.String }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("visit_logged"), visit: Visit }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("done_reported"), note: Schema.String }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("confirmed"), confirmation: Confirmation, paid: Schema.Array(RewardPayment) }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("reopened"), reason: Schema.String }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("closed") }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("cancelled"), reason: Schema.String }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("expired") }),
  Schema.Struct({ ...eventBase, type: Schema.Literal("reward_attached"), reward: Reward })
])
/** @category models @since 0.3.0 */
export type NeedEvent = typeof NeedEvent.Type

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
  /** For `Post`: the new need's id, place, requester, due time and reward as resolved, and its redacted public title. */
  readonly place?: {
    readonly id: NeedId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly requester: { readonly id: PersonRef; readonly name: string }
    readonly dueAt: Instant
    readonly publicTitle: string
    readonly reward: Reward | null
  } | undefined
  /** For `Confirm`: what the reward pays each volunteer now (empty: nothing, or already paid). */
  readonly payout?: ReadonlyArray<RewardPayment> | undefined
  /** For `AttachReward`: the reward under the rule, with the actor as its awarder. */
  readonly reward?: Reward | undefined
}

/**
 * The errors {@link decideNeed} may return.
 *
 * @category errors
 * @since 0.3.0
 */
export type NeedDecideError = InvalidTransition | InvalidInput | Conflict | Forbidden

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
 * The id of the hold of a requester's reward on their account, and of the transfer that
 * voids it when the reward is paid out or released.
 *
 * @category rules
 * @since 0.4.0
 */
export const rewardHoldId = (needId: NeedId): TransferId => `${needId}.reward` as TransferId

/**
 * The id of the transfer that voids a reward hold.
 *
 * @category rules
 * @since 0.4.0
 */
export const rewardVoidId = (needId: NeedId): TransferId => `${needId}.reward.void` as TransferId

/**
 * The `Conflict` of a requester (or the reward's awarder) put on their own need.
 *
 * @category constructors
 * @since 0.4.0
 */
export const cannotWorkOwnNeed = (need: Need, personId: PersonRef, why: "requester" | "awarder"): Conflict =>
  why === "requester"
    ? conflict("requester_cannot_work", `${personId} asked for need ${need.id}: a requester does not work on their own need`, `${personId} 是需求 ${need.id} 的提出人，不能认领或承接自己的需求`)
    : conflict("awarder_cannot_work", `${personId} attached the reward of need ${need.id}: its awarder does not work on it`, `${personId} 为需求 ${need.id} 设置了奖励，不能承接该需求`)

/** Who did the work on a need: its volunteers now and everyone who logged a visit. */
const workers = (n: Need): ReadonlySet<PersonRef> => new Set([...n.assignees.map((a) => a.personId), ...n.visits.map((v) => v.personId)])

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
  // A confirmation retried by the same person with the same rating and comment changes nothing.
  if (
    command._tag === "Confirm" && need !== undefined && need.confirmation !== null && (from === "confirmed" || from === "closed") &&
    need.confirmation.by.id === ctx.actor.id && need.confirmation.rating === command.rating && need.confirmation.comment === (command.comment ?? "")
  ) return ok([])
  if (!allowed(from, command._tag)) return fail(invalidTransition(ENTITY, from, command._tag))
  const base = { at: ctx.at, actor: ctx.actor }
  if (command._tag === "Post") {
    const place = ctx.place
    if (place === undefined) return fail(invalidField("nodeId", "a new need needs a place", "新需求必须指定位置"))
    if (place.dueAt <= ctx.at) return fail(invalidField("dueAt", `must be in the future (it is ${place.dueAt})`, `截止时间必须晚于当前时间（现为 ${place.dueAt}）`))
    const initial: Need = {
      id: place.id,
      countyId: place.countyId,
      nodeId: place.nodeId,
      scope: place.scope,
      kind: command.kind,
      category: command.category,
      title: command.title,
      publicTitle: place.publicTitle,
      description: command.description ?? "",
      requiredSkills: [...new Set(command.requiredSkills ?? [])],
      requester: place.requester,
      urgency: command.urgency ?? "normal",
      dueAt: place.dueAt,
      slots: command.slots ?? 1,
      reward: place.reward,
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
  const mayWork = (id: PersonRef): Result.Result<void, NeedDecideError> =>
    id === n.requester.id
      ? Result.fail(cannotWorkOwnNeed(n, id, "requester"))
      : n.reward?._tag === "issuer" && n.reward.awardedBy === id
      ? Result.fail(cannotWorkOwnNeed(n, id, "awarder"))
      : Result.void
  const take = (ids: ReadonlyArray<PersonRef>): Result.Result<void, NeedDecideError> => {
    for (const id of ids) {
      const ok = mayWork(id)
      if (Result.isFailure(ok)) return ok
    }
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
      const who = command.personId ?? (ctx.actor.id as PersonRef)
      const r = take([who])
      return Result.isFailure(r) ? fail(r.failure) : ok([{ ...base, type: "claimed", personId: who }])
    }
    case "Assign": {
      const r = take(command.personIds)
      return Result.isFailure(r) ? fail(r.failure) : ok([{ ...base, type: "assigned", personIds: command.personIds, explanation: command.explanation ?? null }])
    }
    case "Release": {
      const who = command.personId ?? (ctx.actor.id as PersonRef)
      if (!has(who)) return fail(invalidField("personId", `${who} is not on need ${n.id}`, `${who} 不在需求 ${n.id} 中`))
      return ok([{ ...base, type: "released", personId: who, reason: command.reason }])
    }
    case "Reassign": {
      if (!has(command.from)) return fail(invalidField("from", `${command.from} is not on need ${n.id}`, `${command.from} 不在需求 ${n.id} 中`))
      const without = { ...n, assignees: n.assignees.filter((a) => a.personId !== command.from) }
      const may = mayWork(command.to)
      if (Result.isFailure(may)) return fail(may.failure)
      const v = ctx.volunteers.get(command.to)
      if (v === undefined || !v.active) return fail(invalidField("to", `${command.to} has no active volunteer profile`, `${command.to} 没有有效的志愿者档案`))
      if (without.assignees.some((a) => a.personId === command.to)) return fail(conflict("already_on_need", `volunteer ${command.to} is already on need ${n.id}`, `志愿者 ${command.to} 已在需求 ${n.id} 中`))
      if (v.load >= v.maxConcurrent) return fail(atCapacity(v))
      return ok([{ ...base, type: "reassigned", from: command.from, to: command.to, reason: command.reason }])
    }
    case "LogVisit":
      return ok([{ ...base, type: "visit_logged", visit: { personId: ctx.actor.id as PersonRef, at: ctx.at, note: command.note } }])
    case "ReportDone":
      return ok([{ ...base, type: "done_reported", note: command.note ?? "" }])
    case "Confirm": {
      if (workers(n).has(ctx.actor.id as PersonRef)) {
        return fail(forbidden("matching: Confirm (whoever did the work does not confirm it)", n.id, `需求 ${n.id}（承接人不能确认自己的工作）`))
      }
      const paid = n.reward !== null && n.paid.length === 0 ? [...(ctx.payout ?? [])] : []
      const held = n.reward?._tag === "requester" ? n.reward.held : Infinity
      if (paid.reduce((s, p) => s + p.points, 0) > held) return fail(conflict("reward_exceeds_hold", `the reward paid would exceed the ${held} points held for need ${n.id}`, `发放的奖励将超过需求 ${n.id} 冻结的 ${held} 分`))
      return ok([{ ...base, type: "confirmed", confirmation: { by: ctx.actor, at: ctx.at, rating: command.rating, comment: command.comment ?? "" }, paid }])
    }
    case "AttachReward": {
      if (n.reward?._tag === "requester") {
        return fail(conflict("reward_held", `need ${n.id} has a reward held on its requester's account`, `需求 ${n.id} 已有从提出人账户冻结的奖励`))
      }
      if (ctx.reward === undefined || ctx.reward._tag !== "issuer") return fail(invalidField("", "a reward under an earning rule is needed", "需要按积分规则设定的奖励"))
      const awarder = ctx.reward.awardedBy
      if (awarder === n.requester.id || workers(n).has(awarder)) {
        return fail(conflict("awarder_cannot_work", `${awarder} asked for or works on need ${n.id}: they cannot also award it`, `${awarder} 是需求 ${n.id} 的提出人或承接人，不能为其设置奖励`))
      }
      return ok([{ ...base, type: "reward_attached", reward: ctx.reward }])
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
    case "reward_attached":
      return { ...n, reward: e.reward, updatedAt: e.at }
  }
}

/**
 * The need lifecycle as a kernel decider.
 *
 * @category rules
 * @since 0.4.0
 */
export const needDecider: Decider<Need, NeedDecideCommand, NeedEvent, NeedContext, NeedDecideError | StorageError> = { decide: decideNeed, evolve: evolveNeed }

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
