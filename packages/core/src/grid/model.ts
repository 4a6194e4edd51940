/**
 * The grid hierarchy's schemas: level templates, counties, nodes, households and their
 * residents, people, role assignments, the commands that change them and the views
 * returned by queries.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
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
