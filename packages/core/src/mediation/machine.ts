/**
 * The life of a mediation case as a decider: {@link decideCase} turns a command into events
 * (or refuses it), {@link evolveCase} applies an event to the case, and {@link transitions}
 * is the state machine as data — the docs draw it and the tests enumerate it.
 *
 * Both functions are pure: the time, the actor, the new case's id and the county's
 * configuration come in through the {@link DecideContext}.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import { invalidField, InvalidTransition, type InvalidInput } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import {
  type Agreement,
  type CaseCommand,
  type CaseId,
  type CaseState,
  CaseStateLabels,
  type CaseStatus,
  type CommandTag,
  type DeadlineKind,
  type Escalation,
  type HandlingLevel,
  type MediationCase,
  type MediationConfig,
  type Rating,
  type ReportCase,
  type Round,
  RoundKey,
  type Staff,
  type PartyStatement
} from "./model.js"

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
export const transitions: ReadonlyArray<Transition> = [
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
export const statusOf = (state: CaseState): CaseStatus => (openStates.includes(state) ? "open" : "closed")

// ---------------------------------------------------------------------------
// Events

/**
 * What every case event carries: when it happened and who did it.
 *
 * @category models
 * @since 0.2.0
 */
export interface CaseEventBase {
  readonly at: Instant
  readonly actor: ActorRef
}

/**
 * What happened to a case. The log receives each one without its personal fields (see
 * `logPayload` in `rules.ts`).
 *
 * @category models
 * @since 0.2.0
 */
export type CaseEvent =
  | CaseEventBase & { readonly type: "reported"; readonly initial: MediationCase }
  | CaseEventBase & { readonly type: "accepted"; readonly mediators: ReadonlyArray<Staff>; readonly deadline: Deadline }
  | CaseEventBase & { readonly type: "declined"; readonly reason: string; readonly referredTo: string | null }
  | CaseEventBase & { readonly type: "statement_recorded"; readonly statement: PartyStatement; readonly deadline: Deadline }
  | CaseEventBase & { readonly type: "round_recorded"; readonly round: Round }
  | CaseEventBase & { readonly type: "agreement_recorded"; readonly agreement: Agreement }
  | CaseEventBase & { readonly type: "no_agreement_recorded"; readonly reason: string; readonly deadline: Deadline }
  | CaseEventBase & {
    readonly type: "escalated"
    readonly escalation: Escalation
    readonly streetId: GridNodeId | null
    readonly department: { readonly code: string; readonly name: string } | null
  }
  | CaseEventBase & { readonly type: "resolved"; readonly outcome: string }
  | CaseEventBase & { readonly type: "disclosed" }
  | CaseEventBase & { readonly type: "rated"; readonly ratings: ReadonlyArray<{ readonly party: number; readonly rating: Rating }> }
  | CaseEventBase & { readonly type: "closed" }
  | CaseEventBase & { readonly type: "withdrawn"; readonly reason: string }
  | CaseEventBase & { readonly type: "reopened"; readonly reason: string; readonly deadline: Deadline }

/**
 * The deadline a case runs against after an event (`null`: none).
 *
 * @category models
 * @since 0.2.0
 */
export type Deadline = { readonly kind: DeadlineKind; readonly dueAt: Instant } | null

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

// ---------------------------------------------------------------------------
// Context

/**
 * What {@link decideCase} needs besides the case and the command.
 *
 * @category models
 * @since 0.2.0
 */
export interface DecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: MediationConfig
  /** For `Report`: the new case's id and where the dispute happened. */
  readonly place?: {
    readonly id: CaseId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    /** The node's path, root first, the node itself last. */
    readonly scope: ReadonlyArray<GridNodeId>
    readonly placeName: string
  } | undefined
  /** The street above the case's node, for an escalation to the street. */
  readonly street?: { readonly id: GridNodeId; readonly name: string; readonly supervisor: Staff | null } | null | undefined
  /** Set by the supervision run: the deadline whose miss causes this escalation. */
  readonly missed?: { readonly kind: DeadlineKind; readonly dueAt: Instant } | undefined
}

/**
 * The errors {@link decideCase} may return.
 *
 * @category errors
 * @since 0.2.0
 */
export type DecideError = InvalidTransition | InvalidInput

const commandLabels: Readonly<Record<CommandTag, { readonly en: string; readonly zh: string }>> = {
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
export const refuse = (from: CaseState | "start", command: CommandTag): InvalidTransition => {
  const label = commandLabels[command]
  const state = from === "start" ? { en: "not reported yet", zh: "尚未上报" } : CaseStateLabels[from]
  return new InvalidTransition({
    entity: "mediation case",
    from,
    command,
    message: `cannot ${label.en} a mediation case that is ${state.en}`,
    messageZh: `调解案件处于「${state.zh}」状态，不能执行「${label.zh}」`
  })
}

/**
 * Whether the table allows `command` in `from`, and where it leads.
 *
 * @category rules
 * @since 0.2.0
 */
export const target = (from: CaseState | "start", command: CommandTag): CaseState | undefined =>
  transitions.find((t) => t.from === from && t.command === command)?.to

// ---------------------------------------------------------------------------
// decide

const addHours = (at: Instant, hours: number): Instant => new Date(Date.parse(at) + hours * 3_600_000).toISOString()

/**
 * A command as {@link decideCase} takes it: a {@link CaseCommand}, or `Report` with the report.
 *
 * @category models
 * @since 0.2.0
 */
export type DecideCommand = CaseCommand | ({ readonly _tag: "Report" } & ReportCase)

/** When the current mediation began: the last acceptance or reopening. */
const mediationStart = (c: MediationCase): Instant => {
  for (let i = c.history.length - 1; i >= 0; i--) {
    const h = c.history[i]!
    if (h.step === "accepted" || h.step === "reopened") return h.at
  }
  return c.reportedAt
}

const bad = (path: string, en: string, zh: string) => Result.fail(invalidField(path, en, zh))

/**
 * Decides what a command does to a case (`undefined` before it is reported).
 *
 * @category rules
 * @since 0.2.0
 */
export const decideCase = (
  state: MediationCase | undefined,
  command: DecideCommand,
  context: DecideContext
): Result.Result<ReadonlyArray<CaseEvent>, DecideError> => {
  const from = state === undefined ? "start" : state.state
  if (target(from, command._tag) === undefined) return Result.fail(refuse(from, command._tag))
  const { actor, at, config } = context
  const base = { at, actor }
  const one = (event: CaseEvent) => Result.succeed([event])
  const partyIndex = (path: string, i: number) =>
    Number.isInteger(i) && i >= 0 && i < state!.parties.length
      ? undefined
      : invalidField(path, `must be the index of a party (0 to ${state!.parties.length - 1})`, `必须是当事人序号（0 到 ${state!.parties.length - 1}）`)

  switch (command._tag) {
    case "Report": {
      const place = context.place
      if (place === undefined) return bad("nodeId", "the place of the case is unknown", "未知案件发生地")
      if (!config.categories.some((c) => c.key === command.category)) {
        const keys = config.categories.map((c) => c.key).join(", ")
        return bad("category", `must be one of this county's categories: ${keys}`, `必须是本区县的纠纷类别之一：${keys}`)
      }
      const initial: MediationCase = {
        id: place.id,
        countyId: place.countyId,
        nodeId: place.nodeId,
        scope: place.scope,
        placeName: place.placeName,
        category: command.category,
        title: command.title,
        description: command.description,
        parties: command.parties,
        attachments: command.attachments ?? [],
        mediators: [],
        level: "community",
        streetId: null,
        department: null,
        supervisor: null,
        state: "reported",
        status: "open",
        statements: [],
        rounds: [],
        agreement: null,
        noAgreementReason: null,
        declined: null,
        escalations: [],
        resolution: null,
        ratings: [],
        withdrawal: null,
        deadline: { kind: "accept", dueAt: addHours(at, config.deadlines.acceptHours) },
        reachedLevels: ["community"],
        missedLevels: [],
        history: [],
        reportedBy: actor,
        reportedAt: at,
        respondedAt: null,
        resolvedAt: null,
        disclosedAt: null,
        closedAt: null,
        reopenCount: 0,
        version: 0,
        updatedAt: at
      }
      return one({ ...base, type: "reported", initial })
    }
    case "Accept":
      return one({ ...base, type: "accepted", mediators: command.mediators, deadline: { kind: "hearing", dueAt: addHours(at, config.deadlines.firstHearingHours) } })
    case "Decline":
      return one({ ...base, type: "declined", reason: command.reason, referredTo: command.referredTo ?? null })
    case "RecordStatement": {
      const wrong = partyIndex("party", command.party)
      if (wrong !== undefined) return Result.fail(wrong)
      const deadline: Deadline = state!.state === "accepted"
        ? { kind: "agreement", dueAt: addHours(mediationStart(state!), config.deadlines.agreementHours) }
        : state!.deadline
      return one({ ...base, type: "statement_recorded", statement: { party: command.party, text: command.text, publishable: command.publishable, at }, deadline })
    }
    case "RecordRound": {
      const order = RoundKey.literals
      const k = order.indexOf(command.round)
      const missing = order.slice(0, k).find((r) => !state!.rounds.some((x) => x.round === r))
      if (missing !== undefined) {
        return bad("round", `must follow the round "${missing}", which has not been held`, `须先进行「${missing}」轮议事`)
      }
      return one({ ...base, type: "round_recorded", round: { round: command.round, participants: command.participants, outcome: command.outcome, at } })
    }
    case "RecordAgreement": {
      if (!state!.rounds.some((r) => r.round === "decision")) {
        return bad("", "the deciding round (decision by the parties or the residents' council) has not been held", "尚未进行当事人或居民议事会决议")
      }
      if (command.consents.length !== state!.parties.length) {
        return bad("consents", `must give the consent of each of the ${state!.parties.length} parties`, `须逐一记录 ${state!.parties.length} 位当事人的同意`)
      }
      const refusing = command.consents.findIndex((c) => !c)
      if (refusing >= 0) {
        return bad(`consents.${refusing}`, "every party must consent to an agreement; record a failed mediation instead", "调解协议须经全部当事人同意；否则请记录调解未成")
      }
      return one({ ...base, type: "agreement_recorded", agreement: { terms: command.terms, consents: command.consents, at } })
    }
    case "RecordNoAgreement":
      return one({ ...base, type: "no_agreement_recorded", reason: command.reason, deadline: { kind: "escalation", dueAt: addHours(at, config.deadlines.escalationHours) } })
    case "Escalate": {
      const c = state!
      if (command.deadline !== undefined && command.deadline <= at) {
        return bad("deadline", "must be in the future", "必须晚于当前时间")
      }
      if (command.to === "street") {
        if (c.level !== "community") return bad("to", `the case is already handled by the ${c.level}`, `案件已由${c.level === "street" ? "街道" : "部门"}督办`)
        const street = context.street
        if (street === undefined || street === null) {
          return bad("to", `the case's place has no node at the level "${config.streetLevel}" above it`, `案件发生地上级没有「${config.streetLevel}」层级的节点`)
        }
        const supervisor = command.supervisor ?? street.supervisor ?? systemSupervisor
        const escalation: Escalation = {
          level: "street",
          to: street.id,
          toName: street.name,
          deadline: command.deadline ?? addHours(at, config.deadlines.streetHours),
          supervisor,
          reason: command.reason,
          missed: context.missed?.kind ?? null,
          at
        }
        return one({ ...base, type: "escalated", escalation, streetId: street.id, department: null })
      }
      if (c.level !== "street") {
        return bad("to", c.level === "community" ? "a case goes to the street before a department" : "the case is already with a department", c.level === "community" ? "案件须先由街道督办，再转职能部门" : "案件已由职能部门办理")
      }
      const code = command.department
      const department = code === undefined ? undefined : config.departments.find((d) => d.code === code)
      if (department === undefined) {
        const codes = config.departments.map((d) => d.code).join(", ")
        return bad("department", `must name one of this county's departments: ${codes || "(none configured)"}`, `必须是本区县登记的职能部门之一：${codes || "（未登记）"}`)
      }
      const escalation: Escalation = {
        level: "department",
        to: department.code,
        toName: department.name,
        deadline: command.deadline ?? addHours(at, config.deadlines.departmentHours),
        supervisor: command.supervisor ?? department.supervisor ?? systemSupervisor,
        reason: command.reason,
        missed: context.missed?.kind ?? null,
        at
      }
      return one({ ...base, type: "escalated", escalation, streetId: c.streetId, department: { code: department.code, name: department.name } })
    }
    case "Resolve":
      return one({ ...base, type: "resolved", outcome: command.outcome })
    case "Disclose":
      return one({ ...base, type: "disclosed" })
    case "Rate": {
      const seen = new Set<number>()
      for (const [i, r] of command.ratings.entries()) {
        const wrong = partyIndex(`ratings.${i}.party`, r.party)
        if (wrong !== undefined) return Result.fail(wrong)
        if (seen.has(r.party)) return bad(`ratings.${i}.party`, "rates the same party twice", "同一当事人重复评价")
        seen.add(r.party)
      }
      return one({ ...base, type: "rated", ratings: command.ratings })
    }
    case "Close":
      return one({ ...base, type: "closed" })
    case "Withdraw":
      return one({ ...base, type: "withdrawn", reason: command.reason })
    case "Reopen": {
      const c = state!
      if (c.agreement === null) return bad("", "only a case settled by an agreement can be reopened", "只有达成调解协议的案件可以重新启动")
      const until = addHours(c.resolvedAt ?? c.agreement.at, config.reopenWindowDays * 24)
      if (at > until) return bad("", `the window to reopen closed at ${until}`, `重新启动的期限已于 ${until} 届满`)
      return one({ ...base, type: "reopened", reason: command.reason, deadline: { kind: "hearing", dueAt: addHours(at, config.deadlines.firstHearingHours) } })
    }
  }
}

/**
 * Who supervises when neither the command nor the configuration names anyone.
 *
 * @category constructors
 * @since 0.2.0
 */
export const systemSupervisor: Staff = { id: "system", name: "系统督办" }

// ---------------------------------------------------------------------------
// evolve

const withLevel = (levels: ReadonlyArray<HandlingLevel>, level: HandlingLevel): ReadonlyArray<HandlingLevel> =>
  levels.includes(level) ? levels : [...levels, level]

/**
 * Applies an event to a case (`undefined` before it is reported). The version is not
 * touched: the service counts it, one per event.
 *
 * @category rules
 * @since 0.2.0
 */
export const evolveCase = (state: MediationCase | undefined, event: CaseEvent): MediationCase => {
  if (event.type === "reported") {
    return { ...event.initial, history: [{ step: "reported", at: event.at, level: "community" }], updatedAt: event.at }
  }
  const c = state!
  const next = stateAfter[event.type]
  // A deadline is missed when the step that ends it comes after it. Further statements and
  // rounds do not end the agreement deadline; every other event does.
  const endsDeadline = !(event.type === "round_recorded" || (event.type === "statement_recorded" && c.state === "hearing"))
  const missed = c.deadline !== null && endsDeadline && event.at > c.deadline.dueAt
  const common = {
    ...c,
    state: next,
    status: statusOf(next),
    missedLevels: missed ? withLevel(c.missedLevels, c.level) : c.missedLevels,
    history: [...c.history, { step: event.type, at: event.at, level: c.level }],
    updatedAt: event.at
  }
  switch (event.type) {
    case "accepted":
      return { ...common, mediators: event.mediators, deadline: event.deadline, respondedAt: c.respondedAt ?? event.at }
    case "declined":
      return { ...common, declined: { reason: event.reason, referredTo: event.referredTo }, deadline: null, respondedAt: c.respondedAt ?? event.at, closedAt: event.at }
    case "statement_recorded":
      return { ...common, statements: [...c.statements, event.statement], deadline: event.deadline }
    case "round_recorded":
      return { ...common, rounds: [...c.rounds, event.round] }
    case "agreement_recorded":
      return { ...common, agreement: event.agreement, deadline: null }
    case "no_agreement_recorded":
      return { ...common, noAgreementReason: event.reason, deadline: event.deadline }
    case "escalated": {
      const level = event.escalation.level
      return {
        ...common,
        level,
        history: [...c.history, { step: event.type, at: event.at, level }],
        streetId: event.streetId,
        department: event.department,
        supervisor: event.escalation.supervisor,
        escalations: [...c.escalations, event.escalation],
        deadline: { kind: level, dueAt: event.escalation.deadline },
        reachedLevels: withLevel(c.reachedLevels, level)
      }
    }
    case "resolved":
      return { ...common, resolution: { outcome: event.outcome, level: c.level, at: event.at }, resolvedAt: event.at, deadline: null }
    case "disclosed":
      return { ...common, disclosedAt: event.at }
    case "rated":
      return { ...common, ratings: event.ratings }
    case "closed":
      return { ...common, closedAt: event.at }
    case "withdrawn":
      return { ...common, withdrawal: { reason: event.reason, at: event.at }, deadline: null, closedAt: event.at }
    case "reopened":
      return {
        ...common,
        level: "community",
        history: [...c.history, { step: event.type, at: event.at, level: "community" }],
        department: null,
        supervisor: null,
        agreement: null,
        resolution: null,
        resolvedAt: null,
        disclosedAt: null,
        closedAt: null,
        ratings: [],
        deadline: event.deadline,
        reopenCount: c.reopenCount + 1
      }
  }
}
