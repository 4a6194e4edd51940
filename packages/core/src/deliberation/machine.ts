/**
 * The item lifecycle as a decider: `decideItem` turns a command into events or refuses it,
 * `evolveItem` applies an event. The transition table is data ({@link itemTransitions}):
 * the decider refuses every (state, command) pair it does not list with
 * `InvalidTransition`, and `docs/deliberation-states.md` is drawn from it.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import { invalidField, type InvalidInput, InvalidTransition } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import {
  type DeliberationConfig,
  type Item,
  type ItemCommand,
  type ItemId,
  type ItemState,
  ItemStateLabels,
  type ItemStatus,
  type Milestone,
  type RaiseItem,
  type ResponsibleUnit,
  type Session,
  type VoteResult
} from "./model.js"

/**
 * Every command tag of the lifecycle: `Raise` (creates the item), the {@link ItemCommand}s,
 * and `Rate` (run by `Deliberation.rate`).
 *
 * @category models
 * @since 0.3.0
 */
export type ItemCommandTag = "Raise" | ItemCommand["_tag"] | "Rate"

/**
 * Every command tag, `Raise` first.
 *
 * @category models
 * @since 0.3.0
 */
export const itemCommandTags: ReadonlyArray<ItemCommandTag> = [
  "Raise", "Answer", "Accept", "Vote", "RecordMilestone", "Resolve", "ReportBack", "Rate", "Close", "Merge", "Decline", "Reopen"
]

/**
 * One arrow of the item lifecycle: `command` moves an item in `from` to `to`; `start` is
 * the state before the item exists.
 *
 * @category models
 * @since 0.3.0
 */
export interface ItemTransition {
  readonly from: ItemState | "start"
  readonly command: ItemCommandTag
  readonly to: ItemState
}

/**
 * The states in which an item is still open.
 *
 * @category models
 * @since 0.3.0
 */
export const openItemStates: ReadonlyArray<ItemState> = ["raised", "accepted", "in_progress", "resolved", "reported", "rated"]

/**
 * The lifecycle, as data. Any pair not listed fails with `InvalidTransition`; a listed pair
 * may still fail with `InvalidInput` when the command's content does not fit (an unknown
 * unit, a vote over the number present, reopening a well-rated item…).
 *
 * @category rules
 * @since 0.3.0
 */
export const itemTransitions: ReadonlyArray<ItemTransition> = [
  { from: "start", command: "Raise", to: "raised" },
  { from: "raised", command: "Answer", to: "answered" },
  { from: "raised", command: "Accept", to: "accepted" },
  { from: "raised", command: "Vote", to: "raised" },
  { from: "accepted", command: "Vote", to: "accepted" },
  { from: "accepted", command: "RecordMilestone", to: "in_progress" },
  { from: "in_progress", command: "RecordMilestone", to: "in_progress" },
  { from: "accepted", command: "Resolve", to: "resolved" },
  { from: "in_progress", command: "Resolve", to: "resolved" },
  { from: "resolved", command: "ReportBack", to: "reported" },
  { from: "reported", command: "Rate", to: "rated" },
  { from: "rated", command: "Rate", to: "rated" },
  { from: "reported", command: "Close", to: "closed" },
  { from: "rated", command: "Close", to: "closed" },
  { from: "raised", command: "Merge", to: "merged" },
  { from: "accepted", command: "Merge", to: "merged" },
  { from: "in_progress", command: "Merge", to: "merged" },
  { from: "raised", command: "Decline", to: "declined" },
  { from: "accepted", command: "Decline", to: "declined" },
  { from: "rated", command: "Reopen", to: "in_progress" },
  { from: "closed", command: "Reopen", to: "in_progress" }
]

/**
 * The coarse status of a state.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemStatusOf = (state: ItemState): ItemStatus => (openItemStates.includes(state) ? "open" : "closed")

/**
 * Where the table leads `command` from `from`, if it allows it.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemTarget = (from: ItemState | "start", command: ItemCommandTag): ItemState | undefined =>
  itemTransitions.find((t) => t.from === from && t.command === command)?.to

const commandLabels: Readonly<Record<ItemCommandTag, { readonly en: string; readonly zh: string }>> = {
  Raise: { en: "raise", zh: "提出" },
  Answer: { en: "answer on the spot", zh: "现场答复" },
  Accept: { en: "accept for follow-up", zh: "认领" },
  Vote: { en: "put to a vote", zh: "表决" },
  RecordMilestone: { en: "record progress of", zh: "记录进度" },
  Resolve: { en: "resolve", zh: "办结" },
  ReportBack: { en: "report back", zh: "通报" },
  Rate: { en: "rate", zh: "评价" },
  Close: { en: "close", zh: "销号" },
  Merge: { en: "merge", zh: "合并" },
  Decline: { en: "decline", zh: "不予采纳" },
  Reopen: { en: "reopen", zh: "重新办理" }
}

/**
 * The `InvalidTransition` for a command the table does not allow in a state.
 *
 * @category constructors
 * @since 0.3.0
 */
export const refuseItem = (from: ItemState | "start", command: ItemCommandTag): InvalidTransition => {
  const label = commandLabels[command]
  const state = from === "start" ? { en: "not raised yet", zh: "尚未提出" } : ItemStateLabels[from]
  return new InvalidTransition({
    entity: "deliberation item",
    from,
    command,
    message: `cannot ${label.en} a deliberation item that is ${state.en}`,
    messageZh: `议事事项处于「${state.zh}」状态，不能执行「${label.zh}」`
  })
}

/**
 * What happened to an item.
 *
 * @category models
 * @since 0.3.0
 */
export type ItemEvent = { readonly at: Instant; readonly actor: ActorRef } & (
  | { readonly type: "raised"; readonly initial: Item }
  | { readonly type: "answered"; readonly answer: string }
  | { readonly type: "accepted"; readonly unit: ResponsibleUnit; readonly promisedAt: Instant }
  | { readonly type: "voted"; readonly vote: VoteResult }
  | { readonly type: "milestone_recorded"; readonly milestone: Milestone }
  | { readonly type: "resolved"; readonly resolution: string }
  | { readonly type: "reported_back"; readonly sessionId: Session["id"]; readonly note: string }
  | { readonly type: "rated"; readonly score: number }
  | { readonly type: "closed" }
  | { readonly type: "merged"; readonly into: ItemId }
  | { readonly type: "declined"; readonly reason: string }
  | { readonly type: "reopened"; readonly reason: string }
)

const stateAfter: Readonly<Record<ItemEvent["type"], ItemState | undefined>> = {
  raised: "raised",
  answered: "answered",
  accepted: "accepted",
  voted: undefined,
  milestone_recorded: "in_progress",
  resolved: "resolved",
  reported_back: "reported",
  rated: "rated",
  closed: "closed",
  merged: "merged",
  declined: "declined",
  reopened: "in_progress"
}

/**
 * A command as {@link decideItem} takes it.
 *
 * @category models
 * @since 0.3.0
 */
export type ItemDecideCommand =
  | ItemCommand
  | ({ readonly _tag: "Raise" } & RaiseItem)
  | { readonly _tag: "Rate"; readonly score: number }

/**
 * What the decider needs besides the item and the command.
 *
 * @category models
 * @since 0.3.0
 */
export interface ItemDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: DeliberationConfig
  /** For `Raise`: the new id and the place. */
  readonly place?: {
    readonly id: ItemId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly placeName: string
  } | undefined
  /** For `ReportBack` and `Vote`: the session named, when found in the county. */
  readonly session?: Session | undefined
  /** For `Merge`: whether the target was found in the county. */
  readonly mergeTarget?: boolean | undefined
}

/**
 * Every error the decider can answer.
 *
 * @category errors
 * @since 0.3.0
 */
export type ItemDecideError = InvalidTransition | InvalidInput

const bad = (path: string, en: string, zh: string) => Result.fail(invalidField(path, en, zh))

/**
 * Decides what a command does to an item (`undefined` before it is raised).
 *
 * @category rules
 * @since 0.3.0
 */
export const decideItem = (
  state: Item | undefined,
  command: ItemDecideCommand,
  context: ItemDecideContext
): Result.Result<ReadonlyArray<ItemEvent>, ItemDecideError> => {
  const from = state === undefined ? "start" : state.state
  if (itemTarget(from, command._tag) === undefined) return Result.fail(refuseItem(from, command._tag))
  const { actor, at, config } = context
  const base = { at, actor }
  const one = (event: ItemEvent) => Result.succeed([event])
  switch (command._tag) {
    case "Raise": {
      const place = context.place
      if (place === undefined) return bad("nodeId", "the place of the item is unknown", "未知事项所在地")
      if (!config.categories.some((c) => c.key === command.category)) {
        const keys = config.categories.map((c) => c.key).join(", ")
        return bad("category", `must be one of this county's categories: ${keys}`, `必须是本区县的议事类别之一：${keys}`)
      }
      const initial: Item = {
        id: place.id,
        countyId: place.countyId,
        nodeId: place.nodeId,
        scope: place.scope,
        placeName: place.placeName,
        kind: command.kind,
        sessionId: command.sessionId ?? null,
        parentId: command.parentId ?? null,
        weight: command.weight ?? 1,
        children: 0,
        raisedBy: command.raisedBy,
        category: command.category,
        title: command.title,
        text: command.text,
        state: "raised",
        status: "open",
        answer: null,
        unit: null,
        promisedAt: null,
        milestones: [],
        progress: 0,
        resolution: null,
        reportedBack: null,
        vote: null,
        duplicateOf: null,
        declineReason: null,
        ratingCount: 0,
        ratingSum: 0,
        ratingHigh: 0,
        raisedByActor: actor,
        raisedAt: at,
        acceptedAt: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: 0,
        version: 0,
        updatedAt: at
      }
      return one({ ...base, type: "raised", initial })
    }
    case "Answer":
      return one({ ...base, type: "answered", answer: command.answer })
    case "Accept": {
      const unit = config.units.find((u) => u.code === command.unit)
      if (unit === undefined) {
        const codes = config.units.map((u) => u.code).join(", ")
        return bad("unit", `must be one of this county's responsible units: ${codes || "(none configured)"}`, `必须是本区县登记的责任单位之一：${codes || "（未登记）"}`)
      }
      if (command.promisedAt <= at) return bad("promisedAt", "must be in the future", "必须晚于当前时间")
      return one({ ...base, type: "accepted", unit, promisedAt: command.promisedAt })
    }
    case "Vote": {
      if (context.session === undefined) return bad("sessionId", "no such session in this county", "本区县无此议事会议")
      if (command.present > command.members) return bad("present", "cannot exceed the members", "出席人数不能超过应到人数")
      if (command.inFavour + command.against + command.abstained > command.present) {
        return bad("inFavour", "the votes cannot exceed those present", "票数不能超过出席人数")
      }
      const quorumMet = command.present >= Math.ceil(command.members * config.quorum - 1e-9)
      const passed = quorumMet && command.inFavour > command.present * config.majority
      const { sessionId, members, present, inFavour, against, abstained } = command
      return one({ ...base, type: "voted", vote: { sessionId, members, present, inFavour, against, abstained, quorumMet, passed, at } })
    }
    case "RecordMilestone":
      return one({ ...base, type: "milestone_recorded", milestone: { note: command.note, progress: command.progress, at } })
    case "Resolve":
      return one({ ...base, type: "resolved", resolution: command.resolution })
    case "ReportBack": {
      const session = context.session
      if (session === undefined) return bad("sessionId", "no such session in this county", "本区县无此议事会议")
      if (session.id === state!.sessionId || session.heldAt <= state!.raisedAt) {
        return bad("sessionId", "must be a session held after the item was raised", "须在事项提出之后召开的会议上通报")
      }
      return one({ ...base, type: "reported_back", sessionId: session.id, note: command.note })
    }
    case "Rate":
      if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) return bad("score", "must be from 1 to 5", "必须在 1 到 5 之间")
      return one({ ...base, type: "rated", score: command.score })
    case "Close":
      return one({ ...base, type: "closed" })
    case "Merge":
      if (command.into === state!.id) return bad("into", "cannot merge an item into itself", "不能与自身合并")
      if (context.mergeTarget !== true) return bad("into", "no such item in this county", "本区县无此事项")
      return one({ ...base, type: "merged", into: command.into })
    case "Decline":
      return one({ ...base, type: "declined", reason: command.reason })
    case "Reopen": {
      const c = state!
      const average = c.ratingCount === 0 ? null : c.ratingSum / c.ratingCount
      if (average === null || average >= config.poorRatingBelow) {
        return bad("", `only an item rated below ${config.poorRatingBelow} on average can be reopened`, `只有平均评分低于 ${config.poorRatingBelow} 的事项可以重新办理`)
      }
      return one({ ...base, type: "reopened", reason: command.reason })
    }
  }
}

/**
 * Applies an event to an item (`undefined` before it is raised). The version is not
 * touched: the service counts it, one per event.
 *
 * @category rules
 * @since 0.3.0
 */
export const evolveItem = (state: Item | undefined, event: ItemEvent): Item => {
  if (event.type === "raised") return { ...event.initial, updatedAt: event.at }
  const c = state!
  const next = stateAfter[event.type] ?? c.state
  const common: Item = { ...c, state: next, status: itemStatusOf(next), updatedAt: event.at }
  const own = (progress: number) => (c.children > 0 ? c.progress : progress)
  switch (event.type) {
    case "answered":
      return { ...common, answer: event.answer, progress: own(100), closedAt: event.at }
    case "accepted":
      return { ...common, unit: event.unit, promisedAt: event.promisedAt, acceptedAt: c.acceptedAt ?? event.at }
    case "voted":
      return { ...common, vote: event.vote }
    case "milestone_recorded":
      return { ...common, milestones: [...c.milestones, event.milestone], progress: own(event.milestone.progress) }
    case "resolved":
      return { ...common, resolution: event.resolution, progress: own(100), resolvedAt: event.at }
    case "reported_back":
      return { ...common, reportedBack: { sessionId: event.sessionId, note: event.note, at: event.at } }
    case "rated":
      return { ...common, ratingCount: c.ratingCount + 1, ratingSum: c.ratingSum + event.score, ratingHigh: c.ratingHigh + (event.score >= 4 ? 1 : 0) }
    case "closed":
      return { ...common, closedAt: event.at }
    case "merged":
      return { ...common, duplicateOf: event.into, closedAt: event.at }
    case "declined":
      return { ...common, declineReason: event.reason, closedAt: event.at }
    case "reopened":
      return {
        ...common,
        resolvedAt: null,
        resolution: null,
        reportedBack: null,
        closedAt: null,
        ratingCount: 0,
        ratingSum: 0,
        ratingHigh: 0,
        progress: own(c.milestones.length === 0 ? 0 : Math.min(99, c.milestones[c.milestones.length - 1]!.progress)),
        reopenCount: c.reopenCount + 1
      }
  }
}
