/** The places port on PostgreSQL: each place whole as JSON in `doc`; the counties' kinds as a versioned configuration. */
import { PlacesConfig, PlacesStore, ServicePlace } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"

const decodePlace = Schema.decodeUnknownSync(ServicePlace)

/** Makes the places store over an open database. */
export const makePlacesStore = (db: PostgresDatabase["Service"]): PlacesStore["Service"] => {
  const configs = configTable(db, { table: "places_configs", entity: "places configuration", encode: Schema.encodeSync(PlacesConfig), decode: Schema.decodeUnknownSync(PlacesConfig) })
  const places = documentTable(db, {
    table: "places",
    entity: "service place",
    id: (p: ServicePlace) => p.id,
    row: (p) => ({ county_id: p.countyId, id: p.id, node_id: p.nodeId, path: toPath(p.scope), kind: p.kind, status: p.status, version: p.version, doc: JSON.stringify(p) }),
    decode: (doc) => decodePlace(JSON.parse(doc))
  })
  return PlacesStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: places.get,
    insert: places.insert,
    update: places.update,
    list: ({ after, kind, limit, scope, status }) => {
      const filter = new Filter(scope).eq("kind", kind)
      if (status === undefined) filter.add("status <> 'archived'")
      else filter.eq("status", status)
      return places.page(filter, after, limit)
    },
    atNodes: (nodeIds) => (nodeIds.length === 0 ? Effect.succeed([]) : places.where(new Filter().any("node_id", nodeIds).add("status <> 'archived'"))),
    inSubtree: (scope) => places.where(new Filter(scope).add("status <> 'archived'"))
  })
}
