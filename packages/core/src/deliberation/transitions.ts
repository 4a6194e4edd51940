/**
 * The deliberation item's state machine as data: the command tags, {@link itemTransitions}
 * (the decider refuses every (state, command) pair it does not list, and
 * `docs/deliberation-states.md` is drawn from it), the open states, and the bilingual
 * refusal of a command the table does not allow.
 *
 * @since 0.4.0
 */
import type { InvalidTransition } from "../kernel/errors.js"
import { type Labels, openStatusOf, refusedCommand } from "../kernel/vocabulary.js"
import { type ItemCommand, type ItemState, ItemStateLabels, type ItemStatus } from "./model.js"

/**
 * Every command tag of the lifecycle: `Raise` (creates the item), the {@link ItemCommand}s,
 * `Rate` (run by `Deliberation.rate`) and `ReopenNotSolved` (run by
 * `Deliberation.reopenNotSolved`: the follow-up questionnaire's "not solved").
 *
 * @category models
 * @since 0.3.0
 */
export type ItemCommandTag = "Raise" | ItemCommand["_tag"] | "Rate" | "ReopenNotSolved"

/**
 * Every command tag, `Raise` first.
 *
 * @category models
 * @since 0.3.0
 */
export const itemCommandTags: ReadonlyArray<ItemCommandTag> = [
  "Raise", "Answer", "Accept", "Vote", "RecordMilestone", "Resolve", "ReportBack", "Rate", "Close", "Merge", "Decline", "Reopen", "ReopenNotSolved"
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
 * unit, a vote over the number present, reopening a well-rated item…). `ReopenNotSolved`
 * reopens from every state after reporting back, whatever the rating.
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
  { from: "closed", command: "Reopen", to: "in_progress" },
  { from: "reported", command: "ReopenNotSolved", to: "in_progress" },
  { from: "rated", command: "ReopenNotSolved", to: "in_progress" },
  { from: "closed", command: "ReopenNotSolved", to: "in_progress" }
]

/**
 * The coarse status of a state.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemStatusOf: (state: ItemState) => ItemStatus = openStatusOf(openItemStates)

/**
 * Where the table leads `command` from `from`, if it allows it.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemTarget = (from: ItemState | "start", command: ItemCommandTag): ItemState | undefined =>
  itemTransitions.find((t) => t.from === from && t.command === command)?.to

const commandLabels: Labels<ItemCommandTag> = {
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
  Reopen: { en: "reopen", zh: "重新办理" },
  ReopenNotSolved: { en: "reopen as not solved (follow-up)", zh: "按回访未解决重新办理" }
}

/**
 * The `InvalidTransition` for a command the table does not allow in a state.
 *
 * @category constructors
 * @since 0.3.0
 */
export const refuseItem = (from: ItemState | "start", command: ItemCommandTag): InvalidTransition =>
  refusedCommand({ en: "deliberation item", zh: "议事事项" }, from, command, from === "start" ? { en: "not raised yet", zh: "尚未提出" } : ItemStateLabels[from], commandLabels[command])
