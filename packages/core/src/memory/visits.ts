/**
 * The in-memory visits store: the reference implementation of `VisitsStore`, on the unit of
 * work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit } from "effect"
import type { HouseholdId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { CareHousehold, HouseholdVisit, VisitsConfig } from "../visits/model.js"
import { VisitsStore } from "../visits/store.js"
import { inScope, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

/**
 * Builds the in-memory `VisitsStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryVisitsStore = (kit: MemoryKit): VisitsStore["Service"] => {
  const visits = versionedDocuments<HouseholdVisit>(kit, "household visit", (v) => v.id)
  const cares = versionedDocuments<CareHousehold>(kit, "special-care household", (c) => c.householdId)
  const configs = versionedDocuments<VisitsConfig>(kit, "visits configuration", (c) => c.countyId)
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))

  return VisitsStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    getCare: cares.get,
    insertCare: cares.insert,
    updateCare: cares.update,
    markedInSubtree: (scope) =>
      read(() =>
        [...cares.docs.values()]
          .filter((c) => c.categories.length > 0 && inScope(scope, c.scope))
          .sort((a, b) => (a.householdId < b.householdId ? -1 : 1))
      ),
    getVisit: visits.get,
    insertVisit: visits.insert,
    listVisits: ({ after, householdId, limit, scope }) =>
      read(() => {
        const found = [...visits.docs.values()]
          .filter((v) => inScope(scope, v.scope) && (householdId === undefined || v.householdId === householdId) && (after === undefined || v.id > after))
          .sort((a, b) => (a.id < b.id ? -1 : 1))
        const n = Math.max(1, Math.floor(limit))
        const items = found.slice(0, n)
        return { items, next: found.length > n ? items[items.length - 1]!.id : null }
      }),
    lastVisits: (scope) =>
      read(() => {
        const last = new Map<HouseholdId, Instant>()
        for (const v of visits.docs.values()) {
          if (!inScope(scope, v.scope)) continue
          const seen = last.get(v.householdId)
          if (seen === undefined || v.visitedAt > seen) last.set(v.householdId, v.visitedAt)
        }
        return last
      })
  })
}
