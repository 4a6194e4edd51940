/**
 * The grid's entities: level templates, counties, nodes, households and their residents,
 * people and role assignments.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { AssignmentId, GridNodeId, HouseholdId, PersonId, ResidentId } from "../../kernel/ids.js"
import { Code, IdCardNumber, Phone, Text } from "../../kernel/text.js"
import { CalendarDate, Instant, TimeZoneId } from "../../kernel/time.js"

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
