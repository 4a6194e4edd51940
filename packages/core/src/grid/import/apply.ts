/**
 * Applying a plan: new ids from the `IdGenerator` in batches, the entities written in
 * batches of `batchSize`, and one event per created or updated entity, recorded by the same
 * projection as the `Grid` use cases' (`recordHouseholdEvent`, …). On a dry run nothing is
 * written and no event appended.
 *
 * @internal
 */
import { Effect } from "effect"
import type { Actor } from "../../kernel/actor.js"
import type { Recorded } from "../../kernel/decider.js"
import type { Conflict, StorageError } from "../../kernel/errors.js"
import type { NewEvent } from "../../kernel/events.js"
import type { AssignmentId, EventId, GridNodeId, HouseholdId, IdGenerator, PersonId, ResidentId } from "../../kernel/ids.js"
import type { EventLog } from "../../kernel/store.js"
import type { Instant } from "../../kernel/time.js"
import { recordAssignmentEvent, recordCountyEvent, recordHouseholdEvent, recordNodeEvent, recordPersonEvent } from "../machine.js"
import type { Assignment, County, GridNode, Household, Person, Resident } from "../model.js"
import type { GridStore } from "../store.js"
import { type Decoded, NO_ID, type ResidentRow } from "./decode.js"
import type { ImportPhase } from "./format.js"
import type { ImportPlan } from "./plan.js"

/** What applying a plan needs. */
export interface ApplyContext {
  readonly store: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly ids: IdGenerator["Service"]
  readonly actor: Actor
  readonly at: Instant
  /** The time zone of a county the import creates. */
  readonly timeZone: string
  readonly batchSize: number
  readonly dryRun: boolean
  readonly report: (phase: ImportPhase, done: number, total: number) => void
}

/** What was applied: the county's id and how many events were (or, on a dry run, would have been) appended. */
export interface Applied {
  readonly countyId: GridNodeId
  readonly events: number
}

const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

/** Turns a resident row into a stored resident in place (fresh id, blanks defaulted). */
const settle = (r: ResidentRow, ulid: string): Resident => {
  r.id = `res_${ulid}` as ResidentId
  r.phone ??= null
  r.idCardNumber ??= null
  r.relation ??= "other"
  r.partyMember ??= false
  return r as Resident
}

/** Writes the plan (nodes, households, people, assignments, in that order) and appends its events. */
export const applyPlan = (context: ApplyContext, d: Decoded, plan: ImportPlan): Effect.Effect<Applied, Conflict | StorageError> =>
  Effect.gen(function*() {
    const { at, batchSize, dryRun, ids, log, report, store } = context
    const take = (n: number): Effect.Effect<ReadonlyArray<string>> => (n === 0 ? Effect.succeed([]) : ids.ulids(n))
    const actorRef = { id: context.actor.id, kind: context.actor.kind }
    /** An event as the log keeps it, recorded by the same projection as the `Grid` use cases'. */
    const event = (ulid: string, aggregateType: string, aggregateId: string, version: number, recorded: Recorded): NewEvent =>
      ({ id: `evt_${ulid}` as EventId, type: recorded.type, aggregateType, aggregateId, version, actor: actorRef, at, scope: recorded.scope, payload: recorded.payload })
    let events = 0
    const append = (batch: ReadonlyArray<NewEvent>) => {
      events += batch.length
      return dryRun || batch.length === 0 ? Effect.void : log.append(batch)
    }
    const write = <E>(eff: Effect.Effect<void, E>): Effect.Effect<void, E> => (dryRun ? Effect.void : eff)

    // Nodes: ids first, so that children know their parents' paths.
    const countyRef = plan.county
    const { newNodes, updatedNodes } = plan
    const nodeIds = yield* take(newNodes.length)
    newNodes.forEach((ref, i) => {
      const id = `node_${nodeIds[i]!}` as GridNodeId
      const parent = ref.parent
      ref.node = {
        id,
        countyId: parent === undefined ? id : parent.node!.countyId,
        parentId: parent === undefined ? null : parent.node!.id,
        path: parent === undefined ? [] : parent.scope!,
        level: ref.level,
        depth: ref.depth,
        code: ref.code,
        name: ref.row!.name,
        partyOrganisation: ref.row!.party ?? null,
        status: "active",
        version: 1,
        createdAt: at,
        updatedAt: at
      }
      ref.scope = pathOf(ref.node)
    })
    const countyId = countyRef.node!.id
    const nodeTotal = newNodes.length + updatedNodes.length
    let nodesDone = 0
    if (plan.countyCreated) {
      const root = countyRef.node!
      const county: County = { id: root.id, code: plan.countyCode, name: root.name, levels: plan.levels, timeZone: context.timeZone, createdAt: at }
      const [u] = yield* take(1)
      yield* write(store.insertCounty(county, root))
      yield* append([event(u!, "grid node", root.id, 1, recordCountyEvent({ type: "grid.county.created", county, root }))])
      nodesDone++
    }
    for (const { before, after } of updatedNodes) {
      const [u] = yield* take(1)
      yield* write(store.updateNode(after, before.version))
      yield* append([event(u!, "grid node", after.id, after.version, recordNodeEvent({ type: "grid.node.updated", name: after.name, code: after.code, partyOrganisation: after.partyOrganisation, at }, after))])
      nodesDone++
    }
    const created = plan.countyCreated ? newNodes.slice(1) : newNodes
    for (let s = 0; s < created.length; s += batchSize) {
      const batch = created.slice(s, s + batchSize).map((r) => r.node!)
      const us = yield* take(batch.length)
      yield* write(store.insertNodes(batch))
      yield* append(batch.map((n, i) => event(us[i]!, "grid node", n.id, 1, recordNodeEvent({ type: "grid.node.created", node: n }, n))))
      nodesDone += batch.length
      report("nodes", nodesDone, nodeTotal)
    }
    report("nodes", nodeTotal, nodeTotal)

    // Households, a batch at a time: updates, then creates.
    const { changes: householdChanges, units: householdUnits } = plan.households
    const householdTotal = d.households.length
    for (let s = 0; s < householdTotal; s += batchSize) {
      const end = Math.min(householdTotal, s + batchSize)
      let needIds = 0
      for (let i = s; i < end; i++) {
        const change = householdChanges[i]!
        if (change === "new") needIds += 2 + d.households[i]!.residents.length
        else if (change !== "same") {
          for (const r of change.residents) if (r.id === NO_ID) needIds++
          needIds++
        }
      }
      const us = yield* take(needIds)
      let k = 0
      for (let i = s; i < end; i++) {
        const change = householdChanges[i]!
        if (change === "new" || change === "same") continue
        const rs = change.residents.map((r) => (r.id === NO_ID ? settle(r as ResidentRow, us[k++]!) : r as Resident))
        const h: Household = { ...change.stored, residents: rs, version: change.stored.version + 1, updatedAt: at }
        yield* write(store.updateHousehold(h, change.stored.version))
        yield* append([event(us[k++]!, "household", h.id, h.version, recordHouseholdEvent({ type: "grid.household.updated", code: h.code, residents: rs, at }, h, householdUnits[i]!.scope!))])
      }
      const inserts: Array<Household> = []
      const insertEvents: Array<NewEvent> = []
      for (let i = s; i < end; i++) {
        if (householdChanges[i] !== "new") continue
        const group = d.households[i]!
        const unitRef = householdUnits[i]!
        const rs = group.residents as Array<ResidentRow | Resident>
        for (let j = 0; j < rs.length; j++) rs[j] = settle(rs[j] as ResidentRow, us[k++]!)
        const h: Household = {
          id: `hh_${us[k++]!}` as HouseholdId,
          countyId,
          nodeId: unitRef.node!.id,
          code: group.door,
          residents: rs as Array<Resident>,
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        inserts.push(h)
        insertEvents.push(event(us[k++]!, "household", h.id, 1, recordHouseholdEvent({ type: "grid.household.created", household: h }, h, unitRef.scope!)))
      }
      if (inserts.length > 0) {
        yield* write(store.insertHouseholds(inserts))
        yield* append(insertEvents)
      }
      report("households", end, householdTotal)
    }

    // People, a batch at a time, in row order.
    const personIds = new Map<string, PersonId>()
    for (const [code, p] of plan.storedPeople) personIds.set(code, p.id)
    const { changes: personChanges, nodes: personNodes } = plan.people
    const peopleTotal = d.people.length
    for (let s = 0; s < peopleTotal; s += batchSize) {
      const end = Math.min(peopleTotal, s + batchSize)
      let needIds = 0
      for (let i = s; i < end; i++) {
        const change = personChanges[i]!
        needIds += change === "new" ? 2 : change === "same" ? 0 : 1
      }
      const us = yield* take(needIds)
      let k = 0
      const inserts: Array<Person> = []
      const insertEvents: Array<NewEvent> = []
      for (let i = s; i < end; i++) {
        const row = d.people[i]!
        const ref = personNodes[i]!
        const change = personChanges[i]!
        if (change === "same") continue
        if (change === "new") {
          const person: Person = { id: `psn_${us[k++]!}` as PersonId, countyId, nodeId: ref.node!.id, code: row.code, name: row.name, phone: row.phone ?? null, householdId: null, version: 1, createdAt: at, updatedAt: at }
          personIds.set(row.code, person.id)
          inserts.push(person)
          insertEvents.push(event(us[k++]!, "person", person.id, 1, recordPersonEvent({ type: "grid.person.created", person }, person, ref.scope!)))
          continue
        }
        const after: Person = { ...change.stored, name: change.name, phone: change.phone, nodeId: ref.node!.id, version: change.stored.version + 1, updatedAt: at }
        yield* write(store.updatePerson(after, change.stored.version))
        yield* append([event(us[k++]!, "person", after.id, after.version, recordPersonEvent({ type: "grid.person.updated", name: after.name, phone: after.phone, nodeId: after.nodeId, householdId: after.householdId, at }, after, ref.scope!))])
      }
      if (inserts.length > 0) {
        yield* write(store.insertPeople(inserts))
        yield* append(insertEvents)
      }
      report("people", end, peopleTotal)
    }

    // Assignments, a batch at a time, in row order.
    const { changes: assignmentChanges, nodes: assignmentNodes } = plan.assignments
    const assignmentTotal = d.assignments.length
    for (let s = 0; s < assignmentTotal; s += batchSize) {
      const end = Math.min(assignmentTotal, s + batchSize)
      let needIds = 0
      for (let i = s; i < end; i++) {
        const change = assignmentChanges[i]!
        needIds += change === "new" ? 2 : change === "same" ? 0 : 1
      }
      const us = yield* take(needIds)
      let k = 0
      const inserts: Array<Assignment> = []
      const insertEvents: Array<NewEvent> = []
      for (let i = s; i < end; i++) {
        const row = d.assignments[i]!
        const ref = assignmentNodes[i]!
        const change = assignmentChanges[i]!
        if (change === "same") continue
        if (change === "new") {
          const a: Assignment = {
            id: `asg_${us[k++]!}` as AssignmentId,
            countyId,
            personId: personIds.get(row.personCode)!,
            nodeId: ref.node!.id,
            role: row.role,
            startDate: row.startDate,
            endDate: row.endDate ?? null,
            version: 1,
            createdAt: at,
            updatedAt: at
          }
          inserts.push(a)
          insertEvents.push(event(us[k++]!, "assignment", a.id, 1, recordAssignmentEvent({ type: "grid.assignment.created", assignment: a }, a, ref.scope!)))
          continue
        }
        yield* write(store.updateAssignment(change, change.version - 1))
        yield* append([event(us[k++]!, "assignment", change.id, change.version, recordAssignmentEvent({ type: "grid.assignment.updated", endDate: change.endDate, at }, change, ref.scope!))])
      }
      if (inserts.length > 0) {
        yield* write(store.insertAssignments(inserts))
        yield* append(insertEvents)
      }
      report("assignments", end, assignmentTotal)
    }

    for (const [phase, total] of [["households", householdTotal], ["people", peopleTotal], ["assignments", assignmentTotal]] as const) {
      if (total === 0) report(phase, 0, 0)
    }
    return { countyId, events }
  })
