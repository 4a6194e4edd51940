/**
 * `/visits`: the 全科社工 door-to-door visit log, with a subtree's visits and the households
 * overdue for one (`/nodes/{id}/visits…`), a household's special-care marking
 * (`/households/{id}/care`) and a county's categories and reasons
 * (`/counties/{id}/visits/config`).
 *
 * @since 0.5.0
 */
import { CareHousehold, ConfigureVisits, HouseholdId, HouseholdVisit, MarkHousehold, OverdueHousehold, Page, RecordVisit, VisitId, VisitsConfig } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every visits use case may fail with (core's `VisitsError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const VisitsErrors = LifecycleErrors

/**
 * A list of visits' filters: one household, page.
 *
 * @category schemas
 * @since 0.5.0
 */
export const VisitQueryParams = { ...pageQuery, householdId: Schema.optional(HouseholdId) }

const householdParams = { id: HouseholdId }

/**
 * The body of a visit's record: a follow-up's command (`need`: a need as `POST /needs`
 * takes it, `case`: a case as `POST /mediation/cases`, `item`: an item as
 * `POST /deliberation/items`) is checked by its own context's rules, each issue named by
 * its path (e.g. `followUps.0.need.title`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const RecordVisitBody = Schema.Struct({
  householdId: RecordVisit.fields.householdId,
  visitedAt: RecordVisit.fields.visitedAt,
  reason: RecordVisit.fields.reason,
  findings: RecordVisit.fields.findings,
  followUps: Schema.optionalKey(Schema.Array(Schema.Struct({
    kind: Schema.Literals(["need", "case", "item"]),
    need: Schema.optionalKey(Schema.Unknown),
    case: Schema.optionalKey(Schema.Unknown),
    item: Schema.optionalKey(Schema.Unknown)
  })))
})

/**
 * Household visits and special-care households. Staff only: recording a visit and marking
 * a household need `grid.household.write` at the household; reading visits, markings and
 * the overdue list need `grid.personal.read`. A visit's follow-ups are raised with the
 * visitor's own rights in the same unit of work: one refused, nothing is written. Every id
 * outside the caller's scope answers 404.
 *
 * @category api
 * @since 0.5.0
 */
export class VisitsGroup extends HttpApiGroup.make("visits")
  .add(
    HttpApiEndpoint.post("record", "/", { payload: RecordVisitBody, success: created(HouseholdVisit), error: VisitsErrors })
      .annotateMerge(doc("recordVisit", "Record a household visit (入户走访)", "The visitor is the caller. `visitedAt` is not in the future; `reason` is one of the county's reasons; `followUps` raise a need, a mediation case or a deliberation item with the caller's own rights, all in one unit of work."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: { id: VisitId }, success: HouseholdVisit, error: VisitsErrors })
      .annotateMerge(doc("getVisit", "Get a visit", "With its findings: staff who read personal data at the household only."))
  )
  .prefix("/visits")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/visits", { params: nodeParams, query: VisitQueryParams, success: Page(HouseholdVisit), error: VisitsErrors })
      .annotateMerge(doc("listVisits", "List the visits of a subtree", "In the order recorded, of one household when `householdId` is given.")),
    HttpApiEndpoint.get("overdue", "/nodes/:id/visits/overdue", { params: nodeParams, query: pageQuery, success: Page(OverdueHousehold), error: VisitsErrors })
      .annotateMerge(doc("listOverdueVisits", "The households of a subtree overdue for a visit", "Households whose categories' shortest frequency has passed since the last visit (or the marking), counted in the county's calendar; most days overdue first.")),
    HttpApiEndpoint.get("care", "/households/:id/care", { params: householdParams, success: Schema.NullOr(CareHousehold), error: VisitsErrors })
      .annotateMerge(doc("getCareHousehold", "A household's special-care categories", "`null` when the household was never marked.")),
    HttpApiEndpoint.put("mark", "/households/:id/care", { params: householdParams, payload: MarkHousehold, success: CareHousehold, error: VisitsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("markCareHousehold", "Mark a household with special-care categories", "Needs `grid.household.write` at the household. Codes are the county's categories; an empty list unmarks it; the same categories again change nothing.")),
    HttpApiEndpoint.get("config", "/counties/:id/visits/config", { params: nodeParams, success: VisitsConfig, error: VisitsErrors })
      .annotateMerge(doc("getVisitsConfig", "A county's special-care categories and reasons for a visit", "The seed's until the county saves its own. For the county's staff.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/visits/config", { params: nodeParams, payload: ConfigureVisits, success: VisitsConfig, error: VisitsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureVisits", "Change a county's categories and reasons", "Needs `grid.node.write` on the county. Each category has a visiting frequency from 1 to 366 days."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Visits", description: "入户走访 · 特殊关爱户" })) {}
