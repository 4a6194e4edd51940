/**
 * The visits deciders: a household's special-care marking, a visit's record and a county's
 * categories and reasons. Pure: the time, the new visit's id and place, the county's codes,
 * the visitor and the follow-ups already raised come in the context.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { GridNodeId, HouseholdId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type {
  CareEvent,
  CareHousehold,
  ConfigureVisits,
  HouseholdVisit,
  MarkHousehold,
  RaisedFollowUp,
  RecordVisit,
  VisitEvent,
  VisitId,
  VisitsConfig,
  VisitsConfigEvent
} from "./model.js"

/**
 * What the marking decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface MarkContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The codes of the county's categories. */
  readonly categories: ReadonlyArray<string>
  /** The household's id, county and node path (the node last). */
  readonly household: { readonly householdId: HouseholdId; readonly countyId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId> }
}

const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000")

/**
 * The events a marking causes: one when the categories change (or on the first marking),
 * none when they stay; a code not among the county's categories is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideMark = (state: CareHousehold | undefined, command: MarkHousehold, context: MarkContext): Result.Result<ReadonlyArray<CareEvent>, InvalidInput> => {
  const { actor, at, household } = context
  const unknown = command.categories.findIndex((c) => !context.categories.includes(c))
  if (unknown >= 0) {
    return Result.fail(invalidField(`categories.${unknown}`, `is not one of the county's special-care categories: ${command.categories[unknown]}`, `不是本区县配置的特殊关爱类别：${command.categories[unknown]}`))
  }
  if (state !== undefined && sameSet(state.categories, command.categories)) return Result.succeed([])
  const categories = [...command.categories].sort()
  const fresh = state === undefined || (state.categories.length === 0 && categories.length > 0)
  const next: CareHousehold = {
    householdId: household.householdId,
    countyId: household.countyId,
    nodeId: household.scope[household.scope.length - 1]!,
    scope: household.scope,
    categories,
    markedAt: fresh ? at : state.markedAt,
    updatedAt: at,
    version: state?.version ?? 0
  }
  return Result.succeed([{ type: "marked", at, actor, household: next }])
}

/**
 * The marking decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const careDecider: Decider<CareHousehold, MarkHousehold, CareEvent, MarkContext, InvalidInput> = {
  decide: decideMark,
  evolve: (_state, event) => event.household
}

/**
 * What the visit decider needs besides the command.
 *
 * @category models
 * @since 0.5.0
 */
export interface VisitContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The acting person, who made the visit. */
  readonly visitor: { readonly id: string; readonly name: string }
  /** The codes of the county's reasons. */
  readonly reasons: ReadonlyArray<string>
  /** The new visit's id and the household's county and node path (the node last). */
  readonly visit: { readonly id: VisitId; readonly countyId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId> }
  /** What the visit's follow-ups raised, in order. */
  readonly followUps: ReadonlyArray<RaisedFollowUp>
}

/**
 * The event a visit's record causes, or why it is refused: a visit is recorded once, not
 * in the future, for one of the county's reasons.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideVisit = (
  state: HouseholdVisit | undefined,
  command: RecordVisit,
  context: VisitContext
): Result.Result<ReadonlyArray<VisitEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at } = context
  if (state !== undefined) return Result.fail(invalidTransition("household visit", "recorded", "Record"))
  if (Date.parse(command.visitedAt) > Date.parse(at)) return Result.fail(invalidField("visitedAt", "must not be in the future", "不能晚于当前时间"))
  if (!context.reasons.includes(command.reason)) {
    return Result.fail(invalidField("reason", `is not one of the county's reasons for a visit: ${command.reason}`, `不是本区县配置的走访事由：${command.reason}`))
  }
  const { countyId, id, scope } = context.visit
  const visit: HouseholdVisit = {
    id,
    countyId,
    householdId: command.householdId,
    nodeId: scope[scope.length - 1]!,
    scope,
    visitor: context.visitor,
    visitedAt: new Date(Date.parse(command.visitedAt)).toISOString(),
    reason: command.reason,
    findings: command.findings,
    followUps: context.followUps,
    recordedAt: at,
    version: 0
  }
  return Result.succeed([{ type: "recorded", at, actor, visit }])
}

/**
 * The visit decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const visitDecider: Decider<HouseholdVisit, RecordVisit, VisitEvent, VisitContext, InvalidInput | InvalidTransition> = {
  decide: decideVisit,
  evolve: (_state, event) => event.visit
}

/**
 * The configuration decider: one event naming what changed, none when nothing did.
 *
 * @category rules
 * @since 0.5.0
 */
export const visitsConfigDecider: Decider<VisitsConfig, ConfigureVisits, VisitsConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, never> = {
  decide: (state, command, { actor, at }) => {
    const changed = (["categories", "reasons"] as const).filter((k) => JSON.stringify(state![k]) !== JSON.stringify(command[k]))
    return Result.succeed(changed.length === 0 ? [] : [{
      type: "configured",
      at,
      actor,
      config: { ...state!, categories: command.categories, reasons: command.reasons, updatedAt: at },
      changed
    }])
  },
  evolve: (_state, event) => event.config
}
