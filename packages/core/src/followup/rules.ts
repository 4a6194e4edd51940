/**
 * The follow-up's pure policy: the county's defaults, the days a rating and a
 * questionnaire fall on in the county's calendar, which ratings count as satisfied, and
 * the statistics facts of a follow-up and their sums. A rating not given in time is never
 * counted as satisfied: the satisfaction rate's denominator is everyone whose time to rate
 * is over, rated or not.
 *
 * @since 0.5.0
 */
import type { GridNodeId } from "../kernel/ids.js"
import { addDays, type CalendarDate } from "../kernel/time.js"
import type { FollowUpRecord, FollowUpConfig, FollowUpId, QuestionnaireId, Subject } from "./model.js"

/**
 * The configuration a county has before it saves its own: 7 days to rate, counted as not
 * rated after that, the questionnaire after 4 weeks.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultFollowUpConfig = (countyId: GridNodeId): FollowUpConfig => ({
  countyId,
  ratingDays: 7,
  lapseRule: "not_rated",
  questionnaireWeeks: 4,
  version: 0,
  updatedAt: null
})

/**
 * The follow-up caused by the event with this id (`evt_<ULID>` → `fup_<ULID>`): the same
 * event always causes the same follow-up.
 *
 * @category rules
 * @since 0.5.0
 */
export const followUpIdOf = (eventId: string): FollowUpId => `fup_${eventId.slice(eventId.indexOf("_") + 1)}` as FollowUpId

/**
 * The questionnaire of a follow-up, and back.
 *
 * @category rules
 * @since 0.5.0
 */
export const questionnaireIdOf = (id: FollowUpId): QuestionnaireId => `fuq_${id.slice(4)}` as QuestionnaireId

/** @category rules @since 0.5.0 */
export const followUpOfQuestionnaire = (id: QuestionnaireId): FollowUpId => `fup_${id.slice(4)}` as FollowUpId

/**
 * The days of a follow-up asked on `requestedOn` (county calendar): the last day to rate
 * and the day the questionnaire goes out.
 *
 * @category rules
 * @since 0.5.0
 */
export const followUpDates = (requestedOn: CalendarDate, config: FollowUpConfig): { readonly dueDate: CalendarDate; readonly questionnaireOn: CalendarDate } => ({
  dueDate: addDays(requestedOn, config.ratingDays),
  questionnaireOn: addDays(requestedOn, config.questionnaireWeeks * 7)
})

/**
 * Whether a need's or item's rating (1–5) counts as satisfied: 4 or 5.
 *
 * @category rules
 * @since 0.5.0
 */
export const satisfiedScore = (score: number): boolean => score >= 4

/**
 * The statistics facts of one follow-up: people counted, not pieces of work (a case asks
 * each party who is a person).
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpFacts {
  readonly subject: Subject
  /** Pieces of work followed up. */
  readonly followUps: number
  readonly asked: number
  readonly rated: number
  readonly satisfied: number
  /** Not rated in time: counted as not rated. */
  readonly lapsed: number
  readonly questionnairesSent: number
  readonly answered: number
  readonly solved: number
  readonly notSolved: number
  /** Answers that reopened the work. */
  readonly reopened: number
}

/**
 * The facts of one follow-up.
 *
 * @category rules
 * @since 0.5.0
 */
export const factsOf = (f: FollowUpRecord): FollowUpFacts => ({
  subject: f.subject,
  followUps: 1,
  asked: f.personIds.length,
  rated: f.ratings.length,
  satisfied: f.ratings.filter((r) => r.satisfied).length,
  lapsed: f.lapsed.length,
  questionnairesSent: f.questionnaire === "waiting" ? 0 : f.personIds.length,
  answered: f.answers.length,
  solved: f.answers.filter((a) => a.solved).length,
  notSolved: f.answers.filter((a) => !a.solved).length,
  reopened: f.answers.filter((a) => a.reopened).length
})

/**
 * The numeric facts, in the order stores sum them.
 *
 * @category rules
 * @since 0.5.0
 */
export const factColumns = ["followUps", "asked", "rated", "satisfied", "lapsed", "questionnairesSent", "answered", "solved", "notSolved", "reopened"] as const

/**
 * Sums facts by subject.
 *
 * @category rules
 * @since 0.5.0
 */
export const sumFacts = (facts: Iterable<FollowUpFacts>): Array<FollowUpFacts> => {
  const by = new Map<Subject, Record<string, number>>()
  for (const f of facts) {
    const sum = by.get(f.subject) ?? Object.fromEntries(factColumns.map((c) => [c, 0]))
    for (const c of factColumns) sum[c] = sum[c]! + f[c]
    by.set(f.subject, sum)
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([subject, sum]) => ({ subject, ...sum }) as FollowUpFacts)
}

/**
 * A share, rounded to 4 decimals; `null` when there is nothing to divide.
 *
 * @category rules
 * @since 0.5.0
 */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000)

/**
 * The people a follow-up waits for: those still to rate while the rating is open, and
 * those still to answer while the questionnaire is out.
 *
 * @category rules
 * @since 0.5.0
 */
export const waitingFor = (f: FollowUpRecord): ReadonlyArray<FollowUpRecord["personIds"][number]> =>
  f.personIds.filter((p) =>
    ((f.rating === "asked" || f.rating === "reminded") && !f.ratings.some((r) => r.personId === p)) ||
    (f.questionnaire === "sent" && !f.answers.some((a) => a.personId === p)))
