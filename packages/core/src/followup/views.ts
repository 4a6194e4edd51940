/**
 * What the follow-up shows: a person's open ratings and questionnaires, a subtree's
 * statistics, and the feed events (ids, days and booleans; never a comment).
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import type { Recorded } from "../kernel/decider.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { type FollowUpConfig, type FollowUpConfigEvent, type FollowUpEvent, FollowUpId, type FollowUpRecord, QuestionnaireId, RatingState, Subject } from "./model.js"
import { type FollowUpFacts, questionnaireIdOf, share, sumFacts } from "./rules.js"

/**
 * One follow-up waiting for a person: the rating still to give (现场评) and the
 * questionnaire still to answer, each `null` when it does not wait for them.
 *
 * @category views
 * @since 0.5.0
 */
export const MyFollowUp = Schema.Struct({
  id: FollowUpId,
  subject: Subject,
  subjectId: Schema.String,
  nodeId: GridNodeId,
  requestedOn: CalendarDate,
  rating: Schema.NullOr(Schema.Struct({ state: RatingState, dueDate: CalendarDate })),
  questionnaire: Schema.NullOr(Schema.Struct({ id: QuestionnaireId, sentAt: Instant, question: Schema.Struct({ en: Schema.String, zh: Schema.String }) }))
})
/** @category views @since 0.5.0 */
export type MyFollowUp = typeof MyFollowUp.Type

/**
 * The question every questionnaire asks.
 *
 * @category views
 * @since 0.5.0
 */
export const QUESTION = { en: "Was it solved?", zh: "问题解决了吗？" } as const

/**
 * A follow-up as it waits for one person.
 *
 * @category views
 * @since 0.5.0
 */
export const myFollowUpOf = (f: FollowUpRecord, personId: PersonId): MyFollowUp => {
  const rates = (f.rating === "asked" || f.rating === "reminded") && !f.ratings.some((r) => r.personId === personId)
  const answers = f.questionnaire === "sent" && f.questionnaireSentAt !== null && !f.answers.some((a) => a.personId === personId)
  return {
    id: f.id,
    subject: f.subject,
    subjectId: f.subjectId,
    nodeId: f.nodeId,
    requestedOn: f.requestedOn,
    rating: rates ? { state: f.rating, dueDate: f.dueDate } : null,
    questionnaire: answers ? { id: questionnaireIdOf(f.id), sentAt: f.questionnaireSentAt!, question: QUESTION } : null
  }
}

/**
 * A person's answer as recorded: whether it reopened the work.
 *
 * @category views
 * @since 0.5.0
 */
export const QuestionnaireAnswered = Schema.Struct({
  questionnaireId: QuestionnaireId,
  subject: Subject,
  subjectId: Schema.String,
  solved: Schema.Boolean,
  /** Whether the answer reopened the work (its context's rules may refuse). */
  reopened: Schema.Boolean
})
/** @category views @since 0.5.0 */
export type QuestionnaireAnswered = typeof QuestionnaireAnswered.Type

const Counts = {
  /** Pieces of work followed up. */
  followUps: Schema.Int,
  /** People asked to rate. */
  asked: Schema.Int,
  rated: Schema.Int,
  /** Ratings that count as satisfied. */
  satisfied: Schema.Int,
  /** Not rated in time: counted as not rated, never as satisfied. */
  lapsed: Schema.Int,
  questionnairesSent: Schema.Int,
  answered: Schema.Int,
  solved: Schema.Int,
  notSolved: Schema.Int,
  /** Answers that reopened the work. */
  reopened: Schema.Int,
  /** rated ÷ (rated + lapsed): of those whose time to rate is over, who rated. */
  ratedRate: Schema.NullOr(Schema.Finite),
  /** satisfied ÷ (rated + lapsed): a rating not given is never satisfied. */
  satisfactionRate: Schema.NullOr(Schema.Finite),
  /** solved ÷ answered. */
  solvedRate: Schema.NullOr(Schema.Finite)
}

/**
 * A subtree's follow-up statistics for the work finished in a period of local days.
 *
 * @category views
 * @since 0.5.0
 */
export const FollowUpStatistics = Schema.Struct({
  rootId: GridNodeId,
  from: Schema.NullOr(CalendarDate),
  to: Schema.NullOr(CalendarDate),
  ...Counts,
  bySubject: Schema.Array(Schema.Struct({ subject: Subject, ...Counts }))
})
/** @category views @since 0.5.0 */
export type FollowUpStatistics = typeof FollowUpStatistics.Type

const countsOf = (f: Omit<FollowUpFacts, "subject">) => ({
  followUps: f.followUps,
  asked: f.asked,
  rated: f.rated,
  satisfied: f.satisfied,
  lapsed: f.lapsed,
  questionnairesSent: f.questionnairesSent,
  answered: f.answered,
  solved: f.solved,
  notSolved: f.notSolved,
  reopened: f.reopened,
  ratedRate: share(f.rated, f.rated + f.lapsed),
  satisfactionRate: share(f.satisfied, f.rated + f.lapsed),
  solvedRate: share(f.solved, f.answered)
})

/**
 * The statistics of summed facts.
 *
 * @category views
 * @since 0.5.0
 */
export const statisticsOf = (rootId: GridNodeId, period: { readonly from?: CalendarDate | undefined; readonly to?: CalendarDate | undefined }, facts: ReadonlyArray<FollowUpFacts>): FollowUpStatistics => {
  const bySubject = sumFacts(facts)
  const total = sumFacts(bySubject.map((f) => ({ ...f, subject: "matching.need" as const })))[0] ?? { ...countsZero, subject: "matching.need" as const }
  return { rootId, from: period.from ?? null, to: period.to ?? null, ...countsOf(total), bySubject: bySubject.map((f) => ({ subject: f.subject, ...countsOf(f) })) }
}
const countsZero = { followUps: 0, asked: 0, rated: 0, satisfied: 0, lapsed: 0, questionnairesSent: 0, answered: 0, solved: 0, notSolved: 0, reopened: 0 }

/**
 * The period of statistics: local days, both ends included, either optional.
 *
 * @category models
 * @since 0.5.0
 */
export const FollowUpPeriod = Schema.Struct({ from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) })
/** @category models @since 0.5.0 */
export type FollowUpPeriod = typeof FollowUpPeriod.Type

/**
 * How a follow-up event reads in the log: the work, the people asked (ids), days and
 * booleans; never a comment.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordFollowUpEvent = (event: FollowUpEvent, after: FollowUpRecord): Recorded => {
  const about = { subject: after.subject, subjectId: after.subjectId }
  const scope = after.scope
  switch (event.type) {
    case "requested":
      return { type: "followup.rating.requested", scope, payload: { ...about, personIds: event.initial.personIds, dueDate: event.initial.dueDate } }
    case "rated":
      return { type: "followup.rating.rated", scope, payload: { ...about, personIds: event.ratings.map((r) => r.personId) } }
    case "reminded":
      return { type: "followup.rating.reminded", scope, payload: { ...about, personIds: event.personIds, dueDate: event.dueDate } }
    case "lapsed":
      return { type: "followup.rating.lapsed", scope, payload: { ...about, personIds: event.personIds } }
    case "questionnaire_sent":
      return { type: "followup.questionnaire.sent", scope, payload: { ...about, personIds: event.personIds, questionnaireId: questionnaireIdOf(after.id) } }
    case "questionnaire_answered":
      return { type: "followup.questionnaire.answered", scope, payload: { ...about, solved: event.answer.solved, reopened: event.answer.reopened } }
  }
}

/**
 * How a configuration change reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordFollowUpConfigEvent = (event: FollowUpConfigEvent, after: FollowUpConfig): Recorded => ({
  type: "followup.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

const about = { subject: Subject, subjectId: Schema.String }
const people = Schema.Array(PersonId)

/**
 * The follow-up's events as the feed shows them.
 *
 * @category schemas
 * @since 0.5.0
 */
export const FollowUpFeedEvents = [
  feedEvent("followup.rating.requested", { ...about, personIds: people, dueDate: CalendarDate }),
  feedEvent("followup.rating.rated", { ...about, personIds: people }),
  feedEvent("followup.rating.reminded", { ...about, personIds: people, dueDate: CalendarDate }),
  feedEvent("followup.rating.lapsed", { ...about, personIds: people }),
  feedEvent("followup.questionnaire.sent", { ...about, personIds: people, questionnaireId: QuestionnaireId }),
  feedEvent("followup.questionnaire.answered", { ...about, solved: Schema.Boolean, reopened: Schema.Boolean }),
  feedEvent("followup.config.changed", { changed: Schema.Array(Schema.String) })
] as const
