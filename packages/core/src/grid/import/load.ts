/**
 * Loading what the store already holds of the county the files name: the county, its
 * nodes by path, and the households, people and assignments the decoded rows could match
 * (looked up one by one up to `lookupLimit` keys, listed page by page above).
 *
 * @internal
 */
import { Effect, Option } from "effect"
import type { StorageError } from "../../kernel/errors.js"
import type { GridNodeId, PersonId } from "../../kernel/ids.js"
import type { Page } from "../../kernel/pagination.js"
import type { Assignment, County, GridNode, Household, Person } from "../model.js"
import type { Cursor, GridStore } from "../store.js"
import type { Decoded } from "./decode.js"

/** Up to this many keys, existing entities are looked up one by one; above, listed page by page. */
export const LOOKUP_LIMIT = 2000
const PAGE = 5000

/**
 * What the store holds of the county, keyed as the files name things. A plan is made from
 * this and the decoded rows alone.
 */
export interface Existing {
  /** The county with the files' county code, when it exists. */
  readonly county: County | undefined
  /** The county's nodes by path key: codes from the county down, joined by `/`. */
  readonly nodes: ReadonlyMap<string, GridNode>
  readonly nodesById: ReadonlyMap<GridNodeId, GridNode>
  /** The county's people the files name (people.csv or assignments.csv), by code. */
  readonly people: ReadonlyMap<string, Person>
  /** The households in stored units the files name, by {@link householdKey}. */
  readonly households: ReadonlyMap<string, Household>
  /** The assignments of stored people at stored nodes, by {@link assignmentKey}. */
  readonly assignments: ReadonlyMap<string, Assignment>
}

/** Nothing stored: the import creates the county. */
export const nothingStored: Existing = { county: undefined, nodes: new Map(), nodesById: new Map(), people: new Map(), households: new Map(), assignments: new Map() }

/** The key of a household: its unit and door number. */
export const householdKey = (unitId: GridNodeId, door: string): string => `${unitId}\u0000${door}`

/** The key of an assignment: person, node, role and start date. */
export const assignmentKey = (personId: string, nodeId: string, role: string, startDate: string): string => `${personId}\u0000${nodeId}\u0000${role}\u0000${startDate}`

/** Reads every page of a listing. */
const listAll = <A>(list: (cursor: Cursor) => Effect.Effect<Page<A>, StorageError>, onPage: (items: ReadonlyArray<A>) => void): Effect.Effect<void, StorageError> =>
  Effect.gen(function*() {
    let after: string | undefined
    for (;;) {
      const page = yield* list({ after, limit: PAGE })
      onPage(page.items)
      if (page.next === null || page.items.length === 0) return
      after = page.next
    }
  })

/** Loads what the decoded rows may match; `report` is called with the load's progress. */
export const loadExisting = (
  store: GridStore["Service"],
  d: Decoded,
  countyCode: string,
  lookupLimit: number,
  report: (done: number, total: number) => void
): Effect.Effect<Existing, StorageError> =>
  Effect.gen(function*() {
    const county = Option.getOrUndefined(yield* store.findCountyByCode(countyCode))
    if (county === undefined) {
      report(0, 0)
      return nothingStored
    }
    const byId = new Map<GridNodeId, GridNode>()
    const outline = yield* store.outline(county.id)
    for (let i = 0; i < outline.length; i += PAGE) {
      for (const n of yield* store.getNodes(outline.slice(i, i + PAGE).map((o) => o.id))) byId.set(n.id, n)
    }
    // A node's key is its ancestors' codes and its own, joined by "/".
    const nodes = new Map<string, GridNode>()
    const keyOf = new Map<GridNodeId, string | null>()
    const keyFor = (n: GridNode): string | null => {
      let key = keyOf.get(n.id)
      if (key !== undefined) return key
      if (n.parentId === null) key = n.code
      else {
        const parent = byId.get(n.parentId)
        const parentKey = parent === undefined ? null : keyFor(parent)
        key = parentKey === null ? null : `${parentKey}/${n.code}`
      }
      keyOf.set(n.id, key)
      return key
    }
    for (const n of byId.values()) {
      const key = keyFor(n)
      if (key !== null) nodes.set(key, n)
    }
    report(nodes.size, nodes.size)

    // People by code.
    const people = new Map<string, Person>()
    const codes = new Set<string>()
    for (const p of d.people) codes.add(p.code)
    for (const a of d.assignments) codes.add(a.personCode)
    if (codes.size <= lookupLimit) {
      for (const code of codes) {
        const found = yield* store.findPersonByCode(county.id, code)
        if (Option.isSome(found)) people.set(code, found.value)
      }
    } else {
      yield* listAll((c) => store.listPeople(county.id, c), (items) => {
        for (const p of items) if (codes.has(p.code)) people.set(p.code, p)
      })
    }

    // Households in stored units, by door number.
    const households = new Map<string, Household>()
    const wanted: Array<{ readonly unitId: GridNodeId; readonly door: string }> = []
    for (const h of d.households) {
      const unit = nodes.get(h.unit.key)
      if (unit !== undefined) wanted.push({ unitId: unit.id, door: h.door })
    }
    if (wanted.length > 0 && wanted.length <= lookupLimit) {
      for (const w of wanted) {
        const found = yield* store.findHouseholdByCode(w.unitId, w.door)
        if (Option.isSome(found)) households.set(householdKey(w.unitId, w.door), found.value)
      }
    } else if (wanted.length > 0) {
      const units = new Set(wanted.map((w) => w.unitId as string))
      const total = (yield* store.countHouseholds(county.id)).households
      let loaded = 0
      yield* listAll((c) => store.listHouseholds(county.id, c), (items) => {
        for (const h of items) if (units.has(h.nodeId)) households.set(householdKey(h.nodeId, h.code), h)
        loaded += items.length
        report(loaded, total)
      })
    }

    // Assignments of stored people at stored nodes.
    const assignments = new Map<string, Assignment>()
    const wantedAssignments: Array<{ readonly personId: PersonId; readonly nodeId: GridNodeId; readonly role: Assignment["role"]; readonly startDate: Assignment["startDate"] }> = []
    for (const a of d.assignments) {
      const person = people.get(a.personCode)
      const node = nodes.get(a.node.key)
      if (person !== undefined && node !== undefined) wantedAssignments.push({ personId: person.id, nodeId: node.id, role: a.role, startDate: a.startDate })
    }
    if (wantedAssignments.length > 0 && wantedAssignments.length <= lookupLimit) {
      for (const w of wantedAssignments) {
        const found = yield* store.findAssignment(w.personId, w.nodeId, w.role, w.startDate)
        if (Option.isSome(found)) assignments.set(assignmentKey(w.personId, w.nodeId, w.role, w.startDate), found.value)
      }
    } else if (wantedAssignments.length > 0) {
      yield* listAll((c) => store.listAssignments(county.id, c), (items) => {
        for (const a of items) assignments.set(assignmentKey(a.personId, a.nodeId, a.role, a.startDate), a)
      })
    }
    return { county, nodes, nodesById: byId, people, households, assignments }
  })
