/**
 * The grid use cases of households and who serves them.
 *
 * @internal
 */
import { Effect, Option } from "effect"
import { pathOf, type Place } from "../../kernel/directory.js"
import { notFound } from "../../kernel/errors.js"
import { newHouseholdId } from "../../kernel/ids.js"
import { todayIn } from "../../kernel/time.js"
import { householdDecider, recordHouseholdEvent } from "../machine.js"
import { householdView, personView } from "../rules.js"
import type { Grid } from "../service.js"
import type { WhoServes } from "../views.js"
import type { Kit } from "./kit.js"

/** The use cases of households and who serves them. */
export const householdUseCases = (kit: Kit): Pick<Grid["Service"], "createHousehold" | "updateHousehold" | "getHousehold" | "listHouseholds" | "whoServes"> => {
  const { access, decode, fresh, freshResidentIds, householdTarget, limitOf, loadCounty, loadHousehold, run, seesPersonal, store, zoneOf } = kit
  return {
    createHousehold: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createHousehold(input)
        const id = yield* fresh(newHouseholdId)
        const residentIds = yield* freshResidentIds(command.residents.length)
        let unit!: Place
        const { state } = yield* run({
          actor,
          aggregate: "household",
          id,
          decider: householdDecider,
          command: { type: "CreateHousehold", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.household.write", command.nodeId), (p) => void (unit = p)),
          context: (_, at) =>
            Effect.map(loadCounty(unit.countyId), (county) => {
              const smallest = county.levels[county.levels.length - 1]!
              return { at, id, unit, residentIds, smallest: { depth: county.levels.length - 1, nameEn: smallest.nameEn, nameZh: smallest.nameZh } }
            }),
          save: (next) => store.insertHouseholds([next]),
          record: (event, after) => recordHouseholdEvent(event, after, pathOf(unit))
        })
        return householdView(state, seesPersonal(actor, unit))
      }),

    updateHousehold: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.updateHousehold(input)
        const residentIds = yield* freshResidentIds(command.residents?.length ?? 0)
        let unit!: Place
        const { state } = yield* run({
          actor,
          aggregate: "household",
          id,
          decider: householdDecider,
          command: { type: "UpdateHousehold", input: command },
          load: Effect.gen(function*() {
            const household = yield* loadHousehold(id)
            unit = yield* access.check(actor, "grid.household.write", householdTarget(household))
            return household
          }),
          authorize: () => Effect.void,
          context: (household, at) =>
            Effect.map(
              command.code === undefined || command.code === household!.code ? Effect.succeed(Option.none()) : store.findHouseholdByCode(household!.nodeId, command.code),
              (taken) => ({ at, residentIds, codeTaken: Option.isSome(taken) })
            ),
          save: (next, expected) => store.updateHousehold(next, expected),
          record: (event, after) => recordHouseholdEvent(event, after, pathOf(unit))
        })
        return householdView(state, seesPersonal(actor, unit))
      }),

    getHousehold: (actor, id) =>
      Effect.gen(function*() {
        const household = yield* loadHousehold(id)
        const unit = yield* access.check(actor, "grid.household.read", householdTarget(household))
        return householdView(household, seesPersonal(actor, unit))
      }),

    // A plain chain, not a generator function made per call: the page is a hot read, and such a
    // function's hidden class, in the old generation, keeps what it captured until a full
    // collection (see "Speed" in docs/architecture.md).
    listHouseholds: (actor, rootId, page) =>
      Effect.flatMap(access.at(actor, "grid.household.read", rootId), (root) =>
        Effect.map(store.listHouseholds(rootId, { after: page?.after, limit: limitOf(page) }), (result) => {
          const show = seesPersonal(actor, root)
          return { items: result.items.map((h) => householdView(h, show)), next: result.next }
        })),

    whoServes: (actor, id, options) =>
      Effect.gen(function*() {
        // "Today" is the county's. The household's county is known only after the read, so
        // the date is first taken in the zone seen last, and the read repeated in the rare
        // case that the household's county has another date today.
        const guess = kit.lastZone()
        let on = options?.date ?? (yield* todayIn(guess))
        // One store read (one snapshot) per call: this runs on every lookup of a household.
        let found = yield* store.getHouseholdServers(id, on)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
        if (options?.date === undefined) {
          const own = yield* zoneOf(found.value.household.countyId)
          const date = own === guess ? on : yield* todayIn(own)
          if (date !== on) {
            on = date
            found = yield* store.getHouseholdServers(id, on)
            if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
          }
        }
        const { assignments: nearest, household, nodes: pathNodes, people: named } = found.value
        const unit = pathNodes[pathNodes.length - 1]
        if (unit === undefined) return yield* Effect.fail(notFound("household", id))
        // The unit came in the same snapshot as the household: checked as loaded, not read again.
        const place = yield* access.checkLoaded(actor, "grid.household.read", unit, householdTarget(household))
        const path = pathOf(place)
        // A handful of nodes and people: looked up by scanning, without maps.
        const nodeOf = (id: string) => pathNodes.find((n) => n.id === id)
        const showPersonal = access.can(actor, "grid.personal.read", path)
        // The party organisation nearest the household on its path.
        let orgNode: (typeof pathNodes)[number] | undefined
        for (let i = path.length - 1; i >= 0 && orgNode === undefined; i--) {
          const n = nodeOf(path[i]!)
          if (n !== undefined && n.partyOrganisation !== null) orgNode = n
        }
        const servers: Array<WhoServes["servers"][number]> = []
        for (const a of nearest) {
          const person = named.find((p) => p.id === a.personId)
          const at = nodeOf(a.nodeId)
          if (person !== undefined && at !== undefined) {
            servers.push({ role: a.role, assignmentId: a.id, person: personView(person, showPersonal), nodeId: at.id, nodeName: at.name, level: at.level, since: a.startDate })
          }
        }
        return {
          householdId: household.id,
          nodeId: unit.id,
          date: on,
          servers,
          partyOrganisation: orgNode === undefined ? null : { nodeId: orgNode.id, name: orgNode.partyOrganisation! }
        }
      })
  }
}
