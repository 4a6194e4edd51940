/**
 * The county's exports (`GET /nodes/{id}/exports/{name}`): the registry of every export
 * the contexts contribute, and the `.xlsx` writer of `@mulin/sheets` so that each is served
 * as `.xlsx` as well as CSV. Add a context's exports to the list to serve them.
 */
import { activitiesExports, partyExports, placesExports, reportsExports, SheetExports, visitsExports } from "@mulin/core"
import { layer as xlsxLayer } from "@mulin/sheets"
import { Layer } from "effect"

/** Every export of the example county, and the `.xlsx` writer. */
export const countyExports = Layer.mergeAll(
  SheetExports.layer([activitiesExports, placesExports, visitsExports, reportsExports, partyExports]),
  xlsxLayer
)
