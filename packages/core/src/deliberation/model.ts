/**
 * The deliberation context's schemas (议事会 · 圆桌会 · 接待日): a county's deliberation
 * configuration (session types, categories, responsible units, quorum and majority, what a
 * poor rating is), sessions with their participants and minutes, items (议题 / 意见建议 /
 * 微点子) with their lifecycle, the commands that move them, and the events they cause.
 *
 * People are the one identity: who raised an item, who convened a session, who answers for
 * an item and who rated it are grid people (`PersonId`), or — for a raiser or a convener the
 * county does not register — an outsider recorded as such. Their names and phones are
 * personal data: they live on the item, are readable only by staff with
 * `deliberation.read` (and by the raiser), never enter the event log, and never reach the
 * public progress board (晾晒), whose free text is redacted when it is written
 * (`Item.public`).
 *
 * @since 0.3.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { redactText } from "../kernel/redact.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { Phone, Prose, Text } from "../kernel/text.js"
import { Category, ConfigKey } from "../mediation/model.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

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
// Small values

const Count = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 }, rule("must be an integer from 0 to 100000", "必须是 0 到 100000 之间的整数")))
const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）")))
const Score = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }, rule("must be an integer from 1 to 5", "必须是 1 到 5 之间的整数")))
const Percent = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 }, rule("must be an integer from 0 to 100", "必须是 0 到 100 之间的整数")))

/**
 * A name a county gives to a session type, category or unit: one line, and no phone or
 * ID-card number in it (no run of 7 digits or more, in any spacing).
 *
 * @category schemas
 * @since 0.4.0
 */
export const VocabularyName = (max: number) =>
  Text(max).check(Schema.makeFilter((s: string) => redactText(s) === s, rule(
    "must not contain a phone or ID-card number (7 digits or more)",
    "不能包含电话号码或身份证号（7 位及以上数字）"
  )))

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
export const ItemStateLabels: Readonly<Record<ItemState, { readonly en: string; readonly zh: string }>> = {
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
export const ItemStatus = Schema.Literals(["open", "closed"])
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
// Configuration

/**
 * A kind of session (圆桌会, 居民议事会, 小马扎议事, 街坊说事点, 接待日, or one the county adds).
 *
 * @category models
 * @since 0.3.0
 */
export const SessionType = Schema.Struct({ key: ConfigKey, nameZh: VocabularyName(20), nameEn: VocabularyName(60) })
/** @category models @since 0.3.0 */
export type SessionType = typeof SessionType.Type

/**
 * A unit that takes items up (责任单位): the property company, a department, the community…
 *
 * @category models
 * @since 0.3.0
 */
export const ResponsibleUnit = Schema.Struct({ code: ConfigKey, name: VocabularyName(60) })
/** @category models @since 0.3.0 */
export type ResponsibleUnit = typeof ResponsibleUnit.Type

/**
 * A category of items (the mediation context's category shape), its names free of phone
 * and ID-card numbers.
 *
 * @category models
 * @since 0.4.0
 */
export const ItemCategory = Category.check(Schema.makeFilter((c: Category) => redactText(c.nameZh) === c.nameZh && redactText(c.nameEn) === c.nameEn, rule(
  "names must not contain a phone or ID-card number (7 digits or more)",
  "名称不能包含电话号码或身份证号（7 位及以上数字）"
)))
/** @category models @since 0.4.0 */
export type ItemCategory = typeof ItemCategory.Type

/** A non-empty list whose `key` of each entry is unique. */
const keyedList = <S extends Schema.Top>(item: S, key: (x: S["Type"]) => string, max: number) =>
  Schema.Array(item).check(
    Schema.isMinLength(1, rule("must list at least one", "至少需要一项")),
    Schema.isMaxLength(max, rule(`must list at most ${max}`, `最多 ${max} 项`)),
    Schema.makeFilter((xs: ReadonlyArray<S["Type"]>) => {
      const seen = new Set<string>()
      for (const [i, x] of xs.entries()) {
        const k = key(x)
        if (seen.has(k)) return { path: [i], issue: `repeats the key ${k}` }
        seen.add(k)
      }
      return undefined
    }, rule("must not repeat a key", "代码不能重复"))
  )

/**
 * The share of the members who must be present for a vote to count (法定人数): more than 0,
 * at most 1.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Quorum = Schema.Finite.check(Schema.makeFilter((n: number) => n > 0 && n <= 1, rule("must be a share above 0 and at most 1", "必须是大于 0 且不超过 1 的比例")))

/**
 * The share of those present who must vote in favour; a vote passes above it: from ½ up to,
 * not including, 1.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Majority = Schema.Finite.check(Schema.makeFilter((n: number) => n >= 0.5 && n < 1, rule("must be a share from 0.5 up to (not including) 1", "必须是不小于 0.5 且小于 1 的比例")))

/**
 * An average rating below which an item may be reopened: 1 to 5.
 *
 * @category schemas
 * @since 0.4.0
 */
export const PoorRatingBelow = Schema.Finite.check(Schema.makeFilter((n: number) => n >= 1 && n <= 5, rule("must be a rating from 1 to 5", "必须是 1 到 5 之间的评分")))

/** The lists a county configures, with their rules. */
const SessionTypes = keyedList(SessionType, (t) => t.key, 50)
const Categories = keyedList(ItemCategory, (c) => c.key, 100)
const Units = keyedList(ResponsibleUnit, (u) => u.code, 200)

/**
 * A county's deliberation configuration.
 *
 * @category models
 * @since 0.3.0
 */
export const DeliberationConfig = Schema.Struct({
  countyId: GridNodeId,
  sessionTypes: SessionTypes,
  categories: Categories,
  units: Units,
  quorum: Quorum,
  majority: Majority,
  /** An average rating below this reopens an item on request (1–5). */
  poorRatingBelow: PoorRatingBelow,
  version: Version,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.3.0 */
export type DeliberationConfig = typeof DeliberationConfig.Type

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
 * `Item.milestones` one for one.
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
export const Item = Schema.Struct({
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
export type Item = typeof Item.Type

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

// ---------------------------------------------------------------------------
// Commands

const optional = Schema.optionalKey
const expectedVersion = optional(Version)

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

const Reason = Prose(1000)

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

/**
 * Change a county's deliberation configuration; absent fields stay. Every value is checked
 * here: lists are non-empty with unique keys, names carry no phone or ID-card number, the
 * quorum is a share above 0, the majority at least ½ and below 1, the poor rating 1 to 5.
 *
 * @category commands
 * @since 0.3.0
 */
export const ConfigureDeliberation = Schema.Struct({
  sessionTypes: optional(SessionTypes),
  categories: optional(Categories),
  units: optional(Units),
  quorum: optional(Quorum),
  majority: optional(Majority),
  poorRatingBelow: optional(PoorRatingBelow),
  expectedVersion
})
/** @category commands @since 0.3.0 */
export type ConfigureDeliberation = typeof ConfigureDeliberation.Type

// ---------------------------------------------------------------------------
// Events

const happened = { at: Instant, actor: ActorRef }

/**
 * What happened to an item: a union discriminated by `type`. Events hold what the state
 * needs (free text and the people named included); what the log records of each is its
 * feed projection ({@link DeliberationFeedEvents}), without personal data.
 *
 * @category events
 * @since 0.4.0
 */
export const ItemEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("raised"), ...happened, initial: Item }),
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

/**
 * What happened to a county's configuration.
 *
 * @category events
 * @since 0.4.0
 */
export const DeliberationConfigEvent = Schema.Struct({
  type: Schema.Literal("configured"),
  ...happened,
  config: DeliberationConfig,
  changed: Schema.Array(Schema.String)
})
/** @category events @since 0.4.0 */
export type DeliberationConfigEvent = typeof DeliberationConfigEvent.Type

// ---------------------------------------------------------------------------
// The feed

const none = {}

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
  feedEvent("deliberation.item.voted", {
    sessionId: SessionId,
    members: Schema.Int,
    present: Schema.Int,
    inFavour: Schema.Int,
    against: Schema.Int,
    abstained: Schema.Int,
    quorumMet: Schema.Boolean,
    passed: Schema.Boolean
  }),
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
