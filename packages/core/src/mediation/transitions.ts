/**
 * The mediation case's state machine as data: {@link mediationTransitions} (the docs draw
 * it and the tests enumerate it), the open and reopenable states, the state each event
 * leads to, and the bilingual refusal of a command the table does not allow.
 *
 * @since 0.4.0
 */
import type { InvalidTransition } from "../kernel/errors.js"
import { type Labels, openStatusOf, refusedCommand } from "../kernel/vocabulary.js"
import { type CaseEvent, type CaseState, CaseStateLabels, type CaseStatus, type CommandTag, type RunningDeadline } from "./model.js"

// ---------------------------------------------------------------------------
// The table

/**
 * One arrow of the state machine: `command` moves a case in state `from` to state `to`.
 * `start` is the state before the case exists.
 *
 * @category models
 * @since 0.2.0
 */
export interface Transition {
  readonly from: CaseState | "start"
  readonly command: CommandTag
  readonly to: CaseState
}

/**
 * The states in which the dispute is still open; withdrawal is possible from each.
 *
 * @category models
 * @since 0.2.0
 */
export const openStates: ReadonlyArray<CaseState> = ["reported", "accepted", "hearing", "deliberation", "agreed", "no_agreement", "escalated"]

/**
 * The states a resolved case with a broken agreement may be reopened from.
 *
 * @category models
 * @since 0.2.0
 */
export const reopenableStates: ReadonlyArray<CaseState> = ["resolved", "disclosed", "rated", "closed"]

/**
 * Every command tag, `Report` first.
 *
 * @category models
 * @since 0.2.0
 */
export const commandTags: ReadonlyArray<CommandTag> = [
  "Report", "Accept", "Decline", "RecordStatement", "RecordRound", "RecordAgreement", "RecordNoAgreement",
  "Escalate", "Resolve", "Disclose", "Rate", "Close", "Withdraw", "Reopen"
]

/**
 * The state machine as data. Any (state, command) pair not listed fails with
 * `InvalidTransition`; a listed pair may still fail with `InvalidInput` when the command's
 * content breaks a rule (a round out of order, a party that does not exist, …).
 *
 * @category models
 * @since 0.2.0
 */
export const mediationTransitions: ReadonlyArray<Transition> = [
  { from: "start", command: "Report", to: "reported" },
  { from: "reported", command: "Accept", to: "accepted" },
  { from: "reported", command: "Decline", to: "declined" },
  { from: "accepted", command: "RecordStatement", to: "hearing" },
  { from: "hearing", command: "RecordStatement", to: "hearing" },
  { from: "hearing", command: "RecordRound", to: "deliberation" },
  { from: "deliberation", command: "RecordRound", to: "deliberation" },
  { from: "deliberation", command: "RecordAgreement", to: "agreed" },
  { from: "deliberation", command: "RecordNoAgreement", to: "no_agreement" },
  // 督办: a missed deadline or a failed mediation goes to the street, the street to a department.
  ...(["reported", "accepted", "hearing", "deliberation", "no_agreement", "escalated"] as const).map((from): Transition => ({ from, command: "Escalate", to: "escalated" })),
  { from: "agreed", command: "Resolve", to: "resolved" },
  { from: "escalated", command: "Resolve", to: "resolved" },
  { from: "resolved", command: "Disclose", to: "disclosed" },
  { from: "disclosed", command: "Rate", to: "rated" },
  { from: "disclosed", command: "Close", to: "closed" },
  { from: "rated", command: "Close", to: "closed" },
  ...openStates.map((from): Transition => ({ from, command: "Withdraw", to: "withdrawn" })),
  ...reopenableStates.map((from): Transition => ({ from, command: "Reopen", to: "accepted" }))
]

/**
 * The coarse status of a state.
 *
 * @category rules
 * @since 0.2.0
 */
export const statusOf: (state: CaseState) => CaseStatus = openStatusOf(openStates)

// ---------------------------------------------------------------------------
// Events

/**
 * The deadline a case runs against after an event (`null`: none).
 *
 * @category models
 * @since 0.2.0
 */
export type Deadline = RunningDeadline | null

/**
 * The state each event leads to.
 *
 * @category models
 * @since 0.2.0
 */
export const stateAfter: Readonly<Record<CaseEvent["type"], CaseState>> = {
  reported: "reported",
  accepted: "accepted",
  declined: "declined",
  statement_recorded: "hearing",
  round_recorded: "deliberation",
  agreement_recorded: "agreed",
  no_agreement_recorded: "no_agreement",
  escalated: "escalated",
  resolved: "resolved",
  disclosed: "disclosed",
  rated: "rated",
  closed: "closed",
  withdrawn: "withdrawn",
  reopened: "accepted"
}

const commandLabels: Labels<CommandTag> = {
  Report: { en: "report", zh: "上报" },
  Accept: { en: "accept", zh: "受理" },
  Decline: { en: "decline", zh: "不予受理" },
  RecordStatement: { en: "record a statement of", zh: "记录陈述" },
  RecordRound: { en: "record a deliberation round of", zh: "记录议事" },
  RecordAgreement: { en: "record an agreement of", zh: "记录调解协议" },
  RecordNoAgreement: { en: "record a failed mediation of", zh: "记录调解未成" },
  Escalate: { en: "escalate", zh: "上报督办" },
  Resolve: { en: "resolve", zh: "办结" },
  Disclose: { en: "disclose", zh: "公开" },
  Rate: { en: "rate", zh: "评价" },
  Close: { en: "close", zh: "结案" },
  Withdraw: { en: "withdraw", zh: "撤回" },
  Reopen: { en: "reopen", zh: "重新启动" }
}

/**
 * The `InvalidTransition` for a command the table does not allow in a state.
 *
 * @category constructors
 * @since 0.2.0
 */
export const refuse = (from: CaseState | "start", command: CommandTag): InvalidTransition =>
  refusedCommand({ en: "mediation case", zh: "调解案件" }, from, command, from === "start" ? { en: "not reported yet", zh: "尚未上报" } : CaseStateLabels[from], commandLabels[command])

/**
 * Whether the table allows `command` in `from`, and where it leads.
 *
 * @category rules
 * @since 0.2.0
 */
export const target = (from: CaseState | "start", command: CommandTag): CaseState | undefined =>
  mediationTransitions.find((t) => t.from === from && t.command === command)?.to
