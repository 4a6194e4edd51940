/**
 * The life of a mediation case as a decider: {@link decideCase} turns a command into events
 * (or refuses it), {@link evolveCase} applies an event to the case, {@link caseDecider}
 * pairs them for the kernel's command pipeline, and {@link mediationTransitions} is the state
 * machine as data — the docs draw it and the tests enumerate it. {@link mediationConfigDecider}
 * does the same for a county's configuration.
 *
 * Both deciders are pure: the time, the actor, the new case's id, the county's
 * configuration and calendar, the people the command references (already checked through
 * the one scope check) and the names to mask on publication come in through the
 * {@link DecideContext}.
 *
 * @since 0.2.0
 */
import { Result, Schema } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { type Conflict, fromSchemaError, invalidField, type InvalidInput, InvalidTransition, staleVersion } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { addDays, DEFAULT_TIME_ZONE, type Instant, localDate, startOfDate } from "../kernel/time.js"
import {
  type CaseCommand,
  type CaseEvent,
  type CaseId,
  type MediationConfigEvent,
  type ConfigureMediation,
  type Escalation,
  type HandlingLevel,
  type MediationCase,
  MediationConfig,
  type ReportCase,
  RoundKey,
  type RunningDeadline
} from "./model.js"
import { publicationOf } from "./rules.js"
import { type Deadline, refuse, stateAfter, statusOf, target } from "./transitions.js"

export * from "./transitions.js"

// ---------------------------------------------------------------------------
// Context

/**
 * What {@link decideCase} needs besides the case and the command. The use case fills it
 * in after checking every person the command references through the one scope check.
 *
 * @category models
 * @since 0.2.0
 */
export interface DecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: MediationConfig
  /** The county's time zone (default `Asia/Shanghai`): days are counted in its calendar. */
  readonly zone?: string | undefined
  /** For `Report`: the new case's id and where the dispute happened. */
  readonly place?: {
    readonly id: CaseId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    /** The node's path, root first, the node itself last. */
    readonly scope: ReadonlyArray<GridNodeId>
    readonly placeName: string
  } | undefined
  /** The street above the case's node, with the supervisor the county names for it. */
  readonly street?: { readonly id: GridNodeId; readonly name: string; readonly supervisor: PersonId | null } | null | undefined
  /** Set by the supervision run: the deadline whose miss causes this escalation. */
  readonly missed?: RunningDeadline | undefined
  /**
   * For `Disclose`: the names of the people involved (person parties, mediators,
   * supervisors, the reporter, the departments' staff) and of the residents and people
   * registered around the place. The decider adds the names the case itself holds.
   */
  readonly names?: ReadonlyArray<string> | undefined
}

/**
 * The errors {@link decideCase} may return.
 *
 * @category errors
 * @since 0.2.0
 */
export type DecideError = InvalidTransition | InvalidInput | Conflict

// ---------------------------------------------------------------------------
// decide

const addHours = (at: Instant, hours: number): Instant => new Date(Date.parse(at) + hours * 3_600_000).toISOString()

/**
 * The first instant after the reopening window of a case resolved at `resolvedAt`: the end
 * of the local day `days` days after the day it was resolved, in the county's calendar.
 *
 * @category rules
 * @since 0.4.0
 */
export const reopenWindowEnd = (resolvedAt: Instant, days: number, zone: string): Instant =>
  startOfDate(addDays(localDate(resolvedAt, zone), days + 1), zone)

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
 * The key of a running deadline: a case is escalated at most once per key.
 *
 * @category rules
 * @since 0.2.0
 */
export const deadlineKey = (deadline: RunningDeadline): string => `${deadline.kind}@${deadline.dueAt}`

/**
 * Decides what a command does to a case (`undefined` before it is reported). No event
 * means nothing changes: the supervision run's escalation of a deadline the case no longer
 * runs against (another run or a person moved it on since the scan) is one.
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
  if (state !== undefined && command._tag !== "Report" && command.expectedVersion !== undefined && command.expectedVersion !== state.version) {
    return Result.fail(staleVersion("mediation case", state.id, command.expectedVersion, state.version))
  }
  // The supervision run escalates for one deadline; if the case runs against another now, there is nothing to do.
  if (context.missed !== undefined && (state?.deadline === null || state?.deadline === undefined || deadlineKey(state.deadline) !== deadlineKey(context.missed))) {
    return Result.succeed([])
  }
  if (target(from, command._tag) === undefined) return Result.fail(refuse(from, command._tag))
  const { actor, at, config } = context
  const zone = context.zone ?? DEFAULT_TIME_ZONE
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
        actedBy: [],
        reportedBy: actor,
        reportedAt: at,
        respondedAt: null,
        resolvedAt: null,
        disclosedAt: null,
        publication: null,
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
        const escalation: Escalation = {
          level: "street",
          to: street.id,
          toName: street.name,
          deadline: command.deadline ?? addHours(at, config.deadlines.streetHours),
          supervisor: command.supervisor ?? street.supervisor,
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
        supervisor: command.supervisor ?? department.supervisor,
        reason: command.reason,
        missed: context.missed?.kind ?? null,
        at
      }
      return one({ ...base, type: "escalated", escalation, streetId: c.streetId, department: { code: department.code, name: department.name } })
    }
    case "Resolve":
      return one({ ...base, type: "resolved", outcome: command.outcome })
    case "Disclose":
      return one({ ...base, type: "disclosed", publication: publicationOf(state!, config, context.names ?? []) })
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
      const resolvedAt = c.resolvedAt ?? c.agreement.at
      const until = reopenWindowEnd(resolvedAt, config.reopenWindowDays, zone)
      if (at >= until) {
        const last = addDays(localDate(resolvedAt, zone), config.reopenWindowDays)
        return bad("", `the window to reopen closed at the end of ${last} (${zone})`, `重新启动的期限已于 ${last} 当日结束（${zone}）`)
      }
      return one({ ...base, type: "reopened", reason: command.reason, deadline: { kind: "hearing", dueAt: addHours(at, config.deadlines.firstHearingHours) } })
    }
  }
}

// ---------------------------------------------------------------------------
// evolve

const withLevel = (levels: ReadonlyArray<HandlingLevel>, level: HandlingLevel): ReadonlyArray<HandlingLevel> =>
  levels.includes(level) ? levels : [...levels, level]
const withActor = (ids: ReadonlyArray<string>, actor: ActorRef): ReadonlyArray<string> =>
  actor.kind !== "person" || ids.includes(actor.id) ? ids : [...ids, actor.id]

/**
 * Applies an event to a case (`undefined` before it is reported). The version is not
 * touched: the command pipeline counts it, one per event.
 *
 * @category rules
 * @since 0.2.0
 */
export const evolveCase = (state: MediationCase | undefined, event: CaseEvent): MediationCase => {
  if (event.type === "reported") {
    return { ...event.initial, history: [{ step: "reported", at: event.at, level: "community" }], actedBy: withActor([], event.actor), updatedAt: event.at }
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
    actedBy: withActor(c.actedBy, event.actor),
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
      return { ...common, disclosedAt: event.at, publication: event.publication }
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
        publication: null,
        closedAt: null,
        ratings: [],
        deadline: event.deadline,
        reopenCount: c.reopenCount + 1
      }
  }
}

/**
 * The case decider, as the command pipeline (`Commands.run`) takes it.
 *
 * @category rules
 * @since 0.4.0
 */
export const caseDecider: Decider<MediationCase, DecideCommand, CaseEvent, DecideContext, DecideError> = {
  decide: decideCase,
  evolve: evolveCase
}

// ---------------------------------------------------------------------------
// The configuration

/**
 * What {@link mediationConfigDecider} needs besides the configuration and the command.
 *
 * @category models
 * @since 0.4.0
 */
export interface ConfigContext {
  readonly at: Instant
  readonly actor: ActorRef
}

const decodeConfig = Schema.decodeUnknownResult(MediationConfig)
const configParts = ["categories", "deadlines", "reopenWindowDays", "streetLevel", "streetSupervisors", "departments", "defaultDepartment"] as const
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The decider of a county's configuration. The state is the stored configuration, or the
 * defaults (version 0) before the county saved one. A change is checked as a whole
 * against {@link MediationConfig}; a change that changes nothing decides no event.
 *
 * @category rules
 * @since 0.4.0
 */
export const mediationConfigDecider: Decider<MediationConfig, ConfigureMediation, MediationConfigEvent, ConfigContext, InvalidInput | Conflict> = {
  decide: (state, command, context) => {
    const current = state!
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      return Result.fail(staleVersion("mediation configuration", current.countyId, command.expectedVersion, current.version))
    }
    const changed = configParts.filter((k) => command[k] !== undefined && !same(command[k], current[k]))
    if (changed.length === 0) return Result.succeed([])
    const next: Record<string, unknown> = { ...current, updatedAt: context.at }
    for (const k of changed) next[k] = command[k]
    const decoded = decodeConfig(next, { errors: "all" })
    if (Result.isFailure(decoded)) return Result.fail(fromSchemaError(decoded.failure))
    return Result.succeed([{ type: "changed", at: context.at, actor: context.actor, config: decoded.success, changed }])
  },
  evolve: (_, event) => event.config
}
