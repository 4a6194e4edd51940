/**
 * The OpenAPI 3.1 document served at `GET /openapi.json`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { problemTable } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

const operations = (doc: any): Array<{ readonly method: string; readonly path: string; readonly op: any }> =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, unknown>).map(([method, op]) => ({ method, path, op })))

describe("OpenAPI document", () => {
  let f: Fixture
  let doc: any
  beforeAll(async () => {
    f = await setup()
    const response = await f.call("GET", "/openapi.json")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("application/json")
    doc = await json(response)
  })
  afterAll(() => f.dispose())

  it("is OpenAPI 3.1 with a bearer scheme", () => {
    expect(doc.openapi).toBe("3.1.0")
    expect(doc.info.title).toContain("Mulin")
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "Bearer" })
  })

  it("lists every endpoint once, with a unique operationId and a summary", () => {
    const ops = operations(doc)
    const ids = ops.map((o) => o.op.operationId)
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { op } of ops) expect(op.summary, op.operationId).toMatch(/\S/)
    expect(ops.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.op.operationId}`).sort()).toEqual([
      "GET /counties listCounties",
      "GET /counties/{id} getCounty",
      "GET /events listEvents",
      "GET /healthz health",
      "GET /me whoAmI",
      "GET /households/{id} getHousehold",
      "GET /households/{id}/servers whoServes",
      "GET /lookup/node findNode",
      "GET /nodes/{id} getNode",
      "GET /nodes/{id}/ancestors listAncestors",
      "GET /nodes/{id}/assignments listAssignments",
      "GET /nodes/{id}/children listChildren",
      "GET /nodes/{id}/coverage getCoverage",
      "GET /nodes/{id}/households listHouseholds",
      "GET /nodes/{id}/people listPeople",
      "GET /nodes/{id}/summary getSummary",
      "GET /people/{id} getPerson",
      "GET /people/{id}/subjects listSubjects",
      "PATCH /people/{id} updatePerson",
      "POST /people/{id}/subjects linkSubject",
      "POST /people/{id}/subjects/unlink unlinkSubject",
      "PATCH /households/{id} updateHousehold",
      "PATCH /nodes/{id} updateNode",
      "POST /assignments assignRole",
      "POST /assignments/{id}/end endAssignment",
      "POST /counties createCounty",
      "POST /households createHousehold",
      "POST /nodes createNode",
      "POST /nodes/{id}/archive archiveNode",
      "POST /nodes/{id}/move moveNode",
      "POST /people createPerson",
      "GET /counties/{id}/points/config getPointsConfig",
      "GET /nodes/{id}/points/leaderboard getPointsLeaderboard",
      "GET /nodes/{id}/points/services listServices",
      "GET /nodes/{id}/points/totals getPointsTotals",
      "GET /points/accounts/{id} getPointsAccount",
      "GET /points/accounts/{id}/balance getPointsBalance",
      "GET /points/accounts/{id}/statement getPointsStatement",
      "GET /points/holds/{id} getHold",
      "GET /points/verify verifyLedger",
      "PATCH /points/services/{id} updateService",
      "POST /counties/{id}/points/expire expirePoints",
      "POST /points/accounts openPointsAccount",
      "POST /points/adjustments adjustPoints",
      "POST /points/awards awardPoints",
      "POST /points/batches commitPointsBatch",
      "POST /points/donations donatePoints",
      "POST /points/holds/{id}/cancel cancelHold",
      "POST /points/holds/{id}/code reissuePickupCode",
      "POST /points/holds/{id}/fulfil fulfilHold",
      "POST /points/jobs/expire-holds expireHolds",
      "POST /points/orders orderService",
      "POST /points/reversals reversePointsTransfer",
      "POST /points/services publishService",
      "PUT /counties/{id}/points/config setPointsConfig",
      "POST /mediation/cases reportCase",
      "GET /mediation/cases/{id} getCase",
      "POST /mediation/cases/{id}/commands runCaseCommand",
      "GET /nodes/{id}/mediation/cases listCases",
      "GET /nodes/{id}/mediation/overdue listOverdueCases",
      "GET /nodes/{id}/mediation/statistics getMediationStatistics",
      "POST /mediation/supervision runSupervision",
      "GET /counties/{id}/mediation/config getMediationConfig",
      "PATCH /counties/{id}/mediation/config configureMediation",
      "GET /public/mediation/cases/{id} getDisclosure",
      "GET /public/nodes/{id}/mediation listDisclosures",
      "POST /deliberation/sessions conveneSession",
      "GET /deliberation/sessions/{id} getSession",
      "POST /deliberation/sessions/{id}/minutes recordMinutes",
      "GET /nodes/{id}/deliberation/sessions listSessions",
      "POST /deliberation/items raiseItem",
      "GET /deliberation/items/{id} getItem",
      "GET /deliberation/items/{id}/children listItemChildren",
      "POST /deliberation/items/{id}/commands runItemCommand",
      "POST /deliberation/items/{id}/ratings rateItem",
      "GET /nodes/{id}/deliberation/statistics getDeliberationStatistics",
      "GET /counties/{id}/deliberation/config getDeliberationConfig",
      "PATCH /counties/{id}/deliberation/config configureDeliberation",
      "GET /public/nodes/{id}/deliberation getProgressBoard",
      "POST /matching/needs postNeed",
      "GET /matching/needs/{id} getNeed",
      "POST /matching/needs/{id}/commands runNeedCommand",
      "POST /matching/needs/{id}/claim claimNeed",
      "GET /matching/needs/{id}/ranking rankVolunteers",
      "GET /nodes/{id}/matching/needs listNeeds",
      "POST /nodes/{id}/matching/dispatch dispatchNeeds",
      "POST /nodes/{id}/matching/expire expireNeeds",
      "POST /matching/volunteers saveVolunteer",
      "GET /matching/volunteers/{id} getVolunteer",
      "GET /nodes/{id}/matching/volunteers listVolunteers",
      "POST /matching/teams createTeam",
      "GET /counties/{id}/matching/teams listTeams",
      "GET /matching/claim-board getClaimBoard",
      "GET /counties/{id}/matching/config getMatchingConfig",
      "PATCH /counties/{id}/matching/config configureMatching",
      "GET /public/nodes/{id}/wishes getWishBoard",
      "GET /me/followups listMyFollowUps",
      "POST /followup/questionnaires/{id}/answers answerQuestionnaire",
      "GET /nodes/{id}/followup/statistics getFollowUpStatistics",
      "GET /counties/{id}/followup/config getFollowUpConfig",
      "PATCH /counties/{id}/followup/config configureFollowUp",
      "GET /me/inbox myInbox",
      "POST /me/inbox/{id}/read markNotificationRead",
      "GET /me/notification-preferences myNotificationPreferences",
      "PUT /me/notification-preferences setNotificationPreferences",
      "GET /counties/{id}/notifications/config getNotificationConfig",
      "PUT /counties/{id}/notifications/config configureNotifications",
      "GET /counties/{id}/webhooks listWebhooks",
      "POST /counties/{id}/webhooks createWebhook",
      "DELETE /counties/{id}/webhooks/{webhookId} deleteWebhook",
      "POST /counties/{id}/webhooks/{webhookId}/rotate rotateWebhookSecret",
      "GET /notifications/{id}/attempts notificationAttempts",
      "GET /counties/{id}/jobs listJobs",
      "GET /counties/{id}/jobs/runs listJobRuns",
      "GET /counties/{id}/jobs/config getJobsConfig",
      "PATCH /counties/{id}/jobs/config configureJobs",
      "POST /counties/{id}/jobs/{name}/run runJobNow",
      "POST /places registerPlace",
      "POST /places/{id}/commands runPlaceCommand",
      "GET /places/{id} getPlace",
      "GET /nodes/{id}/places listPlaces",
      "GET /nodes/{id}/places/coverage getPlaceCoverage",
      "GET /households/{id}/places listPlacesServingHousehold",
      "GET /counties/{id}/places/config getPlacesConfig",
      "PATCH /counties/{id}/places/config configurePlaces",
      "GET /public/nodes/{id}/places listPublicPlaces",
      "POST /activities planActivity",
      "POST /activities/{id}/commands runActivityCommand",
      "GET /activities/{id} getActivity",
      "GET /activities/{id}/roster getActivityRoster",
      "POST /activities/teams formActivityTeam",
      "POST /activities/teams/{id}/commands runActivityTeamCommand",
      "GET /activities/teams/{id} getActivityTeam",
      "GET /activities/teams/{id}/hours getActivityTeamHours",
      "GET /nodes/{id}/activities listActivities",
      "GET /nodes/{id}/activities/report getActivityReport",
      "GET /nodes/{id}/activities/teams listActivityTeams",
      "POST /visits recordVisit",
      "GET /visits/{id} getVisit",
      "GET /nodes/{id}/visits listVisits",
      "GET /nodes/{id}/visits/overdue listOverdueVisits",
      "GET /households/{id}/care getCareHousehold",
      "PUT /households/{id}/care markCareHousehold",
      "GET /counties/{id}/visits/config getVisitsConfig",
      "PATCH /counties/{id}/visits/config configureVisits",
      "GET /exports listExports",
      "GET /nodes/{id}/exports/{name} exportFile",
      "POST /partners registerPartner",
      "POST /partners/{id}/commands runPartnerCommand",
      "POST /partners/{id}/services recordPartnerService",
      "GET /partners/{id} getPartner",
      "GET /nodes/{id}/partners listPartners",
      "GET /nodes/{id}/partners/report getPartnerReport",
      "POST /party/members registerPartyMember",
      "POST /party/members/{id}/commands runPartyMemberCommand",
      "GET /party/members/{id} getPartyMember",
      "GET /nodes/{id}/party/members listPartyMembers",
      "GET /nodes/{id}/party/report getPartyReport",
      "GET /counties/{id}/party/config getPartyConfig",
      "PATCH /counties/{id}/party/config configureParty",
      "POST /intake/requests receiveIntakeRequest",
      "GET /intake/requests/{id} getIntakeRequest",
      "POST /intake/requests/{id}/accept acceptIntakeRequest",
      "POST /intake/requests/{id}/route routeIntakeRequest",
      "POST /intake/requests/{id}/resolve resolveIntakeRequest",
      "POST /intake/requests/{id}/reject rejectIntakeRequest",
      "POST /intake/requests/{id}/merge mergeIntakeRequest",
      "GET /nodes/{id}/intake listIntakeRequests",
      "GET /counties/{id}/intake/config getIntakeConfig",
      "PATCH /counties/{id}/intake/config configureIntake",
      "POST /public/counties/{id}/intake/follow followIntakeRequest",
      "POST /public/counties/{id}/intake/rate rateIntakeRequest",
      "GET /nodes/{id}/reports/kpis getKpiReport",
      "GET /nodes/{id}/reports/ledger listWorkLedger",
      "GET /nodes/{id}/reports/headline getHeadlineReport",
      "GET /counties/{id}/reports/config getReportsConfig",
      "PATCH /counties/{id}/reports/config configureReports"
    ].sort())
  })

  it("documents the error responses of every operation as problems", () => {
    for (const { method, op } of operations(doc)) {
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400)
      expect(errors.length, op.operationId).toBeGreaterThan(0)
      for (const status of errors) {
        expect(Object.keys(op.responses[status].content), `${op.operationId} ${status}`).toEqual(["application/problem+json"])
        expect(op.responses[status].description).toMatch(/\S/)
      }
      // The liveness check, the public mediation board (三公开) and the progress board (晾晒), the wish board, the public list of places and following a request need no token.
      if (op.operationId === "health" || op.operationId === "getDisclosure" || op.operationId === "listDisclosures" || op.operationId === "getProgressBoard" || op.operationId === "getWishBoard" || op.operationId === "listPublicPlaces" || op.operationId === "followIntakeRequest" || op.operationId === "rateIntakeRequest") {
        expect(op.security).toEqual([])
        continue
      }
      expect(op.security).toEqual([{ bearer: [] }])
      // Who am I: only the token can be refused.
      if (op.operationId === "whoAmI") {
        expect(errors.sort()).toEqual(["401", "500"])
        continue
      }
      for (const status of ["401", "403", "404", "409", "422", "500"]) expect(errors, `${op.operationId} ${status}`).toContain(status)
      if (method === "post" || method === "patch") {
        for (const status of ["400", "413", "415"]) expect(errors, `${op.operationId} ${status}`).toContain(status)
        expect(Object.keys(op.requestBody.content)).toEqual(["application/json"])
      }
    }
  })

  it("answers creation with 201", () => {
    for (const id of ["createCounty", "createNode", "createHousehold", "createPerson", "assignRole"]) {
      const op = operations(doc).find((o) => o.op.operationId === id)!.op
      expect(Object.keys(op.responses).filter((s) => s.startsWith("2")), id).toEqual(["201"])
    }
  })

  it("describes each problem with its stable type, code and status", () => {
    for (const [tag, info] of Object.entries(problemTable)) {
      const schema = doc.components.schemas[`${tag}Problem`]
      expect(schema, tag).toBeDefined()
      expect(schema.properties.type.enum).toEqual([info.type])
      expect(schema.properties.code.enum).toEqual([info.code])
      expect(schema.properties.status.enum).toEqual([info.status])
      expect(schema.required).toEqual(expect.arrayContaining(["type", "code", "title", "status", "detail", "detailZh"]))
    }
    expect(doc.components.schemas.InvalidInputProblem.required).toContain("errors")
  })
})
