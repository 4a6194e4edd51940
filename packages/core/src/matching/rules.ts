/**
 * Pure matching policy: the default county configuration, the wish board card (from the
 * title redacted when the need was posted), what the event log keeps of each need event (no
 * personal data), the shares of a requester's reward, and the follow-on effects of a
 * decision — the volunteers' loads and histories, and what the reward asks of the ledger —
 * as pure functions of (before, after, events).
 *
 * @since 0.3.0
 */
import type { GridNodeId } from "../kernel/ids.js"
import { maskName } from "../kernel/masking.js"
import type { Instant } from "../kernel/time.js"
import type { AccountId, TransferId } from "../points/model.js"
import { loadDeltas, type NeedEvent, rewardHoldId, rewardTransferId, rewardVoidId } from "./machine.js"
import type { MatchingConfig, Need, PersonRef, RewardPayment, Volunteer } from "./model.js"
import type { WishCard } from "./views.js"

/**
 * The configuration a county starts with: the usual categories, balanced weights, the six
 * levels' depths, volunteers from the need's community.
 *
 * @category constructors
 * @since 0.3.0
 */
export const defaultMatchingConfig = (countyId: GridNodeId): MatchingConfig => ({
  countyId,
  categories: [
    { key: "repairs", nameZh: "维修", nameEn: "repairs" },
    { key: "elder_care", nameZh: "助老", nameEn: "elder care" },
    { key: "errands", nameZh: "跑腿代办", nameEn: "errands" },
    { key: "tutoring", nameZh: "课业辅导", nameEn: "tutoring" },
    { key: "health", nameZh: "健康", nameEn: "health" },
    { key: "legal_advice", nameZh: "法律咨询", nameEn: "legal advice" },
    { key: "other", nameZh: "其他", nameEn: "other" }
  ],
  weights: { skill: 0.3, distance: 0.25, availability: 0.1, load: 0.1, fairness: 0.15, rating: 0.1 },
  depths: { community: 2, grid: 3, building: 4 },
  radiusDepth: 2,
  candidatesPerNeed: 10,
  version: 0,
  updatedAt: null
})

/**
 * The public card of a need: its redacted title, the requester masked.
 *
 * @category rules
 * @since 0.3.0
 */
export const wishCard = (n: Need): WishCard => ({
  id: n.id,
  nodeId: n.nodeId,
  kind: n.kind,
  category: n.category,
  title: n.publicTitle,
  requester: maskName(n.requester.name),
  urgency: n.urgency,
  state: n.state,
  status: n.status,
  dueAt: n.dueAt,
  slots: n.slots,
  taken: n.assignees.length,
  rewardPoints: n.reward?.points ?? null,
  postedAt: n.postedAt,
  closedAt: n.closedAt
})

/**
 * What the event log keeps of a need event: ids, states and figures, no names or notes.
 *
 * @category rules
 * @since 0.3.0
 */
export const needLogPayload = (e: NeedEvent): Record<string, unknown> => {
  switch (e.type) {
    case "posted":
      return { kind: e.initial.kind, category: e.initial.category, urgency: e.initial.urgency, slots: e.initial.slots, reward: e.initial.reward?.points ?? null }
    case "claimed":
      return { personId: e.personId }
    case "assigned":
      return { personIds: e.personIds }
    case "released":
      return { personId: e.personId }
    case "reassigned":
      return { from: e.from, to: e.to }
    case "visit_logged":
      return { personId: e.visit.personId }
    case "confirmed":
      return { rating: e.confirmation.rating, paid: e.paid.map((p) => ({ transferId: p.transferId, personId: p.personId, points: p.points })) }
    case "reward_attached":
      return { source: e.reward._tag, points: e.reward.points }
    default:
      return {}
  }
}

/**
 * The shares of a requester's reward for a confirmation: each volunteer on the need with a
 * points account gets the reward's points per volunteer (so never more than was held, the
 * points times the slots).
 *
 * @category rules
 * @since 0.4.0
 */
export const requesterShares = (n: Need, volunteers: ReadonlyMap<PersonRef, Volunteer>): ReadonlyArray<RewardPayment> => {
  if (n.reward?._tag !== "requester" || n.paid.length > 0) return []
  const out: Array<RewardPayment> = []
  for (const a of n.assignees) {
    const accountId = volunteers.get(a.personId)?.accountId ?? null
    if (accountId !== null) out.push({ transferId: rewardTransferId(n.id, out.length), personId: a.personId, accountId, points: n.reward.points })
  }
  return out
}

/**
 * One volunteer's work changed by a decision: the load (+1, −1), the time of a new
 * assignment, a completion with its rating and the points earned.
 *
 * @category models
 * @since 0.4.0
 */
export interface WorkUpdate {
  readonly personId: PersonRef
  readonly loadDelta: number
  readonly assignedAt: Instant | null
  readonly completed: { readonly rating: number; readonly points: number } | null
}

/**
 * A profile with one work update applied: its load (never below 0), the latest 50
 * assignment times, and a completion with its rating and points.
 *
 * @category rules
 * @since 0.4.0
 */
export const applyWork = (v: Volunteer, u: WorkUpdate): Volunteer => ({
  ...v,
  load: Math.max(0, v.load + u.loadDelta),
  history: {
    recent: u.assignedAt === null ? v.history.recent : [...v.history.recent, u.assignedAt].slice(-50),
    completed: v.history.completed + (u.completed === null ? 0 : 1),
    ratingSum: v.history.ratingSum + (u.completed?.rating ?? 0),
    ratingCount: v.history.ratingCount + (u.completed === null ? 0 : 1),
    pointsEarned: v.history.pointsEarned + (u.completed?.points ?? 0)
  }
})

/**
 * What a decision asks of the points ledger for the need's reward.
 *
 * @category models
 * @since 0.4.0
 */
export type RewardEffect =
  | { readonly _tag: "Hold"; readonly holdId: TransferId; readonly accountId: AccountId; readonly amount: number }
  | { readonly _tag: "Pay"; readonly holdId: TransferId; readonly voidId: TransferId; readonly shares: ReadonlyArray<RewardPayment> }
  | { readonly _tag: "Release"; readonly holdId: TransferId; readonly voidId: TransferId }
  | { readonly _tag: "Award"; readonly category: string; readonly quantity: number; readonly awardedBy: PersonRef; readonly shares: ReadonlyArray<RewardPayment> }

/**
 * The follow-on effects of a decision on a need, from the need before and after and the
 * events: the volunteers' work, and the reward's request to the ledger (held when posted,
 * paid in shares or awarded when confirmed, released when cancelled or expired).
 *
 * @category rules
 * @since 0.4.0
 */
export const needFollowOn = (before: Need | undefined, after: Need, events: ReadonlyArray<NeedEvent>): { readonly work: ReadonlyArray<WorkUpdate>; readonly reward: RewardEffect | null } => {
  const work = new Map<PersonRef, { loadDelta: number; assignedAt: Instant | null; completed: { rating: number; points: number } | null }>()
  const at = events[events.length - 1]?.at ?? after.updatedAt
  for (const [personId, delta] of loadDeltas(before, after)) work.set(personId, { loadDelta: delta, assignedAt: delta > 0 ? at : null, completed: null })
  let reward: RewardEffect | null = null
  for (const e of events) {
    switch (e.type) {
      case "posted":
        if (e.initial.reward?._tag === "requester") reward = { _tag: "Hold", holdId: e.initial.reward.holdId, accountId: e.initial.reward.accountId, amount: e.initial.reward.held }
        break
      case "confirmed": {
        for (const a of (before ?? after).assignees) {
          const w = work.get(a.personId) ?? { loadDelta: 0, assignedAt: null, completed: null }
          w.completed = { rating: e.confirmation.rating, points: e.paid.find((p) => p.personId === a.personId)?.points ?? 0 }
          work.set(a.personId, w)
        }
        if (after.reward?._tag === "requester") reward = { _tag: "Pay", holdId: after.reward.holdId, voidId: rewardVoidId(after.id), shares: e.paid }
        else if (after.reward?._tag === "issuer" && e.paid.length > 0) {
          reward = { _tag: "Award", category: after.reward.category, quantity: after.reward.quantity, awardedBy: after.reward.awardedBy, shares: e.paid }
        }
        break
      }
      case "cancelled":
      case "expired":
        if (after.reward?._tag === "requester" && after.paid.length === 0) reward = { _tag: "Release", holdId: after.reward.holdId, voidId: rewardVoidId(after.id) }
        break
      default:
        break
    }
  }
  return { work: [...work].map(([personId, w]) => ({ personId, ...w })), reward }
}

/**
 * The hold id of a need's requester reward (`<need id>.reward`).
 *
 * @category rules
 * @since 0.4.0
 */
export const holdIdOf = rewardHoldId
