/**
 * The in-memory party store: the reference implementation of `PartyStore`, on the unit of
 * work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import { type Conflict, conflict, duplicateId } from "../kernel/errors.js"
import type { PartyConfig, PartyService, Registration } from "../party/model.js"
import { PartyStore } from "../party/store.js"
import { inScope, putUndoable, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

/**
 * Builds the in-memory `PartyStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryPartyStore = (kit: MemoryKit): PartyStore["Service"] => {
  const regs = versionedDocuments<Registration>(kit, "party member's registration", (r) => r.id)
  const configs = versionedDocuments<PartyConfig>(kit, "party configuration", (c) => c.countyId)
  const services = new Map<string, PartyService>()
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const sorted = () => [...regs.docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const activeFor = (countyId: string, personId: string) => sorted().find((r) => r.countyId === countyId && r.personId === personId && r.status === "active")

  return PartyStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: regs.get,
    activeFor: (countyId, personId) => read(() => Option.fromNullishOr(activeFor(countyId, personId))),
    insert: (registration) =>
      kit.op((tx): Exit.Exit<void, Conflict> => {
        if (regs.docs.has(registration.id)) return Exit.fail(duplicateId("party member's registration", registration.id))
        if (activeFor(registration.countyId, registration.personId) !== undefined) {
          return Exit.fail(conflict("already_registered", "this person is already registered with a community of the county", "该党员已在本区县的社区报到"))
        }
        putUndoable(regs.docs, registration.id, registration, tx)
        return Exit.void
      }),
    update: regs.update,
    list: ({ after, employerId, limit, scope, status }) =>
      read(() => {
        const found = sorted().filter((r) =>
          inScope(scope, r.scope) && (after === undefined || r.id > after) && (employerId === undefined || r.employerId === employerId) &&
          (status === undefined || r.status === status))
        const n = Math.max(1, Math.floor(limit))
        const items = found.slice(0, n)
        return { items, next: found.length > n ? items[items.length - 1]!.id : null }
      }),
    registrationsIn: (scope, from, to, employerId) =>
      read(() => sorted().filter((r) =>
        inScope(scope, r.scope) && (employerId === undefined || r.employerId === employerId) && r.registeredAt < to && (r.withdrawnAt === null || r.withdrawnAt >= from))),
    insertService: (service) =>
      kit.op((tx): Exit.Exit<void, Conflict> => {
        if (services.has(service.id)) return Exit.fail(duplicateId("party member's service", service.id))
        putUndoable(services, service.id, service, tx)
        return Exit.void
      }),
    servicesIn: (scope, from, to, employerId) =>
      read(() => [...services.values()]
        .filter((s) => inScope(scope, s.scope) && (employerId === undefined || s.employerId === employerId) && s.servedAt >= from && s.servedAt < to)
        .sort((a, b) => (a.id < b.id ? -1 : 1)))
  })
}
