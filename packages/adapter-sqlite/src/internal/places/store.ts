/**
 * The places port on SQLite: each place whole as JSON in `doc`, with the node, the
 * materialised path (subtree ranges), kind and status beside it for the queries; the
 * counties' kinds as a versioned configuration.
 */
import { type Conflict, PlacesStore, type StorageError } from "@mulin/core"
import { placesConfigs, servicePlaces } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { scopeRange } from "../kernel/paths.js"
import { allRows, raw } from "../kernel/statements.js"

const configs = countyConfigTable(placesConfigs)
const places = documentTable(servicePlaces)

/** Makes the places store over an open database. */
export const makePlacesStore = (db: SqliteDatabase["Service"]): PlacesStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  return PlacesStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),
    get: (id) => db.read((s) => places.get(s, id)),
    insert: (place) => write((s) => places.insert(s, place)),
    update: (place, expectedVersion) => write((s) => places.update(s, place, expectedVersion)),
    list: ({ after, kind, limit, scope, status }) =>
      db.read((s) => {
        const filter = new Filter(scope).eq("kind", kind)
        if (status === undefined) filter.add("status <> 'archived'")
        else filter.eq("status", status)
        return places.page(s, filter, after, limit)
      }),
    atNodes: (nodeIds) =>
      nodeIds.length === 0
        ? Effect.succeed([])
        : db.read((s) => places.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM places WHERE node_id IN (${nodeIds.map(() => "?").join(", ")}) AND status <> 'archived' ORDER BY id`), ...nodeIds))),
    inSubtree: (scope) =>
      db.read((s) => places.decodeAll(allRows(s, raw<{ readonly doc: string }>("SELECT doc FROM places WHERE path >= ? AND path < ? AND status <> 'archived' ORDER BY id"), ...scopeRange(scope))))
  })
}
