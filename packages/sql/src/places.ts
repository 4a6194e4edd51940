/** Service places' rows: each place whole as JSON in `doc`. */
import { PlacesConfig, ServicePlace } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const decodePlace = Schema.decodeUnknownSync(ServicePlace)

/**
 * The table of service places.
 *
 * @category places
 * @since 0.5.0
 */
export const servicePlaces = documentShape({
  table: "places",
  entity: "service place",
  id: (p: ServicePlace) => p.id,
  row: (p) => ({ id: p.id, county_id: p.countyId, node_id: p.nodeId, path: toPath(p.scope), kind: p.kind, status: p.status, version: p.version, doc: JSON.stringify(p) }),
  decode: (doc) => decodePlace(JSON.parse(doc))
})

/**
 * The table of the counties' places configurations.
 *
 * @category places
 * @since 0.5.0
 */
export const placesConfigs = configShape("places_configs", "places configuration", PlacesConfig)
