/**
 * The follow-up's schemas (回访): a rating asked of the people concerned when a need is
 * done, a mediation case resolved or a deliberation item reported back (现场评), what
 * happens when they do not answer, and the questionnaire weeks later ("was it solved?")
 * that can reopen the work. A county configures how many days a rating stays open, what
 * an unanswered one counts as, and after how many weeks the questionnaire goes out.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, PersonId } from "../kernel/ids.js"
import { Prose } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import type { Labels } from "../kernel/vocabulary.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey

/**
 * A follow-up of one piece of finished work: `fup_<ULID>`, the ULID of the event that
 * finished the work.
 *
 * @category ids
 * @since 0.5.0
 */
export const FollowUpId = Schema.String.check(idCheck("fup", { en: "a follow-up", zh: "回访" })).pipe(Schema.brand("FollowUpId"))
/** @category ids @since 0.5.0 */
export type FollowUpId = typeof FollowUpId.Type

/**
 * The questionnaire of a follow-up: `fuq_<ULID>`, the same ULID as its follow-up.
 *
 * @category ids
 * @since 0.5.0
 */
export const QuestionnaireId = Schema.String.check(idCheck("fuq", { en: "a questionnaire", zh: "回访问卷" })).pipe(Schema.brand("QuestionnaireId"))
/** @category ids @since 0.5.0 */
export type QuestionnaireId = typeof QuestionnaireId.Type

/**
 * The kind of work followed up: a need (matching), a mediation case, a deliberation item.
 *
 * @category models
 * @since 0.5.0
 */
export const Subject = Schema.Literals(["matching.need", "mediation.case", "deliberation.item"])
/** @category models @since 0.5.0 */
export type Subject = typeof Subject.Type

/**
 * @category models
 * @since 0.5.0
 */
export const SubjectLabels: Labels<Subject> = {
  "matching.need": { en: "need", zh: "需求" },
  "mediation.case": { en: "mediation case", zh: "调解案件" },
  "deliberation.item": { en: "deliberation item", zh: "议事事项" }
}

/**
 * What a rating not given in time counts as. `not_rated` (the default, and the only one that
 * ends without a reminder): counted as not rated, never as satisfied. `remind_once`: the
 * people are reminded once and given the same number of days again, then it counts as not
 * rated.
 *
 * @category models
 * @since 0.5.0
 */
export const LapseRule = Schema.Literals(["not_rated", "remind_once"])
/** @category models @since 0.5.0 */
export type LapseRule = typeof LapseRule.Type

const RatingDays = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 60 }, rule("must be from 1 to 60 days", "必须在 1 到 60 天之间")))
const QuestionnaireWeeks = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 26 }, rule("must be from 1 to 26 weeks", "必须在 1 到 26 周之间")))

/**
 * A county's follow-up configuration.
 *
 * @category models
 * @since 0.5.0
 */
export const FollowUpConfig = Schema.Struct({
  countyId: GridNodeId,
  /** Days (in the county's calendar) a rating stays open after the work is finished: 1–60, default 7. */
  ratingDays: RatingDays,
  /** What a rating not given in time counts as. */
  lapseRule: LapseRule,
  /** Weeks after the work is finished that the questionnaire goes out: 1–26, default 4. */
  questionnaireWeeks: QuestionnaireWeeks,
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type FollowUpConfig = typeof FollowUpConfig.Type

/**
 * A change to a county's follow-up configuration: only the parts given change.
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureFollowUp = Schema.Struct({
  ratingDays: optional(RatingDays),
  lapseRule: optional(LapseRule),
  questionnaireWeeks: optional(QuestionnaireWeeks),
  /** The version the change was made against: a stale one is refused. */
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.5.0 */
export type ConfigureFollowUp = typeof ConfigureFollowUp.Type

/**
 * Where the rating of a follow-up stands: `asked`, `reminded` (once, under `remind_once`),
 * `rated` (everyone asked rated), `lapsed` (someone did not rate in time: not rated).
 *
 * @category models
 * @since 0.5.0
 */
export const RatingState = Schema.Literals(["asked", "reminded", "rated", "lapsed"])
/** @category models @since 0.5.0 */
export type RatingState = typeof RatingState.Type

/**
 * Where the questionnaire of a follow-up stands: `waiting` for its date, `sent`,
 * `answered` by everyone asked.
 *
 * @category models
 * @since 0.5.0
 */
export const QuestionnaireState = Schema.Literals(["waiting", "sent", "answered"])
/** @category models @since 0.5.0 */
export type QuestionnaireState = typeof QuestionnaireState.Type

/**
 * One person's rating, as the work's own context recorded it: whether it counts as
 * satisfied (a need or item rated 4 or 5, a case rated satisfied or basically satisfied).
 *
 * @category models
 * @since 0.5.0
 */
export const GivenRating = Schema.Struct({ personId: PersonId, satisfied: Schema.Boolean, at: Instant })
/** @category models @since 0.5.0 */
export type GivenRating = typeof GivenRating.Type

/**
 * One person's answer to the questionnaire. The comment is personal: it stays here and
 * never reaches the feed.
 *
 * @category models
 * @since 0.5.0
 */
export const QuestionnaireAnswer = Schema.Struct({
  personId: PersonId,
  solved: Schema.Boolean,
  comment: Schema.NullOr(Prose(1000)),
  /** Whether this answer reopened the work (through its context's own reopen command). */
  reopened: Schema.Boolean,
  at: Instant
})
/** @category models @since 0.5.0 */
export type QuestionnaireAnswer = typeof QuestionnaireAnswer.Type

/**
 * The follow-up of one piece of finished work.
 *
 * @category models
 * @since 0.5.0
 */
export const FollowUpRecord = Schema.Struct({
  id: FollowUpId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The grid path of the work's node, root first. */
  scope: Schema.Array(GridNodeId),
  subject: Subject,
  subjectId: Schema.String,
  /** The people asked. */
  personIds: Schema.Array(PersonId),
  requestedAt: Instant,
  /** The day the work was finished, in the county's calendar. */
  requestedOn: CalendarDate,
  /** The last day to rate (inclusive, county calendar); moved once under `remind_once`. */
  dueDate: CalendarDate,
  /** The days and the rule in force when the rating was asked. */
  ratingDays: Schema.Int,
  lapseRule: LapseRule,
  rating: RatingState,
  ratings: Schema.Array(GivenRating),
  /** The people who did not rate in time. */
  lapsed: Schema.Array(PersonId),
  /** The day the questionnaire goes out (county calendar). */
  questionnaireOn: CalendarDate,
  questionnaire: QuestionnaireState,
  questionnaireSentAt: Schema.NullOr(Instant),
  answers: Schema.Array(QuestionnaireAnswer),
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.5.0 */
export type FollowUpRecord = typeof FollowUpRecord.Type

/**
 * A person's answer to a questionnaire, as they send it.
 *
 * @category commands
 * @since 0.5.0
 */
export const AnswerQuestionnaire = Schema.Struct({
  solved: Schema.Boolean,
  comment: optional(Prose(1000))
})
/** @category commands @since 0.5.0 */
export type AnswerQuestionnaire = typeof AnswerQuestionnaire.Type

const happened = { at: Instant, actor: ActorRef }

/**
 * What happens to a follow-up.
 *
 * @category models
 * @since 0.5.0
 */
export const FollowUpEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("requested"), ...happened, initial: FollowUpRecord }),
  Schema.Struct({ type: Schema.Literal("rated"), ...happened, ratings: Schema.Array(GivenRating) }),
  Schema.Struct({ type: Schema.Literal("reminded"), ...happened, personIds: Schema.Array(PersonId), dueDate: CalendarDate }),
  Schema.Struct({ type: Schema.Literal("lapsed"), ...happened, personIds: Schema.Array(PersonId) }),
  Schema.Struct({ type: Schema.Literal("questionnaire_sent"), ...happened, personIds: Schema.Array(PersonId) }),
  Schema.Struct({ type: Schema.Literal("questionnaire_answered"), ...happened, answer: QuestionnaireAnswer })
])
/** @category models @since 0.5.0 */
export type FollowUpEvent = typeof FollowUpEvent.Type

/**
 * What happens to a county's follow-up configuration.
 *
 * @category models
 * @since 0.5.0
 */
export const FollowUpConfigEvent = Schema.Struct({ type: Schema.Literal("changed"), ...happened, config: FollowUpConfig, changed: Schema.Array(Schema.String) })
/** @category models @since 0.5.0 */
export type FollowUpConfigEvent = typeof FollowUpConfigEvent.Type
