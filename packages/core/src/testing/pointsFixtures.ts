/**
 * A tiny ledger on the tiny county, for the points conformance suite, the adapters' tests
 * and the examples: an issuer for the county, a charity fund and a barber (merchant) in the
 * first community, three residents with person accounts, and a haircut in the catalog.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { type Actor, systemActor } from "../kernel/actor.js"
import type { CatalogService } from "../points/model.js"
import { Points, type PointsError } from "../points/service.js"
import type { AccountView } from "../points/views.js"
import { Grid, type GridError } from "../grid/service.js"
import { actorOf } from "../kernel/identity.js"
import { DEFAULT_TIME_ZONE } from "../kernel/time.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"

/**
 * The accounts, actors and service of {@link buildTinyLedger}.
 *
 * @category models
 * @since 0.2.0
 */
export interface TinyLedger {
  readonly tiny: TinyCounty
  readonly issuer: AccountView
  readonly charity: AccountView
  readonly merchant: AccountView
  /** Residents of units a1, a2 (first community) and b1 (second community). */
  readonly people: readonly [AccountView, AccountView, AccountView]
  /** Each resident acting for themself: people living in those households (role `resident` in their community). */
  readonly holders: readonly [Actor, Actor, Actor]
  /** The barber (role `partner` at the first community). */
  readonly barber: Actor
  /** A secretary of the first community. */
  readonly secretary: Actor
  /** 理发: 30 points and 5 yuan, 10 in stock, for the first community. */
  readonly haircut: CatalogService
}

/**
 * Builds a {@link TinyLedger} through the use cases as the system actor.
 *
 * @category constructors
 * @since 0.2.0
 */
export const buildTinyLedger = (code = "370812"): Effect.Effect<TinyLedger, GridError | PointsError, Grid | Points> =>
  Effect.gen(function*() {
    const points = yield* Points
    const sys = systemActor()
    const tiny = yield* buildTinyCounty(code)
    const issuer = yield* points.openAccount(sys, { nodeId: tiny.county.id, kind: "issuer", name: "兖州区积分发行" })
    const charity = yield* points.openAccount(sys, { nodeId: tiny.communities[0].id, kind: "charity", name: "社区1慈善基金" })
    const grid = yield* Grid
    const merchant = yield* points.openAccount(sys, { nodeId: tiny.communities[0].id, kind: "merchant", ownerId: tiny.people.partner.id, name: "老王理发店" })
    // The residents of units a1, a2 and b1 as people: a1 and b1 live in the tiny county already.
    const a2 = yield* grid.createPerson(sys, { nodeId: tiny.units[1].id, code: "RES3", name: tiny.households[1]!.residents[0]!.name, householdId: tiny.households[1]!.id })
    const residents = [
      { unit: tiny.units[0], person: tiny.people.resident, actor: tiny.actors.resident },
      { unit: tiny.units[1], person: a2, actor: actorOf({ person: { id: a2.id, countyId: tiny.county.id, nodeId: a2.nodeId, name: a2.name, householdId: tiny.households[1]!.id }, timeZone: DEFAULT_TIME_ZONE, posts: [], home: [tiny.county, tiny.communities[0]] }, "2026-01-01") },
      { unit: tiny.units[2], person: tiny.people.resident2, actor: tiny.actors.resident2 }
    ]
    const people: Array<AccountView> = []
    for (const r of residents) {
      people.push(yield* points.openAccount(sys, { nodeId: r.unit.id, kind: "person", ownerId: r.person.id }))
    }
    const holders = residents.map((r) => r.actor)
    const barber = tiny.actors.partner
    const haircut = yield* points.publishService(barber, {
      merchantAccountId: merchant.id,
      nodeId: tiny.communities[0].id,
      title: "理发",
      description: "社区老人理发，低偿服务",
      pricePoints: 30,
      cashFen: 500,
      stock: 10
    })
    return {
      tiny,
      issuer,
      charity,
      merchant,
      people: people as unknown as TinyLedger["people"],
      holders: holders as unknown as TinyLedger["holders"],
      barber,
      secretary: tiny.actors.secretary,
      haircut
    }
  })

