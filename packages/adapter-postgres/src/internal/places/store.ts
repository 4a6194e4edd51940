/** The places port on PostgreSQL: each place whole as JSON in `doc`; the counties' kinds as a versioned configuration. */
import { PlacesStore } from "@mulin/core"
import { placesConfigs, servicePlaces } from "@mulin/sql"
import { Effect } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"

/** Makes the places store over an open database. */
export const makePlacesStore = (db: PostgresDatabase["Service"]): PlacesStore["Service"] => {
  const configs = configTable(db, placesConfigs)
  const places = documentTable(db, servicePlaces)
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
