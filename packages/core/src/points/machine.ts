/**
 * The hold lifecycle as a decider: `decide(state, command, context)` returns the events
 * (or the error) and `evolve(state, event)` the next state. Pure: the time and the
 * resolving transfer's id come in with the command. {@link holdTransitions} is the table
 * as data, for docs and tests.
 *
 * ```
 *   (none) ──place──▶ pending ──fulfil (pickup code)──▶ posted
 *                        │ ├──cancel──▶ voided
 *                        │ └──expire (after timeoutAt)──▶ expired
 * ```
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import { conflict, type Conflict, invalidField, type InvalidInput, invalidTransition, type InvalidTransition } from "../kernel/errors.js"
import type { Instant } from "../kernel/time.js"
import type { Hold, HoldStatus, TransferId } from "./model.js"

/**
 * What can be asked of a hold.
 *
 * @category models
 * @since 0.2.0
 */
export type HoldCommand =
  | { readonly _tag: "Place"; readonly hold: Omit<Hold, "status" | "resolutionId" | "resolvedAt" | "version"> }
  | { readonly _tag: "Fulfil"; readonly pickupCode: string; readonly transferId: TransferId; readonly at: Instant }
  | { readonly _tag: "Cancel"; readonly transferId: TransferId; readonly at: Instant }
  | { readonly _tag: "Expire"; readonly transferId: TransferId; readonly at: Instant }

/**
 * What happened to a hold.
 *
 * @category models
 * @since 0.2.0
 */
export type HoldEvent =
  | { readonly _tag: "HoldPlaced"; readonly hold: Omit<Hold, "status" | "resolutionId" | "resolvedAt" | "version"> }
  | { readonly _tag: "HoldPosted"; readonly transferId: TransferId; readonly at: Instant }
  | { readonly _tag: "HoldVoided"; readonly transferId: TransferId; readonly at: Instant; readonly reason: "cancelled" | "expired" }

/**
 * One row of the transition table.
 *
 * @category models
 * @since 0.2.0
 */
export interface HoldTransition {
  readonly from: HoldStatus | "none"
  readonly command: HoldCommand["_tag"]
  readonly to: HoldStatus
  readonly event: HoldEvent["_tag"]
}

/**
 * Every allowed transition; any other (state, command) pair is an `InvalidTransition`.
 *
 * @category models
 * @since 0.2.0
 */
export const holdTransitions: ReadonlyArray<HoldTransition> = [
  { from: "none", command: "Place", to: "pending", event: "HoldPlaced" },
  { from: "pending", command: "Fulfil", to: "posted", event: "HoldPosted" },
  { from: "pending", command: "Cancel", to: "voided", event: "HoldVoided" },
  { from: "pending", command: "Expire", to: "expired", event: "HoldVoided" }
]

const verb: Record<HoldCommand["_tag"], string> = { Place: "place", Fulfil: "fulfil", Cancel: "cancel", Expire: "expire" }

/**
 * Decides a command against the hold's state (`undefined`: no hold yet).
 *
 * @category rules
 * @since 0.2.0
 */
export const decide = (state: Hold | undefined, command: HoldCommand): Result.Result<ReadonlyArray<HoldEvent>, InvalidTransition | InvalidInput | Conflict> => {
  const from = state?.status ?? "none"
  if (!holdTransitions.some((t) => t.from === from && t.command === command._tag)) {
    return Result.fail(invalidTransition("hold", from, verb[command._tag]))
  }
  switch (command._tag) {
    case "Place":
      return Result.succeed([{ _tag: "HoldPlaced", hold: command.hold }])
    case "Fulfil": {
      const hold = state!
      if (command.at >= hold.timeoutAt) {
        return Result.fail(conflict("hold_timed_out", `hold ${hold.id} timed out at ${hold.timeoutAt}`, `冻结 ${hold.id} 已于 ${hold.timeoutAt} 超时`))
      }
      if (command.pickupCode !== hold.pickupCode) {
        return Result.fail(invalidField("pickupCode", `does not match the pickup code of hold ${hold.id}`, `与冻结 ${hold.id} 的核销码不符`))
      }
      return Result.succeed([{ _tag: "HoldPosted", transferId: command.transferId, at: command.at }])
    }
    case "Cancel":
      return Result.succeed([{ _tag: "HoldVoided", transferId: command.transferId, at: command.at, reason: "cancelled" }])
    case "Expire": {
      const hold = state!
      if (command.at < hold.timeoutAt) {
        return Result.fail(conflict("hold_not_due", `hold ${hold.id} times out at ${hold.timeoutAt}, not yet`, `冻结 ${hold.id} 将于 ${hold.timeoutAt} 超时，尚未到期`))
      }
      return Result.succeed([{ _tag: "HoldVoided", transferId: command.transferId, at: command.at, reason: "expired" }])
    }
  }
}

/**
 * Applies an event to the hold's state.
 *
 * @category rules
 * @since 0.2.0
 */
export const evolve = (state: Hold | undefined, event: HoldEvent): Hold => {
  switch (event._tag) {
    case "HoldPlaced":
      return { ...event.hold, status: "pending", resolutionId: null, resolvedAt: null, version: 1 }
    case "HoldPosted":
      return { ...state!, status: "posted", resolutionId: event.transferId, resolvedAt: event.at, version: state!.version + 1 }
    case "HoldVoided":
      return { ...state!, status: event.reason === "cancelled" ? "voided" : "expired", resolutionId: event.transferId, resolvedAt: event.at, version: state!.version + 1 }
  }
}
