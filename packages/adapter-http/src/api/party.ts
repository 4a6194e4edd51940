/**
 * `/party` (在职党员进社区报到), with a subtree's registrations and the report per employer,
 * community and month (`/nodes/{id}/party…`) and a county's kinds of service
 * (`/counties/{id}/party/config`).
 *
 * @since 0.5.0
 */
import { ConfigureParty, MemberView, Page, PartnerId, PartyConfig, PartyReport, RegisterMember, RegistrationCommand, RegistrationId, RegistrationStatus } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { PartnerReportPeriodParams } from "./partners.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every party use case may fail with (core's `PartyError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartyErrors = LifecycleErrors

const memberParams = { id: RegistrationId }

/**
 * Party members' registration with communities: staff register members and record their
 * service hours (`party.manage` at the community), a party member registers themselves
 * (`party.join`); anyone whose grants cover the community reads registrations, the name
 * and phone masked without `grid.personal.read` there. Every id a body names must lie in
 * the caller's scope and county: otherwise 404.
 *
 * @category api
 * @since 0.5.0
 */
export class PartyGroup extends HttpApiGroup.make("party")
  .add(
    HttpApiEndpoint.post("register", "/members", { payload: RegisterMember, success: created(MemberView), error: PartyErrors })
      .annotateMerge(doc("registerPartyMember", "Register a party member with a community (在职党员报到)", "By staff with `party.manage` at the community (the person in their scope) or by the member themselves. `communityId` is a community; `employerId` an active partner of type unit of the county; `commitments` the county's kinds of service. One active registration per person and county (409 `already_registered`).")),
    HttpApiEndpoint.post("execute", "/members/:id/commands", { params: memberParams, payload: RegistrationCommand, success: MemberView, error: PartyErrors })
      .annotateMerge(doc("runPartyMemberCommand", "Run a command on a registration", "`_tag` names the command (Commit, RecordService, Withdraw). `RecordService` (a kind, hours from 0.5 to 24 in half hours, a day not later than today) needs `party.manage`; a member may change their own commitments and withdraw."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/members/:id", { params: memberParams, success: MemberView, error: PartyErrors })
      .annotateMerge(doc("getPartyMember", "Get a registration", "With its tally of hours; the name and phone in full only with `grid.personal.read` at the community (or for the member), masked otherwise."))
  )
  .prefix("/party")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/party/members", { params: nodeParams, query: { ...pageQuery, employerId: Schema.optional(PartnerId), status: Schema.optional(RegistrationStatus) }, success: Page(MemberView), error: PartyErrors })
      .annotateMerge(doc("listPartyMembers", "List the registrations with a subtree's communities", "By id, filtered by employer and status; names and phones masked without personal read.")),
    HttpApiEndpoint.get("report", "/nodes/:id/party/report", { params: nodeParams, query: { ...PartnerReportPeriodParams, employerId: Schema.optional(PartnerId) }, success: PartyReport, error: PartyErrors })
      .annotateMerge(doc("getPartyReport", "Party members' service per employer, community and month", "Needs `party.manage` at the root. Members registered, serving, hours and mean hours per registered member, for one employer when `employerId` is given.")),
    HttpApiEndpoint.get("config", "/counties/:id/party/config", { params: nodeParams, success: PartyConfig, error: PartyErrors })
      .annotateMerge(doc("getPartyConfig", "A county's kinds of service", "The defaults until the county saves its own. For anyone working or living in the county.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/party/config", { params: nodeParams, payload: ConfigureParty, success: PartyConfig, error: PartyErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureParty", "Change a county's kinds of service", "Needs `party.manage` on the county. Codes are unique; the same kinds again change nothing."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Party members", description: "在职党员进社区报到 · 服务时长" })) {}
