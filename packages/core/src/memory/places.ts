/**
 * The in-memory places store: the reference implementation of `PlacesStore`, on the
 * unit of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit } from "effect"
import type { PlacesConfig, ServicePlace } from "../places/model.js"
import { PlacesStore } from "../places/store.js"
import { inScope, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

/**
 * Builds the in-memory `PlacesStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryPlacesStore = (kit: MemoryKit): PlacesStore["Service"] => {
  const places = versionedDocuments<ServicePlace>(kit, "service place", (p) => p.id)
  const configs = versionedDocuments<PlacesConfig>(kit, "places configuration", (c) => c.countyId)
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const byId = (a: ServicePlace, b: ServicePlace) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

  return PlacesStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: places.get,
    insert: places.insert,
    update: places.update,
    list: ({ after, kind, limit, scope, status }) =>
      read(() => {
        const found = [...places.docs.values()]
          .filter((p) =>
            inScope(scope, p.scope) && (after === undefined || p.id > after) && (kind === undefined || p.kind === kind) &&
            (status === undefined ? p.status !== "archived" : p.status === status))
          .sort(byId)
        const n = Math.max(1, Math.floor(limit))
        const items = found.slice(0, n)
        return { items, next: found.length > n ? items[items.length - 1]!.id : null }
      }),
    atNodes: (nodeIds) =>
      read(() => {
        const wanted = new Set(nodeIds)
        return [...places.docs.values()].filter((p) => wanted.has(p.nodeId) && p.status !== "archived").sort(byId)
      }),
    inSubtree: (scope) => read(() => [...places.docs.values()].filter((p) => inScope(scope, p.scope) && p.status !== "archived").sort(byId))
  })
}
