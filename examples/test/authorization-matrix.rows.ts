/**
 * The authorisation matrix's table: one row per route of the OpenAPI document, with who is
 * authorised (see authorization-matrix.test.ts).
 */
import { defaultCareCategories, defaultIntakeCategories, defaultPartyServiceKinds, defaultPlaceKinds, defaultVisitReasons } from "@mulin/core"
import { ALL, CONFIG_READERS, except, external, must, next, postNeed, receiveIntake, type Role, type Scope, soon, STAFF, STAFF_AND_WORKER, type World } from "./authorization-matrix.world.js"

// ---------------------------------------------------------------------------
// The table

/**
 * - `scoped`: acts on an object that lies in one of the three scopes;
 * - `county`: acts on a county (its configuration, its teams, its jobs): inside is 370812,
 *   the other county 370830, and there is no "other street" of a county;
 * - `once`: no object (the caller's own things, store-wide jobs): checked once per caller;
 * - `public`: answers everyone without a token, in every scope.
 */
export type Kind = "scoped" | "county" | "once" | "public"

export interface Request {
  readonly path: string
  readonly body?: unknown
}

export interface Row {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  /** The path as the OpenAPI document writes it. */
  readonly path: string
  readonly operationId: string
  readonly kind: Kind
  /** The roles authorised on an object inside their subtree (every caller for `public`). */
  readonly ok: ReadonlyArray<Role>
  /** The roles that see the object inside their subtree but may not act: 403. The rest: 404. */
  readonly forbidden?: ReadonlyArray<Role>
  /** Answers from a business rule that count as authorised (authorisation passed). */
  readonly accept?: ReadonlyArray<number>
  /** Makes a new object for one cell, as the scope's staff. */
  readonly fresh?: (w: World) => Promise<Record<string, string>>
  readonly request: (w: World, fresh: Record<string, string>) => Request
}

export const row = (method: Row["method"], path: string, operationId: string, kind: Kind, ok: ReadonlyArray<Role>, rest: Omit<Row, "method" | "path" | "operationId" | "kind" | "ok">): Row =>
  ({ method, path, operationId, kind, ok, ...rest })

export const HOOK = { url: "https://hooks.county.example/matrix", eventTypes: ["matrix.never"] }
export const freshHook = async (w: World) => ({ webhookId: (await must(w.maker, "POST", `/counties/${w.countyId}/webhooks`, HOOK)).webhook.id as string })
export const notificationIds = new Map<string, string>()
/** The id of the notification of the scope's order to its account holder, found in the feed once. */
export const orderNotification = async (w: World) => {
  let id = notificationIds.get(w.holdId)
  for (let after = ""; id === undefined;) {
    const page = await must(w.maker, "GET", `/events?limit=1000${after === "" ? "" : `&after=${after}`}`)
    const placed = (page.items as Array<{ id: string; type: string; aggregateId: string }>).find((e) => e.type === "points.hold.placed" && e.aggregateId === w.holdId)
    if (placed !== undefined) notificationIds.set(w.holdId, id = `ntf_${placed.id.slice(4)}_${w.personId.slice(4)}`)
    else if (page.next === null) throw new Error(`no order event for hold ${w.holdId}`)
    else after = page.next
  }
  return { notificationId: id }
}

export const TABLE: ReadonlyArray<Row> = [
  // -- counties and nodes ----------------------------------------------------
  // Creating a county needs `county.create` on the whole store: the platform operator only.
  row("POST", "/counties", "createCounty", "once", [], { forbidden: ALL, request: () => ({ path: "/counties", body: { code: `9${next().padStart(5, "0")}`, name: "矩阵县" } }) }),
  row("GET", "/counties", "listCounties", "once", ALL, { request: () => ({ path: "/counties" }) }),
  // A county is readable by anyone who works inside it.
  row("GET", "/counties/{id}", "getCounty", "county", ALL, { request: (w) => ({ path: `/counties/${w.countyId}` }) }),
  row("POST", "/nodes", "createNode", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: "/nodes", body: { parentId: w.buildingId, code: `N${next()}`, name: "新单元" } }) }),
  row("GET", "/nodes/{id}", "getNode", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}` }) }),
  row("PATCH", "/nodes/{id}", "updateNode", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.unitId}`, body: { name: `一单元${next()}` } }) }),
  row("GET", "/lookup/node", "findNode", "scoped", ALL, { request: (w) => ({ path: `/lookup/node?path=${w.buildingPath}` }) }),
  row("POST", "/nodes/{id}/move", "moveNode", "scoped", STAFF, {
    forbidden: except(...STAFF),
    fresh: async (w) => ({ id: (await must(w.maker, "POST", "/nodes", { parentId: w.buildingId, code: `MV${next()}`, name: "待迁单元" })).id }),
    request: (w, f) => ({ path: `/nodes/${f.id}/move`, body: { newParentId: w.building2Id } })
  }),
  row("POST", "/nodes/{id}/archive", "archiveNode", "scoped", STAFF, {
    forbidden: except(...STAFF),
    fresh: async (w) => ({ id: (await must(w.maker, "POST", "/nodes", { parentId: w.buildingId, code: `AR${next()}`, name: "待撤单元" })).id }),
    request: (_, f) => ({ path: `/nodes/${f.id}/archive`, body: {} })
  }),
  row("GET", "/nodes/{id}/ancestors", "listAncestors", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/ancestors` }) }),
  row("GET", "/nodes/{id}/children", "listChildren", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/children` }) }),
  row("GET", "/nodes/{id}/summary", "getSummary", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/summary` }) }),
  row("GET", "/nodes/{id}/coverage", "getCoverage", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/coverage` }) }),
  // Households are read by staff, grid workers, building leaders and party members (masked for the last two).
  row("GET", "/nodes/{id}/households", "listHouseholds", "scoped", [...STAFF_AND_WORKER, "leader", "member"], {
    forbidden: ["mediator", "volunteer", "partner", "resident"],
    request: (w) => ({ path: `/nodes/${w.buildingId}/households` })
  }),
  row("GET", "/nodes/{id}/people", "listPeople", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/people` }) }),
  row("GET", "/nodes/{id}/assignments", "listAssignments", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/assignments` }) }),

  // -- households, people, posts ---------------------------------------------
  row("POST", "/households", "createHousehold", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    request: (w) => ({ path: "/households", body: { nodeId: w.unitId, code: `H${next()}`, residents: [{ name: "蒋文华", relation: "head" }] } })
  }),
  row("GET", "/households/{id}", "getHousehold", "scoped", [...STAFF_AND_WORKER, "leader", "member"], {
    forbidden: ["mediator", "volunteer", "partner", "resident"],
    request: (w) => ({ path: `/households/${w.householdId}` })
  }),
  row("PATCH", "/households/{id}", "updateHousehold", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    request: (w) => ({ path: `/households/${w.householdId}`, body: { residents: [{ name: "韩立春", relation: "head" }] } })
  }),
  row("GET", "/households/{id}/servers", "whoServes", "scoped", [...STAFF_AND_WORKER, "leader", "member"], {
    forbidden: ["mediator", "volunteer", "partner", "resident"],
    request: (w) => ({ path: `/households/${w.householdId}/servers` })
  }),
  row("POST", "/people", "createPerson", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/people", body: { nodeId: w.unitId, code: `P${next()}`, name: "许国平" } })
  }),
  // Everyone who may read the node a person is registered at sees them (masked unless allowed personal data).
  row("GET", "/people/{id}", "getPerson", "scoped", ALL, { request: (w) => ({ path: `/people/${w.personId}` }) }),
  row("PATCH", "/people/{id}", "updatePerson", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/people/${w.personId}`, body: { phone: `139${next().padStart(8, "0")}` } }) }),
  row("GET", "/people/{id}/subjects", "listSubjects", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/people/${w.personId}/subjects` }) }),
  row("POST", "/people/{id}/subjects", "linkSubject", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: `/people/${w.personId}/subjects`, body: { issuer: "https://id.matrix.test", subject: `link-${next()}` } })
  }),
  row("POST", "/people/{id}/subjects/unlink", "unlinkSubject", "scoped", STAFF, {
    forbidden: except(...STAFF),
    fresh: async (w) => {
      const subject = `unlink-${next()}`
      await must(w.maker, "POST", `/people/${w.personId}/subjects`, { issuer: "https://id.matrix.test", subject })
      return { subject }
    },
    request: (w, f) => ({ path: `/people/${w.personId}/subjects/unlink`, body: { issuer: "https://id.matrix.test", subject: f.subject } })
  }),
  row("POST", "/assignments", "assignRole", "scoped", STAFF, {
    forbidden: except(...STAFF),
    fresh: async (w) => ({ person: (await must(w.maker, "POST", "/people", { nodeId: w.unitId, code: `AS${next()}`, name: "楼长候选" })).id }),
    request: (w, f) => ({ path: "/assignments", body: { personId: f.person, nodeId: w.buildingId, role: "building_leader", startDate: "2020-01-01" } })
  }),
  row("POST", "/assignments/{id}/end", "endAssignment", "scoped", STAFF, {
    forbidden: except(...STAFF),
    fresh: async (w) => {
      const person = await must(w.maker, "POST", "/people", { nodeId: w.unitId, code: `EN${next()}`, name: "志愿者乙" })
      return { id: (await must(w.maker, "POST", "/assignments", { personId: person.id, nodeId: w.buildingId, role: "volunteer", startDate: "2020-01-01" })).id }
    },
    request: (_, f) => ({ path: `/assignments/${f.id}/end`, body: {} })
  }),
  // The feed: one county's, named here: `events.read` there (staff and grid workers); a role of
  // the county without it, 403; another county's feed, 404. (An implied county: events.test.ts.)
  row("GET", "/events", "listEvents", "county", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/events?limit=5&county=${w.countyId}` }) }),

  // -- mediation ----------------------------------------------------------------
  // Everyone may report a dispute where they live or work.
  row("POST", "/mediation/cases", "reportCase", "scoped", ALL, {
    request: (w) => ({ path: "/mediation/cases", body: { nodeId: w.buildingId, category: "parking", title: "车位被占", description: "长期占用", parties: [external("车主乙")] } })
  }),
  // A case is visible with `mediation.read` only: to others it does not exist.
  row("GET", "/mediation/cases/{id}", "getCase", "scoped", [...STAFF_AND_WORKER, "mediator"], { request: (w) => ({ path: `/mediation/cases/${w.caseId}` }) }),
  // Declining a reported case is the community staff's (`mediation.manage`); grid workers and mediators read it.
  row("POST", "/mediation/cases/{id}/commands", "runCaseCommand", "scoped", STAFF, {
    forbidden: ["worker", "mediator"],
    fresh: async (w) => ({ id: (await must(w.maker, "POST", "/mediation/cases", { nodeId: w.buildingId, category: "pets", title: "犬吠", description: "夜间犬吠", parties: [external("养犬人")] })).id }),
    request: (_, f) => ({ path: `/mediation/cases/${f.id}/commands`, body: { _tag: "Decline", reason: "不属调解范围", referredTo: "派出所" } })
  }),
  row("GET", "/nodes/{id}/mediation/cases", "listCases", "scoped", [...STAFF_AND_WORKER, "mediator"], { forbidden: ["leader", "member", "volunteer", "partner", "resident"], request: (w) => ({ path: `/nodes/${w.buildingId}/mediation/cases` }) }),
  row("GET", "/nodes/{id}/mediation/overdue", "listOverdueCases", "scoped", [...STAFF_AND_WORKER, "mediator"], { forbidden: ["leader", "member", "volunteer", "partner", "resident"], request: (w) => ({ path: `/nodes/${w.buildingId}/mediation/overdue` }) }),
  row("GET", "/nodes/{id}/mediation/statistics", "getMediationStatistics", "scoped", [...STAFF_AND_WORKER, "mediator"], {
    forbidden: ["leader", "member", "volunteer", "partner", "resident"],
    request: (w) => ({ path: `/nodes/${w.buildingId}/mediation/statistics?month=current` })
  }),
  // The supervision run of a county: `mediation.supervise` on the county itself.
  row("POST", "/mediation/supervision", "runSupervision", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: "/mediation/supervision", body: { countyId: w.countyId, limit: 10 } }) }),
  row("GET", "/counties/{id}/mediation/config", "getMediationConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/mediation/config` }) }),
  row("PATCH", "/counties/{id}/mediation/config", "configureMediation", "county", ["admin"], {
    forbidden: except("admin"),
    request: (w) => ({ path: `/counties/${w.countyId}/mediation/config`, body: { reopenWindowDays: 30 } })
  }),
  row("GET", "/public/mediation/cases/{id}", "getDisclosure", "public", ALL, { request: (w) => ({ path: `/public/mediation/cases/${w.disclosedCaseId}` }) }),
  row("GET", "/public/nodes/{id}/mediation", "listDisclosures", "public", ALL, { request: (w) => ({ path: `/public/nodes/${w.buildingId}/mediation` }) }),

  // -- deliberation -----------------------------------------------------------------
  row("POST", "/deliberation/sessions", "conveneSession", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/deliberation/sessions", body: { nodeId: w.buildingId, type: "small_stool", heldAt: soon(-2), participants: [{ role: "residents", count: 6, names: [] }], agenda: ["停车"] } })
  }),
  // Sessions and items are read with `deliberation.read` only: to others they do not exist.
  row("GET", "/deliberation/sessions/{id}", "getSession", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/deliberation/sessions/${w.sessionId}` }) }),
  row("POST", "/deliberation/sessions/{id}/minutes", "recordMinutes", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: `/deliberation/sessions/${w.sessionId}/minutes`, body: { minutes: `议定事项 ${next()}` } })
  }),
  row("GET", "/nodes/{id}/deliberation/sessions", "listSessions", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/deliberation/sessions` }) }),
  // Everyone but mediators and partners raises items (`deliberation.raise`).
  row("POST", "/deliberation/items", "raiseItem", "scoped", except("mediator", "partner"), {
    forbidden: ["mediator", "partner"],
    request: (w) => ({ path: "/deliberation/items", body: { nodeId: w.buildingId, kind: "micro_idea", category: "environment", title: "楼下种花", text: "建议在楼下种花" } })
  }),
  row("GET", "/deliberation/items/{id}", "getItem", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/deliberation/items/${w.itemId}` }) }),
  row("GET", "/deliberation/items/{id}/children", "listItemChildren", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/deliberation/items/${w.itemId}/children` }) }),
  row("POST", "/deliberation/items/{id}/commands", "runItemCommand", "scoped", STAFF, {
    forbidden: ["worker"],
    fresh: async (w) => ({ id: (await must(w.maker, "POST", "/deliberation/items", { nodeId: w.buildingId, kind: "suggestion", category: "facilities", title: "修健身器材", text: "器材坏了" })).id }),
    request: (_, f) => ({ path: `/deliberation/items/${f.id}/commands`, body: { _tag: "Answer", answer: "已报修" } })
  }),
  // People rate (现场评): building leaders, party members, volunteers, residents; staff record others' ratings only.
  row("POST", "/deliberation/items/{id}/ratings", "rateItem", "scoped", ["leader", "member", "volunteer", "resident"], {
    forbidden: [...STAFF_AND_WORKER, "mediator", "partner"],
    request: (w) => ({ path: `/deliberation/items/${w.reportedItemId}/ratings`, body: { score: 4, comment: "及时" } })
  }),
  row("GET", "/nodes/{id}/deliberation/statistics", "getDeliberationStatistics", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/deliberation/statistics` }) }),
  row("GET", "/counties/{id}/deliberation/config", "getDeliberationConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/deliberation/config` }) }),
  // `deliberation.manage` on the county root, which only the county's administrator's grant covers.
  row("PATCH", "/counties/{id}/deliberation/config", "configureDeliberation", "county", ["admin"], {
    request: (w) => ({ path: `/counties/${w.countyId}/deliberation/config`, body: { quorum: 0.5 } })
  }),
  row("GET", "/public/nodes/{id}/deliberation", "getProgressBoard", "public", ALL, { request: (w) => ({ path: `/public/nodes/${w.buildingId}/deliberation` }) }),

  // -- matching --------------------------------------------------------------------
  row("POST", "/matching/needs", "postNeed", "scoped", except("mediator", "partner"), {
    forbidden: ["mediator", "partner"],
    request: (w) => ({ path: "/matching/needs", body: { nodeId: w.buildingId, kind: "micro_wish", category: "elder_care", title: "陪老人散步", dueAt: soon(20) } })
  }),
  // A need is visible to those who read or claim there (and its requester and volunteers).
  row("GET", "/matching/needs/{id}", "getNeed", "scoped", except("mediator", "resident"), { request: (w) => ({ path: `/matching/needs/${w.needId}` }) }),
  // Cancelling someone's need: `matching.manage` (or its requester).
  row("POST", "/matching/needs/{id}/commands", "runNeedCommand", "scoped", STAFF, {
    forbidden: ["worker", "leader", "member", "volunteer", "partner"],
    fresh: async (w) => ({ id: (await postNeed(w.maker, w.buildingId, w.personId)).id }),
    request: (_, f) => ({ path: `/matching/needs/${f.id}/commands`, body: { _tag: "Cancel", reason: "已自行解决" } })
  }),
  // Every role with `matching.claim` claims for itself (each has a volunteer profile).
  row("POST", "/matching/needs/{id}/claim", "claimNeed", "scoped", except("mediator", "resident"), {
    fresh: async (w) => ({ id: (await postNeed(w.maker, w.buildingId, w.personId)).id }),
    request: (_, f) => ({ path: `/matching/needs/${f.id}/claim`, body: {} })
  }),
  row("GET", "/matching/needs/{id}/ranking", "rankVolunteers", "scoped", STAFF_AND_WORKER, { forbidden: ["leader", "member", "volunteer", "partner"], request: (w) => ({ path: `/matching/needs/${w.needId}/ranking` }) }),
  row("GET", "/nodes/{id}/matching/needs", "listNeeds", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/matching/needs` }) }),
  row("POST", "/nodes/{id}/matching/dispatch", "dispatchNeeds", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/matching/dispatch`, body: { dryRun: true } }) }),
  row("POST", "/nodes/{id}/matching/expire", "expireNeeds", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/matching/expire`, body: {} }) }),
  // Someone else's profile: `matching.manage` over the person and the home.
  row("POST", "/matching/volunteers", "saveVolunteer", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/matching/volunteers", body: { personId: w.personId, homeNodeId: w.buildingId, skills: [{ skill: "errands", level: 3 }], availability: [], maxConcurrent: 5 } })
  }),
  row("GET", "/matching/volunteers/{id}", "getVolunteer", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/matching/volunteers/${w.personId}` }) }),
  row("GET", "/nodes/{id}/matching/volunteers", "listVolunteers", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/matching/volunteers` }) }),
  row("POST", "/matching/teams", "createTeam", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/matching/teams", body: { name: `跑腿队${next()}`, leaderId: w.personId, homeNodeId: w.buildingId, members: [w.personId] } })
  }),
  // `matching.read` on the county root, which only the county's administrator's grant covers.
  row("GET", "/counties/{id}/matching/teams", "listTeams", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/matching/teams` }) }),
  // The caller's own board, from their volunteer profile: the mediator and the resident have none.
  row("GET", "/matching/claim-board", "getClaimBoard", "once", except("mediator", "resident"), { request: () => ({ path: "/matching/claim-board" }) }),
  row("GET", "/counties/{id}/matching/config", "getMatchingConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/matching/config` }) }),
  row("PATCH", "/counties/{id}/matching/config", "configureMatching", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/matching/config`, body: { candidatesPerNeed: 50 } }) }),
  row("GET", "/public/nodes/{id}/wishes", "getWishBoard", "public", ALL, { request: (w) => ({ path: `/public/nodes/${w.buildingId}/wishes` }) }),

  // -- points ----------------------------------------------------------------------
  // A county has one charity fund (a second is 409 duplicate_account): each cell opens a new person's account.
  row("POST", "/points/accounts", "openPointsAccount", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    fresh: async (w) => ({ person: (await must(w.maker, "POST", "/people", { nodeId: w.unitId, code: `AC${next()}`, name: "郝春梅" })).id }),
    request: (w, f) => ({ path: "/points/accounts", body: { nodeId: w.unitId, kind: "person", ownerId: f.person } })
  }),
  // Someone else's account: `points.read` where it is; to others it does not exist.
  row("GET", "/points/accounts/{id}", "getPointsAccount", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/points/accounts/${w.personAccountId}` }) }),
  row("GET", "/points/accounts/{id}/balance", "getPointsBalance", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/points/accounts/${w.personAccountId}/balance` }) }),
  row("GET", "/points/accounts/{id}/statement", "getPointsStatement", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/points/accounts/${w.personAccountId}/statement` }) }),
  // Door-knock visits are awarded by staff, grid workers and building leaders (the rule's award roles).
  row("POST", "/points/awards", "awardPoints", "scoped", [...STAFF_AND_WORKER, "leader"], {
    request: (w) => ({ path: "/points/awards", body: { transferId: `mx-award-${next()}`, accountId: w.awardAccountId, category: "door_knock" } })
  }),
  // Moving someone else's points: staff with `points.adjust`; grid workers read accounts, may not move them.
  row("POST", "/points/donations", "donatePoints", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: "/points/donations", body: { transferId: `mx-donate-${next()}`, fromAccountId: w.personAccountId, toAccountId: w.charityId, amount: 1 } })
  }),
  row("POST", "/points/reversals", "reversePointsTransfer", "scoped", STAFF, {
    forbidden: ["worker"],
    fresh: async (w) => {
      const transferId = `mx-rev-src-${next()}`
      await must(w.maker, "POST", "/points/adjustments", { transferId, accountId: w.personAccountId, amount: 2, reason: "to reverse" })
      return { transferId }
    },
    request: (_, f) => ({ path: "/points/reversals", body: { transferId: `mx-rev-${next()}`, reversesId: f.transferId, reason: "recorded twice" } })
  }),
  row("POST", "/points/adjustments", "adjustPoints", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: "/points/adjustments", body: { transferId: `mx-adjust-${next()}`, accountId: w.personAccountId, amount: 1, reason: "correction" } })
  }),
  row("POST", "/points/batches", "commitPointsBatch", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: "/points/batches", body: { transfers: [{ id: `mx-batch-${next()}`, debitAccountId: w.personAccountId, creditAccountId: w.charityId, amount: 1, code: "donate" }] } })
  }),
  row("POST", "/points/orders", "orderService", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: "/points/orders", body: { transferId: `mx-order-${next()}`, accountId: w.personAccountId, serviceId: w.serviceId } })
  }),
  // A hold is seen from the payer's side (`points.read` there) or by its merchant: the demo
  // partner works for another shop than the building's, so the hold is not theirs.
  row("GET", "/points/holds/{id}", "getHold", "scoped", STAFF_AND_WORKER, { request: (w) => ({ path: `/points/holds/${w.holdId}` }) }),
  row("POST", "/points/holds/{id}/fulfil", "fulfilHold", "scoped", STAFF, {
    forbidden: ["worker"],
    fresh: async (w) => {
      const hold = await must(w.maker, "POST", "/points/orders", { transferId: `mx-fulfil-${next()}`, accountId: w.personAccountId, serviceId: w.serviceId })
      return { id: hold.id, code: hold.pickupCode }
    },
    request: (_, f) => ({ path: `/points/holds/${f.id}/fulfil`, body: { transferId: `mx-post-${next()}`, pickupCode: f.code } })
  }),
  // A new pickup code is for the holder only: staff who see the hold are refused.
  row("POST", "/points/holds/{id}/code", "reissuePickupCode", "scoped", [], { forbidden: STAFF_AND_WORKER, request: (w) => ({ path: `/points/holds/${w.holdId}/code`, body: {} }) }),
  row("POST", "/points/holds/{id}/cancel", "cancelHold", "scoped", STAFF, {
    forbidden: ["worker"],
    fresh: async (w) => ({ id: (await must(w.maker, "POST", "/points/orders", { transferId: `mx-cancel-${next()}`, accountId: w.personAccountId, serviceId: w.serviceId })).id }),
    request: (_, f) => ({ path: `/points/holds/${f.id}/cancel`, body: { transferId: `mx-void-${next()}` } })
  }),
  // Another shop's catalog: staff with `points.catalog.write` (who read accounts there), not another shop's partner.
  row("POST", "/points/services", "publishService", "scoped", STAFF, {
    forbidden: ["worker"],
    request: (w) => ({ path: "/points/services", body: { merchantAccountId: w.merchantAccountId, nodeId: w.buildingId, title: `擦鞋${next()}`, pricePoints: 2 } })
  }),
  row("PATCH", "/points/services/{id}", "updateService", "scoped", STAFF, { forbidden: ["worker"], request: (w) => ({ path: `/points/services/${w.serviceId}`, body: { description: `修鞋 ${next()}` } }) }),
  row("GET", "/nodes/{id}/points/services", "listServices", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/points/services` }) }),
  row("GET", "/nodes/{id}/points/totals", "getPointsTotals", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/points/totals` }) }),
  // The leaderboard is shown to everyone who sees the node, names masked.
  row("GET", "/nodes/{id}/points/leaderboard", "getPointsLeaderboard", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/points/leaderboard` }) }),
  row("GET", "/counties/{id}/points/config", "getPointsConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/points/config` }) }),
  // `points.configure` on the county root, which only the county's administrator's grant covers.
  row("PUT", "/counties/{id}/points/config", "setPointsConfig", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/points/config`, body: { config: pointsConfig[w.scope] } }) }),
  // Store-wide jobs: `points.configure` everywhere, which no grid role holds.
  row("POST", "/points/jobs/expire-holds", "expireHolds", "once", [], { forbidden: ALL, request: () => ({ path: "/points/jobs/expire-holds", body: {} }) }),
  row("POST", "/counties/{id}/points/expire", "expirePoints", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/points/expire`, body: {} }) }),
  row("GET", "/points/verify", "verifyLedger", "once", [], { forbidden: ALL, request: () => ({ path: "/points/verify" }) }),

  // -- follow-up (回访) ---------------------------------------------------------------
  // Each person's own open ratings and questionnaires.
  row("GET", "/me/followups", "listMyFollowUps", "once", ALL, { request: () => ({ path: "/me/followups" }) }),
  // Only the person asked answers their questionnaire; none is out in the matrix's week, so every caller finds nothing
  // (answers by the person, by others and by staff: adapter-http's followup.test.ts and the follow-up conformance suite).
  row("POST", "/followup/questionnaires/{id}/answers", "answerQuestionnaire", "once", [], {
    request: () => ({ path: "/followup/questionnaires/fuq_01JDZ6Y5V6Q2N8W3X4K7H9M0AB/answers", body: { solved: true } })
  }),
  // `followup.read`: administrators and secretaries of the subtree.
  row("GET", "/nodes/{id}/followup/statistics", "getFollowUpStatistics", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/followup/statistics` }) }),
  row("GET", "/counties/{id}/followup/config", "getFollowUpConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/followup/config` }) }),
  // `followup.configure` on the county: its administrator.
  row("PATCH", "/counties/{id}/followup/config", "configureFollowUp", "county", ["admin"], {
    forbidden: except("admin"),
    request: (w) => ({ path: `/counties/${w.countyId}/followup/config`, body: { ratingDays: 7 } })
  }),
  // -- notifications: one's own inbox and preferences; the county's rules, webhooks and attempts (`notifications.manage`, the administrator)
  row("GET", "/me/inbox", "myInbox", "once", ALL, { request: () => ({ path: "/me/inbox" }) }),
  // An id that is not the caller's notification is not found.
  row("POST", "/me/inbox/{id}/read", "markNotificationRead", "once", [], { request: () => ({ path: "/me/inbox/ntf_none/read", body: {} }) }),
  row("GET", "/me/notification-preferences", "myNotificationPreferences", "once", ALL, { request: () => ({ path: "/me/notification-preferences" }) }),
  row("PUT", "/me/notification-preferences", "setNotificationPreferences", "once", ALL, { request: () => ({ path: "/me/notification-preferences", body: { digest: false } }) }),
  row("GET", "/counties/{id}/notifications/config", "getNotificationConfig", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/notifications/config` }) }),
  row("PUT", "/counties/{id}/notifications/config", "configureNotifications", "county", ["admin"], {
    forbidden: except("admin"),
    fresh: async (w) => ({ config: JSON.stringify(await must(w.maker, "GET", `/counties/${w.countyId}/notifications/config`)) }),
    request: (w, f) => ({ path: `/counties/${w.countyId}/notifications/config`, body: JSON.parse(f["config"]!) })
  }),
  row("GET", "/counties/{id}/webhooks", "listWebhooks", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/webhooks` }) }),
  // Subscribed to no event that happens, at a port that refuses: nothing is ever sent.
  row("POST", "/counties/{id}/webhooks", "createWebhook", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/webhooks`, body: HOOK }) }),
  row("POST", "/counties/{id}/webhooks/{webhookId}/rotate", "rotateWebhookSecret", "county", ["admin"], { forbidden: except("admin"), fresh: freshHook, request: (w, f) => ({ path: `/counties/${w.countyId}/webhooks/${f["webhookId"]}/rotate`, body: {} }) }),
  row("DELETE", "/counties/{id}/webhooks/{webhookId}", "deleteWebhook", "county", ["admin"], { forbidden: except("admin"), fresh: freshHook, request: (w, f) => ({ path: `/counties/${w.countyId}/webhooks/${f["webhookId"]}` }) }),
  // The notification of the scope's order ("your pickup code is ready"), for its county's staff.
  row("GET", "/notifications/{id}/attempts", "notificationAttempts", "county", ["admin"], { forbidden: except("admin"), fresh: orderNotification, request: (_, f) => ({ path: `/notifications/${f["notificationId"]}/attempts` }) }),
  // -- scheduled rules: `jobs.read` / `jobs.run` in the county, its administrator's only --------
  row("GET", "/counties/{id}/jobs", "listJobs", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/jobs` }) }),
  row("GET", "/counties/{id}/jobs/runs", "listJobRuns", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/jobs/runs?limit=5` }) }),
  row("GET", "/counties/{id}/jobs/config", "getJobsConfig", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/jobs/config` }) }),
  row("PATCH", "/counties/{id}/jobs/config", "configureJobs", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/jobs/config`, body: { warningHours: 24 } }) }),
  row("POST", "/counties/{id}/jobs/{name}/run", "runJobNow", "county", ["admin"], { forbidden: except("admin"), request: (w) => ({ path: `/counties/${w.countyId}/jobs/mediation.reminders/run`, body: {} }) }),
  // -- places (阵地) -------------------------------------------------------------------
  // `places.manage` at the node: staff; everyone else who sees the building is refused.
  row("POST", "/places", "registerPlace", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/places", body: { nodeId: w.buildingId, kind: "red_sail_station", name: `矩阵红帆驿站${next()}` } })
  }),
  row("POST", "/places/{id}/commands", "runPlaceCommand", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: `/places/${w.placeId}/commands`, body: { _tag: "Update", capacity: Number(next()) } })
  }),
  // Places are read by anyone whose grants cover the node (the contact shown to staff only).
  row("GET", "/places/{id}", "getPlace", "scoped", ALL, { request: (w) => ({ path: `/places/${w.placeId}` }) }),
  row("GET", "/nodes/{id}/places", "listPlaces", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/places` }) }),
  row("GET", "/nodes/{id}/places/coverage", "getPlaceCoverage", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/places/coverage` }) }),
  row("GET", "/households/{id}/places", "listPlacesServingHousehold", "scoped", ALL, { request: (w) => ({ path: `/households/${w.householdId}/places` }) }),
  // The kinds are read by anyone working or living in the county, changed with `places.manage` on its root.
  row("GET", "/counties/{id}/places/config", "getPlacesConfig", "county", ALL, { request: (w) => ({ path: `/counties/${w.countyId}/places/config` }) }),
  row("PATCH", "/counties/{id}/places/config", "configurePlaces", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/places/config`, body: { kinds: defaultPlaceKinds } }) }),
  row("GET", "/public/nodes/{id}/places", "listPublicPlaces", "public", ALL, { request: (w) => ({ path: `/public/nodes/${w.buildingId}/places` }) }),

  // -- activities, teams and lectures ---------------------------------------------------
  // `activities.manage` at the node: staff; everyone else who sees the building is refused.
  row("POST", "/activities", "planActivity", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/activities", body: { nodeId: w.buildingId, kind: "night_school", title: `矩阵夜校${next()}`, startsAt: soon(3), endsAt: soon(4) } })
  }),
  // Registering oneself: `activities.join`, which every role but the mediator holds; repeating it changes nothing.
  row("POST", "/activities/{id}/commands", "runActivityCommand", "scoped", except("mediator"), {
    forbidden: ["mediator"],
    request: (w) => ({ path: `/activities/${w.activityId}/commands`, body: { _tag: "Register" } })
  }),
  row("GET", "/activities/{id}", "getActivity", "scoped", ALL, { request: (w) => ({ path: `/activities/${w.activityId}` }) }),
  row("GET", "/activities/{id}/roster", "getActivityRoster", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/activities/${w.activityId}/roster` }) }),
  row("POST", "/activities/teams", "formActivityTeam", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/activities/teams", body: { nodeId: w.buildingId, kind: "lecture", name: `矩阵宣讲团${next()}`, leaderId: w.personId } })
  }),
  row("POST", "/activities/teams/{id}/commands", "runActivityTeamCommand", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: `/activities/teams/${w.teamId}/commands`, body: { _tag: "Update", name: `矩阵志愿队${next()}` } })
  }),
  row("GET", "/activities/teams/{id}", "getActivityTeam", "scoped", ALL, { request: (w) => ({ path: `/activities/teams/${w.teamId}` }) }),
  row("GET", "/activities/teams/{id}/hours", "getActivityTeamHours", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/activities/teams/${w.teamId}/hours` }) }),
  row("GET", "/nodes/{id}/activities", "listActivities", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/activities` }) }),
  row("GET", "/nodes/{id}/activities/report", "getActivityReport", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/activities/report` }) }),
  row("GET", "/nodes/{id}/activities/teams", "listActivityTeams", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/activities/teams` }) }),

  // -- household visits and special-care households --------------------------------------
  // Recording a visit and marking a household: `grid.household.write` at the household; reading
  // visits, markings and the overdue list: `grid.personal.read`. Staff and the grid's worker only.
  row("POST", "/visits", "recordVisit", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    request: (w) => ({ path: "/visits", body: { householdId: w.householdId, visitedAt: new Date(Date.now() - 60_000).toISOString(), reason: "care", findings: `矩阵回访${next()}` } })
  }),
  row("GET", "/visits/{id}", "getVisit", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/visits/${w.visitId}` }) }),
  row("GET", "/nodes/{id}/visits", "listVisits", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/visits` }) }),
  row("GET", "/nodes/{id}/visits/overdue", "listOverdueVisits", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/visits/overdue` }) }),
  row("GET", "/households/{id}/care", "getCareHousehold", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/households/${w.householdId}/care` }) }),
  row("PUT", "/households/{id}/care", "markCareHousehold", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    request: (w) => ({ path: `/households/${w.householdId}/care`, body: { categories: Number(next()) % 2 === 0 ? ["elderly_alone"] : ["elderly_alone", "minimum_income"] } })
  }),
  // -- exports (CSV, .xlsx) -----------------------------------------------------------------
  // The list names the exports only: every signed-in caller. A file needs `exports.read` at the
  // subtree's root (staff and the grid's worker) and the export's own view (here the overdue list).
  row("GET", "/exports", "listExports", "once", ALL, { request: () => ({ path: "/exports" }) }),
  row("GET", "/nodes/{id}/exports/{name}", "exportFile", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/exports/visits-overdue?format=xlsx` }) }),
  // The categories and reasons are read by the county's staff, changed by its administrator.
  row("GET", "/counties/{id}/visits/config", "getVisitsConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/visits/config` }) }),
  row("PATCH", "/counties/{id}/visits/config", "configureVisits", "county", ["admin"], {
    request: (w) => ({ path: `/counties/${w.countyId}/visits/config`, body: { categories: defaultCareCategories, reasons: defaultVisitReasons } })
  }),

  // -- partners (睦邻合伙人) ------------------------------------------------------------
  // `partners.manage` at the building: staff; everyone else who sees the building is refused.
  row("POST", "/partners", "registerPartner", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: "/partners", body: { nodeId: w.buildingId, type: "social_organisation", name: `矩阵社工站${next()}` } })
  }),
  row("POST", "/partners/{id}/commands", "runPartnerCommand", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: `/partners/${w.partnerId}/commands`, body: { _tag: "Update", name: `矩阵诊所${next()}` } })
  }),
  // Recording a free service: staff at the node (or the partner's own staff, who are none here).
  row("POST", "/partners/{id}/services", "recordPartnerService", "scoped", STAFF, {
    forbidden: except(...STAFF),
    request: (w) => ({ path: `/partners/${w.partnerId}/services`, body: { nodeId: w.buildingId, title: "义诊", people: 3 } })
  }),
  // Partners are read by anyone whose grants cover the node (staff names masked without personal read).
  row("GET", "/partners/{id}", "getPartner", "scoped", ALL, { request: (w) => ({ path: `/partners/${w.partnerId}` }) }),
  row("GET", "/nodes/{id}/partners", "listPartners", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/partners` }) }),
  row("GET", "/nodes/{id}/partners/report", "getPartnerReport", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/partners/report` }) }),

  // -- party members' registration (在职党员报到) -------------------------------------------
  // `party.manage` at the community: staff. Those whose grants cover the community (mediator,
  // partner, resident) are refused; those whose grants lie below it are not told it exists.
  row("POST", "/party/members", "registerPartyMember", "scoped", STAFF, {
    forbidden: ["mediator", "partner", "resident"],
    fresh: async (w) => ({ personId: (await must(w.maker, "POST", "/people", { nodeId: w.unitId, code: `MX-D${next()}`, name: "何在职" })).id }),
    request: (w, f) => ({ path: "/party/members", body: { personId: f.personId, communityId: w.communityId, employerId: w.employerId } })
  }),
  row("POST", "/party/members/{id}/commands", "runPartyMemberCommand", "scoped", STAFF, {
    forbidden: ["mediator", "partner", "resident"],
    request: (w) => ({ path: `/party/members/${w.registrationId}/commands`, body: { _tag: "RecordService", kind: "care_visit", hours: 1 } })
  }),
  row("GET", "/party/members/{id}", "getPartyMember", "scoped", [...STAFF, "mediator", "partner", "resident"], { request: (w) => ({ path: `/party/members/${w.registrationId}` }) }),
  row("GET", "/nodes/{id}/party/members", "listPartyMembers", "scoped", ALL, { request: (w) => ({ path: `/nodes/${w.buildingId}/party/members` }) }),
  row("GET", "/nodes/{id}/party/report", "getPartyReport", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/party/report` }) }),
  // The kinds of service are read by anyone working or living in the county, changed with `party.manage` on its root.
  row("GET", "/counties/{id}/party/config", "getPartyConfig", "county", ALL, { request: (w) => ({ path: `/counties/${w.countyId}/party/config` }) }),
  row("PATCH", "/counties/{id}/party/config", "configureParty", "county", ["admin"], { request: (w) => ({ path: `/counties/${w.countyId}/party/config`, body: { serviceKinds: defaultPartyServiceKinds } }) }),
  // -- one-window intake ---------------------------------------------------------------------
  // Taking a request in: `intake.receive` (staff and the grid's worker); reading: `intake.read`
  // (the same); accepting, routing, resolving, rejecting, merging: `intake.handle` (staff only).
  // Following and rating need no token: the reference number and the follow code.
  row("POST", "/intake/requests", "receiveIntakeRequest", "scoped", STAFF_AND_WORKER, {
    forbidden: except(...STAFF_AND_WORKER),
    request: (w) => ({ path: "/intake/requests", body: { channel: "walk_in", householdId: w.householdId, category: "property", resident: { kind: "contact", name: "矩阵来访人", phone: "13900002222" }, text: `物业问题${next()}` } })
  }),
  row("GET", "/intake/requests/{id}", "getIntakeRequest", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/intake/requests/${w.intakeId}` }) }),
  row("GET", "/nodes/{id}/intake", "listIntakeRequests", "scoped", STAFF_AND_WORKER, { forbidden: except(...STAFF_AND_WORKER), request: (w) => ({ path: `/nodes/${w.buildingId}/intake` }) }),
  ...([
    ["accept", "acceptIntakeRequest", () => ({})],
    ["route", "routeIntakeRequest", () => ({ kind: "referral", department: "住建局", dueDate: "2099-12-31" })],
    ["resolve", "resolveIntakeRequest", () => ({ outcome: "已修复" })],
    ["reject", "rejectIntakeRequest", () => ({ reason: "withdrawn" })],
    ["merge", "mergeIntakeRequest", (w: World) => ({ into: w.intakeId })]
  ] as const).map(([verb, operationId, body]) =>
    row("POST", `/intake/requests/{id}/${verb}`, operationId, "scoped", STAFF, {
      forbidden: except(...STAFF),
      fresh: async (w) => ({ id: (await receiveIntake(w.maker, w.householdId)).request.id }),
      request: (w, f) => ({ path: `/intake/requests/${f.id}/${verb}`, body: body(w) })
    })),
  row("GET", "/counties/{id}/intake/config", "getIntakeConfig", "county", CONFIG_READERS, { forbidden: except(...CONFIG_READERS), request: (w) => ({ path: `/counties/${w.countyId}/intake/config` }) }),
  row("PATCH", "/counties/{id}/intake/config", "configureIntake", "county", ["admin"], {
    request: (w) => ({ path: `/counties/${w.countyId}/intake/config`, body: { categories: defaultIntakeCategories, referencePrefix: "YZ" } })
  }),
  row("POST", "/public/counties/{id}/intake/follow", "followIntakeRequest", "public", ALL, {
    request: (w) => ({ path: `/public/counties/${w.countyId}/intake/follow`, body: { reference: w.intakeReference, code: w.intakeCode } })
  }),
  row("POST", "/public/counties/{id}/intake/rate", "rateIntakeRequest", "public", ALL, {
    fresh: async (w) => {
      const taken = await receiveIntake(w.maker, w.householdId)
      await must(w.maker, "POST", `/intake/requests/${taken.request.id}/resolve`, {})
      return { reference: taken.request.reference, code: taken.followCode }
    },
    request: (w, f) => ({ path: `/public/counties/${w.countyId}/intake/rate`, body: { reference: f.reference, code: f.code, rating: 4 } })
  }),

  // -- reports: the ledger of work, the KPIs and the headline figures --------------------
  // Reading them: `reports.read` at the node (staff); the settings are read by the county's
  // staff and changed by its administrator (`reports.configure`).
  row("GET", "/nodes/{id}/reports/kpis", "getKpiReport", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/reports/kpis` }) }),
  row("GET", "/nodes/{id}/reports/ledger", "listWorkLedger", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/reports/ledger?limit=5` }) }),
  row("GET", "/nodes/{id}/reports/headline", "getHeadlineReport", "scoped", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/nodes/${w.buildingId}/reports/headline` }) }),
  row("GET", "/counties/{id}/reports/config", "getReportsConfig", "county", STAFF, { forbidden: except(...STAFF), request: (w) => ({ path: `/counties/${w.countyId}/reports/config` }) }),
  row("PATCH", "/counties/{id}/reports/config", "configureReports", "county", ["admin"], {
    forbidden: except("admin"),
    request: (w) => ({ path: `/counties/${w.countyId}/reports/config`, body: { responseHours: 24 + (Number(next()) % 2) } })
  }),

  // -- system ------------------------------------------------------------------------
  row("GET", "/healthz", "health", "public", ALL, { request: () => ({ path: "/healthz" }) }),
  row("GET", "/me", "whoAmI", "once", ALL, { request: () => ({ path: "/me" }) })
]

/** Each county's points configuration as it is, to put back unchanged. */
export const pointsConfig: Record<Scope, unknown> = { inside: null, outside: null, county: null }

