/**
 * The grid hierarchy's schemas: level templates, counties, nodes, households and their
 * residents, people, role assignments, the commands that change them, the events they
 * cause and how the feed shows each event.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { feedEvent } from "../kernel/events.js"
import { AssignmentId, GridNodeId, HouseholdId, PersonId, ResidentId } from "../kernel/ids.js"
import { Code, IdCardNumber, Phone, Text } from "../kernel/text.js"
import { CalendarDate, Instant, TimeZoneId } from "../kernel/time.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/**
 * A level's key, e.g. `street`: lower-case letters, digits and `_`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LevelKey = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9_]{0,31}$/u, rule(
    "must be a level key of lower-case letters, digits and _ (at most 32), e.g. street",
    "必须是层级代码：小写字母、数字或下划线（最多 32 个），例如 street"
  ))
)

/**
 * One level of a county's hierarchy.
 *
 * @category models
 * @since 0.1.0
 */
export const Level = Schema.Struct({ key: LevelKey, nameZh: Text(20), nameEn: Text(40) })
/** @category models @since 0.1.0 */
export type Level = typeof Level.Type

/**
 * A county's levels, top first. A child node is always at a deeper level than its parent;
 * households live at the last (smallest) level.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LevelTemplate = Schema.Array(Level).check(
  Schema.makeFilter((levels: ReadonlyArray<Level>) => levels.length >= 2 && levels.length <= 12, rule(
    "must have from 2 to 12 levels",
    "层级数必须在 2 到 12 之间"
  )),
  Schema.makeFilter((levels: ReadonlyArray<Level>) => new Set(levels.map((l) => l.key)).size === levels.length, rule(
    "level keys must be unique",
    "层级代码不能重复"
  ))
)
/** @category models @since 0.1.0 */
export type LevelTemplate = typeof LevelTemplate.Type

/**
 * The six-level grid system (网格六级体系) every county starts from.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultLevels: LevelTemplate = [
  { key: "county", nameZh: "区县", nameEn: "county" },
  { key: "street", nameZh: "街道(乡镇)", nameEn: "street" },
  { key: "community", nameZh: "社区(村)", nameEn: "community" },
  { key: "grid", nameZh: "网格", nameEn: "grid" },
  { key: "building", nameZh: "楼栋(微网格)", nameEn: "building" },
  { key: "unit", nameZh: "单元(户)", nameEn: "unit" }
]

/**
 * A node's code: unique among its live siblings (e.g. the street's administrative code,
 * a building number): 1 to 40 ASCII letters, digits, `_`, `.` or `-`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NodeCode = Code

/**
 * A node's lifecycle status.
 *
 * @category models
 * @since 0.1.0
 */
export const NodeStatus = Schema.Literals(["active", "archived"])
/** @category models @since 0.1.0 */
export type NodeStatus = typeof NodeStatus.Type

/**
 * A county and its level template. The county is also the root node of its tree, with the
 * same id.
 *
 * @category models
 * @since 0.1.0
 */
export const County = Schema.Struct({
  id: GridNodeId,
  code: NodeCode,
  name: Text(60),
  levels: LevelTemplate,
  /** The IANA time zone of the county's calendar: days, months, caps and deadlines are counted in it. */
  timeZone: TimeZoneId,
  createdAt: Instant
})
/** @category models @since 0.1.0 */
export type County = typeof County.Type

/**
 * A node of the grid hierarchy.
 *
 * @category models
 * @since 0.1.0
 */
export const GridNode = Schema.Struct({
  id: GridNodeId,
  countyId: GridNodeId,
  parentId: Schema.NullOr(GridNodeId),
  /** Ancestors' ids, root first, without the node itself. */
  path: Schema.Array(GridNodeId),
  level: LevelKey,
  /** Position of `level` in the county's template (0 for the county). */
  depth: Schema.Int,
  code: NodeCode,
  name: Text(60),
  /** The party organisation based at this node (e.g. 红色网格党支部), if any. */
  partyOrganisation: Schema.NullOr(Text(60)),
  status: NodeStatus,
  version: Schema.Int,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category models @since 0.1.0 */
export type GridNode = typeof GridNode.Type

/**
 * How a resident relates to the head of the household.
 *
 * @category models
 * @since 0.1.0
 */
export const Relation = Schema.Literals(["head", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "tenant", "other"])
/** @category models @since 0.1.0 */
export type Relation = typeof Relation.Type

/**
 * A resident of a household. Name, phone and ID-card number are personal data.
 *
 * @category models
 * @since 0.1.0
 */
export const Resident = Schema.Struct({
  id: ResidentId,
  name: Text(40),
  phone: Schema.NullOr(Phone),
  idCardNumber: Schema.NullOr(IdCardNumber),
  relation: Relation,
  partyMember: Schema.Boolean
})
/** @category models @since 0.1.0 */
export type Resident = typeof Resident.Type

/**
 * A household (住户) attached to a smallest unit.
 *
 * @category models
 * @since 0.1.0
 */
export const Household = Schema.Struct({
  id: HouseholdId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The door number (门牌号), unique within the unit among live households. */
  code: NodeCode,
  residents: Schema.Array(Resident),
  status: NodeStatus,
  version: Schema.Int,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category models @since 0.1.0 */
export type Household = typeof Household.Type

/**
 * A person: the one identity of a human Mulin knows — staff, party members, volunteers,
 * partners' staff, and residents who sign in or are named as requester, party or raiser
 * (linked to their household). Registered at a node (their community, usually), which
 * decides who may see and manage them. What a person may do follows from their current
 * posts (assignments); sign-in subjects are linked to them.
 *
 * @category models
 * @since 0.1.0
 */
export const Person = Schema.Struct({
  id: PersonId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The county's own key for this person (staff number), unique within the county. */
  code: NodeCode,
  name: Text(40),
  phone: Schema.NullOr(Phone),
  /** The household the person lives in, when they are a resident of the county (who signs in, asks, reports or raises). */
  householdId: Schema.NullOr(HouseholdId),
  version: Schema.Int,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category models @since 0.1.0 */
export type Person = typeof Person.Type

/**
 * The roles a person can be assigned to a node.
 *
 * @category models
 * @since 0.1.0
 */
export const AssignableRole = Schema.Literals([
  "county_admin",
  "street_admin",
  "community_secretary",
  "grid_worker",
  "building_leader",
  "party_member",
  "partner",
  "mediator",
  "volunteer"
])
/** @category models @since 0.1.0 */
export type AssignableRole = typeof AssignableRole.Type

/**
 * A person serving in a role at a node from `startDate` to `endDate` (inclusive; `null`:
 * open-ended).
 *
 * @category models
 * @since 0.1.0
 */
export const Assignment = Schema.Struct({
  id: AssignmentId,
  countyId: GridNodeId,
  personId: PersonId,
  nodeId: GridNodeId,
  role: AssignableRole,
  startDate: CalendarDate,
  endDate: Schema.NullOr(CalendarDate),
  version: Schema.Int,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category models @since 0.1.0 */
export type Assignment = typeof Assignment.Type

// ---------------------------------------------------------------------------
// Commands

const optional = Schema.optionalKey

/**
 * Create a county with its level template (default: the six levels).
 *
 * @category commands
 * @since 0.1.0
 */
export const CreateCounty = Schema.Struct({
  code: NodeCode,
  name: Text(60),
  levels: optional(LevelTemplate),
  /** Default `Asia/Shanghai`. */
  timeZone: optional(TimeZoneId),
  partyOrganisation: optional(Schema.NullOr(Text(60)))
})
/** @category commands @since 0.1.0 */
export type CreateCounty = typeof CreateCounty.Type

/**
 * Create a node under `parentId`. `level` defaults to the level after the parent's.
 *
 * @category commands
 * @since 0.1.0
 */
export const CreateNode = Schema.Struct({
  parentId: GridNodeId,
  level: optional(LevelKey),
  code: NodeCode,
  name: Text(60),
  partyOrganisation: optional(Schema.NullOr(Text(60)))
})
/** @category commands @since 0.1.0 */
export type CreateNode = typeof CreateNode.Type

/**
 * Change a node's name, code or party organisation. `expectedVersion` guards against lost
 * updates.
 *
 * @category commands
 * @since 0.1.0
 */
export const UpdateNode = Schema.Struct({
  name: optional(Text(60)),
  code: optional(NodeCode),
  partyOrganisation: optional(Schema.NullOr(Text(60))),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.1.0 */
export type UpdateNode = typeof UpdateNode.Type

/**
 * Move a node, with its whole subtree, under another parent of the same county.
 *
 * @category commands
 * @since 0.1.0
 */
export const MoveNode = Schema.Struct({ newParentId: GridNodeId, expectedVersion: optional(Schema.Int) })
/** @category commands @since 0.1.0 */
export type MoveNode = typeof MoveNode.Type

/**
 * Archive a node. Refused while it has live children or households unless `cascade`.
 *
 * @category commands
 * @since 0.1.0
 */
export const ArchiveNode = Schema.Struct({ cascade: optional(Schema.Boolean), expectedVersion: optional(Schema.Int) })
/** @category commands @since 0.1.0 */
export type ArchiveNode = typeof ArchiveNode.Type

/**
 * A resident as given in a command (the id is made by the use case).
 *
 * @category commands
 * @since 0.1.0
 */
export const ResidentInput = Schema.Struct({
  name: Text(40),
  phone: optional(Schema.NullOr(Phone)),
  idCardNumber: optional(Schema.NullOr(IdCardNumber)),
  relation: optional(Relation),
  partyMember: optional(Schema.Boolean)
})
/** @category commands @since 0.1.0 */
export type ResidentInput = typeof ResidentInput.Type

/**
 * Register a household in a smallest unit.
 *
 * @category commands
 * @since 0.1.0
 */
export const CreateHousehold = Schema.Struct({
  nodeId: GridNodeId,
  code: NodeCode,
  residents: Schema.Array(ResidentInput).check(Schema.isMinLength(1, {
    message: "must list at least one resident",
    messageZh: "至少要有一位居民"
  } as Schema.Annotations.Filter), Schema.isMaxLength(30))
})
/** @category commands @since 0.1.0 */
export type CreateHousehold = typeof CreateHousehold.Type

/**
 * Replace a household's residents or door number.
 *
 * @category commands
 * @since 0.1.0
 */
export const UpdateHousehold = Schema.Struct({
  code: optional(NodeCode),
  residents: optional(Schema.Array(ResidentInput).check(Schema.isMinLength(1, {
    message: "must list at least one resident",
    messageZh: "至少要有一位居民"
  } as Schema.Annotations.Filter), Schema.isMaxLength(30))),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.1.0 */
export type UpdateHousehold = typeof UpdateHousehold.Type

/**
 * Register a person in the directory.
 *
 * @category commands
 * @since 0.1.0
 */
export const CreatePerson = Schema.Struct({
  nodeId: GridNodeId,
  code: NodeCode,
  name: Text(40),
  phone: optional(Schema.NullOr(Phone)),
  /** The household the person lives in; it must lie at or below `nodeId`. */
  householdId: optional(Schema.NullOr(HouseholdId))
})
/** @category commands @since 0.1.0 */
export type CreatePerson = typeof CreatePerson.Type

/**
 * Change a person's name, phone, the node they are registered at or the household they
 * live in (`null`: none). The household must lie at or below the person's node.
 *
 * @category commands
 * @since 0.4.0
 */
export const UpdatePerson = Schema.Struct({
  name: optional(Text(40)),
  phone: optional(Schema.NullOr(Phone)),
  nodeId: optional(GridNodeId),
  householdId: optional(Schema.NullOr(HouseholdId)),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.4.0 */
export type UpdatePerson = typeof UpdatePerson.Type

/**
 * A sign-in subject: the identity provider (`issuer`, e.g. the county's OIDC issuer URL,
 * or `demo`) and the provider's id of the user (`subject`, the `sub` claim).
 *
 * @category commands
 * @since 0.4.0
 */
export const SignInSubject = Schema.Struct({ issuer: Text(200), subject: Text(200) })
/** @category commands @since 0.4.0 */
export type SignInSubject = typeof SignInSubject.Type

/**
 * Assign a person to a node in a role. `startDate` defaults to today.
 *
 * @category commands
 * @since 0.1.0
 */
export const AssignRole = Schema.Struct({
  personId: PersonId,
  nodeId: GridNodeId,
  role: AssignableRole,
  startDate: optional(CalendarDate),
  endDate: optional(Schema.NullOr(CalendarDate))
})
/** @category commands @since 0.1.0 */
export type AssignRole = typeof AssignRole.Type

/**
 * End an assignment on a date (default today).
 *
 * @category commands
 * @since 0.1.0
 */
export const EndAssignment = Schema.Struct({ endDate: optional(CalendarDate), expectedVersion: optional(Schema.Int) })
/** @category commands @since 0.1.0 */
export type EndAssignment = typeof EndAssignment.Type

// ---------------------------------------------------------------------------
// Events

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
