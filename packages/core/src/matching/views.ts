/**
 * What matching queries return: the public wish board card (心愿墙) with the requester
 * masked, a volunteer's claim board, a need's ranking, and the dispatch and expiry reports.
 * Schemas, so the HTTP adapter can send them and the typed client decode them.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { TransferId } from "../points/model.js"
import { MatchingKey, NeedId, NeedKind, NeedState, NeedStatus, TeamId, Urgency } from "./model.js"

/**
 * A need on the public wish board (心愿墙): no personal data — the title redacted when the
 * need was posted (the names of the requester and of the people around, phone and ID-card
 * numbers masked), the requester masked (张*).
 *
 * @category views
 * @since 0.3.0
 */
export const WishCard = Schema.Struct({
  id: NeedId,
  nodeId: GridNodeId,
  kind: NeedKind,
  category: Schema.String,
  title: Schema.String,
  requester: Schema.String,
  urgency: Urgency,
  state: NeedState,
  status: NeedStatus,
  dueAt: Instant,
  slots: Schema.Int,
  taken: Schema.Int,
  rewardPoints: Schema.NullOr(Schema.Int),
  postedAt: Instant,
  closedAt: Schema.NullOr(Instant)
})
/** @category views @since 0.3.0 */
export type WishCard = typeof WishCard.Type

/**
 * How near a volunteer lives to a need.
 *
 * @category views
 * @since 0.3.0
 */
export const ProximityView = Schema.Literals(["same_building", "same_grid", "same_community", "further"])

/**
 * A need on a volunteer's claim board: its card and how near it is.
 *
 * @category views
 * @since 0.3.0
 */
export const ClaimBoardItem = Schema.Struct({ card: WishCard, proximity: ProximityView, eligible: Schema.Boolean, reason: Schema.NullOr(Schema.String) })
/** @category views @since 0.3.0 */
export type ClaimBoardItem = typeof ClaimBoardItem.Type

const Parts = Schema.Struct({
  skill: Schema.Number,
  distance: Schema.Number,
  availability: Schema.Number,
  load: Schema.Number,
  fairness: Schema.Number,
  rating: Schema.Number
})

/**
 * One ranked candidate with the breakdown of its score.
 *
 * @category views
 * @since 0.3.0
 */
export const CandidateView = Schema.Struct({
  personId: Schema.String,
  name: Schema.String,
  total: Schema.Number,
  parts: Parts,
  proximity: ProximityView,
  capacityLeft: Schema.Int,
  explanation: Schema.String,
  explanationZh: Schema.String
})
/** @category views @since 0.3.0 */
export type CandidateView = typeof CandidateView.Type

/**
 * The ranking of one need: the best candidates first and how many each hard filter removed.
 *
 * @category views
 * @since 0.3.0
 */
export const RankingView = Schema.Struct({
  needId: Schema.String,
  candidates: Schema.Array(CandidateView),
  considered: Schema.Int,
  rejected: Schema.Record(Schema.String, Schema.Int)
})
/** @category views @since 0.3.0 */
export type RankingView = typeof RankingView.Type

/**
 * One assignment a dispatch made (or would make), with its explanation.
 *
 * @category views
 * @since 0.3.0
 */
export const AssignmentView = Schema.Struct({
  needId: Schema.String,
  personId: Schema.String,
  score: Schema.Number,
  value: Schema.Number,
  rank: Schema.Int,
  explanation: Schema.String,
  explanationZh: Schema.String
})
/** @category views @since 0.3.0 */
export type AssignmentView = typeof AssignmentView.Type

/**
 * The report of a batch dispatch: the assignments (most urgent first), the total value
 * against the greedy baseline's, the needs left without anyone, and the needs skipped
 * because they changed while the dispatch ran.
 *
 * @category views
 * @since 0.3.0
 */
export const DispatchReport = Schema.Struct({
  at: Instant,
  needs: Schema.Int,
  volunteers: Schema.Int,
  applied: Schema.Boolean,
  assignments: Schema.Array(AssignmentView),
  total: Schema.Number,
  greedyTotal: Schema.Number,
  unassigned: Schema.Array(Schema.String),
  skipped: Schema.Array(Schema.Struct({ needId: Schema.String, reason: Schema.String }))
})
/** @category views @since 0.3.0 */
export type DispatchReport = typeof DispatchReport.Type

/**
 * The report of an expiry run.
 *
 * @category views
 * @since 0.3.0
 */
export const ExpiryReport = Schema.Struct({ at: Instant, expired: Schema.Array(Schema.String) })
/** @category views @since 0.3.0 */
export type ExpiryReport = typeof ExpiryReport.Type

// ---------------------------------------------------------------------------
// The feed

/**
 * The matching events of the feed (`GET /events`), one schema per type. Payloads carry ids,
 * states and figures only: no names, titles, notes or comments.
 *
 * @category schemas
 * @since 0.4.0
 */
export const MatchingFeedEvents = [
  feedEvent("matching.need.posted", { kind: NeedKind, category: MatchingKey, urgency: Urgency, slots: Schema.Int, reward: Schema.NullOr(Schema.Int) }),
  feedEvent("matching.need.claimed", { personId: PersonId }),
  feedEvent("matching.need.assigned", { personIds: Schema.Array(PersonId) }),
  feedEvent("matching.need.released", { personId: PersonId }),
  feedEvent("matching.need.reassigned", { from: PersonId, to: PersonId }),
  feedEvent("matching.need.visit_logged", { personId: PersonId }),
  feedEvent("matching.need.done_reported", {}),
  feedEvent("matching.need.confirmed", { rating: Schema.Int, paid: Schema.Array(Schema.Struct({ transferId: TransferId, personId: PersonId, points: Schema.Int })) }),
  feedEvent("matching.need.reopened", {}),
  feedEvent("matching.need.closed", {}),
  feedEvent("matching.need.cancelled", {}),
  feedEvent("matching.need.expired", {}),
  feedEvent("matching.need.reward_attached", { source: Schema.Literals(["requester", "issuer"]), points: Schema.Int }),
  feedEvent("matching.volunteer.registered", { skills: Schema.Array(MatchingKey), maxConcurrent: Schema.Int }),
  feedEvent("matching.volunteer.updated", { skills: Schema.Array(MatchingKey), maxConcurrent: Schema.Int }),
  feedEvent("matching.volunteer.joined_team", { teamId: TeamId }),
  feedEvent("matching.team.created", { members: Schema.Int }),
  feedEvent("matching.config.changed", { changed: Schema.Array(Schema.String) })
] as const
