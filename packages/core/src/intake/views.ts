/**
 * The intake context's views: how each event reads in the log (the contract the county's
 * figures are built from), the staff view of a request and the resident's public view.
 *
 * | event | payload |
 * | --- | --- |
 * | `intake.request.received` | `{ channel, category, reference }` |
 * | `intake.request.accepted` | `{}` (the response) |
 * | `intake.request.routed` | `{ target: "need" \| "case" \| "item" \| "referral", targetId }` |
 * | `intake.request.resolved` | `{}` |
 * | `intake.request.rejected` | `{ reason }` (a code) |
 * | `intake.request.merged` | `{ into }` (the request id) |
 * | `intake.request.rated` | `{ rating }` (1 to 5) |
 *
 * Every event's aggregate type is `intake.request`, its aggregate id the request's id, its
 * scope the path of the request's node. No payload carries personal data.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import type { Recorded } from "../kernel/decider.js"
import { feedEvent } from "../kernel/events.js"
import { maskName, maskPhone } from "../kernel/masking.js"
import { ConfigKey } from "../kernel/vocabulary.js"
import { IntakeChannel, type IntakeConfig, type IntakeConfigEvent, type IntakeEvent, type IntakeRequest, IntakeRequestId, type IntakeStatus, type PublicIntakeRequest, RejectReason, type StoredIntakeRequest } from "./model.js"

/**
 * The aggregate type of a request's events in the log.
 *
 * @category constants
 * @since 0.5.0
 */
export const INTAKE_AGGREGATE = "intake.request"

/**
 * The feed's view of the intake events.
 *
 * @category events
 * @since 0.5.0
 */
export const IntakeFeedEvents = [
  feedEvent("intake.request.received", { channel: IntakeChannel, category: ConfigKey, reference: Schema.String }),
  feedEvent("intake.request.accepted", {}),
  feedEvent("intake.request.routed", { target: Schema.Literals(["need", "case", "item", "referral"]), targetId: Schema.NullOr(Schema.String) }),
  feedEvent("intake.request.resolved", {}),
  feedEvent("intake.request.rejected", { reason: RejectReason }),
  feedEvent("intake.request.merged", { into: IntakeRequestId }),
  feedEvent("intake.request.rated", { rating: Schema.Int }),
  feedEvent("intake.config.changed", { changed: Schema.Array(Schema.String) })
] as const

/**
 * How a request's event reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordIntakeEvent = (event: IntakeEvent, after: StoredIntakeRequest): Recorded => {
  const type = `intake.request.${event.type}`
  switch (event.type) {
    case "received":
      return { type, scope: after.scope, payload: { channel: after.channel, category: after.category, reference: after.reference } }
    case "routed":
      return { type, scope: after.scope, payload: { target: after.route!.target, targetId: after.route!.targetId } }
    case "rejected":
      return { type, scope: after.scope, payload: { reason: after.rejectReason } }
    case "merged":
      return { type, scope: after.scope, payload: { into: after.mergedInto!.id } }
    case "rated":
      return { type, scope: after.scope, payload: { rating: after.rating } }
    default:
      return { type, scope: after.scope, payload: {} }
  }
}

/**
 * How a configuration change reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordIntakeConfigEvent = (event: IntakeConfigEvent, after: IntakeConfig): Recorded => ({
  type: "intake.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

/**
 * A stored request as staff read it: without its follow code's hash; the contact masked
 * unless `personal` (the reader may read personal data at the request's node).
 *
 * @category views
 * @since 0.5.0
 */
export const intakeStaffView = (stored: StoredIntakeRequest, personal: boolean): IntakeRequest => {
  const { follow: _follow, ...request } = stored
  if (personal || request.resident.kind === "person") return request
  return { ...request, resident: { kind: "contact", name: maskName(request.resident.name), phone: maskPhone(request.resident.phone) } }
}

/**
 * The resident's public view: status, dates, where it went and the redacted outcome; for a
 * merged request, the reference and status of the request it went into.
 *
 * @category views
 * @since 0.5.0
 */
export const intakePublicView = (r: StoredIntakeRequest, mergedIntoStatus: IntakeStatus | null = null): PublicIntakeRequest => ({
  reference: r.reference,
  category: r.category,
  status: r.status,
  receivedAt: r.receivedAt,
  acceptedAt: r.acceptedAt,
  routedAt: r.routedAt,
  closedAt: r.closedAt,
  routedTo: r.route?.target ?? null,
  department: r.route?.department ?? null,
  dueDate: r.route?.dueDate ?? null,
  rejectReason: r.rejectReason,
  outcome: r.outcome,
  mergedInto: r.mergedInto?.reference ?? null,
  mergedIntoStatus: r.mergedInto === null ? null : mergedIntoStatus,
  rating: r.rating
})
