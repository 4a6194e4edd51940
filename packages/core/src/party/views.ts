/**
 * What the party context shows: a registration with the member's name and phone (masked
 * for those who may not read personal data at the community), and the report of a subtree
 * and period per employer organisation, per community and per month.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { CalendarDate } from "../kernel/time.js"
import { PartnerId } from "../partners/model.js"
import { Registration } from "./model.js"

/**
 * A registration as a reader sees it: the member's name and phone in full only for those
 * with `grid.personal.read` at the community, masked otherwise.
 *
 * @category views
 * @since 0.5.0
 */
export const MemberView = Schema.Struct({ ...Registration.fields, name: Schema.String, phone: Schema.NullOr(Schema.String), masked: Schema.Boolean })
/** @category views @since 0.5.0 */
export type MemberView = typeof MemberView.Type

/**
 * One line of the party report: the members registered by the period's end (and not
 * withdrawn before its start), those who served in the period, their hours, and the mean
 * hours per registered member.
 *
 * @category views
 * @since 0.5.0
 */
export const PartyTally = Schema.Struct({
  registered: Schema.Int,
  serving: Schema.Int,
  hours: Schema.Number,
  meanHours: Schema.Number
})
/** @category views @since 0.5.0 */
export type PartyTally = typeof PartyTally.Type

/**
 * The party report of a subtree and period: per employer organisation (as organisation
 * departments ask), per community, per month of the county's calendar, and in total.
 *
 * @category views
 * @since 0.5.0
 */
export const PartyReport = Schema.Struct({
  rootId: GridNodeId,
  from: CalendarDate,
  to: CalendarDate,
  employerId: Schema.NullOr(PartnerId),
  byEmployer: Schema.Array(Schema.Struct({ employerId: PartnerId, name: Schema.String, ...PartyTally.fields })),
  byCommunity: Schema.Array(Schema.Struct({ communityId: GridNodeId, name: Schema.String, ...PartyTally.fields })),
  byMonth: Schema.Array(Schema.Struct({ month: Schema.String, serving: Schema.Int, hours: Schema.Number })),
  totals: PartyTally
})
/** @category views @since 0.5.0 */
export type PartyReport = typeof PartyReport.Type
