/**
 * `/households`: households and who serves them.
 *
 * @since 0.4.0
 */
import { CalendarDate, CreateHousehold, HouseholdId, HouseholdView, UpdateHousehold, WhoServes } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors } from "./shared.js"

const householdParams = { id: HouseholdId }

/**
 * Households (住户) and who serves them.
 *
 * @category api
 * @since 0.1.0
 */
export class HouseholdsGroup extends HttpApiGroup.make("households")
  .add(
    HttpApiEndpoint.post("create", "/", { payload: CreateHousehold, success: created(HouseholdView), error: GridErrors })
      .annotateMerge(doc("createHousehold", "Register a household in a smallest unit", "Needs `grid.household.write` on the unit.")),
    HttpApiEndpoint.patch("update", "/:id", { params: householdParams, payload: UpdateHousehold, success: HouseholdView, error: GridErrors })
      .annotateMerge(doc("updateHousehold", "Change a household's door number or residents", "Needs `grid.household.write`."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: householdParams, success: HouseholdView, error: GridErrors })
      .annotateMerge(doc("getHousehold", "Get a household", "Needs `grid.household.read`.")),
    HttpApiEndpoint.get("servers", "/:id/servers", {
      params: householdParams,
      query: { date: Schema.optional(CalendarDate) },
      success: WhoServes,
      error: GridErrors
    }).annotateMerge(doc("whoServes", "Who serves this household", "For each role, the nearest current assignee above the household's unit. Needs `grid.household.read`."))
  )
  .prefix("/households")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Households", description: "住户" })) {}
