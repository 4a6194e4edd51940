/**
 * The follow-up's reaction: in the unit of work of the event that finishes a piece of
 * work, it asks the people concerned to rate it; in the unit of work of the event that
 * records their rating, it marks them rated.
 *
 * | event | who is asked, or who rated |
 * | --- | --- |
 * | `matching.need.done_reported` | the need's requester is asked |
 * | `matching.need.confirmed` | the requester rated (the confirmation carries the 1–5 rating) |
 * | `mediation.case.resolved` | the parties who are people of the county are asked |
 * | `mediation.case.rated` | the parties rated, by party |
 * | `deliberation.item.reported_back` | the raiser, when a person of the county, is asked |
 * | `deliberation.item.rated` | the raiser rated, when they rated themselves (a rating given on their behalf is found by the sweep) |
 *
 * Other events cost one map lookup each.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { systemActor } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import type { Conflict, Forbidden, InvalidTransition, StorageError } from "../kernel/errors.js"
import type { NewEvent } from "../kernel/events.js"
import type { GridNodeId, IdGenerator, PersonId } from "../kernel/ids.js"
import { type Reaction, reacting } from "../kernel/reactions.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, localDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type { ItemId } from "../deliberation/item.js"
import { DeliberationStore } from "../deliberation/store.js"
import type { NeedId } from "../matching/model.js"
import { MatchingStore } from "../matching/store.js"
import type { CaseId } from "../mediation/model.js"
import { MediationStore } from "../mediation/store.js"
import { type FollowUpCommand, type FollowUpContext, followUpDecider } from "./machine.js"
import type { FollowUpEvent, FollowUpRecord, GivenRating, Subject } from "./model.js"
import { defaultFollowUpConfig, followUpDates, followUpIdOf, satisfiedScore } from "./rules.js"
import { FollowUpStore } from "./store.js"
import { recordFollowUpEvent } from "./views.js"

const SYSTEM = systemActor()
const AGGREGATE = "follow-up"
// The decider, with the pipeline's storage errors beside its own.
const decider: Decider<FollowUpRecord, FollowUpCommand, FollowUpEvent, FollowUpContext, Conflict | Forbidden | InvalidTransition | StorageError> = followUpDecider

/** What a finished piece of work tells the follow-up: where it is and whom to ask. */
interface Finished {
  readonly countyId: GridNodeId
  readonly nodeId: GridNodeId
  readonly scope: ReadonlyArray<GridNodeId>
  readonly personIds: ReadonlyArray<PersonId>
}

type Handler = (event: NewEvent) => Effect.Effect<void, StorageError>

/**
 * Builds the reaction over the stores it reads and the command pipeline it writes through.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeFollowUpReaction: Effect.Effect<Reaction, never, Commands | FollowUpStore | GridStore | MatchingStore | MediationStore | DeliberationStore> = Effect.gen(function*() {
  const commands = yield* Commands
  const store = yield* FollowUpStore
  const grid = yield* GridStore
  const matching = yield* MatchingStore
  const mediation = yield* MediationStore
  const deliberation = yield* DeliberationStore

  const run = (id: FollowUpRecord["id"], command: FollowUpCommand) =>
    commands.run({
      actor: SYSTEM,
      aggregate: AGGREGATE,
      id,
      decider,
      command,
      load: Effect.map(store.get(id), Option.getOrUndefined),
      authorize: () => Effect.void,
      context: (_, at) => Effect.succeed({ at, actor: { id: SYSTEM.id, kind: SYSTEM.kind } }),
      save: (next, expected) => store.save(next, expected),
      record: recordFollowUpEvent
    })

  /** Asks the people concerned, once per event that finished the work. */
  const ask = (event: NewEvent, subject: Subject, work: Finished | undefined): Effect.Effect<void, StorageError> =>
    work === undefined || work.personIds.length === 0 ? Effect.void : Effect.gen(function*() {
      const config = Option.getOrElse(yield* store.getConfig(work.countyId), () => defaultFollowUpConfig(work.countyId))
      const county = yield* grid.getCounty(work.countyId)
      const zone = Option.isSome(county) ? county.value.timeZone : DEFAULT_TIME_ZONE
      const requestedOn = localDate(event.at, zone)
      const { dueDate, questionnaireOn } = followUpDates(requestedOn, config)
      const id = followUpIdOf(event.id)
      yield* Effect.orDie(run(id, {
        _tag: "Request",
        followUp: {
          id,
          countyId: work.countyId,
          nodeId: work.nodeId,
          scope: work.scope,
          subject,
          subjectId: event.aggregateId,
          personIds: [...new Set(work.personIds)],
          requestedAt: event.at,
          requestedOn,
          dueDate,
          ratingDays: config.ratingDays,
          lapseRule: config.lapseRule,
          rating: "asked",
          ratings: [],
          lapsed: [],
          questionnaireOn,
          questionnaire: "waiting",
          questionnaireSentAt: null,
          answers: [],
          version: 0,
          updatedAt: event.at
        }
      }))
    })

  /** Marks people rated on the newest follow-up of the work whose rating is open. */
  const rated = (subject: Subject, subjectId: string, ratings: ReadonlyArray<GivenRating>): Effect.Effect<void, StorageError> =>
    ratings.length === 0 ? Effect.void : Effect.gen(function*() {
      const open = (yield* store.forSubject(subject, subjectId)).find((f) => f.rating === "asked" || f.rating === "reminded")
      if (open !== undefined) yield* Effect.orDie(run(open.id, { _tag: "Rate", ratings }))
    })

  const handlers = new Map<string, Handler>([
    ["matching.need.done_reported", (e) =>
      Effect.flatMap(matching.getNeed(e.aggregateId as NeedId), (found) =>
        ask(e, "matching.need", Option.match(found, {
          onNone: () => undefined,
          onSome: (n) => ({ countyId: n.countyId, nodeId: n.nodeId, scope: n.scope, personIds: [n.requester.id] })
        })))],
    ["matching.need.confirmed", (e) =>
      Effect.flatMap(matching.getNeed(e.aggregateId as NeedId), (found) =>
        Option.isNone(found) || typeof e.payload["rating"] !== "number"
          ? Effect.void
          : rated("matching.need", e.aggregateId, [{ personId: found.value.requester.id, satisfied: satisfiedScore(e.payload["rating"]), at: e.at }]))],
    ["mediation.case.resolved", (e) =>
      Effect.flatMap(mediation.get(e.aggregateId as CaseId), (found) =>
        ask(e, "mediation.case", Option.match(found, {
          onNone: () => undefined,
          onSome: (c) => ({ countyId: c.countyId, nodeId: c.nodeId, scope: c.scope, personIds: c.parties.flatMap((p) => (p.kind === "person" ? [p.personId] : [])) })
        })))],
    ["mediation.case.rated", (e) =>
      Effect.flatMap(mediation.get(e.aggregateId as CaseId), (found) => {
        if (Option.isNone(found)) return Effect.void
        const given = Array.isArray(e.payload["ratings"]) ? (e.payload["ratings"] as ReadonlyArray<{ readonly party: number; readonly rating: string }>) : []
        const parties = found.value.parties
        return rated("mediation.case", e.aggregateId, given.flatMap((r) => {
          const party = parties[r.party]
          return party?.kind === "person" ? [{ personId: party.personId, satisfied: r.rating !== "unsatisfied", at: e.at }] : []
        }))
      })],
    ["deliberation.item.reported_back", (e) =>
      Effect.flatMap(deliberation.getItem(e.aggregateId as ItemId), (found) =>
        ask(e, "deliberation.item", Option.match(found, {
          onNone: () => undefined,
          onSome: (i) => ({ countyId: i.countyId, nodeId: i.nodeId, scope: i.scope, personIds: i.raisedBy._tag === "Person" ? [i.raisedBy.personId] : [] })
        })))],
    ["deliberation.item.rated", (e) =>
      e.actor.kind !== "person" || typeof e.payload["score"] !== "number"
        ? Effect.void
        : rated("deliberation.item", e.aggregateId, [{ personId: e.actor.id as PersonId, satisfied: satisfiedScore(e.payload["score"]), at: e.at }])]
  ])

  return {
    name: "follow-up",
    react: (events) => {
      let todo: Array<Effect.Effect<void, StorageError>> | undefined
      for (const e of events) {
        const handler = handlers.get(e.type)
        if (handler !== undefined) (todo ??= []).push(handler(e))
      }
      return todo === undefined ? Effect.void : Effect.all(todo, { discard: true })
    }
  } satisfies Reaction
})

/**
 * Decorates the store's {@link EventLog} with the follow-up's reaction. The follow-up's
 * own events are appended to the log it decorates: put this layer above any reaction that
 * must see them (notifications), e.g.
 * `contexts.pipe(Layer.provideMerge(FollowUp.layerReaction), Layer.provideMerge(notifying), Layer.provideMerge(store))`.
 *
 * @category layers
 * @since 0.5.0
 */
export const layerFollowUpReaction: Layer.Layer<
  EventLog,
  never,
  EventLog | UnitOfWork | IdGenerator | FollowUpStore | GridStore | MatchingStore | MediationStore | DeliberationStore
> = Layer.unwrap(Effect.map(makeFollowUpReaction, (reaction) => reacting(reaction))).pipe(
  // A pipeline of its own over the log below the reaction (fresh: the shared one is built over the decorated log).
  Layer.provide(Layer.fresh(Commands.layer))
)
