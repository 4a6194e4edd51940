/**
 * What grid queries return. Views of people carry personal data only when the actor may
 * see it in that subtree; otherwise it is masked and `masked` is true.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AssignmentId, GridNodeId, HouseholdId, PersonId, ResidentId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { AssignableRole, GridNode, NodeCode, NodeStatus, Relation } from "./model.js"

/**
 * A resident as an actor may see them.
 *
 * @category views
 * @since 0.1.0
 */
export const ResidentView = Schema.Struct({
  id: ResidentId,
  name: Schema.String,
  phone: Schema.NullOr(Schema.String),
  idCardNumber: Schema.NullOr(Schema.String),
  relation: Relation,
  partyMember: Schema.Boolean
})
/** @category views @since 0.1.0 */
export type ResidentView = typeof ResidentView.Type

/**
 * A household as an actor may see it.
 *
 * @category views
 * @since 0.1.0
 */
export const HouseholdView = Schema.Struct({
  id: HouseholdId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  code: NodeCode,
  residents: Schema.Array(ResidentView),
  status: NodeStatus,
  version: Schema.Int,
  masked: Schema.Boolean,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category views @since 0.1.0 */
export type HouseholdView = typeof HouseholdView.Type

/**
 * A person as an actor may see them.
 *
 * @category views
 * @since 0.1.0
 */
export const PersonView = Schema.Struct({
  id: PersonId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  code: NodeCode,
  name: Schema.String,
  phone: Schema.NullOr(Schema.String),
  /** The household the person lives in, if any. */
  householdId: Schema.NullOr(HouseholdId),
  version: Schema.Int,
  masked: Schema.Boolean
})
/** @category views @since 0.1.0 */
export type PersonView = typeof PersonView.Type

/**
 * A sign-in subject linked to a person.
 *
 * @category views
 * @since 0.4.0
 */
export const SubjectLinkView = Schema.Struct({
  issuer: Schema.String,
  subject: Schema.String,
  personId: PersonId,
  linkedAt: Instant
})
/** @category views @since 0.4.0 */
export type SubjectLinkView = typeof SubjectLinkView.Type

/**
 * A node with how many live nodes of each level and how many households lie below it.
 *
 * @category views
 * @since 0.1.0
 */
export const SubtreeSummary = Schema.Struct({
  node: GridNode,
  levels: Schema.Array(Schema.Struct({ level: Schema.String, nameZh: Schema.String, nameEn: Schema.String, count: Schema.Int })),
  households: Schema.Int,
  residents: Schema.Int
})
/** @category views @since 0.1.0 */
export type SubtreeSummary = typeof SubtreeSummary.Type

/**
 * One role serving a household: the nearest current assignee walking up from its unit.
 *
 * @category views
 * @since 0.1.0
 */
export const Server = Schema.Struct({
  role: AssignableRole,
  assignmentId: AssignmentId,
  person: PersonView,
  nodeId: GridNodeId,
  nodeName: Schema.String,
  level: Schema.String,
  since: CalendarDate
})
/** @category views @since 0.1.0 */
export type Server = typeof Server.Type

/**
 * "Who serves this household" (找得到组织、看得见党员): for each role, the nearest
 * current assignee; `partyOrganisation` is the nearest party organisation above the unit.
 *
 * @category views
 * @since 0.1.0
 */
export const WhoServes = Schema.Struct({
  householdId: HouseholdId,
  nodeId: GridNodeId,
  date: CalendarDate,
  servers: Schema.Array(Server),
  partyOrganisation: Schema.NullOr(Schema.Struct({ nodeId: GridNodeId, name: Schema.String }))
})
/** @category views @since 0.1.0 */
export type WhoServes = typeof WhoServes.Type

/**
 * What a smallest unit may lack.
 *
 * @category views
 * @since 0.1.0
 */
export const CoverageGap = Schema.Literals(["building_leader", "party_member", "party_organisation"])
/** @category views @since 0.1.0 */
export type CoverageGap = typeof CoverageGap.Type

const Tally = Schema.Struct({ count: Schema.Int, percent: Schema.Number })

/**
 * The coverage report of a subtree: which smallest units have no building leader, no
 * reachable party member or no party organisation, with totals and percentages.
 *
 * @category views
 * @since 0.1.0
 */
export const CoverageReport = Schema.Struct({
  rootId: GridNodeId,
  date: CalendarDate,
  units: Schema.Int,
  fullyCovered: Tally,
  withoutBuildingLeader: Tally,
  withoutPartyMember: Tally,
  withoutPartyOrganisation: Tally,
  /** The uncovered units, at most the limit asked for, in tree order. */
  gaps: Schema.Array(Schema.Struct({
    unitId: GridNodeId,
    /** Names from below the root down to the unit, joined with ` / `. */
    place: Schema.String,
    missing: Schema.Array(CoverageGap)
  })),
  gapsTruncated: Schema.Boolean
})
/** @category views @since 0.1.0 */
export type CoverageReport = typeof CoverageReport.Type

/**
 * What archiving a node did: the node itself, and how many descendants and households a
 * cascade archived with it.
 *
 * @category views
 * @since 0.1.0
 */
export const ArchiveResult = Schema.Struct({
  node: GridNode,
  archivedNodes: Schema.Int,
  archivedHouseholds: Schema.Int
})
/** @category views @since 0.1.0 */
export type ArchiveResult = typeof ArchiveResult.Type
