/**
 * Small fixtures shared by the conformance suite, the adapters' tests and the examples:
 * actors with typical grants and a tiny county built through the use cases.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { type Actor, type Grant, systemActor } from "../kernel/actor.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { GridNode } from "../grid/model.js"
import { Grid, type GridError } from "../grid/service.js"
import type { HouseholdView, PersonView } from "../grid/views.js"

/**
 * An actor holding the given grants.
 *
 * @category constructors
 * @since 0.1.0
 */
export const actorWith = (id: string, ...grants: ReadonlyArray<Grant>): Actor => ({ id, kind: "person", name: id, grants })

/**
 * A county with two streets, each with one community, one grid, one building and two
 * units; one household per unit; a grid worker, a building leader and a party member.
 *
 * @category models
 * @since 0.1.0
 */
export interface TinyCounty {
  readonly county: GridNode
  readonly streets: readonly [GridNode, GridNode]
  readonly communities: readonly [GridNode, GridNode]
  readonly grids: readonly [GridNode, GridNode]
  readonly buildings: readonly [GridNode, GridNode]
  /** Two units in each building: [a1, a2, b1, b2]. */
  readonly units: readonly [GridNode, GridNode, GridNode, GridNode]
  readonly households: ReadonlyArray<HouseholdView>
  readonly people: { readonly worker: PersonView; readonly leader: PersonView; readonly member: PersonView }
  readonly admin: Actor
  /** Grid worker of the first grid. */
  readonly gridWorker: Actor
}

/**
 * Builds a {@link TinyCounty} through the `Grid` use cases as the system actor.
 *
 * @category constructors
 * @since 0.1.0
 */
export const buildTinyCounty = (code = "370812"): Effect.Effect<TinyCounty, GridError, Grid> =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const sys = systemActor()
    const c = yield* grid.createCounty(sys, { code, name: "兖州区" })
    const county = yield* grid.getNode(sys, c.id)
    const branch = (parent: GridNodeId, suffix: string) =>
      Effect.gen(function*() {
        const street = yield* grid.createNode(sys, { parentId: parent, code: `S${suffix}`, name: `街道${suffix}` })
        const community = yield* grid.createNode(sys, { parentId: street.id, code: `C${suffix}`, name: `社区${suffix}` })
        const g = yield* grid.createNode(sys, { parentId: community.id, code: `G${suffix}`, name: `网格${suffix}`, partyOrganisation: `网格${suffix}党支部` })
        const building = yield* grid.createNode(sys, { parentId: g.id, code: `B${suffix}`, name: `${suffix}号楼` })
        const u1 = yield* grid.createNode(sys, { parentId: building.id, code: "1", name: "1单元" })
        const u2 = yield* grid.createNode(sys, { parentId: building.id, code: "2", name: "2单元" })
        return { street, community, g, building, u1, u2 }
      })
    const a = yield* branch(county.id, "1")
    const b = yield* branch(county.id, "2")
    const units = [a.u1, a.u2, b.u1, b.u2] as const
    const households: Array<HouseholdView> = []
    for (const [i, u] of units.entries()) {
      households.push(yield* grid.createHousehold(sys, {
        nodeId: u.id,
        code: "101",
        residents: [{ name: `张${"伟芳娜敏"[i]}`, phone: `1381234000${i}`, idCardNumber: null, relation: "head" }]
      }))
    }
    const worker = yield* grid.createPerson(sys, { nodeId: a.community.id, code: "W1", name: "李网格", phone: "13900000001" })
    const leader = yield* grid.createPerson(sys, { nodeId: a.community.id, code: "L1", name: "王楼长", phone: "13900000002" })
    const member = yield* grid.createPerson(sys, { nodeId: a.community.id, code: "P1", name: "赵党员", phone: "13900000003" })
    yield* grid.assignRole(sys, { personId: worker.id, nodeId: a.g.id, role: "grid_worker", startDate: "2026-01-01" })
    yield* grid.assignRole(sys, { personId: leader.id, nodeId: a.building.id, role: "building_leader", startDate: "2026-01-01" })
    yield* grid.assignRole(sys, { personId: member.id, nodeId: a.g.id, role: "party_member", startDate: "2026-01-01" })
    return {
      county,
      streets: [a.street, b.street],
      communities: [a.community, b.community],
      grids: [a.g, b.g],
      buildings: [a.building, b.building],
      units,
      households,
      people: { worker, leader, member },
      admin: actorWith("admin", { role: "county_admin", scope: county.id }),
      gridWorker: actorWith(worker.id, { role: "grid_worker", scope: a.g.id })
    }
  })

