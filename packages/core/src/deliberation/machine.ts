/**
 * The deliberation deciders. The item lifecycle: `decideItem` turns a command into events or
 * refuses it, `evolveItem` applies an event; the transition table is data
 * ({@link itemTransitions}): the decider refuses every (state, command) pair it does not list
 * with `InvalidTransition`, and `docs/deliberation-states.md` is drawn from it. Sessions
 * ({@link sessionDecider}) and a county's configuration ({@link deliberationConfigDecider}) are deciders
 * too, so every deliberation command runs through the kernel's one pipeline
 * (`Commands.run`).
 *
 * Deciders are pure: the time, new ids, the county's calendar, the referenced sessions and
 * people (already checked through `Access`) and the redactor of public text come in the
 * context.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { type Conflict, invalidField, type InvalidInput, InvalidTransition } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { addDays, type Instant } from "../kernel/time.js"
import {
  type DeliberationConfigEvent,
  type ConfigureDeliberation,
  type ConveneSession,
  type DeliberationConfig,
  type DeliberationItem,
  type ItemCommand,
  type ItemEvent,
  type ItemId,
  type ItemState,
  type NamedPerson,
  type RaiseItem,
  type Raiser,
  type RecordMinutes,
  type Session,
  type SessionEvent,
  type SessionId
} from "./model.js"
import { alreadyRated, type CountyCalendar, rollUp } from "./rules.js"
import { itemStatusOf, itemTarget, refuseItem } from "./transitions.js"

export * from "./transitions.js"

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
  reopened: "in_progress",
  progress_rolled_up: undefined
}

/**
 * A command as {@link decideItem} takes it. `Rate` carries what `Deliberation.rate` was
 * given; `RollUp` is no user's command: the pipeline runs it on a parent as the follow-on
 * of a change to one of its children (it is accepted in every state, changes only the
 * progress and the number of children, and nothing when they are as they were).
 *
 * @category models
 * @since 0.3.0
 */
export type ItemDecideCommand =
  | ItemCommand
  | ({ readonly _tag: "Raise" } & RaiseItem)
  | { readonly _tag: "Rate"; readonly score: number; readonly comment?: string | undefined }
  | { readonly _tag: "RollUp" }
  | ReopenNotSolved

/**
 * The follow-up questionnaire's "not solved" (回访未解决) from the person who raised the
 * item, run by the system on their behalf: reopens the item from the states after
 * reporting back, whatever its rating.
 *
 * @category models
 * @since 0.5.0
 */
export interface ReopenNotSolved {
  readonly _tag: "ReopenNotSolved"
  /** Who answered "not solved": must be the item's raiser. */
  readonly personId: PersonId
  readonly reason: string
}

/**
 * What the decider needs besides the item and the command. References (sessions, the merge
 * target, people) come here already loaded and checked through `Access`.
 *
 * @category models
 * @since 0.3.0
 */
export interface ItemDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: DeliberationConfig
  /** The county's calendar at `at`: promised dates and overdue are counted in it. */
  readonly calendar: CountyCalendar
  /**
   * Makes free text fit for the public board: the names of the people involved and around
   * the item's node masked, and every phone and ID-card number.
   */
  readonly redact: (text: string) => string
  /** For `Raise`: the new id and the place. */
  readonly place?: {
    readonly id: ItemId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly placeName: string
  } | undefined
  /** For `Raise`: who raised it, resolved from the command (the actor by default). */
  readonly raiser?: Raiser | undefined
  /** For `Raise` at a session, `ReportBack` and `Vote`: the session named. */
  readonly session?: Session | undefined
  /** For `Merge`: the item named as the original. */
  readonly mergeTarget?: DeliberationItem | undefined
  /** For `Accept`: the person named as responsible. */
  readonly responsible?: NamedPerson | undefined
  /** For `Rate`: who rates, and whether they already rated the item in this round. */
  readonly rater?: { readonly personId: NamedPerson["personId"]; readonly alreadyRated: boolean } | undefined
  /** For `RollUp`: the item's children as they are now. */
  readonly children?: ReadonlyArray<Pick<DeliberationItem, "weight" | "progress" | "state">> | undefined
}

/**
 * Every error the item decider can answer.
 *
 * @category errors
 * @since 0.3.0
 */
export type ItemDecideError = InvalidTransition | InvalidInput | Conflict

const bad = (path: string, en: string, zh: string) => Result.fail(invalidField(path, en, zh))

const sameVote = (a: DeliberationItem["vote"], c: Extract<ItemCommand, { readonly _tag: "Vote" }>): boolean =>
  a !== null && a.sessionId === c.sessionId && a.members === c.members && a.present === c.present && a.inFavour === c.inFavour && a.against === c.against &&
  a.abstained === c.abstained

/**
 * Decides what a command does to an item (`undefined` before it is raised).
 *
 * No-ops answer no event, so nothing is written: the same vote recorded again, the same
 * milestone as the last one again, a roll-up that changes nothing.
 *
 * @category rules
 * @since 0.3.0
 */
export const decideItem = (
  state: DeliberationItem | undefined,
  command: ItemDecideCommand,
  context: ItemDecideContext
): Result.Result<ReadonlyArray<ItemEvent>, ItemDecideError> => {
  const { actor, at, config } = context
  const base = { at, actor }
  const one = (event: ItemEvent) => Result.succeed([event])
  if (command._tag === "RollUp") {
    if (state === undefined) return Result.fail(refuseItem("start", "Raise"))
    const children = context.children ?? []
    const progress = rollUp(children)
    return progress === state.progress && children.length === state.children
      ? Result.succeed([])
      : one({ ...base, type: "progress_rolled_up", progress, children: children.length })
  }
  const from = state === undefined ? "start" : state.state
  if (itemTarget(from, command._tag) === undefined) return Result.fail(refuseItem(from, command._tag))
  switch (command._tag) {
    case "Raise": {
      const { place, raiser } = context
      if (place === undefined) return bad("nodeId", "the place of the item is unknown", "未知事项所在地")
      if (raiser === undefined) return bad("raisedBy", "must name who raised it: the system acts for no one", "必须注明提出人：系统不能代替任何人提出")
      if (!config.categories.some((c) => c.key === command.category)) {
        const keys = config.categories.map((c) => c.key).join(", ")
        return bad("category", `must be one of this county's categories: ${keys}`, `必须是本区县的议事类别之一：${keys}`)
      }
      const session = context.session
      if (command.sessionId !== undefined) {
        if (session === undefined || session.id !== command.sessionId) return bad("sessionId", "no such session in this county", "本区县无此议事会议")
        if (!place.scope.includes(session.nodeId)) {
          return bad("sessionId", "must be a session held at the item's node or above it", "须为在事项所在节点或其上级召开的议事会议")
        }
      }
      const initial: DeliberationItem = {
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
        raisedBy: raiser,
        category: command.category,
        title: command.title,
        text: command.text,
        state: "raised",
        status: "open",
        answer: null,
        unit: null,
        responsible: null,
        promisedBy: null,
        dueAt: null,
        milestones: [],
        progress: 0,
        resolution: null,
        reportedBack: null,
        vote: null,
        duplicateOf: null,
        declineReason: null,
        public: { title: context.redact(command.title), answer: null, unit: null, milestones: [], resolution: null, declineReason: null },
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
      return one({ ...base, type: "answered", answer: command.answer, publicAnswer: context.redact(command.answer) })
    case "Accept": {
      const unit = config.units.find((u) => u.code === command.unit)
      if (unit === undefined) {
        const codes = config.units.map((u) => u.code).join(", ")
        return bad("unit", `must be one of this county's responsible units: ${codes}`, `必须是本区县登记的责任单位之一：${codes}`)
      }
      const today = context.calendar.today
      if (command.promisedBy < today) return bad("promisedBy", `must be today (${today}) or later in the county's calendar`, `不能早于本区县今天（${today}）`)
      if (command.responsible !== undefined && context.responsible?.personId !== command.responsible) {
        return bad("responsible", "no such person in this county", "本区县无此人员")
      }
      return one({
        ...base,
        type: "accepted",
        unit,
        publicUnit: context.redact(unit.name),
        promisedBy: command.promisedBy,
        dueAt: context.calendar.startOf(addDays(command.promisedBy, 1)),
        responsible: context.responsible ?? null
      })
    }
    case "Vote": {
      if (context.session === undefined || context.session.id !== command.sessionId) return bad("sessionId", "no such session in this county", "本区县无此议事会议")
      if (command.present > command.members) return bad("present", "cannot exceed the members", "出席人数不能超过应到人数")
      if (command.inFavour + command.against + command.abstained > command.present) {
        return bad("inFavour", "the votes cannot exceed those present", "票数不能超过出席人数")
      }
      if (sameVote(state!.vote, command)) return Result.succeed([])
      const quorumMet = command.present >= Math.ceil(command.members * config.quorum - 1e-9)
      const passed = quorumMet && command.inFavour > command.present * config.majority
      const { abstained, against, inFavour, members, present, sessionId } = command
      return one({ ...base, type: "voted", vote: { sessionId, members, present, inFavour, against, abstained, quorumMet, passed, at } })
    }
    case "RecordMilestone": {
      const last = state!.milestones[state!.milestones.length - 1]
      if (last !== undefined && last.note === command.note && last.progress === command.progress) return Result.succeed([])
      return one({ ...base, type: "milestone_recorded", milestone: { note: command.note, progress: command.progress, at }, publicNote: context.redact(command.note) })
    }
    case "Resolve":
      return one({ ...base, type: "resolved", resolution: command.resolution, publicResolution: context.redact(command.resolution) })
    case "ReportBack": {
      const session = context.session
      if (session === undefined || session.id !== command.sessionId) return bad("sessionId", "no such session in this county", "本区县无此议事会议")
      if (session.id === state!.sessionId || session.heldAt <= state!.raisedAt) {
        return bad("sessionId", "must be a session held after the item was raised", "须在事项提出之后召开的会议上通报")
      }
      return one({ ...base, type: "reported_back", sessionId: session.id, note: command.note })
    }
    case "Rate": {
      if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) return bad("score", "must be from 1 to 5", "必须在 1 到 5 之间")
      const rater = context.rater
      if (rater === undefined) return bad("personId", "must name who rates: the system rates for no one", "必须注明评价人：系统不能代替任何人评价")
      if (rater.alreadyRated) return Result.fail(alreadyRated(state!.id, rater.personId))
      return one({ ...base, type: "rated", personId: rater.personId, round: state!.reopenCount, score: command.score, comment: command.comment ?? null })
    }
    case "Close":
      return one({ ...base, type: "closed" })
    case "Merge":
      if (command.into === state!.id) return bad("into", "cannot merge an item into itself", "不能与自身合并")
      if (context.mergeTarget === undefined || context.mergeTarget.id !== command.into || context.mergeTarget.countyId !== state!.countyId) {
        return bad("into", "no such item in this county", "本区县无此事项")
      }
      return one({ ...base, type: "merged", into: command.into })
    case "Decline":
      return one({ ...base, type: "declined", reason: command.reason, publicReason: context.redact(command.reason) })
    case "Reopen": {
      const c = state!
      const average = c.ratingCount === 0 ? null : c.ratingSum / c.ratingCount
      if (average === null || average >= config.poorRatingBelow) {
        return bad("", `only an item rated below ${config.poorRatingBelow} on average can be reopened`, `只有平均评分低于 ${config.poorRatingBelow} 的事项可以重新办理`)
      }
      return one({ ...base, type: "reopened", reason: command.reason })
    }
    case "ReopenNotSolved": {
      const raiser = state!.raisedBy
      if (actor.kind !== "system") {
        return bad("", "only the follow-up, run by the system, reopens an item as not solved", "只有系统执行的回访可以按未解决重新办理事项")
      }
      if (raiser._tag !== "Person" || raiser.personId !== command.personId) {
        return bad("personId", "must be the person who raised the item", "须为事项的提出人")
      }
      return one({ ...base, type: "reopened", reason: command.reason })
    }
  }
}

/**
 * Applies an event to an item (`undefined` before it is raised). The version is not
 * touched: the pipeline counts it, one per event.
 *
 * @category rules
 * @since 0.3.0
 */
export const evolveItem = (state: DeliberationItem | undefined, event: ItemEvent): DeliberationItem => {
  if (event.type === "raised") return { ...event.initial, updatedAt: event.at }
  const c = state!
  const next = stateAfter[event.type] ?? c.state
  // One copy of the item per event: the common fields are written beside the event's own.
  const state_ = next
  const status = itemStatusOf(next)
  const updatedAt = event.at
  const own = (progress: number) => (c.children > 0 ? c.progress : progress)
  switch (event.type) {
    case "answered":
      return { ...c, state: state_, status, updatedAt, answer: event.answer, public: { ...c.public, answer: event.publicAnswer }, progress: own(100), closedAt: event.at }
    case "accepted":
      return {
        ...c,
        state: state_,
        status,
        updatedAt,
        unit: event.unit,
        responsible: event.responsible,
        promisedBy: event.promisedBy,
        dueAt: event.dueAt,
        public: { ...c.public, unit: event.publicUnit },
        acceptedAt: c.acceptedAt ?? event.at
      }
    case "voted":
      return { ...c, state: state_, status, updatedAt, vote: event.vote }
    case "milestone_recorded":
      return {
        ...c,
        state: state_,
        status,
        updatedAt,
        milestones: [...c.milestones, event.milestone],
        public: { ...c.public, milestones: [...c.public.milestones, event.publicNote] },
        progress: own(event.milestone.progress)
      }
    case "resolved":
      return { ...c, state: state_, status, updatedAt, resolution: event.resolution, public: { ...c.public, resolution: event.publicResolution }, progress: own(100), resolvedAt: event.at }
    case "reported_back":
      return { ...c, state: state_, status, updatedAt, reportedBack: { sessionId: event.sessionId, note: event.note, at: event.at } }
    case "rated":
      return { ...c, state: state_, status, updatedAt, ratingCount: c.ratingCount + 1, ratingSum: c.ratingSum + event.score, ratingHigh: c.ratingHigh + (event.score >= 4 ? 1 : 0) }
    case "closed":
      return { ...c, state: state_, status, updatedAt, closedAt: event.at }
    case "merged":
      return { ...c, state: state_, status, updatedAt, duplicateOf: event.into, closedAt: event.at }
    case "declined":
      return { ...c, state: state_, status, updatedAt, declineReason: event.reason, public: { ...c.public, declineReason: event.publicReason }, closedAt: event.at }
    case "reopened":
      return {
        ...c,
        state: state_,
        status,
        updatedAt,
        resolvedAt: null,
        resolution: null,
        reportedBack: null,
        closedAt: null,
        public: { ...c.public, resolution: null },
        ratingCount: 0,
        ratingSum: 0,
        ratingHigh: 0,
        progress: own(c.milestones.length === 0 ? 0 : Math.min(99, c.milestones[c.milestones.length - 1]!.progress)),
        reopenCount: c.reopenCount + 1
      }
    case "progress_rolled_up":
      return { ...c, state: state_, status, updatedAt, progress: event.progress, children: event.children }
  }
}

/**
 * The item decider, as `Commands.run` takes it.
 *
 * @category rules
 * @since 0.4.0
 */
export const itemDecider: Decider<DeliberationItem, ItemDecideCommand, ItemEvent, ItemDecideContext, ItemDecideError> = {
  decide: decideItem,
  evolve: evolveItem
}

// ---------------------------------------------------------------------------
// Sessions

/**
 * A command on a session: `Convene` creates it, `RecordMinutes` records (or replaces) its
 * minutes.
 *
 * @category models
 * @since 0.4.0
 */
export type SessionDecideCommand =
  | ({ readonly _tag: "Convene" } & ConveneSession)
  | ({ readonly _tag: "RecordMinutes" } & RecordMinutes)

/**
 * What the session decider needs: for `Convene`, the new id, the place and the convener
 * (resolved and checked through `Access`).
 *
 * @category models
 * @since 0.4.0
 */
export interface SessionDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: DeliberationConfig
  readonly place?: {
    readonly id: SessionId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly scope: ReadonlyArray<GridNodeId>
    readonly placeName: string
  } | undefined
  readonly convener?: Raiser | undefined
}

const refuseSession = (from: string, command: string): InvalidTransition =>
  new InvalidTransition({
    entity: "deliberation session",
    from,
    command,
    message: `cannot ${command === "Convene" ? "convene" : "record the minutes of"} a deliberation session that ${from === "start" ? "was not convened" : "was convened"}`,
    messageZh: from === "start" ? "议事会议尚未召开，不能记录会议纪要" : "议事会议已召开，不能重复召开"
  })

/**
 * Decides a session command. Recording the same minutes again is a no-op.
 *
 * @category rules
 * @since 0.4.0
 */
export const decideSession = (
  state: Session | undefined,
  command: SessionDecideCommand,
  context: SessionDecideContext
): Result.Result<ReadonlyArray<SessionEvent>, InvalidInput | InvalidTransition> => {
  const base = { at: context.at, actor: context.actor }
  switch (command._tag) {
    case "Convene": {
      if (state !== undefined) return Result.fail(refuseSession("convened", "Convene"))
      const { config, convener, place } = context
      if (place === undefined) return bad("nodeId", "the place of the session is unknown", "未知会议所在地")
      if (convener === undefined) return bad("convener", "must name who convenes it: the system convenes for no one", "必须注明召集人：系统不能代替任何人召集")
      if (!config.sessionTypes.some((t) => t.key === command.type)) {
        const keys = config.sessionTypes.map((t) => t.key).join(", ")
        return bad("type", `must be one of this county's session types: ${keys}`, `必须是本区县的议事形式之一：${keys}`)
      }
      const initial: Session = {
        id: place.id,
        countyId: place.countyId,
        nodeId: place.nodeId,
        scope: place.scope,
        placeName: place.placeName,
        type: command.type,
        heldAt: command.heldAt,
        convener,
        participants: command.participants,
        agenda: command.agenda,
        minutes: null,
        version: 0,
        updatedAt: context.at
      }
      return Result.succeed([{ ...base, type: "convened", initial }])
    }
    case "RecordMinutes":
      if (state === undefined) return Result.fail(refuseSession("start", "RecordMinutes"))
      return state.minutes === command.minutes ? Result.succeed([]) : Result.succeed([{ ...base, type: "minutes_recorded", minutes: command.minutes }])
  }
}

/**
 * Applies a session event.
 *
 * @category rules
 * @since 0.4.0
 */
export const evolveSession = (state: Session | undefined, event: SessionEvent): Session =>
  event.type === "convened" ? event.initial : { ...state!, minutes: event.minutes, updatedAt: event.at }

/**
 * The session decider.
 *
 * @category rules
 * @since 0.4.0
 */
export const sessionDecider: Decider<Session, SessionDecideCommand, SessionEvent, SessionDecideContext, InvalidInput | InvalidTransition> = {
  decide: decideSession,
  evolve: evolveSession
}

// ---------------------------------------------------------------------------
// Configuration

const configFields = ["sessionTypes", "categories", "units", "quorum", "majority", "poorRatingBelow"] as const

/**
 * Decides a change of a county's configuration (the current one, or the defaults, as the
 * state): one event naming the fields that changed, none when nothing does.
 *
 * @category rules
 * @since 0.4.0
 */
export const decideConfig = (
  state: DeliberationConfig | undefined,
  command: ConfigureDeliberation,
  context: { readonly at: Instant; readonly actor: ActorRef }
): Result.Result<ReadonlyArray<DeliberationConfigEvent>, never> => {
  const current = state!
  const next = { ...current } as { -readonly [K in keyof DeliberationConfig]: DeliberationConfig[K] }
  const changed: Array<string> = []
  for (const field of configFields) {
    const value = command[field]
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[field])) continue
    ;(next as Record<string, unknown>)[field] = value
    changed.push(field)
  }
  if (changed.length === 0) return Result.succeed([])
  return Result.succeed([{ type: "configured", at: context.at, actor: context.actor, config: { ...next, updatedAt: context.at }, changed }])
}

/**
 * The configuration decider.
 *
 * @category rules
 * @since 0.4.0
 */
export const deliberationConfigDecider: Decider<DeliberationConfig, ConfigureDeliberation, DeliberationConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, never> = {
  decide: decideConfig,
  evolve: (_state, event) => event.config
}
