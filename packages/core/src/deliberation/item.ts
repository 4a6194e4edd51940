/**
 * Deliberation sessions (议事会 · 圆桌会 · 接待日) and items (议题 / 意见建议 / 微点子): their
 * ids, states and kinds, the people named on them, a session's participants and minutes,
 * and an item with its progress, vote, ratings and the redacted text the public board
 * shows.
 *
 * People are the one identity: who raised an item, who convened a session, who answers for
 * an item and who rated it are grid people (`PersonId`), or — for a raiser or a convener the
 * county does not register — an outsider recorded as such. Their names and phones are
 * personal data: they live on the item, are readable only by staff with
 * `deliberation.read` (and by the raiser), never enter the event log, and never reach the
 * public progress board (晾晒), whose free text is redacted when it is written
 * (`DeliberationItem.public`).
 *
 * @since 0.4.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { Phone, Prose, Text } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ConfigKey, type Labels, OpenStatus } from "../kernel/vocabulary.js"
import { ResponsibleUnit } from "./config.js"
import { Count, Percent, rule, Score, Version } from "./parts.js"

// ---------------------------------------------------------------------------
// Ids

/**
 * A deliberation session (议事会议): `dls_<ULID>`.
 *
 * @category ids
 * @since 0.3.0
 */
export const SessionId = Schema.String.check(idCheck("dls", { en: "a deliberation session", zh: "议事会议" })).pipe(Schema.brand("SessionId"))
/** @category ids @since 0.3.0 */
export type SessionId = typeof SessionId.Type

/**
 * A deliberation item (议题 / 意见建议 / 微点子): `dli_<ULID>`.
 *
 * @category ids
 * @since 0.3.0
 */
export const ItemId = Schema.String.check(idCheck("dli", { en: "a deliberation item", zh: "议事事项" })).pipe(Schema.brand("ItemId"))
/** @category ids @since 0.3.0 */
export type ItemId = typeof ItemId.Type

/**
 * A fresh {@link SessionId}.
 *
 * @category constructors
 * @since 0.3.0
 */
export const newSessionId: Effect.Effect<SessionId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `dls_${u}` as SessionId))

/**
 * A fresh {@link ItemId}.
 *
 * @category constructors
 * @since 0.3.0
 */
export const newItemId: Effect.Effect<ItemId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `dli_${u}` as ItemId))

// ---------------------------------------------------------------------------
// States

/**
 * The detailed state of an item. See `machine.ts` for the transitions.
 *
 * @category models
 * @since 0.3.0
 */
export const ItemState = Schema.Literals([
  "raised",
  "answered",
  "accepted",
  "in_progress",
  "resolved",
  "reported",
  "rated",
  "closed",
  "merged",
  "declined"
])
/** @category models @since 0.3.0 */
export type ItemState = typeof ItemState.Type

/**
 * Bilingual names of the item states.
 *
 * @category models
 * @since 0.3.0
 */
export const ItemStateLabels: Labels<ItemState> = {
  raised: { en: "raised", zh: "已提出" },
  answered: { en: "answered on the spot", zh: "现场答复" },
  accepted: { en: "accepted for follow-up", zh: "已认领" },
  in_progress: { en: "in progress", zh: "办理中" },
  resolved: { en: "resolved", zh: "已办结" },
  reported: { en: "reported back", zh: "已通报" },
  rated: { en: "rated", zh: "已评价" },
  closed: { en: "closed", zh: "已销号" },
  merged: { en: "merged as a duplicate", zh: "已合并" },
  declined: { en: "declined", zh: "不予采纳" }
}

/**
 * The coarse status beside the detailed state: `open` until the item is answered, closed,
 * merged or declined.
 *
 * @category models
 * @since 0.3.0
 */
export const ItemStatus = OpenStatus
/** @category models @since 0.3.0 */
export type ItemStatus = typeof ItemStatus.Type

/**
 * What was raised: a topic for deliberation (议题), an opinion or suggestion (意见建议), a
 * micro-idea handed in at any time (微点子).
 *
 * @category models
 * @since 0.3.0
 */
export const ItemKind = Schema.Literals(["topic", "suggestion", "micro_idea"])
/** @category models @since 0.3.0 */
export type ItemKind = typeof ItemKind.Type

/**
 * Who takes part in a session.
 *
 * @category models
 * @since 0.3.0
 */
export const ParticipantRole = Schema.Literals(["residents", "property_company", "owners_committee", "departments", "party_members", "cadres"])
/** @category models @since 0.3.0 */
export type ParticipantRole = typeof ParticipantRole.Type

// ---------------------------------------------------------------------------
// People

/**
 * A grid person named on an item or a session, with their name as the directory had it when
 * it was recorded.
 *
 * @category models
 * @since 0.4.0
 */
export const NamedPerson = Schema.TaggedStruct("Person", { personId: PersonId, name: Text(40) })
/** @category models @since 0.4.0 */
export type NamedPerson = typeof NamedPerson.Type

/**
 * Someone the county does not register as a person (a visitor, a tenant who is not on a
 * household, a cadre from elsewhere), recorded as such: a name and, optionally, a phone.
 *
 * @category models
 * @since 0.4.0
 */
export const Outsider = Schema.TaggedStruct("Outside", { name: Text(40), phone: Schema.NullOr(Phone) })
/** @category models @since 0.4.0 */
export type Outsider = typeof Outsider.Type

/**
 * Who raised an item or convened a session: a grid person, or an outsider recorded as such.
 * Personal data.
 *
 * @category models
 * @since 0.3.0
 */
export const Raiser = Schema.Union([NamedPerson, Outsider])
/** @category models @since 0.3.0 */
export type Raiser = typeof Raiser.Type

/**
 * Who raised an item, as a command names it: a person by id (staff naming someone in their
 * scope), or an outsider. Absent: the acting person.
 *
 * @category commands
 * @since 0.4.0
 */
export const RaiserInput = Schema.Union([
  Schema.TaggedStruct("Person", { personId: PersonId }),
  Schema.TaggedStruct("Outside", { name: Text(40), phone: Schema.optionalKey(Phone) })
])
/** @category commands @since 0.4.0 */
export type RaiserInput = typeof RaiserInput.Type

// ---------------------------------------------------------------------------
// Sessions

/**
 * Who took part in a session, by role: how many, and (for organisations: the property
 * company, departments, the owners' committee) which. Organisation names are shown to staff
 * with `deliberation.read` only: they are never on the public board nor in the event feed.
 *
 * @category models
 * @since 0.3.0
 */
export const Participants = Schema.Struct({
  role: ParticipantRole,
  count: Count,
  names: Schema.Array(Text(60)).check(Schema.isMaxLength(50, rule("must list at most 50 names", "最多 50 个名称")))
})
/** @category models @since 0.3.0 */
export type Participants = typeof Participants.Type

/**
 * A deliberation session: a round table, a residents' council, a reception day…
 *
 * @category models
 * @since 0.3.0
 */
export const Session = Schema.Struct({
  id: SessionId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  placeName: Schema.String,
  type: ConfigKey,
  heldAt: Instant,
  /** Who convened it: a grid person (an outsider only for sessions recorded before 0.4). */
  convener: Raiser,
  participants: Schema.Array(Participants),
  agenda: Schema.Array(Text(200)),
  minutes: Schema.NullOr(Prose(8000)),
  version: Version,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Session = typeof Session.Type

// ---------------------------------------------------------------------------
// Items

/**
 * A progress step of the responsible unit.
 *
 * @category models
 * @since 0.3.0
 */
export const Milestone = Schema.Struct({ note: Prose(1000), progress: Percent, at: Instant })
/** @category models @since 0.3.0 */
export type Milestone = typeof Milestone.Type

/**
 * The result of a vote of those present: counts only, never who voted how.
 *
 * @category models
 * @since 0.3.0
 */
export const VoteResult = Schema.Struct({
  sessionId: SessionId,
  members: Schema.Int,
  present: Schema.Int,
  inFavour: Schema.Int,
  against: Schema.Int,
  abstained: Schema.Int,
  quorumMet: Schema.Boolean,
  passed: Schema.Boolean,
  at: Instant
})
/** @category models @since 0.3.0 */
export type VoteResult = typeof VoteResult.Type

/**
 * An item's free text as the public board shows it: redacted when it was written, with the
 * names of the people involved and of the residents and people around its node masked,
 * and every phone and ID-card number masked in any spacing. `milestones` follows
 * `DeliberationItem.milestones` one for one.
 *
 * @category models
 * @since 0.4.0
 */
export const PublicText = Schema.Struct({
  title: Schema.String,
  answer: Schema.NullOr(Schema.String),
  unit: Schema.NullOr(Schema.String),
  milestones: Schema.Array(Schema.String),
  resolution: Schema.NullOr(Schema.String),
  declineReason: Schema.NullOr(Schema.String)
})
/** @category models @since 0.4.0 */
export type PublicText = typeof PublicText.Type

/**
 * An item (议题 / 意见建议 / 微点子).
 *
 * @category models
 * @since 0.3.0
 */
export const DeliberationItem = Schema.Struct({
  id: ItemId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The node's path, root first, the node itself last. */
  scope: Schema.Array(GridNodeId),
  placeName: Schema.String,
  kind: ItemKind,
  /** The session it was raised at; `null` for one handed in on its own. */
  sessionId: Schema.NullOr(SessionId),
  /** The item it is a part of, when split. */
  parentId: Schema.NullOr(ItemId),
  /** Its weight in its parent's progress. */
  weight: Schema.Finite,
  /** How many child items it has been split into. */
  children: Schema.Int,
  /** Who raised it: personal data. */
  raisedBy: Raiser,
  category: ConfigKey,
  title: Text(100),
  text: Prose(4000),
  state: ItemState,
  status: ItemStatus,
  answer: Schema.NullOr(Prose(2000)),
  unit: Schema.NullOr(ResponsibleUnit),
  /** The person who answers for it in the responsible unit (责任人), when named: personal data. */
  responsible: Schema.NullOr(NamedPerson),
  /** The last day, in the county's calendar, by which the unit promised to resolve it. */
  promisedBy: Schema.NullOr(CalendarDate),
  /** When it becomes overdue: the start of the day after `promisedBy` in the county's time zone. */
  dueAt: Schema.NullOr(Instant),
  milestones: Schema.Array(Milestone),
  /** 0–100: its own last milestone, or the weighted average of its children's. */
  progress: Schema.Finite,
  resolution: Schema.NullOr(Prose(2000)),
  reportedBack: Schema.NullOr(Schema.Struct({ sessionId: SessionId, note: Prose(1000), at: Instant })),
  vote: Schema.NullOr(VoteResult),
  duplicateOf: Schema.NullOr(ItemId),
  declineReason: Schema.NullOr(Prose(1000)),
  /** The free text the public board shows, redacted when written. */
  public: PublicText,
  ratingCount: Schema.Int,
  ratingSum: Schema.Int,
  /** Ratings of 4 or 5. */
  ratingHigh: Schema.Int,
  raisedByActor: ActorRef,
  raisedAt: Instant,
  acceptedAt: Schema.NullOr(Instant),
  resolvedAt: Schema.NullOr(Instant),
  closedAt: Schema.NullOr(Instant),
  reopenCount: Schema.Int,
  version: Version,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type DeliberationItem = typeof DeliberationItem.Type

/**
 * One person's rating of an item (现场评): 1–5 with a comment. One per person, item and
 * round of handling.
 *
 * @category models
 * @since 0.3.0
 */
export const ItemRating = Schema.Struct({
  itemId: ItemId,
  personId: PersonId,
  /** The item's `reopenCount` when rated: after a reopening, people rate the new result. */
  round: Schema.Int,
  score: Score,
  comment: Schema.NullOr(Prose(500)),
  at: Instant
})
/** @category models @since 0.3.0 */
export type ItemRating = typeof ItemRating.Type

