/**
 * The party deciders: a registration's lifecycle (register, commit, record service,
 * withdraw) with its transition table as data, and a county's kinds of service. Pure: the
 * time, the new registration, the county's kinds, the new service's id and the day's
 * instant come in the context.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { CalendarDate, Instant } from "../kernel/time.js"
import type { ActivityId } from "../activities/model.js"
import type { ConfigureParty, PartyConfig, PartyConfigEvent, PartyService, PartyServiceId, Registration, RegistrationCommand, RegistrationEvent, RegistrationStatus } from "./model.js"

/**
 * The commands of the registration decider.
 *
 * @category models
 * @since 0.5.0
 */
export type RegistrationDecideCommand =
  | { readonly _tag: "Register"; readonly registration: Registration }
  | RecordActivityService
  | RegistrationCommand

/**
 * An activity the member attended, counted as service (by the activities reaction, never
 * over HTTP): its id, the hours it counts and the day it was held.
 *
 * @category models
 * @since 0.5.0
 */
export interface RecordActivityService {
  readonly _tag: "RecordActivity"
  readonly activityId: ActivityId
  readonly hours: number
  readonly servedOn: CalendarDate
}

/**
 * The kind of service an attended activity counts as.
 *
 * @category constants
 * @since 0.5.0
 */
export const ACTIVITY_SERVICE_KIND = "activity"

/**
 * What the registration decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface RegistrationDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The codes of the county's kinds of service. */
  readonly kinds: ReadonlyArray<string>
  /** Today in the county's calendar. */
  readonly today: CalendarDate
  /** The day the member registered, in the county's calendar. */
  readonly registeredOn?: CalendarDate | undefined
  /** For `RecordService` and `RecordActivity`: the new service's id and the instant its day starts. */
  readonly service?: { readonly id: PartyServiceId; readonly servedAt: Instant } | undefined
}

/**
 * The registration lifecycle as data: for each status, the commands it accepts and the
 * status they lead to. A command not listed is refused with `InvalidTransition`.
 *
 * @category models
 * @since 0.5.0
 */
export const registrationTransitions: Readonly<Record<RegistrationStatus, Partial<Record<RegistrationCommand["_tag"], RegistrationStatus>>>> = {
  active: { Commit: "active", RecordService: "active", Withdraw: "withdrawn" },
  withdrawn: {}
}

const unknownKinds = (field: string, codes: ReadonlyArray<string>, kinds: ReadonlyArray<string>): InvalidInput | undefined => {
  const bad = codes.find((c) => !kinds.includes(c))
  return bad === undefined ? undefined : invalidField(field, `is not one of the county's kinds of service: ${bad}`, `不是本区县配置的服务类型：${bad}`)
}

const serviceOf = (
  state: Registration,
  service: { readonly id: PartyServiceId; readonly servedAt: Instant },
  kind: string,
  hours: number,
  servedOn: CalendarDate,
  at: Instant,
  activityId?: ActivityId
): PartyService => ({
  id: service.id,
  registrationId: state.id,
  countyId: state.countyId,
  employerId: state.employerId,
  communityId: state.communityId,
  scope: state.scope,
  kind: kind as PartyService["kind"],
  hours,
  servedOn,
  servedAt: service.servedAt,
  recordedAt: at,
  ...(activityId === undefined ? {} : { activityId })
})

/**
 * The events a command causes on a registration, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decideRegistration = (
  state: Registration | undefined,
  command: RegistrationDecideCommand,
  context: RegistrationDecideContext
): Result.Result<ReadonlyArray<RegistrationEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at } = context
  if (command._tag === "Register") {
    if (state !== undefined) return Result.fail(invalidTransition("party member's registration", state.status, "Register"))
    const bad = unknownKinds("commitments", command.registration.commitments, context.kinds)
    return bad !== undefined ? Result.fail(bad) : Result.succeed([{ type: "registered", at, actor, registration: command.registration }])
  }
  if (state === undefined) return Result.fail(invalidTransition("party member's registration", "new", command._tag))
  if (command._tag === "RecordActivity") {
    // Only while serving, and only an activity held since the member registered; nothing otherwise.
    const servedOn = command.servedOn > context.today ? context.today : command.servedOn
    if (state.status !== "active" || context.service === undefined || (context.registeredOn !== undefined && servedOn < context.registeredOn)) return Result.succeed([])
    return Result.succeed([{ type: "serviceRecorded", at, actor, service: serviceOf(state, context.service, ACTIVITY_SERVICE_KIND, command.hours, servedOn, at, command.activityId) }])
  }
  if (registrationTransitions[state.status][command._tag] === undefined) return Result.fail(invalidTransition("party member's registration", state.status, command._tag))
  switch (command._tag) {
    case "Commit": {
      const bad = unknownKinds("commitments", command.commitments, context.kinds)
      if (bad !== undefined) return Result.fail(bad)
      const same = command.commitments.length === state.commitments.length && command.commitments.every((c, i) => c === state.commitments[i])
      return Result.succeed(same ? [] : [{ type: "committed", at, actor, commitments: [...new Set(command.commitments)] }])
    }
    case "RecordService": {
      const bad = unknownKinds("kind", [command.kind], context.kinds)
      if (bad !== undefined) return Result.fail(bad)
      const servedOn = command.servedOn ?? context.today
      if (servedOn > context.today) return Result.fail(invalidField("servedOn", "must not be later than today", "不能晚于今天"))
      if (context.registeredOn !== undefined && servedOn < context.registeredOn) {
        return Result.fail(invalidField("servedOn", "must not be before the day the member registered", "不能早于报到日期"))
      }
      if (context.service === undefined) return Result.fail(invalidField("servedOn", "must be a day of the county's calendar", "必须是本区县日历中的日期"))
      return Result.succeed([{ type: "serviceRecorded", at, actor, service: serviceOf(state, context.service, command.kind, command.hours, servedOn, at) }])
    }
    case "Withdraw":
      return Result.succeed([{ type: "withdrawn", at, actor }])
  }
}

/**
 * A registration after one event: a recorded service adds its hours to the tally.
 *
 * @category rules
 * @since 0.5.0
 */
export const evolveRegistration = (state: Registration | undefined, event: RegistrationEvent): Registration => {
  switch (event.type) {
    case "registered":
      return event.registration
    case "committed":
      return { ...state!, commitments: event.commitments, updatedAt: event.at }
    case "serviceRecorded":
      return { ...state!, hours: state!.hours + event.service.hours, services: state!.services + 1, updatedAt: event.at }
    case "withdrawn":
      return { ...state!, status: "withdrawn", withdrawnAt: event.at, updatedAt: event.at }
  }
}

/**
 * The registration decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const registrationDecider: Decider<Registration, RegistrationDecideCommand, RegistrationEvent, RegistrationDecideContext, InvalidInput | InvalidTransition> = {
  decide: decideRegistration,
  evolve: evolveRegistration
}

/**
 * The configuration decider: one event when the kinds change, none when they stay.
 *
 * @category rules
 * @since 0.5.0
 */
export const partyConfigDecider: Decider<PartyConfig, ConfigureParty, PartyConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, never> = {
  decide: (state, command, { actor, at }) =>
    Result.succeed(JSON.stringify(state!.serviceKinds) === JSON.stringify(command.serviceKinds)
      ? []
      : [{ type: "configured", at, actor, config: { ...state!, serviceKinds: command.serviceKinds, updatedAt: at }, changed: ["serviceKinds"] }]),
  evolve: (_state, event) => event.config
}
