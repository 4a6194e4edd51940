/**
 * `/partners` (睦邻合伙人), with a subtree's partners and the report of what they provided
 * (`/nodes/{id}/partners…`).
 *
 * @since 0.5.0
 */
import { CalendarDate, Page, Partner, PartnerCommand, PartnerId, PartnerReport, PartnerStatus, PartnerType, Provision, RecordProvision, RegisterPartner } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every partners use case may fail with (core's `PartnersError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartnersErrors = LifecycleErrors

/**
 * A report's period: both days inclusive, the current month of the county's calendar for
 * the days not given.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartnerReportPeriodParams = { from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) }

const partnerParams = { id: PartnerId }

/**
 * Partner organisations: register and change them (`partners.manage`), read them (anyone
 * whose grants cover the node; staff names masked without personal read), record the free
 * services they gave (staff, or the partner's own staff), and the report of a subtree and
 * period. Every id a body names must lie in the caller's scope and county: otherwise 404.
 *
 * @category api
 * @since 0.5.0
 */
export class PartnersGroup extends HttpApiGroup.make("partners")
  .add(
    HttpApiEndpoint.post("register", "/", { payload: RegisterPartner, success: created(Partner), error: PartnersErrors })
      .annotateMerge(doc("registerPartner", "Register a partner organisation (睦邻合伙人)", "Needs `partners.manage` at the node. `type` is merchant, clinic, social_organisation, unit or talent; every node in `serves` lies in the caller's scope.")),
    HttpApiEndpoint.post("execute", "/:id/commands", { params: partnerParams, payload: PartnerCommand, success: Partner, error: PartnersErrors })
      .annotateMerge(doc("runPartnerCommand", "Run a command on a partner", "`_tag` names the command (Update, AddStaff, RemoveStaff, LinkMerchant, Withdraw, Reinstate). Needs `partners.manage`. A linked merchant account may list free services (0 points) in the points catalog.")),
    HttpApiEndpoint.post("recordService", "/:id/services", { params: partnerParams, payload: RecordProvision, success: created(Provision), error: PartnersErrors })
      .annotateMerge(doc("recordPartnerService", "Record a free service a partner gave", "By staff with `partners.manage` at the node, or by the partner's own staff at a node they see. `providedOn` is not later than today."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: partnerParams, success: Partner, error: PartnersErrors })
      .annotateMerge(doc("getPartner", "Get a partner", "For anyone whose grants cover its node; staff names in full only to those who manage partners or read personal data there."))
  )
  .prefix("/partners")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/partners", { params: nodeParams, query: { ...pageQuery, type: Schema.optional(PartnerType), status: Schema.optional(PartnerStatus) }, success: Page(Partner), error: PartnersErrors })
      .annotateMerge(doc("listPartners", "List the partners of a subtree", "Registered at a node of the subtree, by id, filtered by type and status.")),
    HttpApiEndpoint.get("report", "/nodes/:id/partners/report", { params: nodeParams, query: PartnerReportPeriodParams, success: PartnerReport, error: PartnersErrors })
      .annotateMerge(doc("getPartnerReport", "What partners provided in a subtree and period", "Needs `partners.manage` at the root. Per partner: free services given and orders of its catalog items confirmed, people served and points; per type; the active partners."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Partners", description: "睦邻合伙人 · 商户 · 诊所 · 社会组织 · 驻区单位 · 新能人" })) {}
