/**
 * `/places` (阵地), with a subtree's places and their coverage (`/nodes/{id}/places…`), the
 * places serving a household (`/households/{id}/places`), a county's kinds of places
 * (`/counties/{id}/places/config`) and the public list (`/public/nodes/{id}/places`).
 *
 * @since 0.5.0
 */
import { ConfigKey, ConfigurePlaces, HouseholdId, NearbyPlace, Page, PlaceCommand, PlaceCoverage, PlacesConfig, PlaceStatus, PublicPlace, RegisterPlace, ServicePlace, ServicePlaceId } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every places use case may fail with (core's `PlacesError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const PlacesErrors = LifecycleErrors

/**
 * A list's filters: kind, status, page.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PlaceQueryParams = { ...pageQuery, kind: Schema.optional(ConfigKey), status: Schema.optional(PlaceStatus) }

const placeParams = { id: ServicePlaceId }

/**
 * Service places (阵地): register and change them (`places.manage`), read them and their
 * coverage (anyone whose grants cover the node), the places serving a household, and a
 * county's kinds of places. Every id a body names (the node, the contact person) must lie
 * in the caller's scope and county: otherwise the answer is 404.
 *
 * @category api
 * @since 0.5.0
 */
export class PlacesGroup extends HttpApiGroup.make("places")
  .add(
    HttpApiEndpoint.post("register", "/", { payload: RegisterPlace, success: created(ServicePlace), error: PlacesErrors })
      .annotateMerge(doc("registerPlace", "Register a service place (阵地)", "Needs `places.manage` at the node. `kind` is one of the county's kinds; `hours` are weekly ranges in the county's time zone (no inverted or overlapping range); `contactId` is a person in the caller's scope.")),
    HttpApiEndpoint.post("execute", "/:id/commands", { params: placeParams, payload: PlaceCommand, success: ServicePlace, error: PlacesErrors })
      .annotateMerge(doc("runPlaceCommand", "Run a command on a place", "`_tag` names the command (Update, Close, Reopen, Archive). Needs `places.manage`. A command the status does not allow answers 409 `invalid_transition`; one that changes nothing answers the place as it is."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: placeParams, success: ServicePlace, error: PlacesErrors })
      .annotateMerge(doc("getPlace", "Get a place", "For anyone whose grants cover the place's node; the contact person only for those who manage the place or read personal data there."))
  )
  .prefix("/places")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/places", { params: nodeParams, query: PlaceQueryParams, success: Page(ServicePlace), error: PlacesErrors })
      .annotateMerge(doc("listPlaces", "List the places of a subtree", "By id, filtered by kind and status (archived ones only when asked for).")),
    HttpApiEndpoint.get("coverage", "/nodes/:id/places/coverage", { params: nodeParams, success: PlaceCoverage, error: PlacesErrors })
      .annotateMerge(doc("getPlaceCoverage", "Which communities of a subtree lack which kind of place", "Per community, the places of each kind at it or below; per kind, how many communities have one.")),
    HttpApiEndpoint.get("forHousehold", "/households/:id/places", { params: { id: HouseholdId }, success: Schema.Array(NearbyPlace), error: PlacesErrors })
      .annotateMerge(doc("listPlacesServingHousehold", "The places serving a household", "The places at the household's node and its ancestors, nearest first, with whether each is open now in the county's time zone. No contact person.")),
    HttpApiEndpoint.get("config", "/counties/:id/places/config", { params: nodeParams, success: PlacesConfig, error: PlacesErrors })
      .annotateMerge(doc("getPlacesConfig", "A county's kinds of places", "The seed's seven kinds until the county saves its own. For anyone working or living in the county.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/places/config", { params: nodeParams, payload: ConfigurePlaces, success: PlacesConfig, error: PlacesErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configurePlaces", "Change a county's kinds of places", "Needs `places.manage` on the county. Codes are unique; the same kinds again change nothing."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Places", description: "阵地 · 党群服务中心 · 红帆驿站 · 街坊说事点" })) {}

/**
 * The public list of a subtree's service places, without authentication: no contact
 * person, no personal data, with whether each is open now.
 *
 * @category api
 * @since 0.5.0
 */
export class PublicPlacesGroup extends HttpApiGroup.make("publicPlaces")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/places", { params: nodeParams, query: PlaceQueryParams, success: Page(PublicPlace), error: PlacesErrors })
      .annotateMerge(doc("listPublicPlaces", "The public list of a subtree's places", "Open and closed places (never archived ones), by id, with opening hours and whether each is open now in the county's time zone."))
  )
  .prefix("/public")
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Public places", description: "阵地地图" })) {}
