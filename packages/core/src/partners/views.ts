/**
 * What the partners context shows: a partner as anyone in scope sees it (its staff named
 * only to those who may read personal data or manage partners there), and the report of
 * what partners provided in a subtree and period.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { CalendarDate } from "../kernel/time.js"
import { PartnerId, PartnerType } from "./model.js"

/**
 * One partner's line of the report: free services given, orders of its catalog items
 * confirmed, the people served and the points its orders took.
 *
 * @category views
 * @since 0.5.0
 */
export const PartnerReportRow = Schema.Struct({
  partnerId: PartnerId,
  name: Schema.String,
  type: PartnerType,
  freeServices: Schema.Int,
  redemptions: Schema.Int,
  people: Schema.Int,
  points: Schema.Int
})
/** @category views @since 0.5.0 */
export type PartnerReportRow = typeof PartnerReportRow.Type

/**
 * The partners report of a subtree and period: a line per partner that provided something
 * (most services first), the totals per type, and the active partners registered in the
 * subtree.
 *
 * @category views
 * @since 0.5.0
 */
export const PartnerReport = Schema.Struct({
  rootId: GridNodeId,
  from: CalendarDate,
  to: CalendarDate,
  activePartners: Schema.Int,
  partners: Schema.Array(PartnerReportRow),
  byType: Schema.Array(Schema.Struct({ type: PartnerType, partners: Schema.Int, services: Schema.Int, people: Schema.Int })),
  totals: Schema.Struct({ freeServices: Schema.Int, redemptions: Schema.Int, people: Schema.Int, points: Schema.Int })
})
/** @category views @since 0.5.0 */
export type PartnerReport = typeof PartnerReport.Type
