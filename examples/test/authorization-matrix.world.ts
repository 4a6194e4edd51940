/**
 * The authorisation matrix's callers and scopes, its HTTP helpers, and the objects each scope
 * holds (see authorization-matrix.test.ts).
 */
import { localDate } from "@mulin/core"

// ---------------------------------------------------------------------------
// Who calls, and where

/** The demo roles, one person each in county 370812 (see examples/county-server/demo.ts). */
export const ROLES = ["admin", "street", "secretary", "worker", "leader", "member", "mediator", "volunteer", "partner", "resident"] as const
export type Role = (typeof ROLES)[number]
export type Caller = Role | "anonymous"
export const CALLERS: ReadonlyArray<Caller> = [...ROLES, "anonymous"]

export const TOKENS: Record<Role, string> = {
  admin: "demo-county-admin", // county_admin over 370812
  street: "demo-street-admin", // street_admin over 370812/001
  secretary: "demo-secretary", // community_secretary over 370812/001/001
  worker: "demo-grid-worker", // grid_worker over 370812/001/001/G01
  leader: "demo-building-leader", // building_leader over 370812/001/001/G01/1
  member: "demo-party-member", // party_member over 370812/001/001/G01
  mediator: "demo-mediator", // mediator over 370812/001/001
  volunteer: "demo-volunteer", // volunteer over 370812/001/001/G01
  partner: "demo-partner", // partner over 370812/001/001
  resident: "demo-resident" // resident over 370812/001/001 (lives in building 1)
}
/** The administrator of the other county (370830), who makes its objects. */
export const OTHER_ADMIN = "demo-wenshang-admin"

/**
 * `inside`: building 370812/001/001/G01/1 and its units, which every demo role's grant covers;
 * `outside`: a building of street 370812/002, which only the county administrator's covers;
 * `county`: a building of the other county, 370830.
 */
export const SCOPES = ["inside", "outside", "county"] as const
export type Scope = (typeof SCOPES)[number]

// Groups of roles, to keep the table short.
export const STAFF: ReadonlyArray<Role> = ["admin", "street", "secretary"]
export const STAFF_AND_WORKER: ReadonlyArray<Role> = [...STAFF, "worker"]
export const ALL: ReadonlyArray<Role> = ROLES
export const except = (...roles: ReadonlyArray<Role>): ReadonlyArray<Role> => ROLES.filter((r) => !roles.includes(r))
/** The county's staff who read its configuration (`county.config.read`). */
export const CONFIG_READERS: ReadonlyArray<Role> = [...STAFF_AND_WORKER, "mediator"]

// ---------------------------------------------------------------------------
// HTTP

/** Where the server under test listens, how to stop it, and how many requests the matrix sent. */
export const target = { url: "", close: async (): Promise<void> => {}, requests: 0 }

export interface Answer {
  readonly status: number
  readonly body: any
  readonly text: string
}

export const send = async (token: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> => {
  target.requests++
  const headers: Record<string, string> = {}
  if (token !== undefined) headers["authorization"] = `Bearer ${token}`
  if (body !== undefined) headers["content-type"] = "application/json"
  const response = await fetch(`${target.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  return { status: response.status, body: parsed, text }
}

/** A setup request that must succeed; answers its body. */
export const must = async (token: string, method: string, path: string, body?: unknown): Promise<any> => {
  const answer = await send(token, method, path, body)
  if (answer.status >= 300) throw new Error(`setup ${method} ${path} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

let counter = 0
/** A fresh suffix for codes, transfer ids and subjects. */
export const next = () => String(++counter)

// ---------------------------------------------------------------------------
// The objects of each scope

export interface World {
  readonly scope: Scope
  /** The staff token that makes this scope's objects. */
  readonly maker: string
  readonly countyId: string
  readonly buildingPath: string
  readonly buildingId: string
  readonly building2Id: string
  readonly unitId: string
  /** A person of the unit (living in `householdId`): an account holder, a requester, a volunteer. */
  readonly personId: string
  readonly householdId: string
  readonly personAccountId: string
  /** A person account points are awarded to (kept apart from the one that spends). */
  readonly awardAccountId: string
  readonly charityId: string
  readonly merchantAccountId: string
  readonly serviceId: string
  readonly holdId: string
  readonly caseId: string
  readonly disclosedCaseId: string
  readonly sessionId: string
  readonly laterSessionId: string
  readonly itemId: string
  /** An item reported back at a later session: people may rate it. */
  readonly reportedItemId: string
  readonly needId: string
  /** A service place (阵地) at the building. */
  readonly placeId: string
  /** An activity at the building, and a volunteer team there. */
  readonly activityId: string
  readonly teamId: string
  /** A household visit, recorded by the scope's staff. */
  readonly visitId: string
  /** The community above the building, a partner (a clinic) at the building, a unit employing the person, and the person's registration with the community. */
  readonly communityId: string
  readonly partnerId: string
  readonly employerId: string
  readonly registrationId: string
  /** An intake request at the household, open, with its reference and follow code. */
  readonly intakeId: string
  readonly intakeReference: string
  readonly intakeCode: string
}

export const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
export const external = (name: string) => ({ kind: "external", name, phone: null, idCardNumber: null, houseNumber: null, side: "applicant" })

/**
 * Makes a scope's objects as `maker`: the building at `base` (or made below it, one code of
 * `create` a level), a second building and a unit, a household and its resident, accounts, a service and an order,
 * mediation cases, deliberation sessions and items, a need and its requester's profile.
 */
export const makeWorld = async (scope: Scope, maker: string, base: string, create: ReadonlyArray<string>, issuerId: string | undefined): Promise<World & { readonly issuerId: string }> => {
  const lookup = (path: string) => must(maker, "GET", `/lookup/node?path=${path}`)
  const countyNode = await lookup(base.split("/")[0]!)
  let node = await lookup(base)
  let path = base
  for (const code of create) {
    node = await must(maker, "POST", "/nodes", { parentId: node.id, code, name: `矩阵${code}` })
    path = `${path}/${code}`
  }
  const buildingId = node.id as string
  const building2Id = (await must(maker, "POST", "/nodes", { parentId: node.parentId, code: `M2-${next()}`, name: "矩阵二号楼" })).id
  const unitId = create.length === 0
    ? (await lookup(`${path}/1`)).id
    : (await must(maker, "POST", "/nodes", { parentId: buildingId, code: "1", name: "一单元" })).id

  const household = await must(maker, "POST", "/households", { nodeId: unitId, code: `M-${next()}`, residents: [{ name: "韩立春", relation: "head" }] })
  const person = await must(maker, "POST", "/people", { nodeId: unitId, code: `MX-P${next()}`, name: "韩立春", householdId: household.id })
  const awardee = await must(maker, "POST", "/people", { nodeId: unitId, code: `MX-A${next()}`, name: "褚晓燕" })
  const shopkeeper = await must(maker, "POST", "/people", { nodeId: buildingId, code: `MX-M${next()}`, name: "卫国强" })
  await must(maker, "POST", "/assignments", { personId: shopkeeper.id, nodeId: buildingId, role: "partner", startDate: "2020-01-01" })

  // Points: the county's issuer, a funded person account, an award account, a charity fund,
  // a merchant of the building with a service, and an order placed on the person's account.
  const issuer = issuerId ?? (await must(maker, "POST", "/points/accounts", { nodeId: countyNode.id, kind: "issuer", name: "矩阵积分发行" })).id
  const personAccount = await must(maker, "POST", "/points/accounts", { nodeId: unitId, kind: "person", ownerId: person.id })
  const awardAccount = await must(maker, "POST", "/points/accounts", { nodeId: unitId, kind: "person", ownerId: awardee.id })
  const charity = await must(maker, "POST", "/points/accounts", { nodeId: buildingId, kind: "charity", name: "矩阵慈善基金" })
  const merchant = await must(maker, "POST", "/points/accounts", { nodeId: buildingId, kind: "merchant", ownerId: shopkeeper.id, name: "卫记修鞋" })
  await must(maker, "POST", "/points/adjustments", { transferId: `mx-fund-${next()}`, accountId: personAccount.id, amount: 100_000, reason: "opening balance" })
  const service = await must(maker, "POST", "/points/services", { merchantAccountId: merchant.id, nodeId: buildingId, title: "修鞋", pricePoints: 1 })
  const hold = await must(maker, "POST", "/points/orders", { transferId: `mx-hold-${next()}`, accountId: personAccount.id, serviceId: service.id })

  // Mediation: a reported case, and one taken to its disclosure.
  const report = (title: string) => must(maker, "POST", "/mediation/cases", { nodeId: buildingId, category: "noise", title, description: "夜间噪音", parties: [external("邻居甲")] })
  const reported = await report("楼上噪音")
  const disclosed = await report("楼道堆物")
  for (const command of [{ _tag: "Escalate", to: "street", reason: "社区未能调解" }, { _tag: "Resolve", outcome: "已清理" }, { _tag: "Disclose" }]) {
    await must(maker, "POST", `/mediation/cases/${disclosed.id}/commands`, command)
  }

  // Deliberation: a session held yesterday, one tomorrow, an item, and an item reported back.
  const convene = (heldAt: string) =>
    must(maker, "POST", "/deliberation/sessions", { nodeId: buildingId, type: "round_table", heldAt, participants: [{ role: "residents", count: 12, names: [] }], agenda: ["楼道照明"] })
  const session = await convene(soon(-1))
  const later = await convene(soon(1))
  const raise = (title: string) => must(maker, "POST", "/deliberation/items", { nodeId: buildingId, kind: "suggestion", category: "property", title, text: "请物业处理" })
  const item = await raise("楼道灯不亮")
  const reportedItem = await raise("垃圾桶太少")
  for (const command of [
    { _tag: "Accept", unit: "property_company", promisedBy: localDate(soon(5), "Asia/Shanghai") },
    { _tag: "Resolve", resolution: "新增垃圾桶" },
    { _tag: "ReportBack", sessionId: later.id, note: "接待日通报" }
  ]) await must(maker, "POST", `/deliberation/items/${reportedItem.id}/commands`, command)

  // Matching: the person's volunteer profile, and a need posted for them.
  await must(maker, "POST", "/matching/volunteers", { personId: person.id, homeNodeId: buildingId, skills: [{ skill: "errands", level: 3 }], availability: [], maxConcurrent: 5 })
  const need = await postNeed(maker, buildingId, person.id)

  // Places: a talk point at the building.
  const place = await must(maker, "POST", "/places", { nodeId: buildingId, kind: "talk_point", name: "矩阵街坊说事点", hours: [{ day: 3, from: "09:00", to: "11:00" }] })

  // Activities: a volunteer team at the building, and an activity it runs there.
  const team = await must(maker, "POST", "/activities/teams", { nodeId: buildingId, kind: "volunteer", name: "矩阵志愿队", leaderId: person.id })
  // Visits: the household, visited an hour ago.
  const visit = await must(maker, "POST", "/visits", { householdId: household.id, visitedAt: new Date(Date.now() - 3_600_000).toISOString(), reason: "routine", findings: "矩阵走访" })
  // Intake: a request at the household, taken by phone.
  const intake = await receiveIntake(maker, household.id)
  const activity = await must(maker, "POST", "/activities", { nodeId: buildingId, kind: "volunteer_service", title: "矩阵志愿服务", teamId: team.id, startsAt: soon(1), endsAt: soon(2) })

  // Partners and party members: a clinic and a unit at the building; the person registered with the community.
  const community = await lookup(path.split("/").slice(0, 3).join("/"))
  const clinic = await must(maker, "POST", "/partners", { nodeId: buildingId, type: "clinic", name: "矩阵诊所" })
  const employer = await must(maker, "POST", "/partners", { nodeId: buildingId, type: "unit", name: "矩阵供电公司" })
  const registration = await must(maker, "POST", "/party/members", { personId: person.id, communityId: community.id, employerId: employer.id, commitments: ["care_visit"] })

  return {
    scope,
    maker,
    issuerId: issuer,
    countyId: countyNode.id,
    buildingPath: path,
    buildingId,
    building2Id,
    unitId,
    personId: person.id,
    householdId: household.id,
    personAccountId: personAccount.id,
    awardAccountId: awardAccount.id,
    charityId: charity.id,
    merchantAccountId: merchant.id,
    serviceId: service.id,
    holdId: hold.id,
    caseId: reported.id,
    disclosedCaseId: disclosed.id,
    sessionId: session.id,
    laterSessionId: later.id,
    itemId: item.id,
    reportedItemId: reportedItem.id,
    needId: need.id,
    placeId: place.id,
    activityId: activity.id,
    teamId: team.id,
    visitId: visit.id,
    communityId: community.id,
    partnerId: clinic.id,
    employerId: employer.id,
    registrationId: registration.id,
    intakeId: intake.request.id,
    intakeReference: intake.request.reference,
    intakeCode: intake.followCode
  }
}

export const receiveIntake = (token: string, householdId: string) =>
  must(token, "POST", "/intake/requests", { channel: "phone", householdId, category: "property", resident: { kind: "contact", name: "矩阵来电人", phone: "13900001111" }, text: `电梯故障${next()}` })

export const postNeed = (token: string, nodeId: string, requester: string) =>
  must(token, "POST", "/matching/needs", { nodeId, kind: "micro_wish", category: "errands", title: "帮忙取快递", requester, dueAt: soon(30), slots: 1 })

