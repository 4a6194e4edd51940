/**
 * Who is acting: a person or the system, with roles each scoped to a grid node.
 * A role granted at a node applies to that node and its whole subtree; the scope `"*"`
 * covers every county in the store (a provincial operator, the system actor).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { GridNodeId } from "./ids.js"

/**
 * Every role Mulin knows. The Chinese labels are in {@link RoleLabels}.
 *
 * @category models
 * @since 0.1.0
 */
export const Role = Schema.Literals([
  "county_admin",
  "street_admin",
  "community_secretary",
  "grid_worker",
  "building_leader",
  "party_member",
  "mediator",
  "volunteer",
  "partner",
  "resident",
  "system"
])
/** @category models @since 0.1.0 */
export type Role = typeof Role.Type

/**
 * Bilingual names of the roles.
 *
 * @category models
 * @since 0.1.0
 */
export const RoleLabels: Readonly<Record<Role, { readonly en: string; readonly zh: string }>> = {
  county_admin: { en: "county administrator", zh: "区县管理员" },
  street_admin: { en: "street administrator", zh: "街道管理员" },
  community_secretary: { en: "community secretary", zh: "社区书记" },
  grid_worker: { en: "grid worker", zh: "网格员" },
  building_leader: { en: "building leader", zh: "楼栋长" },
  party_member: { en: "party member on duty", zh: "包保党员" },
  mediator: { en: "mediator", zh: "调解员" },
  volunteer: { en: "volunteer", zh: "志愿者" },
  partner: { en: "neighbourly partner", zh: "睦邻合伙人" },
  resident: { en: "resident", zh: "居民" },
  system: { en: "system", zh: "系统" }
}

/**
 * Where a grant applies: one node's subtree, or `"*"` for the whole store.
 *
 * @category models
 * @since 0.1.0
 */
export const Scope = Schema.Union([GridNodeId, Schema.Literal("*")])
/** @category models @since 0.1.0 */
export type Scope = typeof Scope.Type

/**
 * One role held over one scope.
 *
 * @category models
 * @since 0.1.0
 */
export const Grant = Schema.Struct({ role: Role, scope: Scope })
/** @category models @since 0.1.0 */
export type Grant = typeof Grant.Type

/**
 * The one acting. `id` is recorded on every event it causes.
 *
 * @category models
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  id: Schema.String.check(Schema.isNonEmpty()),
  kind: Schema.Literals(["person", "system"]),
  name: Schema.String,
  grants: Schema.Array(Grant)
})
/** @category models @since 0.1.0 */
export type Actor = typeof Actor.Type

/**
 * The system actor, for scheduled work (supervision runs, expiry) and imports run by an
 * operator on the server itself.
 *
 * @category constructors
 * @since 0.1.0
 */
export const systemActor = (id = "system"): Actor => ({ id, kind: "system", name: "system", grants: [{ role: "system", scope: "*" }] })

/**
 * The part of an actor recorded on events.
 *
 * @category models
 * @since 0.1.0
 */
export const ActorRef = Schema.Struct({ id: Schema.String, kind: Schema.Literals(["person", "system"]) })
/** @category models @since 0.1.0 */
export type ActorRef = typeof ActorRef.Type
