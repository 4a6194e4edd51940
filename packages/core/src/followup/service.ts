/**
 * The follow-up's use cases (回访):
 * - **sweep** (`FollowUp.sweep(countyId, at)`, for the daily job): on the county's day of
 *   `at`, ratings past their last day are reminded once or lapse (counted as not rated),
 *   questionnaires whose day has come are sent; each step happens once however often it runs;
 * - **answer**: the person asked answers "was it solved?" for themselves; "not solved"
 *   reopens the work through its own context's reopen command, as far as that context's
 *   rules allow (a need by its requester; a case or an item by the system on the person's
 *   behalf);
 * - **mine**: the ratings and questionnaires waiting for the acting person;
 * - **statistics** of a subtree (`followup.read`), **configure** a county
 *   (`followup.configure`) and read its configuration (`county.config.read`).
 *
 * The ratings are asked by the follow-up's reaction ({@link FollowUp.layerReaction}) in the
 * unit of work of the event that finishes the work.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option, Result, Schema } from "effect"
import { Access, type AccessService } from "../kernel/access.js"
import { type Actor, systemActor } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import { type Conflict, type Forbidden, fromSchemaError, invalidField, type InvalidInput, type InvalidTransition, type NotFound, notFound, type StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import type { Directory } from "../kernel/directory.js"
import { DEFAULT_TIME_ZONE, type Instant, localDate, now } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type { ItemId } from "../deliberation/item.js"
import { Deliberation } from "../deliberation/service.js"
import { DeliberationStore } from "../deliberation/store.js"
import type { NeedId } from "../matching/model.js"
import { Matching } from "../matching/service.js"
import type { CaseId } from "../mediation/model.js"
import { Mediation } from "../mediation/service.js"
import { type FollowUpCommand, followUpConfigDecider, type FollowUpContext, followUpDecider, stillToRate } from "./machine.js"
import { AnswerQuestionnaire, ConfigureFollowUp, type FollowUpConfig, type FollowUpConfigEvent, type FollowUpEvent, type FollowUpRecord, QuestionnaireId } from "./model.js"
import { layerFollowUpReaction } from "./reaction.js"
import { defaultFollowUpConfig, followUpOfQuestionnaire, satisfiedScore } from "./rules.js"
import { FollowUpStore } from "./store.js"
import { type FollowUpPeriod, type FollowUpStatistics, type MyFollowUp, myFollowUpOf, type QuestionnaireAnswered, recordFollowUpConfigEvent, recordFollowUpEvent, statisticsOf } from "./views.js"

/**
 * Every error a follow-up use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type FollowUpError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, FollowUpError>

/**
 * What one sweep did: follow-ups looked at, and those it changed.
 *
 * @category models
 * @since 0.5.0
 */
export interface SweepOutcome {
  readonly processed: number
  readonly changed: number
}

/**
 * The follow-up's use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class FollowUp extends Context.Service<FollowUp, {
  /** Changes a county's follow-up configuration (`followup.configure` in the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureFollowUp) => Fx<FollowUpConfig>
  /** A county's configuration, or its defaults (`county.config.read`). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<FollowUpConfig>
  /**
   * Applies what is due on the county's day of `at` (default: now): reminders, lapses
   * (counted as not rated) and questionnaires. Runs as the system; each step once.
   */
  readonly sweep: (countyId: GridNodeId, at?: Instant) => Effect.Effect<SweepOutcome, NotFound | Conflict | StorageError>
  /** The person asked answers their questionnaire; "not solved" reopens the work where its context allows. */
  readonly answer: (actor: Actor, questionnaireId: QuestionnaireId, command: AnswerQuestionnaire) => Fx<QuestionnaireAnswered>
  /** The ratings and questionnaires waiting for the acting person. */
  readonly mine: (actor: Actor) => Fx<ReadonlyArray<MyFollowUp>>
  /** A subtree's statistics for work finished in a period of local days (`followup.read`). */
  readonly statistics: (actor: Actor, rootId: GridNodeId, period?: FollowUpPeriod) => Fx<FollowUpStatistics>
}>()("@mulin/core/followup/FollowUp") {
  /**
   * The use cases over the kernel services given.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layerNoDeps: Layer.Layer<FollowUp, never, FollowUpStore | GridStore | DeliberationStore | Access | Commands | UnitOfWork | Matching | Mediation | Deliberation> = Layer.effect(
    FollowUp,
    Effect.gen(function*() {
      return makeFollowUp({
        store: yield* FollowUpStore,
        grid: yield* GridStore,
        items: yield* DeliberationStore,
        access: yield* Access,
        commands: yield* Commands,
        uow: yield* UnitOfWork,
        matching: yield* Matching,
        mediation: yield* Mediation,
        deliberation: yield* Deliberation
      })
    })
  )

  /**
   * The use cases over the ports and the three contexts whose work they follow up.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<
    FollowUp,
    never,
    FollowUpStore | GridStore | DeliberationStore | Directory | UnitOfWork | EventLog | IdGenerator | Matching | Mediation | Deliberation
  > = FollowUp.layerNoDeps.pipe(Layer.provide(layerKernel))

  /**
   * The reaction that asks for ratings, decorating the store's event log (see
   * `layerFollowUpReaction`).
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layerReaction = layerFollowUpReaction
}

interface Deps {
  readonly store: FollowUpStore["Service"]
  readonly grid: GridStore["Service"]
  readonly items: DeliberationStore["Service"]
  readonly access: AccessService
  readonly commands: Commands["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly matching: Matching["Service"]
  readonly mediation: Mediation["Service"]
  readonly deliberation: Deliberation["Service"]
}

const SYSTEM = systemActor()
const AGGREGATE = "follow-up"
// The deciders, with the errors of the whole pipeline beside theirs.
const decider: Decider<FollowUpRecord, FollowUpCommand, FollowUpEvent, FollowUpContext, FollowUpError> = followUpDecider
const configDecider: Decider<FollowUpConfig, ConfigureFollowUp, FollowUpConfigEvent, FollowUpContext, FollowUpError> = followUpConfigDecider
const QUESTIONNAIRE = "questionnaire"
/** Follow-ups swept in one unit of work. */
const SWEEP_BATCH = 100
const REASON = "Follow-up: the person asked says it was not solved (回访：群众反映问题未解决)"

const decodeConfigure = Schema.decodeUnknownEffect(ConfigureFollowUp)
const decodeAnswer = Schema.decodeUnknownEffect(AnswerQuestionnaire)
const isQuestionnaireId = Schema.is(QuestionnaireId)

const makeFollowUp = (deps: Deps): FollowUp["Service"] => {
  const { access, commands, deliberation, grid, items, matching, mediation, store, uow } = deps

  const zoneOf = (countyId: GridNodeId) =>
    Effect.map(grid.getCounty(countyId), (c) => (Option.isSome(c) ? c.value.timeZone : DEFAULT_TIME_ZONE))

  const loadConfig = (countyId: GridNodeId) =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultFollowUpConfig(countyId)))

  /** Runs a command on a follow-up, loaded in the unit of work (or as just read there: `loaded`). */
  const run = (actor: Actor, f: FollowUpRecord, command: FollowUpCommand, loaded = false) =>
    commands.run({
      actor,
      aggregate: AGGREGATE,
      id: f.id,
      decider,
      command,
      load: loaded ? Effect.succeed(f) : Effect.map(store.get(f.id), Option.getOrUndefined),
      authorize: () => Effect.void,
      context: (_, at) => Effect.succeed({ at, actor: { id: actor.id, kind: actor.kind } }),
      save: (next, expected) => store.save(next, expected),
      record: recordFollowUpEvent
    })

  /**
   * Ratings of an item given on a person's behalf are not in the log under their id: before
   * a rating lapses, the item's own ratings are read.
   */
  const reconcile = (f: FollowUpRecord, today: string): Effect.Effect<boolean, FollowUpError> =>
    Effect.gen(function*() {
      if (f.subject !== "deliberation.item" || !(f.rating === "asked" || f.rating === "reminded") || !(today > f.dueDate)) return false
      const item = yield* items.getItem(f.subjectId as ItemId)
      if (Option.isNone(item)) return false
      const found = []
      for (const personId of stillToRate(f)) {
        const r = yield* items.findRating(item.value.id, item.value.reopenCount, personId)
        if (Option.isSome(r)) found.push({ personId, satisfied: satisfiedScore(r.value.score), at: r.value.at })
      }
      if (found.length === 0) return false
      yield* run(SYSTEM, f, { _tag: "Rate", ratings: found })
      return true
    })

  /** Reopens the work through its own context; `false` when that context's rules refuse. */
  const reopen = (actor: Actor, f: FollowUpRecord): Effect.Effect<boolean, StorageError> => {
    const attempt: Effect.Effect<unknown, FollowUpError> = f.subject === "matching.need"
      ? matching.execute(actor, f.subjectId as NeedId, { _tag: "Reopen", reason: REASON })
      : f.subject === "mediation.case"
      ? mediation.execute(SYSTEM, f.subjectId as CaseId, { _tag: "Reopen", reason: REASON })
      // The raiser's "not solved" reopens the item whatever its rating; anyone else's, as a
      // poor rating would.
      : deliberation.reopenNotSolved(SYSTEM, f.subjectId as ItemId, { personId: actor.id as PersonId, reason: REASON }).pipe(
        Effect.catchTag("InvalidInput", () => deliberation.execute(SYSTEM, f.subjectId as ItemId, { _tag: "Reopen", reason: REASON }))
      )
    return attempt.pipe(
      Effect.as(true),
      Effect.catch((e) => (e._tag === "StorageError" ? Effect.fail(e) : Effect.succeed(false)))
    )
  }

  return FollowUp.of({
    configure: (actor, countyId, input) =>
      Effect.gen(function*() {
        const command = yield* Effect.mapError(decodeConfigure(input, { errors: "all" }), (e) => fromSchemaError(e))
        const result = yield* commands.run({
          actor,
          aggregate: "follow-up configuration",
          id: countyId,
          decider: configDecider,
          command,
          load: loadConfig(countyId),
          authorize: () => Effect.asVoid(access.inCounty(actor, "followup.configure", countyId)),
          context: (_, at) => Effect.succeed({ at, actor: { id: actor.id, kind: actor.kind } }),
          save: (next, expected) => store.saveConfig(next, expected),
          record: recordFollowUpConfigEvent
        })
        return result.state
      }),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "county.config.read", countyId), loadConfig(countyId)),

    sweep: (countyId, at) =>
      Effect.gen(function*() {
        if (Option.isNone(yield* grid.getCounty(countyId))) return yield* Effect.fail(notFound("county", countyId))
        const instant = at ?? (yield* now)
        const today = localDate(instant, yield* zoneOf(countyId))
        let processed = 0
        let changed = 0
        for (;;) {
          // A batch a unit of work: each follow-up's state says what is left, so a batch run again does nothing twice.
          const due = yield* store.due(countyId, today, SWEEP_BATCH)
          const moved = yield* uow.transaction(Effect.gen(function*() {
            let n = 0
            for (const f of due) {
              // Read in this unit of work: unchanged unless a rating was found for it.
              const reconciled = yield* reconcile(f, today)
              if ((yield* run(SYSTEM, f, { _tag: "Sweep", today }, !reconciled)).events.length > 0) n++
            }
            return n
          })).pipe(Effect.catchTag(["Forbidden", "InvalidTransition", "InvalidInput"], (e) => Effect.die(e)))
          processed += due.length
          changed += moved
          if (due.length < SWEEP_BATCH || moved === 0) break
        }
        return { processed, changed }
      }),

    answer: (actor, questionnaireId, input) =>
      Effect.gen(function*() {
        if (!isQuestionnaireId(questionnaireId)) return yield* Effect.fail(invalidField("questionnaireId", "must be a questionnaire id like fuq_01JDZ6Y5V6Q2N8W3X4K7H9M0AB", "必须是回访问卷编号，形如 fuq_01JDZ6Y5V6Q2N8W3X4K7H9M0AB"))
        const command = yield* Effect.mapError(decodeAnswer(input, { errors: "all" }), (e) => fromSchemaError(e))
        return yield* uow.transaction(Effect.gen(function*() {
          const found = yield* store.get(followUpOfQuestionnaire(questionnaireId))
          if (Option.isNone(found)) return yield* Effect.fail(notFound(QUESTIONNAIRE, questionnaireId))
          const f = found.value
          const involved = actor.kind === "person" && f.personIds.includes(actor.id as PersonId)
          yield* access.check(actor, "followup.answer", { entity: QUESTIONNAIRE, id: questionnaireId, nodeId: f.nodeId }, { county: f.countyId, read: "followup.read", involved })
          const answer = { _tag: "Answer", personId: actor.id as PersonId, solved: command.solved, comment: command.comment ?? null, reopened: false } as const
          // Refused before anything is reopened: the questionnaire must be out, and the person's own to answer once.
          const first = followUpDecider.decide(f, answer, { at: f.updatedAt, actor: { id: actor.id, kind: actor.kind } })
          if (Result.isFailure(first)) return yield* Effect.fail(first.failure)
          const reopened = command.solved ? false : yield* reopen(actor, f)
          yield* run(actor, f, { ...answer, reopened })
          return { questionnaireId, subject: f.subject, subjectId: f.subjectId, solved: command.solved, reopened }
        }))
      }),

    mine: (actor) =>
      actor.kind !== "person"
        ? Effect.succeed([])
        : Effect.map(store.waitingFor(actor.id as PersonId), (found) => found.map((f) => myFollowUpOf(f, actor.id as PersonId))),

    statistics: (actor, rootId, period = {}) =>
      Effect.gen(function*() {
        if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
          return yield* Effect.fail(invalidField("from", "must be on or before `to`", "不能晚于 `to`"))
        }
        const place = yield* access.at(actor, "followup.read", rootId)
        const facts = yield* store.statistics({ scope: [...place.path, place.id], from: period.from, to: period.to })
        return statisticsOf(rootId, period, facts)
      })
  })
}
