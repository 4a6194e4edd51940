/**
 * The intake deciders: a request's lifecycle and a county's configuration. Pure: the time,
 * the new request (its id, reference, place and follow code's hash), the route's target and
 * the request merged into come in the command or the context. {@link intakeTransitions} is
 * the lifecycle as data: the decider refuses every (status, command) pair it does not list.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { Instant } from "../kernel/time.js"
import type { ConfigureIntake, IntakeConfig, IntakeConfigEvent, IntakeEvent, IntakeRequestId, IntakeRoute, IntakeStatus, RejectReason, StoredIntakeRequest } from "./model.js"

/**
 * A command on a request, as the decider takes it.
 *
 * @category commands
 * @since 0.5.0
 */
export type IntakeCommand =
  | { readonly _tag: "Receive"; readonly request: Omit<StoredIntakeRequest, "reference" | "receivedAt"> }
  | { readonly _tag: "Accept" }
  | { readonly _tag: "Route"; readonly route: IntakeRoute }
  | { readonly _tag: "Resolve"; readonly outcome: string | null }
  | { readonly _tag: "Reject"; readonly reason: RejectReason; readonly outcome: string | null }
  | { readonly _tag: "Merge"; readonly into: { readonly id: IntakeRequestId; readonly reference: string } }
  | { readonly _tag: "Rate"; readonly rating: number }

/**
 * What the request decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The new request's reference number (a `Receive` only). */
  readonly reference?: string | undefined
  /** The status of the request merged into (a `Merge` only). */
  readonly intoStatus?: IntakeStatus | undefined
}

/**
 * The lifecycle: from each status, the commands allowed and the status they lead to. A
 * request is received once (no status before it). Routing, resolving or rejecting a request
 * not yet accepted accepts it first (routing and resolving record the response too).
 *
 * @category rules
 * @since 0.5.0
 */
export const intakeTransitions: Readonly<Record<IntakeStatus, Partial<Record<Exclude<IntakeCommand["_tag"], "Receive">, IntakeStatus>>>> = {
  received: { Accept: "accepted", Route: "routed", Resolve: "resolved", Reject: "rejected", Merge: "merged" },
  accepted: { Route: "routed", Resolve: "resolved", Reject: "rejected", Merge: "merged" },
  routed: { Resolve: "resolved" },
  resolved: { Rate: "resolved" },
  rejected: { Rate: "rejected" },
  merged: {}
}

/**
 * The statuses of an open request: one a duplicate may be merged into.
 *
 * @category rules
 * @since 0.5.0
 */
export const openIntakeStatuses: ReadonlyArray<IntakeStatus> = ["received", "accepted", "routed"]

const verb: Record<IntakeCommand["_tag"], string> = {
  Receive: "receive",
  Accept: "accept",
  Route: "route",
  Resolve: "resolve",
  Reject: "reject",
  Merge: "merge",
  Rate: "rate"
}

/**
 * The events a command causes, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideIntake = (
  state: StoredIntakeRequest | undefined,
  command: IntakeCommand,
  context: IntakeContext
): Result.Result<ReadonlyArray<IntakeEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at } = context
  const event = (type: IntakeEvent["type"], patch: IntakeEvent["patch"]): IntakeEvent => ({ type, at, actor, patch })
  if (command._tag === "Receive") {
    if (state !== undefined) return Result.fail(invalidTransition("intake request", state.status, verb.Receive))
    if (context.reference === undefined) return Result.fail(invalidField("reference", "a new request needs a reference number", "新诉求需要受理编号"))
    return Result.succeed([event("received", { ...command.request, reference: context.reference, receivedAt: at })])
  }
  if (state === undefined) return Result.fail(invalidTransition("intake request", "absent", verb[command._tag]))
  const next = intakeTransitions[state.status][command._tag]
  if (next === undefined) return Result.fail(invalidTransition("intake request", state.status, verb[command._tag]))
  const accepting = state.status === "received" && (command._tag === "Route" || command._tag === "Resolve")
  const accepted = accepting ? [event("accepted", { status: "accepted", acceptedAt: at })] : []
  switch (command._tag) {
    case "Accept":
      return Result.succeed([event("accepted", { status: "accepted", acceptedAt: at })])
    case "Route":
      return Result.succeed([...accepted, event("routed", { status: "routed", routedAt: at, route: command.route })])
    case "Resolve":
      return Result.succeed([...accepted, event("resolved", { status: "resolved", closedAt: at, outcome: command.outcome })])
    case "Reject":
      return Result.succeed([event("rejected", { status: "rejected", closedAt: at, rejectReason: command.reason, outcome: command.outcome })])
    case "Merge":
      if (command.into.id === state.id) return Result.fail(invalidField("into", "must be another request", "必须是另一条诉求"))
      if (context.intoStatus === undefined || !openIntakeStatuses.includes(context.intoStatus)) {
        return Result.fail(invalidField("into", `must be an open request (received, accepted or routed); ${command.into.reference} is ${context.intoStatus ?? "absent"}`, `必须是办理中的诉求；${command.into.reference} 处于「${context.intoStatus ?? "不存在"}」状态`))
      }
      return Result.succeed([event("merged", { status: "merged", closedAt: at, mergedInto: command.into })])
    case "Rate":
      if (state.rating !== null) return Result.fail(invalidTransition("intake request", "rated", verb.Rate))
      return Result.succeed([event("rated", { rating: command.rating })])
  }
}

/**
 * The request decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const intakeDecider: Decider<StoredIntakeRequest, IntakeCommand, IntakeEvent, IntakeContext, InvalidInput | InvalidTransition> = {
  decide: decideIntake,
  evolve: (state, event) => ({ ...state!, ...event.patch }) as StoredIntakeRequest
}

/**
 * The configuration decider: one event naming what changed, none when nothing did.
 *
 * @category rules
 * @since 0.5.0
 */
export const intakeConfigDecider: Decider<IntakeConfig, ConfigureIntake, IntakeConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, never> = {
  decide: (state, command, { actor, at }) => {
    const changed = (["categories", "referencePrefix"] as const).filter((k) => JSON.stringify(state![k]) !== JSON.stringify(command[k]))
    return Result.succeed(changed.length === 0 ? [] : [{
      type: "configured",
      at,
      actor,
      config: { ...state!, categories: command.categories, referencePrefix: command.referencePrefix, updatedAt: at },
      changed
    }])
  },
  evolve: (_state, event) => event.config
}
