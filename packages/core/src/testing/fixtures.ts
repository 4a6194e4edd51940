/**
 * Small fixtures shared by the conformance suite, the adapters' tests and the examples: a
 * tiny county built through the use cases, with a person for every role and the actor
 * each one is.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { type Actor, type Grant, systemActor } from "../kernel/actor.js"
import { actorOf } from "../kernel/identity.js"
import type { NewEvent } from "../kernel/events.js"
import { type GridNodeId, newEventId } from "../kernel/ids.js"
import { DEFAULT_TIME_ZONE, type Instant } from "../kernel/time.js"
import type { AssignableRole, GridNode } from "../grid/model.js"
import { Grid, type GridError } from "../grid/service.js"
import type { HouseholdView, PersonView } from "../grid/views.js"

/**
 * An actor holding the given grants, for tests of a policy in isolation. Use cases act for
 * people: prefer the actors of {@link buildTinyCounty}, derived from real posts.
 *
 * @category constructors
 * @since 0.1.0
 */
export const actorWith = (id: string, ...grants: ReadonlyArray<Grant>): Actor => ({ id, kind: "person", name: id, grants })

/**
 * The people of a {@link TinyCounty}, each with one post (or, for residents, a household).
 *
 * @category models
 * @since 0.4.0
 */
export interface TinyPeople {
  /** County administrator (区县管理员) at the county. */
  readonly admin: PersonView
  /** Street administrator of street 1. */
  readonly streetAdmin: PersonView
  /** Community secretary of community 1. */
  readonly secretary: PersonView
  /** Grid worker of grid 1. */
  readonly worker: PersonView
  /** Building leader of building 1. */
  readonly leader: PersonView
  /** Party member on duty in grid 1. */
  readonly member: PersonView
  /** Mediator of community 1. */
  readonly mediator: PersonView
  /** Volunteer of grid 1. */
  readonly volunteer: PersonView
  /** A partner's staff member (睦邻合伙人) in community 1. */
  readonly partner: PersonView
  /** A resident living in the household of unit a1. */
  readonly resident: PersonView
  /** Community secretary of community 2. */
  readonly secretary2: PersonView
  /** Grid worker of grid 2. */
  readonly worker2: PersonView
  /** A resident living in the household of unit b1. */
  readonly resident2: PersonView
}

/**
 * A county with two streets, each with one community, one grid, one building and two
 * units; one household per unit; and a person for every role (see {@link TinyPeople}),
 * each acting as the actor its posts make it.
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
  readonly people: TinyPeople
  /** The actor each person is, derived from their posts as `Identity` derives it. */
  readonly actors: { readonly [K in keyof TinyPeople]: Actor }
  /** The county administrator's actor (`actors.admin`). */
  readonly admin: Actor
  /** Grid worker of the first grid (`actors.worker`). */
  readonly gridWorker: Actor
}

/** The date the fixture's posts start on, and on which its actors are derived. */
const POSTS_FROM = "2026-01-01"

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
    const c = yield* grid.createCounty(sys, { code, name: code === "370812" ? "兖州区" : `区县${code}` })
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
    const posts: Array<Grant & { readonly personId: PersonView["id"] }> = []
    const person = (nodeId: GridNodeId, personCode: string, name: string, phone: string, post?: Grant, householdId?: HouseholdView["id"]) =>
      Effect.gen(function*() {
        const p = yield* grid.createPerson(sys, { nodeId, code: personCode, name, phone, ...(householdId === undefined ? {} : { householdId }) })
        if (post !== undefined && post.scope !== "*") {
          yield* grid.assignRole(sys, { personId: p.id, nodeId: post.scope, role: post.role as AssignableRole, startDate: POSTS_FROM })
          posts.push({ ...post, personId: p.id })
        }
        return p
      })
    const people: TinyPeople = {
      worker: yield* person(a.community.id, "W1", "李网格", "13900000001", { role: "grid_worker", scope: a.g.id }),
      leader: yield* person(a.community.id, "L1", "王楼长", "13900000002", { role: "building_leader", scope: a.building.id }),
      member: yield* person(a.community.id, "P1", "赵党员", "13900000003", { role: "party_member", scope: a.g.id }),
      admin: yield* person(county.id, "ADM1", "孙区长", "13900000004", { role: "county_admin", scope: county.id }),
      streetAdmin: yield* person(a.street.id, "STA1", "周街道", "13900000005", { role: "street_admin", scope: a.street.id }),
      secretary: yield* person(a.community.id, "SEC1", "吴书记", "13900000006", { role: "community_secretary", scope: a.community.id }),
      mediator: yield* person(a.community.id, "MED1", "郑调解", "13900000007", { role: "mediator", scope: a.community.id }),
      volunteer: yield* person(a.community.id, "VOL1", "冯志愿", "13900000008", { role: "volunteer", scope: a.g.id }),
      partner: yield* person(a.community.id, "PTN1", "陈理发", "13900000009", { role: "partner", scope: a.community.id }),
      resident: yield* person(a.u1.id, "RES1", households[0]!.residents[0]!.name, "13812340000", undefined, households[0]!.id),
      secretary2: yield* person(b.community.id, "SEC2", "褚书记", "13900000010", { role: "community_secretary", scope: b.community.id }),
      worker2: yield* person(b.community.id, "W2", "卫网格", "13900000011", { role: "grid_worker", scope: b.g.id }),
      resident2: yield* person(b.u1.id, "RES2", households[2]!.residents[0]!.name, "13812340002", undefined, households[2]!.id)
    }
    const actorFor = (p: PersonView, home?: GridNode): Actor =>
      actorOf({
        person: { id: p.id, countyId: county.id, nodeId: p.nodeId, name: p.name, householdId: null },
        timeZone: DEFAULT_TIME_ZONE,
        posts: posts.filter((x) => x.personId === p.id).map((x) => ({ role: x.role, nodeId: x.scope as GridNodeId, startDate: POSTS_FROM, endDate: null })),
        // The resident's home, enough for the grant: the county and their community.
        home: home === undefined ? [] : [county, home]
      }, POSTS_FROM)
    const actors = {
      admin: actorFor(people.admin),
      streetAdmin: actorFor(people.streetAdmin),
      secretary: actorFor(people.secretary),
      worker: actorFor(people.worker),
      leader: actorFor(people.leader),
      member: actorFor(people.member),
      mediator: actorFor(people.mediator),
      volunteer: actorFor(people.volunteer),
      partner: actorFor(people.partner),
      resident: actorFor(people.resident, a.community),
      secretary2: actorFor(people.secretary2),
      worker2: actorFor(people.worker2),
      resident2: actorFor(people.resident2, b.community)
    }
    return {
      county,
      streets: [a.street, b.street],
      communities: [a.community, b.community],
      grids: [a.g, b.g],
      buildings: [a.building, b.building],
      units,
      households,
      people,
      actors,
      admin: actors.admin,
      gridWorker: actors.worker
    }
  })

/**
 * An event as a context would append it: a new id, the system as actor, the clock's time.
 *
 * @category fixtures
 * @since 0.5.0
 */
export const eventOf = (type: string, scope: ReadonlyArray<GridNodeId>, payload: Record<string, unknown>, aggregate = { type: "thing", id: "thing_1" }) =>
  Effect.gen(function*() {
    const at = new Date(yield* Effect.clockWith((c) => c.currentTimeMillis)).toISOString() as Instant
    const event: NewEvent = { id: yield* newEventId, type, aggregateType: aggregate.type, aggregateId: aggregate.id, version: 1, actor: { id: "system", kind: "system" }, at, scope, payload }
    return event
  })
