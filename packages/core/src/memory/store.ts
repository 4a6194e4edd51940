/**
 * The in-memory store: the reference implementation of every port. It keeps plain maps,
 * serialises units of work with one lock, and undoes a failed unit of work from an undo
 * log. Use it in tests, examples and browsers; it passes the same conformance suite as
 * the SQLite adapter.
 *
 * @since 0.1.0
 */
import { Context, Effect, Exit, Layer, Option, Semaphore } from "effect"
import { conflict, staleVersion, type Conflict, type StorageError } from "../kernel/errors.js"
import type { NewEvent, StoredEvent } from "../kernel/events.js"
import type { AssignmentId, GridNodeId, HouseholdId, PersonId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Directory } from "../kernel/directory.js"
import { DEFAULT_TIME_ZONE } from "../kernel/time.js"
import type { CalendarDate } from "../kernel/time.js"
import type { Assignment, County, GridNode, Household, Person } from "../grid/model.js"
import { nearestByRole } from "../grid/rules.js"
import { isCurrentOn } from "../kernel/identity.js"
import { type Cursor, GridStore, type NodeOutline, type SubjectLink, subjectTaken } from "../grid/store.js"
import { IdempotencyStore } from "../kernel/idempotency.js"
import { PointsStore } from "../points/store.js"
import { makeMemoryPointsStore } from "./points.js"
import { MediationStore } from "../mediation/store.js"
import { makeMemoryMediationStore } from "./mediation.js"
import { DeliberationStore } from "../deliberation/store.js"
import { makeMemoryDeliberationStore } from "./deliberation.js"
import { PlacesStore } from "../places/store.js"
import { makeMemoryPlacesStore } from "./places.js"
import { PartnersStore } from "../partners/store.js"
import { PartyStore } from "../party/store.js"
import { makeMemoryPartnersStore } from "./partners.js"
import { makeMemoryPartyStore } from "./party.js"
import { ActivitiesStore } from "../activities/store.js"
import { makeMemoryActivitiesStore } from "./activities.js"
import { VisitsStore } from "../visits/store.js"
import { makeMemoryVisitsStore } from "./visits.js"
import { IntakeStore } from "../intake/store.js"
import { makeMemoryIntakeStore } from "./intake.js"
import { ReportsStore } from "../reports/store.js"
import { makeMemoryReportsStore } from "./reports.js"
import { MatchingStore } from "../matching/store.js"
import { makeMemoryMatchingStore } from "./matching.js"
import { FollowUpStore } from "../followup/store.js"
import { makeMemoryFollowUpStore } from "./followup.js"
import { JobsStore } from "../jobs/store.js"
import { makeMemoryJobsStore } from "./jobs.js"
import type { MemoryTx } from "./kit.js"
import { NotificationStore } from "../notifications/store.js"
import { makeMemoryNotificationStore } from "./notifications.js"


/** The open unit of work of this fiber, if any (per store instance). */
const makeTxRef = (n: number) => Context.Reference<MemoryTx | undefined>(`@mulin/core/testing/MemoryTx/${n}`, { defaultValue: () => undefined })
let instances = 0

const page = <A extends { readonly id: string }>(all: Iterable<A>, cursor: Cursor): Page<A> => {
  const sorted = [...all].filter((x) => cursor.after === undefined || x.id > cursor.after).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const items = sorted.slice(0, cursor.limit)
  return { items, next: sorted.length > cursor.limit ? items[items.length - 1]!.id : null }
}

/**
 * Builds a fresh, empty in-memory store and returns its three ports.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeMemoryStore = (): Effect.Effect<{
  readonly gridStore: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly eventLog: EventLog["Service"]
  readonly unitOfWork: UnitOfWork["Service"]
  readonly pointsStore: PointsStore["Service"]
  readonly idempotencyStore: IdempotencyStore["Service"]
  readonly mediationStore: MediationStore["Service"]
  readonly deliberationStore: DeliberationStore["Service"]
  readonly matchingStore: MatchingStore["Service"]
  readonly followUpStore: FollowUpStore["Service"]
  readonly notificationStore: NotificationStore["Service"]
  readonly jobsStore: JobsStore["Service"]
  readonly placesStore: PlacesStore["Service"]
  readonly activitiesStore: ActivitiesStore["Service"]
  readonly visitsStore: VisitsStore["Service"]
  readonly partnersStore: PartnersStore["Service"]
  readonly partyStore: PartyStore["Service"]
  readonly intakeStore: IntakeStore["Service"]
  readonly reportsStore: ReportsStore["Service"]
}> =>
  Effect.gen(function*() {
    const lock = yield* Semaphore.make(1)
    const CurrentTx = makeTxRef(instances++)

    const counties = new Map<GridNodeId, County>()
    const nodes = new Map<GridNodeId, GridNode>()
    const children = new Map<GridNodeId, Set<GridNodeId>>()
    const households = new Map<HouseholdId, Household>()
    const householdsAt = new Map<GridNodeId, Set<HouseholdId>>()
    const people = new Map<PersonId, Person>()
    const assignments = new Map<AssignmentId, Assignment>()
    const assignmentsAt = new Map<GridNodeId, Set<AssignmentId>>()
    const events: Array<StoredEvent> = []
    const subjects = new Map<string, SubjectLink>()
    const subjectKey = (issuer: string, subject: string) => `${issuer}\u0000${subject}`

    /** Records how to undo a write when inside a unit of work. */
    const onUndo = (tx: MemoryTx | undefined, f: () => void) => {
      if (tx !== undefined) tx.undo.push(f)
    }
    const addTo = <K, V>(index: Map<K, Set<V>>, key: K, value: V, tx: MemoryTx | undefined) => {
      let set = index.get(key)
      if (set === undefined) index.set(key, (set = new Set()))
      set.add(value)
      onUndo(tx, () => index.get(key)?.delete(value))
    }
    const removeFrom = <K, V>(index: Map<K, Set<V>>, key: K, value: V, tx: MemoryTx | undefined) => {
      if (index.get(key)?.delete(value)) onUndo(tx, () => addTo(index, key, value, undefined))
    }
    const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: MemoryTx | undefined) => {
      const before = map.get(key)
      map.set(key, value)
      onUndo(tx, () => (before === undefined ? map.delete(key) : map.set(key, before)))
    }

    /** Runs a synchronous read or write: joins the open unit of work, or takes the lock. */
    const op = <A, E = never>(f: (tx: MemoryTx | undefined) => Exit.Exit<A, E>): Effect.Effect<A, E | StorageError> =>
      Effect.flatMap(CurrentTx, (tx) =>
        tx !== undefined ? Effect.suspend(() => f(tx)) : lock.withPermits(1)(Effect.suspend(() => f(undefined))))
    const read = <A>(f: () => A) => op(() => Exit.succeed(f()))

    const subtree = (rootId: GridNodeId): Array<GridNode> => {
      const root = nodes.get(rootId)
      if (root === undefined || root.status !== "active") return []
      const out: Array<GridNode> = []
      const stack = [root]
      while (stack.length > 0) {
        const n = stack.pop()!
        out.push(n)
        const kids = [...(children.get(n.id) ?? [])].map((id) => nodes.get(id)!).filter((c) => c.status === "active").sort((a, b) => (a.id < b.id ? 1 : -1))
        stack.push(...kids)
      }
      return out
    }
    const liveChildByCode = (parentId: GridNodeId, code: string, except?: GridNodeId) =>
      [...(children.get(parentId) ?? [])].map((id) => nodes.get(id)!).find((c) => c.status === "active" && c.code === code && c.id !== except)
    const liveHouseholdByCode = (nodeId: GridNodeId, code: string, except?: HouseholdId) =>
      [...(householdsAt.get(nodeId) ?? [])].map((id) => households.get(id)!).find((h) => h.status === "active" && h.code === code && h.id !== except)
    const personByCode = (countyId: GridNodeId, code: string, except?: PersonId) =>
      [...people.values()].find((p) => p.countyId === countyId && p.code === code && p.id !== except)

    const duplicate = (what: string, code: string): Conflict =>
      conflict("duplicate_code", `${what} with code ${code} already exists here`, `此处已存在代码为 ${code} 的${what === "household" ? "住户" : what === "person" ? "人员" : "节点"}`)
    const versionCheck = <T extends { readonly id: string; readonly version: number }>(entity: string, stored: T | undefined, expected: number): Conflict | undefined =>
      stored === undefined ? staleVersion(entity, "(missing)", expected, 0) : stored.version !== expected ? staleVersion(entity, stored.id, expected, stored.version) : undefined

    const gridStore = GridStore.of({
      getCounty: (id) => read(() => Option.fromNullishOr(counties.get(id))),
      findCountyByCode: (code) => read(() => Option.fromNullishOr([...counties.values()].find((c) => c.code === code))),
      listCounties: read(() => [...counties.values()].sort((a, b) => (a.id < b.id ? -1 : 1))),
      insertCounty: (county, root) =>
        op((tx) => {
          if ([...counties.values()].some((c) => c.code === county.code)) return Exit.fail(duplicate("county", county.code))
          put(counties, county.id, county, tx)
          put(nodes, root.id, root, tx)
          return Exit.void
        }),

      getNode: (id) => read(() => Option.fromNullishOr(nodes.get(id))),
      getNodes: (ids) => read(() => ids.flatMap((id) => nodes.get(id) ?? [])),
      findChildByCode: (parentId, code) => read(() => Option.fromNullishOr(liveChildByCode(parentId, code))),
      listChildren: (parentId, cursor) => read(() => page([...(children.get(parentId) ?? [])].map((id) => nodes.get(id)!).filter((n) => n.status === "active"), cursor)),
      insertNodes: (batch) =>
        op((tx) => {
          const seen = new Set<string>()
          for (const n of batch) {
            const key = `${n.parentId}/${n.code}`
            if (seen.has(key) || (n.parentId !== null && liveChildByCode(n.parentId, n.code) !== undefined)) return Exit.fail(duplicate("node", n.code))
            seen.add(key)
          }
          for (const n of batch) {
            put(nodes, n.id, n, tx)
            if (n.parentId !== null) addTo(children, n.parentId, n.id, tx)
          }
          return Exit.void
        }),
      updateNode: (node, expectedVersion) =>
        op((tx) => {
          const stored = nodes.get(node.id)
          const stale = versionCheck("grid node", stored, expectedVersion)
          if (stale !== undefined) return Exit.fail(stale)
          if (node.status === "active" && node.parentId !== null && liveChildByCode(node.parentId, node.code, node.id) !== undefined) {
            return Exit.fail(duplicate("node", node.code))
          }
          // The path and parent are only ever changed by moveSubtree.
          put(nodes, node.id, { ...node, parentId: stored!.parentId, path: stored!.path, depth: stored!.depth }, tx)
          return Exit.void
        }),
      moveSubtree: (node, expectedVersion) =>
        op((tx) => {
          const stored = nodes.get(node.id)
          const stale = versionCheck("grid node", stored, expectedVersion)
          if (stale !== undefined) return Exit.fail(stale)
          if (node.parentId !== null && liveChildByCode(node.parentId, node.code, node.id) !== undefined) return Exit.fail(duplicate("node", node.code))
          if (stored!.parentId !== null) removeFrom(children, stored!.parentId, node.id, tx)
          if (node.parentId !== null) addTo(children, node.parentId, node.id, tx)
          put(nodes, node.id, node, tx)
          const oldPrefix = [...stored!.path, node.id]
          const newPrefix = [...node.path, node.id]
          let moved = 0
          const stack = [...(children.get(node.id) ?? [])]
          while (stack.length > 0) {
            const id = stack.pop()!
            const d = nodes.get(id)!
            put(nodes, id, { ...d, path: [...newPrefix, ...d.path.slice(oldPrefix.length)] }, tx)
            moved++
            stack.push(...(children.get(id) ?? []))
          }
          return Exit.succeed(moved)
        }),
      archiveDescendants: (node, at) =>
        op((tx) => {
          const below = subtree(node.id)
          let archivedNodes = 0
          let archivedHouseholds = 0
          for (const n of below) {
            if (n.id !== node.id) {
              put(nodes, n.id, { ...n, status: "archived", version: n.version + 1, updatedAt: at }, tx)
              archivedNodes++
            }
            for (const hid of householdsAt.get(n.id) ?? []) {
              const h = households.get(hid)!
              if (h.status !== "active") continue
              put(households, hid, { ...h, status: "archived", version: h.version + 1, updatedAt: at }, tx)
              archivedHouseholds++
            }
          }
          return Exit.succeed({ nodes: archivedNodes, households: archivedHouseholds })
        }),
      countLive: (nodeId) =>
        read(() => ({
          children: [...(children.get(nodeId) ?? [])].filter((id) => nodes.get(id)!.status === "active").length,
          households: [...(householdsAt.get(nodeId) ?? [])].filter((id) => households.get(id)!.status === "active").length
        })),
      countByLevel: (rootId) =>
        read(() => {
          const counts = new Map<string, number>()
          for (const n of subtree(rootId)) counts.set(n.level, (counts.get(n.level) ?? 0) + 1)
          return [...counts].map(([level, count]) => ({ level, count }))
        }),
      outline: (rootId) =>
        read(() =>
          subtree(rootId).map((n): NodeOutline => ({ id: n.id, parentId: n.parentId, depth: n.depth, name: n.name, hasPartyOrganisation: n.partyOrganisation !== null }))
        ),

      getHousehold: (id) => read(() => Option.fromNullishOr(households.get(id))),
      findHouseholdByCode: (nodeId, code) => read(() => Option.fromNullishOr(liveHouseholdByCode(nodeId, code))),
      insertHouseholds: (batch) =>
        op((tx) => {
          const seen = new Set<string>()
          for (const h of batch) {
            const key = `${h.nodeId}/${h.code}`
            if (seen.has(key) || liveHouseholdByCode(h.nodeId, h.code) !== undefined) return Exit.fail(duplicate("household", h.code))
            seen.add(key)
          }
          for (const h of batch) {
            put(households, h.id, h, tx)
            addTo(householdsAt, h.nodeId, h.id, tx)
          }
          return Exit.void
        }),
      updateHousehold: (household, expectedVersion) =>
        op((tx) => {
          const stale = versionCheck("household", households.get(household.id), expectedVersion)
          if (stale !== undefined) return Exit.fail(stale)
          if (household.status === "active" && liveHouseholdByCode(household.nodeId, household.code, household.id) !== undefined) {
            return Exit.fail(duplicate("household", household.code))
          }
          put(households, household.id, household, tx)
          return Exit.void
        }),
      listHouseholds: (rootId, cursor) =>
        read(() => page(subtree(rootId).flatMap((n) => [...(householdsAt.get(n.id) ?? [])].map((id) => households.get(id)!).filter((h) => h.status === "active")), cursor)),
      countHouseholds: (rootId) =>
        read(() => {
          let count = 0
          let residents = 0
          for (const n of subtree(rootId)) {
            for (const id of householdsAt.get(n.id) ?? []) {
              const h = households.get(id)!
              if (h.status !== "active") continue
              count++
              residents += h.residents.length
            }
          }
          return { households: count, residents }
        }),

      getPerson: (id) => read(() => Option.fromNullishOr(people.get(id))),
      getPeople: (ids) => read(() => ids.flatMap((id) => people.get(id) ?? [])),
      findPersonByCode: (countyId, code) => read(() => Option.fromNullishOr(personByCode(countyId, code))),
      insertPeople: (batch) =>
        op((tx) => {
          const seen = new Set<string>()
          for (const p of batch) {
            const key = `${p.countyId}/${p.code}`
            if (seen.has(key) || personByCode(p.countyId, p.code) !== undefined) return Exit.fail(duplicate("person", p.code))
            seen.add(key)
          }
          for (const p of batch) put(people, p.id, p, tx)
          return Exit.void
        }),
      updatePerson: (person, expectedVersion) =>
        op((tx) => {
          const stale = versionCheck("person", people.get(person.id), expectedVersion)
          if (stale !== undefined) return Exit.fail(stale)
          if (personByCode(person.countyId, person.code, person.id) !== undefined) return Exit.fail(duplicate("person", person.code))
          put(people, person.id, person, tx)
          return Exit.void
        }),
      listPeople: (rootId, cursor) => {
        return read(() => {
          const inside = new Set(subtree(rootId).map((n) => n.id))
          return page([...people.values()].filter((p) => inside.has(p.nodeId)), cursor)
        })
      },

      getAssignment: (id) => read(() => Option.fromNullishOr(assignments.get(id))),
      findAssignment: (personId, nodeId, role, startDate) =>
        read(() =>
          Option.fromNullishOr(
            [...(assignmentsAt.get(nodeId) ?? [])].map((id) => assignments.get(id)!).find((a) => a.personId === personId && a.role === role && a.startDate === startDate)
          )
        ),
      insertAssignments: (batch) =>
        op((tx) => {
          const seen = new Set<string>()
          for (const a of batch) {
            const key = `${a.personId}/${a.nodeId}/${a.role}/${a.startDate}`
            const clash = [...(assignmentsAt.get(a.nodeId) ?? [])].some((id) => {
              const b = assignments.get(id)!
              return b.personId === a.personId && b.role === a.role && b.startDate === a.startDate
            })
            if (seen.has(key) || clash) return Exit.fail(conflict("duplicate_assignment", "this person already holds this role here from that date", "该人员已自该日起在此担任该角色"))
            seen.add(key)
          }
          for (const a of batch) {
            put(assignments, a.id, a, tx)
            addTo(assignmentsAt, a.nodeId, a.id, tx)
          }
          return Exit.void
        }),
      updateAssignment: (assignment, expectedVersion) =>
        op((tx) => {
          const stale = versionCheck("assignment", assignments.get(assignment.id), expectedVersion)
          if (stale !== undefined) return Exit.fail(stale)
          put(assignments, assignment.id, assignment, tx)
          return Exit.void
        }),
      listAssignments: (rootId, cursor) =>
        read(() => page(subtree(rootId).flatMap((n) => [...(assignmentsAt.get(n.id) ?? [])].map((id) => assignments.get(id)!)), cursor)),
      currentAssignmentsAt: (nodeIds, date: CalendarDate) =>
        read(() => nodeIds.flatMap((n) => [...(assignmentsAt.get(n) ?? [])].map((id) => assignments.get(id)!).filter((a) => isCurrentOn(a, date)))),
      currentAssignmentsIn: (rootId, date, roles) =>
        read(() =>
          subtree(rootId).flatMap((n) => [...(assignmentsAt.get(n.id) ?? [])].map((id) => assignments.get(id)!).filter((a) => roles.includes(a.role) && isCurrentOn(a, date)))
        ),
      linkSubject: (link) =>
        op((tx) => {
          const key = subjectKey(link.issuer, link.subject)
          const existing = subjects.get(key)
          if (existing !== undefined && existing.personId !== link.personId) return Exit.fail(subjectTaken(link))
          put(subjects, key, link, tx)
          return Exit.void
        }),
      unlinkSubject: (issuer, subject) =>
        op((tx) => {
          const key = subjectKey(issuer, subject)
          const existing = subjects.get(key)
          if (existing === undefined) return Exit.succeed(false)
          subjects.delete(key)
          onUndo(tx, () => subjects.set(key, existing))
          return Exit.succeed(true)
        }),
      subjectsOf: (personId) => read(() => [...subjects.values()].filter((l) => l.personId === personId).sort((a, b) => (a.issuer + a.subject < b.issuer + b.subject ? -1 : 1))),
      getHouseholdServers: (id, date) =>
        read(() => {
          const household = households.get(id)
          if (household === undefined) return Option.none()
          const unit = nodes.get(household.nodeId)
          const path = unit === undefined ? [] : [...unit.path, unit.id]
          const current = path.flatMap((n) => [...(assignmentsAt.get(n) ?? [])].map((a) => assignments.get(a)!).filter((a) => isCurrentOn(a, date)))
          const nearest = [...nearestByRole(path, current).values()]
          return Option.some({
            household,
            nodes: path.flatMap((n) => nodes.get(n) ?? []),
            assignments: nearest,
            people: [...new Set(nearest.map((a) => a.personId))].flatMap((p) => people.get(p) ?? [])
          })
        })
    })

    const communityDepth = (countyId: GridNodeId): number => {
      const levels = counties.get(countyId)?.levels ?? []
      const i = levels.findIndex((l) => l.key === "community")
      return i === -1 ? Math.min(2, Math.max(0, levels.length - 1)) : i
    }
    const directory = Directory.of({
      getPlace: gridStore.getNode,
      getPlaces: gridStore.getNodes,
      personAccess: (id) =>
        read(() => {
          const person = people.get(id)
          if (person === undefined) return Option.none()
          const county = counties.get(person.countyId)
          const posts = [...assignments.values()].filter((a) => a.personId === id).map((a) => ({ role: a.role, nodeId: a.nodeId, startDate: a.startDate, endDate: a.endDate }))
          const household = person.householdId === null ? undefined : households.get(person.householdId)
          const unit = household === undefined || household.status !== "active" ? undefined : nodes.get(household.nodeId)
          const home = unit === undefined ? [] : [...unit.path, unit.id].flatMap((n) => nodes.get(n) ?? [])
          return Option.some({
            person: { id: person.id, countyId: person.countyId, nodeId: person.nodeId, name: person.name, householdId: person.householdId },
            timeZone: county?.timeZone ?? DEFAULT_TIME_ZONE,
            posts,
            home
          })
        }),
      findSubject: (issuer, subject) => read(() => Option.fromNullishOr(subjects.get(subjectKey(issuer, subject))?.personId)),
      namesAround: (nodeId) =>
        read(() => {
          const node = nodes.get(nodeId)
          if (node === undefined) return []
          const depth = communityDepth(node.countyId)
          const full = [...node.path, node.id]
          const rootId = node.depth > depth ? full[depth]! : node.id
          // People registered at archived nodes too; residents of live households.
          const inside = new Set<GridNodeId>()
          const stack: Array<GridNodeId> = [rootId]
          while (stack.length > 0) {
            const id = stack.pop()!
            inside.add(id)
            stack.push(...(children.get(id) ?? []))
          }
          const names = new Set<string>()
          for (const p of people.values()) if (inside.has(p.nodeId)) names.add(p.name)
          if (node.depth >= depth) {
            for (const n of inside) {
              for (const id of householdsAt.get(n) ?? []) {
                const h = households.get(id)!
                if (h.status === "active") for (const r of h.residents) names.add(r.name)
              }
            }
          }
          return [...names]
        })
    })

    const eventLog = EventLog.of({
      append: (batch: ReadonlyArray<NewEvent>) =>
        op((tx) => {
          const start = events.length
          batch.forEach((e, i) => events.push({ ...e, position: start + i + 1 }))
          onUndo(tx, () => {
            events.length = start
          })
          return Exit.void
        }),
      read: (query) =>
        read(() => {
          const out: Array<StoredEvent> = []
          // Positions are 1-based and dense, so `after` is also the array index to start at.
          for (let i = Math.max(0, query.after); i < events.length && out.length < query.limit; i++) {
            const e = events[i]!
            if (query.county !== undefined && e.scope[0] !== query.county) continue
            if (query.scopes === "*" || (e.scope.length > 0 && query.scopes.some((s) => e.scope.includes(s)))) out.push(e)
          }
          return out
        })
    })

    const unitOfWork = UnitOfWork.of({
      transaction: <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | StorageError, R> =>
        Effect.flatMap(CurrentTx, (open) => {
          if (open !== undefined) return effect
          return lock.withPermits(1)(
            Effect.suspend(() => {
              const tx: MemoryTx = { undo: [] }
              return effect.pipe(
                Effect.provideService(CurrentTx, tx),
                Effect.onExit((exit) =>
                  Effect.sync(() => {
                    if (Exit.isFailure(exit)) for (let i = tx.undo.length - 1; i >= 0; i--) tx.undo[i]!()
                  })
                )
              )
            })
          )
        })
    })

    const { idempotencyStore, pointsStore } = makeMemoryPointsStore({ op })
    const mediationStore = makeMemoryMediationStore({ op })
    const deliberationStore = makeMemoryDeliberationStore({ op })
    const matchingStore = makeMemoryMatchingStore({ op })
    const followUpStore = makeMemoryFollowUpStore({ op })
    const notificationStore = makeMemoryNotificationStore({ op })
    const jobsStore = makeMemoryJobsStore({ op })
    const placesStore = makeMemoryPlacesStore({ op })
    const activitiesStore = makeMemoryActivitiesStore({ op })
    const visitsStore = makeMemoryVisitsStore({ op })
    const partnersStore = makeMemoryPartnersStore({ op })
    const partyStore = makeMemoryPartyStore({ op })
    const intakeStore = makeMemoryIntakeStore({ op })
    const reportsStore = makeMemoryReportsStore({ op })
    return { gridStore, directory, eventLog, unitOfWork, pointsStore, idempotencyStore, mediationStore, deliberationStore, matchingStore, followUpStore, notificationStore, jobsStore, placesStore, activitiesStore, visitsStore, partnersStore, partyStore, intakeStore, reportsStore }
  })

/**
 * A fresh in-memory store providing every port.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory = (): Layer.Layer<GridStore | Directory | EventLog | UnitOfWork | PointsStore | IdempotencyStore | MediationStore | DeliberationStore | MatchingStore | FollowUpStore | NotificationStore | JobsStore | PlacesStore | ActivitiesStore | VisitsStore | PartnersStore | PartyStore | IntakeStore | ReportsStore> =>
  Layer.effectContext(
    Effect.map(makeMemoryStore(), ({ activitiesStore, deliberationStore, directory, eventLog, followUpStore, gridStore, idempotencyStore, intakeStore, jobsStore, matchingStore, mediationStore, notificationStore, partnersStore, partyStore, placesStore, pointsStore, reportsStore, unitOfWork, visitsStore }) =>
      Context.make(GridStore, gridStore).pipe(
        Context.add(Directory, directory),
        Context.add(EventLog, eventLog),
        Context.add(UnitOfWork, unitOfWork),
        Context.add(PointsStore, pointsStore),
        Context.add(IdempotencyStore, idempotencyStore),
        Context.add(MediationStore, mediationStore),
        Context.add(DeliberationStore, deliberationStore),
        Context.add(MatchingStore, matchingStore),
        Context.add(FollowUpStore, followUpStore),
        Context.add(NotificationStore, notificationStore),
        Context.add(JobsStore, jobsStore),
        Context.add(PlacesStore, placesStore),
        Context.add(ActivitiesStore, activitiesStore),
        Context.add(VisitsStore, visitsStore),
        Context.add(PartnersStore, partnersStore),
        Context.add(PartyStore, partyStore),
        Context.add(IntakeStore, intakeStore),
        Context.add(ReportsStore, reportsStore)
      )
    )
  )
