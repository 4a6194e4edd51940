/**
 * The commands that change the grid: create, update, move and archive nodes; register
 * households and people; link sign-in subjects; assign and end roles.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId, HouseholdId, PersonId } from "../../kernel/ids.js"
import { IdCardNumber, Phone, Text } from "../../kernel/text.js"
import { CalendarDate, TimeZoneId } from "../../kernel/time.js"
import { AssignableRole, LevelKey, LevelTemplate, NodeCode, Relation } from "./entities.js"

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
