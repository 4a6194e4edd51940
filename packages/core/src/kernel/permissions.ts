/**
 * The permission policy, as data: which role may perform which action. A grant lets its
 * holder perform the role's actions on the granted node and everything below it.
 * Counties replace {@link defaultPolicy} by providing {@link PermissionPolicy}.
 *
 * @since 0.1.0
 */
import { Context, Effect, Schema } from "effect"
import type { Actor, Role } from "./actor.js"
import { forbidden, type Forbidden } from "./errors.js"
import type { GridNodeId } from "./ids.js"

/**
 * Every action that is checked.
 *
 * @category models
 * @since 0.1.0
 */
export const Action = Schema.Literals([
  "county.create",
  // reading a county's configuration (rules, categories, deadlines, departments): its staff only
  "county.config.read",
  "grid.tree.read",
  "grid.node.write",
  "grid.household.read",
  "grid.household.write",
  "grid.personal.read",
  "grid.assignment.write",
  "grid.import",
  "events.read",
  // credit points (积分)
  "points.read",
  "points.account.open",
  "points.award",
  "points.adjust",
  "points.configure",
  "points.catalog.write",
  "points.redeem",
  "points.fulfil",
  // mediation (矛盾调解)
  "mediation.report",
  "mediation.read",
  "mediation.handle",
  "mediation.manage",
  "mediation.supervise",
  // deliberation (议事 · 晾晒 · 现场评)
  "deliberation.read",
  "deliberation.raise",
  "deliberation.manage",
  "deliberation.rate",
  // needs and volunteer matching (微心愿 · 认领 · 派单)
  "matching.read",
  "matching.post",
  "matching.claim",
  "matching.dispatch",
  "matching.manage",
  // follow-up (回访): statistics, the county's configuration, a person's own answer
  "followup.read",
  "followup.configure",
  "followup.answer",
  // notifications (通知): the county's rules, webhook subscriptions and delivery attempts
  "notifications.manage",
  // scheduled rules (定时任务): a county's staff list them, see their runs and run one now
  "jobs.read",
  "jobs.run",
  // service places (阵地): registering and changing them; reads follow the grid (grid.tree.read)
  "places.manage",
  // activities, teams and lectures: running them; joining (registering, checking in with the code) for oneself
  "activities.manage",
  "activities.join",
  // exports (CSV, .xlsx) of a subtree's reports: staff only
  "exports.read",
  // partners (睦邻合伙人): registering and changing them, recording their services, their report
  "partners.manage",
  // party members' registration (在职党员进社区报到): staff register members and record service;
  // a party member registers themselves with a community
  "party.manage",
  "party.join",
  // one-window intake (一口式受理): reading requests, taking one in, handling (accept, route, resolve, reject, merge)
  "intake.read",
  "intake.receive",
  "intake.handle",
  // reports (工作台账 · 考核指标 · 主要指标): staff read a subtree's; a county's admin sets its response time
  "reports.read",
  "reports.configure"
])
/** @category models @since 0.1.0 */
export type Action = typeof Action.Type

/**
 * Role → the actions it allows within its scope.
 *
 * @category models
 * @since 0.1.0
 */
export type Policy = Readonly<Record<Role, ReadonlyArray<Action>>>

const staff: ReadonlyArray<Action> = [
  "county.config.read",
  "grid.tree.read",
  "grid.node.write",
  "grid.household.read",
  "grid.household.write",
  "grid.personal.read",
  "grid.assignment.write",
  "grid.import",
  "events.read",
  "exports.read"
]

// Staff who run a subtree's credit points: read accounts, award, correct, list services, confirm orders.
const pointsStaff: ReadonlyArray<Action> = ["points.read", "points.account.open", "points.award", "points.adjust", "points.catalog.write", "points.redeem", "points.fulfil"]
// Staff who run a subtree's mediation room.
const mediationStaff: ReadonlyArray<Action> = ["mediation.report", "mediation.read", "mediation.manage"]
// Staff who convene deliberation sessions and follow items up.
const deliberationStaff: ReadonlyArray<Action> = ["deliberation.read", "deliberation.raise", "deliberation.manage"]
// Staff who run a subtree's needs and volunteers: post, dispatch, manage profiles.
const matchingStaff: ReadonlyArray<Action> = ["matching.read", "matching.post", "matching.claim", "matching.dispatch", "matching.manage"]
// Staff who read a subtree's follow-up statistics (回访). Answering is a person's own (never a role's).
const followUpStaff: ReadonlyArray<Action> = ["followup.read"]
// Staff who keep a subtree's service places (阵地).
const placesStaff: ReadonlyArray<Action> = ["places.manage", "activities.manage", "activities.join"]
// Staff who keep a subtree's partners (睦邻合伙人) and its party members' registrations (在职党员报到).
const partyStaff: ReadonlyArray<Action> = ["partners.manage", "party.manage"]
// Staff who run a subtree's one-window intake; grid workers take requests in and read them.
const intakeStaff: ReadonlyArray<Action> = ["intake.read", "intake.receive", "intake.handle"]
// Staff who read a subtree's ledger of work and its KPIs.
const reportsStaff: ReadonlyArray<Action> = ["reports.read"]

/**
 * The default policy: administrators and secretaries run their subtree; grid workers keep
 * household records and see personal data in their grid; building leaders and party
 * members see households masked; everyone else sees the structure only.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultPolicy: Policy = {
  county_admin: ["county.create", ...staff, ...pointsStaff, "points.configure", ...mediationStaff, "mediation.supervise", ...deliberationStaff, ...matchingStaff, ...placesStaff, ...partyStaff, ...followUpStaff, "followup.configure", "notifications.manage", "jobs.read", "jobs.run", ...intakeStaff, ...reportsStaff, "reports.configure"],
  street_admin: [...staff, ...pointsStaff, ...mediationStaff, "mediation.supervise", ...deliberationStaff, ...matchingStaff, ...placesStaff, ...partyStaff, ...followUpStaff, ...intakeStaff, ...reportsStaff],
  community_secretary: [...staff, ...pointsStaff, ...mediationStaff, ...deliberationStaff, ...matchingStaff, ...placesStaff, ...partyStaff, ...followUpStaff, ...intakeStaff, ...reportsStaff],
  grid_worker: [
    "county.config.read", "grid.tree.read", "grid.household.read", "grid.household.write", "grid.personal.read", "events.read", "exports.read",
    "points.read", "points.account.open", "points.award", "points.redeem",
    "mediation.report", "mediation.read", "deliberation.raise", "deliberation.read",
    "matching.read", "matching.post", "matching.claim", "matching.dispatch", "activities.join",
    "intake.read", "intake.receive"],
  building_leader: ["grid.tree.read", "grid.household.read", "points.award", "points.redeem", "mediation.report", "deliberation.raise", "deliberation.rate", "matching.post", "matching.claim", "activities.join"],
  party_member: ["grid.tree.read", "grid.household.read", "points.redeem", "mediation.report", "deliberation.raise", "deliberation.rate", "matching.post", "matching.claim", "activities.join", "party.join"],
  mediator: ["county.config.read", "grid.tree.read", "points.redeem", "mediation.report", "mediation.read", "mediation.handle"],
  volunteer: ["grid.tree.read", "points.redeem", "mediation.report", "deliberation.raise", "deliberation.rate", "matching.post", "matching.claim", "activities.join"],
  partner: ["grid.tree.read", "points.catalog.write", "points.fulfil", "points.redeem", "mediation.report", "matching.claim", "activities.join"],
  resident: ["grid.tree.read", "points.redeem", "mediation.report", "deliberation.raise", "deliberation.rate", "matching.post", "activities.join"],
  system: Action.literals
}

/**
 * The policy in force; {@link defaultPolicy} unless a county provides its own.
 *
 * @category services
 * @since 0.1.0
 */
export const PermissionPolicy = Context.Reference<Policy>("@mulin/core/kernel/PermissionPolicy", {
  defaultValue: () => defaultPolicy
})

/**
 * Whether `actor` may perform `action` on the node whose path (root first, the node itself
 * last) is `path`. `path` empty means "the whole store" (creating a county).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isAllowed = (policy: Policy, actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>): boolean =>
  actor.grants.some((grant) =>
    policy[grant.role].includes(action) && (grant.scope === "*" || path.includes(grant.scope))
  )

/**
 * The nodes at which `actor` may perform `action`: `"*"` when everywhere, otherwise the
 * roots of the permitted subtrees (used to filter listings and the event feed).
 *
 * @category predicates
 * @since 0.1.0
 */
export const allowedScopes = (policy: Policy, actor: Actor, action: Action): "*" | ReadonlyArray<GridNodeId> => {
  const scopes: Array<GridNodeId> = []
  for (const grant of actor.grants) {
    if (!policy[grant.role].includes(action)) continue
    if (grant.scope === "*") return "*"
    scopes.push(grant.scope)
  }
  return scopes
}

/**
 * Fails with {@link Forbidden} unless `actor` may perform `action` at `path`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const authorize = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>): Effect.Effect<void, Forbidden> =>
  Effect.flatMap(PermissionPolicy, (policy) =>
    isAllowed(policy, actor, action, path)
      ? Effect.void
      : Effect.fail(forbidden(action, path.length === 0 ? "the whole store" : path[path.length - 1]!)))
