/**
 * The events the grid's commands cause, and how the feed shows each of them.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { feedEvent } from "../../kernel/events.js"
import { GridNodeId, HouseholdId, PersonId } from "../../kernel/ids.js"
import { Phone, Text } from "../../kernel/text.js"
import { CalendarDate, Instant } from "../../kernel/time.js"
import { SignInSubject } from "./commands.js"
import { AssignableRole, Assignment, County, GridNode, Household, NodeCode, Person, Resident } from "./entities.js"

/**
 * A county and its root node were created.
 *
 * @category events
 * @since 0.4.0
 */
export const CountyCreated = Schema.Struct({ type: Schema.Literal("grid.county.created"), county: County, root: GridNode })
/** @category events @since 0.4.0 */
export type CountyCreated = typeof CountyCreated.Type

/**
 * A node was created under its parent.
 *
 * @category events
 * @since 0.4.0
 */
export const NodeCreated = Schema.Struct({ type: Schema.Literal("grid.node.created"), node: GridNode })
/** @category events @since 0.4.0 */
export type NodeCreated = typeof NodeCreated.Type

/**
 * A node's name, code or party organisation changed.
 *
 * @category events
 * @since 0.4.0
 */
export const NodeUpdated = Schema.Struct({
  type: Schema.Literal("grid.node.updated"),
  name: Text(60),
  code: NodeCode,
  partyOrganisation: Schema.NullOr(Text(60)),
  at: Instant
})
/** @category events @since 0.4.0 */
export type NodeUpdated = typeof NodeUpdated.Type

/**
 * A node moved, with its subtree, under a new parent; `path` is its new ancestors' ids.
 *
 * @category events
 * @since 0.4.0
 */
export const NodeMoved = Schema.Struct({
  type: Schema.Literal("grid.node.moved"),
  fromParentId: Schema.NullOr(GridNodeId),
  toParentId: GridNodeId,
  path: Schema.Array(GridNodeId),
  at: Instant
})
/** @category events @since 0.4.0 */
export type NodeMoved = typeof NodeMoved.Type

/**
 * A node was archived (with its live descendants and households when `cascade`).
 *
 * @category events
 * @since 0.4.0
 */
export const NodeArchived = Schema.Struct({ type: Schema.Literal("grid.node.archived"), cascade: Schema.Boolean, at: Instant })
/** @category events @since 0.4.0 */
export type NodeArchived = typeof NodeArchived.Type

/**
 * A household was registered.
 *
 * @category events
 * @since 0.4.0
 */
export const HouseholdCreated = Schema.Struct({ type: Schema.Literal("grid.household.created"), household: Household })
/** @category events @since 0.4.0 */
export type HouseholdCreated = typeof HouseholdCreated.Type

/**
 * A household's door number or residents changed.
 *
 * @category events
 * @since 0.4.0
 */
export const HouseholdUpdated = Schema.Struct({
  type: Schema.Literal("grid.household.updated"),
  code: NodeCode,
  residents: Schema.Array(Resident),
  at: Instant
})
/** @category events @since 0.4.0 */
export type HouseholdUpdated = typeof HouseholdUpdated.Type

/**
 * A person was registered.
 *
 * @category events
 * @since 0.4.0
 */
export const PersonCreated = Schema.Struct({ type: Schema.Literal("grid.person.created"), person: Person })
/** @category events @since 0.4.0 */
export type PersonCreated = typeof PersonCreated.Type

/**
 * A person's name, phone, node or household changed.
 *
 * @category events
 * @since 0.4.0
 */
export const PersonUpdated = Schema.Struct({
  type: Schema.Literal("grid.person.updated"),
  name: Text(40),
  phone: Schema.NullOr(Phone),
  nodeId: GridNodeId,
  householdId: Schema.NullOr(HouseholdId),
  at: Instant
})
/** @category events @since 0.4.0 */
export type PersonUpdated = typeof PersonUpdated.Type

/**
 * A sign-in subject was linked to the person.
 *
 * @category events
 * @since 0.4.0
 */
export const SubjectLinked = Schema.Struct({ type: Schema.Literal("grid.person.subject_linked"), ...SignInSubject.fields, at: Instant })
/** @category events @since 0.4.0 */
export type SubjectLinked = typeof SubjectLinked.Type

/**
 * A sign-in subject was unlinked from the person.
 *
 * @category events
 * @since 0.4.0
 */
export const SubjectUnlinked = Schema.Struct({ type: Schema.Literal("grid.person.subject_unlinked"), ...SignInSubject.fields, at: Instant })
/** @category events @since 0.4.0 */
export type SubjectUnlinked = typeof SubjectUnlinked.Type

/**
 * A person was assigned a role at a node.
 *
 * @category events
 * @since 0.4.0
 */
export const AssignmentCreated = Schema.Struct({ type: Schema.Literal("grid.assignment.created"), assignment: Assignment })
/** @category events @since 0.4.0 */
export type AssignmentCreated = typeof AssignmentCreated.Type

/**
 * An assignment was ended on a date.
 *
 * @category events
 * @since 0.4.0
 */
export const AssignmentEnded = Schema.Struct({ type: Schema.Literal("grid.assignment.ended"), endDate: CalendarDate, at: Instant })
/** @category events @since 0.4.0 */
export type AssignmentEnded = typeof AssignmentEnded.Type

/**
 * An assignment's end date was set or cleared by an import.
 *
 * @category events
 * @since 0.4.0
 */
export const AssignmentUpdated = Schema.Struct({ type: Schema.Literal("grid.assignment.updated"), endDate: Schema.NullOr(CalendarDate), at: Instant })
/** @category events @since 0.4.0 */
export type AssignmentUpdated = typeof AssignmentUpdated.Type

/**
 * Every event of the grid, discriminated by `type`.
 *
 * @category events
 * @since 0.4.0
 */
export const GridEvent = Schema.Union([
  CountyCreated,
  NodeCreated,
  NodeUpdated,
  NodeMoved,
  NodeArchived,
  HouseholdCreated,
  HouseholdUpdated,
  PersonCreated,
  PersonUpdated,
  SubjectLinked,
  SubjectUnlinked,
  AssignmentCreated,
  AssignmentEnded,
  AssignmentUpdated
])
/** @category events @since 0.4.0 */
export type GridEvent = typeof GridEvent.Type

const FeedText = Schema.String
const FeedLevel = Schema.Struct({ key: Schema.String, nameZh: Schema.String, nameEn: Schema.String })

/**
 * How the feed (`GET /events`) shows each grid event: the envelope and the payload. No
 * payload carries personal data — no name, phone or ID-card number of a person, no
 * sign-in subject; only ids, codes, node names, counts and dates.
 *
 * @category events
 * @since 0.4.0
 */
export const GridFeedEvents = [
  feedEvent("grid.county.created", { code: FeedText, name: FeedText, levels: Schema.Array(FeedLevel), timeZone: Schema.String }),
  feedEvent("grid.node.created", { parentId: Schema.NullOr(GridNodeId), level: Schema.String, code: FeedText, name: FeedText, partyOrganisation: Schema.NullOr(FeedText) }),
  feedEvent("grid.node.updated", { name: FeedText, code: FeedText, partyOrganisation: Schema.NullOr(FeedText) }),
  feedEvent("grid.node.moved", { fromParentId: Schema.NullOr(GridNodeId), toParentId: GridNodeId, descendants: Schema.Int }),
  feedEvent("grid.node.archived", { cascade: Schema.Boolean, archivedNodes: Schema.Int, archivedHouseholds: Schema.Int }),
  feedEvent("grid.household.created", { nodeId: GridNodeId, code: FeedText, residents: Schema.Int }),
  feedEvent("grid.household.updated", { code: FeedText, residents: Schema.Int }),
  feedEvent("grid.person.created", { nodeId: GridNodeId, code: FeedText, householdId: Schema.NullOr(HouseholdId) }),
  feedEvent("grid.person.updated", { nodeId: GridNodeId, code: FeedText, householdId: Schema.NullOr(HouseholdId) }),
  feedEvent("grid.person.subject_linked", { issuer: FeedText }),
  feedEvent("grid.person.subject_unlinked", { issuer: FeedText }),
  feedEvent("grid.assignment.created", { personId: PersonId, nodeId: GridNodeId, role: AssignableRole, startDate: CalendarDate, endDate: Schema.NullOr(CalendarDate) }),
  feedEvent("grid.assignment.ended", { endDate: CalendarDate }),
  feedEvent("grid.assignment.updated", { startDate: CalendarDate, endDate: Schema.NullOr(CalendarDate) })
] as const
