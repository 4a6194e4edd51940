/**
 * The follow-up's deciders: a follow-up (a rating asked, reminded, given or lapsed, then
 * a questionnaire sent and answered) and a county's configuration. Pure: the time, the
 * day in the county's calendar and whether the work was reopened come in with the command
 * or its context.
 *
 * The follow-up has two parts that move on their own: its rating and its questionnaire.
 * {@link ratingTransitions} and {@link questionnaireTransitions} are their tables as data.
 *
 * @since 0.5.0
 */
import { Result, Schema } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { conflict, type Conflict, forbidden, type Forbidden, fromSchemaError, type InvalidInput, type InvalidTransition, staleVersion } from "../kernel/errors.js"
import type { PersonId } from "../kernel/ids.js"
import { addDays, type CalendarDate, type Instant } from "../kernel/time.js"
import { type Labels, refusedCommand } from "../kernel/vocabulary.js"
import {
  type ConfigureFollowUp,
  type FollowUpRecord,
  FollowUpConfig,
  type FollowUpConfigEvent,
  type FollowUpEvent,
  type GivenRating,
  type QuestionnaireState,
  type RatingState
} from "./model.js"

/**
 * A step of a follow-up: `Request` (the work was finished), `Rate` (a person rated it in
 * its own context), the sweep's `Remind`, `Lapse` and `Send`, and a person's `Answer`.
 *
 * @category models
 * @since 0.5.0
 */
export type FollowUpStep = "Request" | "Rate" | "Remind" | "Lapse" | "Send" | "Answer"

/**
 * One arrow of a follow-up's tables.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpTransition<S extends string> {
  readonly from: S | "start"
  readonly step: FollowUpStep
  readonly to: S
}

/**
 * The rating's table: asked when the work is finished; rated once everyone asked rated;
 * after the last day, reminded once (under `remind_once`) or lapsed (not rated). A `Rate`
 * that leaves someone still to rate keeps the state.
 *
 * @category rules
 * @since 0.5.0
 */
export const ratingTransitions: ReadonlyArray<FollowUpTransition<RatingState>> = [
  { from: "start", step: "Request", to: "asked" },
  { from: "asked", step: "Rate", to: "asked" },
  { from: "asked", step: "Rate", to: "rated" },
  { from: "reminded", step: "Rate", to: "reminded" },
  { from: "reminded", step: "Rate", to: "rated" },
  { from: "asked", step: "Remind", to: "reminded" },
  { from: "asked", step: "Lapse", to: "lapsed" },
  { from: "reminded", step: "Lapse", to: "lapsed" }
]

/**
 * The questionnaire's table: waiting for its day, sent, answered once everyone asked
 * answered.
 *
 * @category rules
 * @since 0.5.0
 */
export const questionnaireTransitions: ReadonlyArray<FollowUpTransition<QuestionnaireState>> = [
  { from: "start", step: "Request", to: "waiting" },
  { from: "waiting", step: "Send", to: "sent" },
  { from: "sent", step: "Answer", to: "sent" },
  { from: "sent", step: "Answer", to: "answered" }
]

/**
 * A follow-up command. `Sweep` applies whatever is due on the county's day `today`: a
 * reminder or the lapse of the rating (from the day after its last day), the
 * questionnaire (from its day). `Answer` carries whether the work was reopened.
 *
 * @category commands
 * @since 0.5.0
 */
export type FollowUpCommand =
  | { readonly _tag: "Request"; readonly followUp: FollowUpRecord }
  | { readonly _tag: "Rate"; readonly ratings: ReadonlyArray<GivenRating> }
  | { readonly _tag: "Sweep"; readonly today: CalendarDate }
  | { readonly _tag: "Answer"; readonly personId: PersonId; readonly solved: boolean; readonly comment: string | null; readonly reopened: boolean }

/**
 * What a follow-up command is decided with.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpContext {
  readonly at: Instant
  readonly actor: ActorRef
}

const open = (s: RatingState) => s === "asked" || s === "reminded"

/**
 * Who has not rated yet.
 *
 * @category rules
 * @since 0.5.0
 */
export const stillToRate = (f: FollowUpRecord): ReadonlyArray<PersonId> => f.personIds.filter((p) => !f.ratings.some((r) => r.personId === p))

/**
 * The first day the sweep has something to do for a follow-up (the day after the rating's
 * last day, the questionnaire's day), or `null` when nothing is left to do.
 *
 * @category rules
 * @since 0.5.0
 */
export const nextDateOf = (f: FollowUpRecord): CalendarDate | null => {
  const dates = [...(open(f.rating) ? [addDays(f.dueDate, 1)] : []), ...(f.questionnaire === "waiting" ? [f.questionnaireOn] : [])].sort()
  return dates[0] ?? null
}

const stepLabels: Labels<FollowUpStep> = {
  Request: { en: "ask for a rating on", zh: "邀请评价" },
  Rate: { en: "rate", zh: "评价" },
  Remind: { en: "remind about", zh: "提醒评价" },
  Lapse: { en: "lapse", zh: "逾期未评" },
  Send: { en: "send the questionnaire of", zh: "发送回访问卷" },
  Answer: { en: "answer the questionnaire of", zh: "答复回访问卷" }
}
const questionnaireLabels: Labels<QuestionnaireState> = {
  waiting: { en: "waiting for its questionnaire", zh: "等待发送问卷" },
  sent: { en: "with its questionnaire sent", zh: "问卷已发送" },
  answered: { en: "answered", zh: "问卷已答复" }
}

/**
 * The refusal of an answer to a questionnaire that has not been sent (or was answered).
 *
 * @category constructors
 * @since 0.5.0
 */
export const refuseAnswer = (state: QuestionnaireState): InvalidTransition =>
  refusedCommand({ en: "follow-up", zh: "回访" }, state, "Answer", questionnaireLabels[state], stepLabels.Answer)

/**
 * The follow-up decider. What the work's own context records is never refused here: a
 * rating that comes late, or twice, changes nothing.
 *
 * @category rules
 * @since 0.5.0
 */
export const followUpDecider: Decider<FollowUpRecord, FollowUpCommand, FollowUpEvent, FollowUpContext, Conflict | Forbidden | InvalidTransition> = {
  decide: (state, command, { actor, at }) => {
    const base = { at, actor }
    if (command._tag === "Request") return Result.succeed(state === undefined ? [{ ...base, type: "requested", initial: command.followUp }] : [])
    const f = state!
    switch (command._tag) {
      case "Rate": {
        if (!open(f.rating)) return Result.succeed([])
        const waiting = new Set(stillToRate(f))
        const ratings = command.ratings.filter((r) => waiting.delete(r.personId))
        return Result.succeed(ratings.length === 0 ? [] : [{ ...base, type: "rated", ratings }])
      }
      case "Sweep": {
        const events: Array<FollowUpEvent> = []
        if (open(f.rating) && command.today > f.dueDate) {
          const personIds = stillToRate(f)
          events.push(
            f.lapseRule === "remind_once" && f.rating === "asked"
              ? { ...base, type: "reminded", personIds, dueDate: addDays(command.today, f.ratingDays - 1) }
              : { ...base, type: "lapsed", personIds }
          )
        }
        if (f.questionnaire === "waiting" && command.today >= f.questionnaireOn) events.push({ ...base, type: "questionnaire_sent", personIds: f.personIds })
        return Result.succeed(events)
      }
      case "Answer": {
        if (f.questionnaire === "waiting") return Result.fail(refuseAnswer(f.questionnaire))
        if (!f.personIds.includes(command.personId) || actor.id !== command.personId) {
          return Result.fail(forbidden("followup: Answer (only a person asked answers, for themselves)", `follow-up ${f.id}`, `回访 ${f.id}`))
        }
        if (f.answers.some((a) => a.personId === command.personId)) {
          return Result.fail(conflict("already_answered", `${command.personId} already answered this questionnaire`, `${command.personId} 已答复此回访问卷`))
        }
        return Result.succeed([{ ...base, type: "questionnaire_answered", answer: { personId: command.personId, solved: command.solved, comment: command.comment, reopened: command.reopened, at } }])
      }
    }
  },
  evolve: (state, event) => {
    if (event.type === "requested") return event.initial
    const f = { ...state!, updatedAt: event.at }
    switch (event.type) {
      case "rated": {
        const ratings = [...f.ratings, ...event.ratings]
        return { ...f, ratings, rating: f.personIds.every((p) => ratings.some((r) => r.personId === p)) ? "rated" : f.rating }
      }
      case "reminded":
        return { ...f, rating: "reminded", dueDate: event.dueDate }
      case "lapsed":
        return { ...f, rating: "lapsed", lapsed: event.personIds }
      case "questionnaire_sent":
        return { ...f, questionnaire: "sent", questionnaireSentAt: event.at }
      case "questionnaire_answered": {
        const answers = [...f.answers, event.answer]
        return { ...f, answers, questionnaire: f.personIds.every((p) => answers.some((a) => a.personId === p)) ? "answered" : "sent" }
      }
    }
  }
}

const decodeConfig = Schema.decodeUnknownResult(FollowUpConfig)
const configParts = ["ratingDays", "lapseRule", "questionnaireWeeks"] as const

/**
 * The decider of a county's follow-up configuration. The state is the stored
 * configuration, or the defaults (version 0); a change that changes nothing decides no
 * event.
 *
 * @category rules
 * @since 0.5.0
 */
export const followUpConfigDecider: Decider<FollowUpConfig, ConfigureFollowUp, FollowUpConfigEvent, FollowUpContext, InvalidInput | Conflict> = {
  decide: (state, { expectedVersion, ...asked }, { actor, at }) => {
    const current = state!
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      return Result.fail(staleVersion("follow-up configuration", current.countyId, expectedVersion, current.version))
    }
    const changed = configParts.filter((k) => asked[k] !== undefined && asked[k] !== current[k])
    // The whole configuration after the change is checked, every field named in the refusal.
    return changed.length === 0 ? Result.succeed([]) : Result.mapBoth(decodeConfig({ ...current, ...asked, updatedAt: at }, { errors: "all" }), {
      onFailure: (e) => fromSchemaError(e),
      onSuccess: (config) => [{ type: "changed" as const, at, actor, config, changed }]
    })
  },
  evolve: (_, event) => event.config
}
