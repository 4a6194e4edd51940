/**
 * The party reaction: a registered party member who attends an activity has served. In the
 * unit of work of the check-in (`activities.activity.checked_in`, by the code or by staff),
 * the activity's hours are recorded as a service of kind `activity` on the member's active
 * registration in the activity's county — the member's tally and the report per employer,
 * community and month count it — without staff recording it again.
 *
 * - **Hours**: the activity's planned duration (start to end) in half hours, rounded down,
 *   at least 0.5 and at most 24 (`PartyServiceHours`): `activityServiceHours`.
 * - **Day**: the activity's start in the county's calendar (today, when it starts later).
 * - **Once per activity**: a person checks in once per activity (the activity decider
 *   refuses a second check-in), and the service's id comes from the check-in event's id.
 * - Nothing for a person with no active registration in the county, nor for an activity
 *   held before the member registered.
 *
 * Other events cost one string comparison each.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { ActivitiesStore } from "../activities/store.js"
import type { ServiceActivity } from "../activities/model.js"
import { systemActor } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import type { StorageError } from "../kernel/errors.js"
import type { NewEvent } from "../kernel/events.js"
import type { IdGenerator, PersonId } from "../kernel/ids.js"
import { type Reaction, reacting } from "../kernel/reactions.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { localDate, startOfDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import { countyZone } from "../partners/service.js"
import { type RegistrationDecideCommand, type RegistrationDecideContext, registrationDecider } from "./machine.js"
import type { PartyServiceId, Registration, RegistrationEvent } from "./model.js"
import { recordRegistrationEvent } from "./rules.js"
import { PartyStore } from "./store.js"

const SYSTEM = systemActor()
const CHECKED_IN = "activities.activity.checked_in"
const HALF_HOUR_MS = 1_800_000
const decider: Decider<Registration, RegistrationDecideCommand, RegistrationEvent, RegistrationDecideContext, unknown> = registrationDecider

/**
 * The hours attending an activity counts as a party member's service: its planned duration
 * in half hours, rounded down, from 0.5 to 24.
 *
 * @category rules
 * @since 0.5.0
 */
export const activityServiceHours = (activity: Pick<ServiceActivity, "startsAt" | "endsAt">): number =>
  Math.min(24, Math.max(0.5, Math.floor((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / HALF_HOUR_MS) / 2))

/**
 * Builds the reaction over the party, activities and grid stores and the command pipeline
 * it writes through.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makePartyActivityReaction: Effect.Effect<Reaction, never, Commands | PartyStore | ActivitiesStore | GridStore> = Effect.gen(function*() {
  const commands = yield* Commands
  const store = yield* PartyStore
  const activities = yield* ActivitiesStore
  const zoneOf = countyZone(yield* GridStore)

  const record = (event: NewEvent): Effect.Effect<void, StorageError> =>
    Effect.gen(function*() {
      const activity = Option.getOrUndefined(yield* activities.getActivity(event.aggregateId as ServiceActivity["id"]))
      // The attendee is the one this event added: the attendance list's entry at the count it reports.
      const count = (event.payload as { readonly attended?: unknown }).attended
      const attendee = activity === undefined || typeof count !== "number" ? undefined : activity.attended[count - 1]
      if (activity === undefined || attendee === undefined) return
      const registration = yield* store.activeFor(activity.countyId, attendee.personId as PersonId)
      if (Option.isNone(registration)) return
      const zone = yield* zoneOf(activity.countyId)
      yield* Effect.orDie(commands.run({
        actor: SYSTEM,
        aggregate: "party member's registration",
        id: registration.value.id,
        decider,
        command: { _tag: "RecordActivity", activityId: activity.id, hours: activityServiceHours(activity), servedOn: localDate(activity.startsAt, zone) },
        load: Effect.succeed(registration.value),
        authorize: () => Effect.void,
        context: (r, at) => {
          const today = localDate(at, zone)
          const held = localDate(activity.startsAt, zone)
          const servedOn = held > today ? today : held
          return Effect.succeed({
            at,
            actor: { id: SYSTEM.id, kind: SYSTEM.kind },
            kinds: [],
            today,
            registeredOn: localDate(r!.registeredAt, zone),
            service: { id: `psr_${event.id.slice(4)}` as PartyServiceId, servedAt: startOfDate(servedOn, zone) }
          })
        },
        save: (next, expected) => store.update(next, expected),
        record: recordRegistrationEvent,
        followOn: (_before, _after, events) => Effect.forEach(events, (e) => (e.type === "serviceRecorded" ? store.insertService(e.service) : Effect.void), { discard: true })
      }))
    })

  return {
    name: "party activity service",
    react: (events) => {
      let todo: Array<Effect.Effect<void, StorageError>> | undefined
      for (const e of events) if (e.type === CHECKED_IN) (todo ??= []).push(record(e))
      return todo === undefined ? Effect.void : Effect.all(todo, { discard: true })
    }
  } satisfies Reaction
})

/**
 * Decorates the store's {@link EventLog} with the party reaction. Its own events
 * (`party.service.recorded`) are appended to the log it decorates: put this layer above the
 * reactions that must see them (the ledger of work, notifications).
 *
 * @category layers
 * @since 0.5.0
 */
export const layerPartyActivityReaction: Layer.Layer<EventLog, never, EventLog | UnitOfWork | IdGenerator | PartyStore | ActivitiesStore | GridStore> =
  Layer.unwrap(Effect.map(makePartyActivityReaction, (reaction) => reacting(reaction))).pipe(
    // A pipeline of its own over the log below the reaction (fresh: the shared one is built over the decorated log).
    Layer.provide(Layer.fresh(Commands.layer))
  )
