/**
 * The deliberation context's schemas (议事会 · 圆桌会 · 接待日): a county's deliberation
 * configuration (session types, categories, responsible units, quorum and majority, what a
 * poor rating is), sessions with their participants and minutes, items (议题 / 意见建议 /
 * 微点子) with their lifecycle, and the commands that move an item along.
 *
 * Who raised an item (name, phone, ID-card number) is personal data: it lives on the item,
 * is readable only by staff with `deliberation.read`, never enters the event log, and is
 * masked on the public progress board (晾晒).
 *
 * @since 0.3.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { IdCardNumber, Phone, Text } from "../kernel/text.js"
import { Category, ConfigKey, Staff } from "../mediation/model.js"

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
export const SessionType = Schema.Struct({ key: ConfigKey, nameZh: Text(20), nameEn: Text(60) })
/** @category models @since 0.3.0 */
export type SessionType = typeof SessionType.Type

/**
 * A unit that takes items up (责任单位): the property company, a department, the community…
 *
 * @category models
 * @since 0.3.0
 */
export const ResponsibleUnit = Schema.Struct({ code: ConfigKey, name: Text(60) })
/** @category models @since 0.3.0 */
export type ResponsibleUnit = typeof ResponsibleUnit.Type

const Share = Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1 }))

/**
 * A county's deliberation configuration.
 *
 * @category models
 * @since 0.3.0
 */
export const DeliberationConfig = Schema.Struct({
  countyId: GridNodeId,
  sessionTypes: Schema.Array(SessionType),
  categories: Schema.Array(Category),
  units: Schema.Array(ResponsibleUnit),
  /** The share of the members who must be present for a vote to count (法定人数). */
  quorum: Share,
  /** The share of those present who must vote in favour; a vote passes above it. */
  majority: Share,
  /** An average rating below this reopens an item on request (1–5). */
  poorRatingBelow: Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 5 })),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.3.0 */
export type DeliberationConfig = typeof DeliberationConfig.Type

// ---------------------------------------------------------------------------
// Sessions

/**
 * Who took part in a session, by role: how many, and (for organisations) who.
 *
 * @category models
 * @since 0.3.0
 */
export const Participants = Schema.Struct({ role: ParticipantRole, count: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })), names: Schema.Array(Text(60)) })
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
  convener: Staff,
  participants: Schema.Array(Participants),
  agenda: Schema.Array(Text(200)),
  minutes: Schema.NullOr(Text(8000)),
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Session = typeof Session.Type

// ---------------------------------------------------------------------------
// Items

/**
 * Who raised an item. Everything here is personal data.
 *
 * @category models
 * @since 0.3.0
 */
export const Raiser = Schema.Struct({
  name: Text(40),
  phone: Schema.NullOr(Phone),
  idCardNumber: Schema.NullOr(IdCardNumber),
  /** The actor id of the resident, when they raised it themselves; used to let them read it. */
  actorId: Schema.NullOr(Schema.String)
})
/** @category models @since 0.3.0 */
export type Raiser = typeof Raiser.Type

/**
 * A progress step of the responsible unit.
 *
 * @category models
 * @since 0.3.0
 */
export const Milestone = Schema.Struct({ note: Text(1000), progress: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 })), at: Instant })
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
  weight: Schema.Number,
  /** How many child items it has been split into. */
  children: Schema.Int,
  raisedBy: Raiser,
  category: ConfigKey,
  title: Text(100),
  text: Text(4000),
  state: ItemState,
  status: ItemStatus,
  answer: Schema.NullOr(Schema.String),
  unit: Schema.NullOr(ResponsibleUnit),
  promisedAt: Schema.NullOr(Instant),
  milestones: Schema.Array(Milestone),
  /** 0–100: its own last milestone, or the weighted average of its children's. */
  progress: Schema.Number,
  resolution: Schema.NullOr(Schema.String),
  reportedBack: Schema.NullOr(Schema.Struct({ sessionId: SessionId, note: Schema.String, at: Instant })),
  vote: Schema.NullOr(VoteResult),
  duplicateOf: Schema.NullOr(ItemId),
  declineReason: Schema.NullOr(Schema.String),
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
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.3.0 */
export type Item = typeof Item.Type

/**
 * One resident's rating of an item (现场评): 1–5 with a comment.
 *
 * @category models
 * @since 0.3.0
 */
export const ItemRating = Schema.Struct({
  itemId: ItemId,
  residentId: Schema.String,
  /** The item's `reopenCount` when rated: after a reopening, residents rate the new result. */
  round: Schema.Int,
  score: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 })),
  comment: Schema.NullOr(Text(500)),
  at: Instant
})
/** @category models @since 0.3.0 */
export type ItemRating = typeof ItemRating.Type

// ---------------------------------------------------------------------------
// Commands

const optional = Schema.optionalKey

/**
 * Convene a session at a grid node.
 *
 * @category commands
 * @since 0.3.0
 */
export const ConveneSession = Schema.Struct({
  nodeId: GridNodeId,
  type: ConfigKey,
  heldAt: Instant,
  convener: Staff,
  participants: Schema.Array(Participants).check(Schema.isMaxLength(20)),
  agenda: Schema.Array(Text(200)).check(Schema.isMaxLength(50))
})
/** @category commands @since 0.3.0 */
export type ConveneSession = typeof ConveneSession.Type

/**
 * Record a session's minutes (会议纪要).
 *
 * @category commands
 * @since 0.3.0
 */
export const RecordMinutes = Schema.Struct({ minutes: Text(8000), expectedVersion: optional(Schema.Int) })
/** @category commands @since 0.3.0 */
export type RecordMinutes = typeof RecordMinutes.Type

/**
 * Raise an item, at a session or on its own; with `parentId`, as a part of another item.
 *
 * @category commands
 * @since 0.3.0
 */
export const RaiseItem = Schema.Struct({
  nodeId: GridNodeId,
  kind: ItemKind,
  sessionId: optional(SessionId),
  parentId: optional(ItemId),
  weight: optional(Schema.Number.check(Schema.isBetween({ minimum: 0.01, maximum: 1000 }))),
  raisedBy: Raiser,
  category: ConfigKey,
  title: Text(100),
  text: Text(4000)
})
/** @category commands @since 0.3.0 */
export type RaiseItem = typeof RaiseItem.Type

const Reason = Text(1000)

/**
 * Every command on an existing item, tagged by `_tag`. `expectedVersion` guards against
 * lost updates. Ratings go through `Deliberation.rate`, which records the resident's
 * rating and then runs `Rate`.
 *
 * @category commands
 * @since 0.3.0
 */
export const ItemCommand = Schema.TaggedUnion({
  /** 现场答复: answer on the spot; the item closes with the answer. */
  Answer: { answer: Text(2000), expectedVersion: optional(Schema.Int) },
  /** 认领: a responsible unit takes the item up with a promised date. */
  Accept: { unit: ConfigKey, promisedAt: Instant, expectedVersion: optional(Schema.Int) },
  /** A progress step. */
  RecordMilestone: { note: Text(1000), progress: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 })), expectedVersion: optional(Schema.Int) },
  /** 办结: what was done. */
  Resolve: { resolution: Text(2000), expectedVersion: optional(Schema.Int) },
  /** 通报: reported back at a later session. */
  ReportBack: { sessionId: SessionId, note: Text(1000), expectedVersion: optional(Schema.Int) },
  /** A vote of those present at a session, counts only. */
  Vote: {
    sessionId: SessionId,
    members: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 })),
    present: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })),
    inFavour: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })),
    against: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })),
    abstained: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 })),
    expectedVersion: optional(Schema.Int)
  },
  /** 销号 */
  Close: { expectedVersion: optional(Schema.Int) },
  /** Merge as a duplicate of another item. */
  Merge: { into: ItemId, expectedVersion: optional(Schema.Int) },
  /** Decline with a reason. */
  Decline: { reason: Reason, expectedVersion: optional(Schema.Int) },
  /** Reopen after a poor rating. */
  Reopen: { reason: Reason, expectedVersion: optional(Schema.Int) }
})
/** @category commands @since 0.3.0 */
export type ItemCommand = typeof ItemCommand.Type

/**
 * A resident's rating, as `Deliberation.rate` takes it.
 *
 * @category commands
 * @since 0.3.0
 */
export const RateItem = Schema.Struct({ score: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 })), comment: optional(Text(500)) })
/** @category commands @since 0.3.0 */
export type RateItem = typeof RateItem.Type

/**
 * Change a county's deliberation configuration; absent fields stay.
 *
 * @category commands
 * @since 0.3.0
 */
export const ConfigureDeliberation = Schema.Struct({
  sessionTypes: optional(Schema.Array(SessionType).check(Schema.isMaxLength(50))),
  categories: optional(Schema.Array(Category).check(Schema.isMaxLength(100))),
  units: optional(Schema.Array(ResponsibleUnit).check(Schema.isMaxLength(200))),
  quorum: optional(Share),
  majority: optional(Share),
  poorRatingBelow: optional(Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 5 }))),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.3.0 */
export type ConfigureDeliberation = typeof ConfigureDeliberation.Type
