/**
 * Pure matching policy: the default county configuration, the wish board card, and what
 * the event log keeps of each need event (no personal data).
 *
 * @since 0.3.0
 */
import type { GridNodeId } from "../kernel/ids.js"
import { maskName } from "../kernel/masking.js"
import type { NeedEvent } from "./machine.js"
import type { MatchingConfig, Need } from "./model.js"
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
 * The public card of a need: the requester masked.
 *
 * @category rules
 * @since 0.3.0
 */
export const wishCard = (n: Need): WishCard => ({
  id: n.id,
  nodeId: n.nodeId,
  kind: n.kind,
  category: n.category,
  title: n.title,
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
    default:
      return {}
  }
}
