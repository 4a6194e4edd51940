/**
 * The commands that convene sessions and move items along, the events they cause, and
 * those events as the feed shows them.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Prose, Text } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ConfigKey } from "../kernel/vocabulary.js"
import { ResponsibleUnit } from "./config.js"
import { DeliberationItem, ItemId, ItemKind, Milestone, NamedPerson, ParticipantRole, Participants, RaiserInput, Session, SessionId, VoteResult } from "./item.js"
import { Count, expectedVersion, happened, Percent, Reason, rule, Score } from "./parts.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Commands

/**
 * Convene a session at a grid node. `convener` is a person in the actor's scope; absent,
 * the acting person.
 *
 * @category commands
 * @since 0.3.0
 */
export const ConveneSession = Schema.Struct({
  nodeId: GridNodeId,
  type: ConfigKey,
  heldAt: Instant,
  convener: optional(PersonId),
  participants: Schema.Array(Participants).check(Schema.isMaxLength(20, rule("must list at most 20 roles", "最多 20 类参会人员"))),
  agenda: Schema.Array(Text(200)).check(Schema.isMaxLength(50, rule("must list at most 50 points", "最多 50 项议程")))
})
/** @category commands @since 0.3.0 */
export type ConveneSession = typeof ConveneSession.Type

/**
 * Record a session's minutes (会议纪要).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordMinutes = Schema.Struct({ minutes: Prose(8000), expectedVersion })
/** @category commands @since 0.3.0 */
export type RecordMinutes = typeof RecordMinutes.Type

/**
 * Raise an item, at a session or on its own; with `parentId`, as a part of another item.
 * `raisedBy` absent: the acting person raised it.
 *
 * @category commands
 * @since 0.3.0
 */
export const RaiseItem = Schema.Struct({
  nodeId: GridNodeId,
  kind: ItemKind,
  sessionId: optional(SessionId),
  parentId: optional(ItemId),
  weight: optional(Schema.Finite.check(Schema.makeFilter((n: number) => n >= 0.01 && n <= 1000, rule("must be from 0.01 to 1000", "必须在 0.01 到 1000 之间")))),
  raisedBy: optional(RaiserInput),
  category: ConfigKey,
  title: Text(100),
  text: Prose(4000)
})
/** @category commands @since 0.3.0 */
export type RaiseItem = typeof RaiseItem.Type

/**
 * Every command on an existing item, tagged by `_tag`. `expectedVersion` guards against
 * lost updates. Ratings go through `Deliberation.rate`, which runs `Rate`.
 *
 * @category commands
 * @since 0.3.0
 */
export const ItemCommand = Schema.TaggedUnion({
  /** 现场答复: answer on the spot; the item closes with the answer. */
  Answer: { answer: Prose(2000), expectedVersion },
  /**
   * 认领: a responsible unit takes the item up, promising to resolve it by the end of
   * `promisedBy` in the county's calendar; `responsible` names the person who answers for it.
   */
  Accept: { unit: ConfigKey, promisedBy: CalendarDate, responsible: optional(PersonId), expectedVersion },
  /** A progress step. */
  RecordMilestone: { note: Prose(1000), progress: Percent, expectedVersion },
  /** 办结: what was done. */
  Resolve: { resolution: Prose(2000), expectedVersion },
  /** 通报: reported back at a later session. */
  ReportBack: { sessionId: SessionId, note: Prose(1000), expectedVersion },
  /** A vote of those present at a session, counts only. */
  Vote: {
    sessionId: SessionId,
    members: Count.check(Schema.isGreaterThanOrEqualTo(1, rule("must be at least 1", "至少为 1"))),
    present: Count,
    inFavour: Count,
    against: Count,
    abstained: Count,
    expectedVersion
  },
  /** 销号 */
  Close: { expectedVersion },
  /** Merge as a duplicate of another item. */
  Merge: { into: ItemId, expectedVersion },
  /** Decline with a reason. */
  Decline: { reason: Reason, expectedVersion },
  /** Reopen after a poor rating. */
  Reopen: { reason: Reason, expectedVersion }
})
/** @category commands @since 0.3.0 */
export type ItemCommand = typeof ItemCommand.Type

/**
 * A rating, as `Deliberation.rate` takes it. `personId` absent: the acting person rates;
 * staff with `deliberation.manage` may record the rating of a person in their scope (a
 * paper form handed in at a session), who must be entitled to rate the item themself.
 *
 * @category commands
 * @since 0.3.0
 */
export const RateItem = Schema.Struct({ score: Score, comment: optional(Prose(500)), personId: optional(PersonId) })
/** @category commands @since 0.3.0 */
export type RateItem = typeof RateItem.Type

// ---------------------------------------------------------------------------
// Events

/**
 * What happened to an item: a union discriminated by `type`. Events hold what the state
 * needs (free text and the people named included); what the log records of each is its
 * feed projection ({@link DeliberationFeedEvents}), without personal data.
 *
 * @category events
 * @since 0.4.0
 */
export const ItemEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("raised"), ...happened, initial: DeliberationItem }),
  Schema.Struct({ type: Schema.Literal("answered"), ...happened, answer: Prose(2000), publicAnswer: Schema.String }),
  Schema.Struct({
    type: Schema.Literal("accepted"),
    ...happened,
    unit: ResponsibleUnit,
    publicUnit: Schema.String,
    promisedBy: CalendarDate,
    dueAt: Instant,
    responsible: Schema.NullOr(NamedPerson)
  }),
  Schema.Struct({ type: Schema.Literal("voted"), ...happened, vote: VoteResult }),
  Schema.Struct({ type: Schema.Literal("milestone_recorded"), ...happened, milestone: Milestone, publicNote: Schema.String }),
  Schema.Struct({ type: Schema.Literal("resolved"), ...happened, resolution: Prose(2000), publicResolution: Schema.String }),
  Schema.Struct({ type: Schema.Literal("reported_back"), ...happened, sessionId: SessionId, note: Prose(1000) }),
  Schema.Struct({ type: Schema.Literal("rated"), ...happened, personId: PersonId, round: Schema.Int, score: Score, comment: Schema.NullOr(Prose(500)) }),
  Schema.Struct({ type: Schema.Literal("closed"), ...happened }),
  Schema.Struct({ type: Schema.Literal("merged"), ...happened, into: ItemId }),
  Schema.Struct({ type: Schema.Literal("declined"), ...happened, reason: Reason, publicReason: Schema.String }),
  Schema.Struct({ type: Schema.Literal("reopened"), ...happened, reason: Reason }),
  Schema.Struct({ type: Schema.Literal("progress_rolled_up"), ...happened, progress: Schema.Finite, children: Schema.Int })
])
/** @category events @since 0.3.0 */
export type ItemEvent = typeof ItemEvent.Type

/**
 * What happened to a session.
 *
 * @category events
 * @since 0.4.0
 */
export const SessionEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("convened"), ...happened, initial: Session }),
  Schema.Struct({ type: Schema.Literal("minutes_recorded"), ...happened, minutes: Prose(8000) })
])
/** @category events @since 0.4.0 */
export type SessionEvent = typeof SessionEvent.Type

// ---------------------------------------------------------------------------
// The feed

const none = {}
/** A vote's counts, as the item holds them, without the time (the feed's envelope has it). */
const { at: _at, ...voteCounts } = VoteResult.fields

/**
 * The deliberation events as the feed shows them (`GET /events`), one schema per type:
 * kinds, keys, counts, dates and ids of items and sessions, never a name, a phone, a person's
 * id or free text.
 *
 * @category events
 * @since 0.4.0
 */
export const DeliberationFeedEvents = [
  feedEvent("deliberation.item.raised", { kind: ItemKind, category: ConfigKey, nodeId: GridNodeId, sessionId: Schema.NullOr(SessionId), parentId: Schema.NullOr(ItemId) }),
  feedEvent("deliberation.item.answered", none),
  feedEvent("deliberation.item.accepted", { unit: ConfigKey, promisedBy: CalendarDate }),
  feedEvent("deliberation.item.voted", voteCounts),
  feedEvent("deliberation.item.milestone_recorded", { progress: Schema.Int }),
  feedEvent("deliberation.item.resolved", none),
  feedEvent("deliberation.item.reported_back", { sessionId: SessionId }),
  feedEvent("deliberation.item.rated", { score: Schema.Int }),
  feedEvent("deliberation.item.closed", none),
  feedEvent("deliberation.item.merged", { into: ItemId }),
  feedEvent("deliberation.item.declined", none),
  feedEvent("deliberation.item.reopened", none),
  feedEvent("deliberation.item.progress_rolled_up", { progress: Schema.Finite, children: Schema.Int }),
  feedEvent("deliberation.session.convened", { type: ConfigKey, heldAt: Instant, participants: Schema.Array(Schema.Struct({ role: ParticipantRole, count: Schema.Int })) }),
  feedEvent("deliberation.session.minutes_recorded", none),
  feedEvent("deliberation.config.changed", { changed: Schema.Array(Schema.String) })
] as const

