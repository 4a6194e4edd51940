/**
 * The demo counties: seeding an empty database (Yanzhou through the CSV importer, then a
 * person for every role and a second county through the use cases), and the tokens that sign
 * in as those people.
 */
import { readFileSync } from "node:fs"
import { Effect, Option, Schema } from "effect"
import {
  type AssignableRole,
  Code,
  fromSchemaError,
  Grid,
  GridImport,
  type GridNodeId,
  GridStore,
  Identity,
  type ImportProgress,
  type PersonId,
  type Role,
  RoleLabels,
  systemActor
} from "@mulin/core"
import { generateCounty } from "@mulin/core/fixtures"
import { seedActivities } from "./activities.js"
import { seedPartners } from "./partners.js"
import { seedPlaces } from "./places.js"
import { seedVisits } from "./visits.js"
import { seedIntake } from "./intake.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/**
 * A token of the tokens file: the bearer token and the person it signs in, named by the
 * county's code and the person's code in that county.
 */
export const TokenSpec = Schema.Struct({
  token: Schema.String.check(Schema.isPattern(/^[A-Za-z0-9\-._~+/]{12,200}=*$/u, rule(
    "must be 12 to 200 letters, digits or - . _ ~ + / (a bearer token)",
    "令牌必须是 12 到 200 个字母、数字或 - . _ ~ + / 字符"
  ))),
  county: Code,
  person: Code
})
export type TokenSpec = typeof TokenSpec.Type

/**
 * A sign-in subject of the OIDC provider (its `sub`) and the person it signs in, named by
 * the county's code and the person's code in that county.
 */
export const SubjectSpec = Schema.Struct({
  subject: Schema.String.check(Schema.isPattern(/^[\x21-\x7e]{1,255}$/u, rule(
    "must be 1 to 255 printable ASCII characters (the provider's sub)",
    "登录主体必须是 1 到 255 个可打印 ASCII 字符（身份提供方的 sub）"
  ))),
  county: Code,
  person: Code
})
export type SubjectSpec = typeof SubjectSpec.Type

/** The code of the demo county the importer seeds (兖州区). */
export const DEMO_COUNTY = "370812"
/** The code of the second demo county (汶上县), seeded through the use cases. */
export const OTHER_COUNTY = "370830"

/** The date the demo posts start on. */
const POSTS_FROM = "2020-01-01"

interface DemoPost {
  readonly token: string
  readonly county: string
  readonly code: string
  readonly name: string
  /** The post, or the resident's household (the first of the building at `node`). */
  readonly role: AssignableRole | "resident"
  /** Node codes from the county down. */
  readonly node: string
}

/** The demo people: one for every role in Yanzhou, and the second county's administrator. */
const DEMO_PEOPLE: ReadonlyArray<DemoPost> = [
  { token: "demo-county-admin", county: DEMO_COUNTY, code: "DEMO-ADMIN", name: "孙立新", role: "county_admin", node: "370812" },
  { token: "demo-street-admin", county: DEMO_COUNTY, code: "DEMO-STREET", name: "周海燕", role: "street_admin", node: "370812/001" },
  { token: "demo-secretary", county: DEMO_COUNTY, code: "DEMO-SECRETARY", name: "吴秀兰", role: "community_secretary", node: "370812/001/001" },
  { token: "demo-grid-worker", county: DEMO_COUNTY, code: "DEMO-GRID", name: "李建国", role: "grid_worker", node: "370812/001/001/G01" },
  { token: "demo-building-leader", county: DEMO_COUNTY, code: "DEMO-LEADER", name: "王德福", role: "building_leader", node: "370812/001/001/G01/1" },
  { token: "demo-party-member", county: DEMO_COUNTY, code: "DEMO-MEMBER", name: "赵红梅", role: "party_member", node: "370812/001/001/G01" },
  { token: "demo-mediator", county: DEMO_COUNTY, code: "DEMO-MEDIATOR", name: "郑和平", role: "mediator", node: "370812/001/001" },
  { token: "demo-volunteer", county: DEMO_COUNTY, code: "DEMO-VOLUNTEER", name: "冯晓雨", role: "volunteer", node: "370812/001/001/G01" },
  { token: "demo-partner", county: DEMO_COUNTY, code: "DEMO-PARTNER", name: "陈志强（老陈理发店）", role: "partner", node: "370812/001/001" },
  { token: "demo-resident", county: DEMO_COUNTY, code: "DEMO-RESIDENT", name: "", role: "resident", node: "370812/001/001/G01/1" },
  { token: "demo-wenshang-admin", county: OTHER_COUNTY, code: "DEMO-ADMIN", name: "刘建华", role: "county_admin", node: "370830" }
]

/** The built-in demo tokens, one for each demo person. */
export const defaultTokens: ReadonlyArray<TokenSpec> = DEMO_PEOPLE.map((p) => ({ token: p.token, county: p.county, person: p.code }))

/** An error of a JSON file of the configuration, in English and Chinese. */
const fileError = (what: string, whatZh: string, file: string, lines: ReadonlyArray<string>) =>
  new Error(`invalid ${what} file ${file} / ${whatZh}文件 ${file} 无效:\n${lines.map((l) => `  ${l}`).join("\n")}`)

/** Reads and decodes a JSON array, naming the entry, the field and the rule of any mistake, and refusing a key given twice. */
const readList = <S extends Schema.Struct<any>>(
  schema: S,
  key: string,
  what: string,
  whatZh: string,
  file: string
): ReadonlyArray<S["Type"]> => {
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch (error) {
    throw fileError(what, whatZh, file, [`cannot be read (${(error as Error).message}) / 无法读取`])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const fields = Object.keys(schema.fields).map((f) => `"${f}"`).join(", ")
    throw fileError(what, whatZh, file, [`is not valid JSON: give an array of { ${fields} } / 不是合法的 JSON：应为 { ${fields} } 的数组`])
  }
  const decoded = Schema.decodeUnknownResult(Schema.Array(schema) as unknown as Schema.Codec<ReadonlyArray<S["Type"]>, unknown>)(json, { errors: "all" })
  if (decoded._tag === "Failure") {
    throw fileError(what, whatZh, file, fromSchemaError(decoded.failure as Schema.SchemaError).issues.map((i) => `${i.path === "" ? "(the file)" : i.path}: ${i.message} / ${i.messageZh}`))
  }
  const entries = decoded.success as ReadonlyArray<S["Type"]>
  const seen = new Set<string>()
  const twice = entries.flatMap((entry, i) => {
    const value = (entry as Record<string, string>)[key]!
    if (!seen.has(value)) {
      seen.add(value)
      return []
    }
    return [`${i}.${key}: the ${key} is given twice / ${key === "token" ? "令牌" : "登录主体"}重复`]
  })
  if (twice.length > 0) throw fileError(what, whatZh, file, twice)
  return entries
}

/** Reads a JSON array of token specs, naming the entry, the field and the rule of any mistake. */
export const readTokens = (file: string): ReadonlyArray<TokenSpec> => readList(TokenSpec, "token", "tokens", "令牌", file)

/** Reads a JSON array of subject specs, naming the entry, the field and the rule of any mistake. */
export const readSubjects = (file: string): ReadonlyArray<SubjectSpec> => readList(SubjectSpec, "subject", "subjects", "登录主体", file)

/** The person a spec names, or a bilingual error naming what is missing. */
const findPerson = (what: string, county: string, code: string) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    const found = yield* store.findCountyByCode(county)
    if (Option.isNone(found)) return yield* Effect.fail(new Error(`${what}: no county ${county} / ${what}：找不到区县 ${county}`))
    const person = yield* store.findPersonByCode(found.value.id, code)
    if (Option.isNone(person)) {
      return yield* Effect.fail(new Error(
        `${what}: no person ${code} in county ${county} (an older database? delete it to seed the demo again) / ` +
          `${what}：区县 ${county} 中找不到人员 ${code}（旧的数据库？删除后会重新写入示例数据）`
      ))
    }
    return person.value
  })

/**
 * Links the OIDC provider's subjects to the people they sign in (`issuer` is the provider's
 * issuer). A subject already linked to the same person stays; one linked to another person
 * is refused.
 */
export const linkSubjects = (issuer: string, specs: ReadonlyArray<SubjectSpec>) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    for (const spec of specs) {
      const person = yield* findPerson(`subject ${spec.subject}`, spec.county, spec.person)
      yield* store.linkSubject({ issuer, subject: spec.subject, personId: person.id, countyId: person.countyId, linkedAt: new Date().toISOString() }).pipe(
        Effect.catchTag("Conflict", (e) => Effect.fail(new Error(`${e.message} / ${e.messageZh}`)))
      )
    }
    return specs.length
  })

/** A grant of a demo person, with the node as a code path. */
export interface DemoGrant {
  readonly role: Role
  /** Node codes from the county down. */
  readonly node: string
  readonly nodeName: string
}

/** A token and the person it signs in, with the grants that person's current posts give. */
export interface DemoPerson {
  readonly token: string
  readonly county: string
  readonly personId: PersonId
  readonly code: string
  readonly name: string
  readonly grants: ReadonlyArray<DemoGrant>
}

/**
 * Resolves token specs to the people they sign in (by county code and person code), with
 * their grants as of now. Fails, in English and Chinese, on a county or person that does not
 * exist.
 */
export const resolveTokens = (specs: ReadonlyArray<TokenSpec>) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    const identity = yield* Identity
    const people: Array<DemoPerson> = []
    for (const spec of specs) {
      const person = yield* findPerson(`token ${spec.token} / 令牌 ${spec.token}`, spec.county, spec.person)
      const actor = yield* identity.actorOf(person.id)
      const grants: Array<DemoGrant> = []
      for (const grant of Option.isSome(actor) ? actor.value.grants : []) {
        if (grant.scope === "*") continue
        const node = yield* store.getNode(grant.scope)
        if (Option.isNone(node)) continue
        // A node's path holds its ancestors, root first; the node's own code ends its code path.
        const ancestors = yield* store.getNodes(node.value.path)
        const codes = new Map(ancestors.map((n) => [n.id, n.code]))
        const codePath = [...node.value.path.map((id) => codes.get(id) ?? id), node.value.code].join("/")
        grants.push({ role: grant.role, node: codePath, nodeName: node.value.name })
      }
      people.push({ token: spec.token, county: spec.county, personId: person.id, code: spec.person, name: person.name, grants })
    }
    return people
  })

/** One line per token: the token, the person, and each role with its node. */
export const describePeople = (people: ReadonlyArray<DemoPerson>): ReadonlyArray<string> =>
  people.map((p) => {
    const posts = p.grants.length === 0
      ? "no current post / 无在任职务"
      : p.grants.map((g) => `${g.role} ${RoleLabels[g.role].zh} at ${g.node} ${g.nodeName}`).join("; ")
    return `${p.token.padEnd(22)} ${`${p.name} (${p.county}/${p.code})`.padEnd(30)} ${posts}`
  })

/** Draws one progress line per phase on the terminal, redrawn in place as the phase advances. */
export const progressLine = (() => {
  let finished = ""
  return (p: ImportProgress) => {
    if (p.phase === finished) return
    const pct = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)
    const width = 24
    const bar = "█".repeat(Math.round((pct / 100) * width)).padEnd(width, "░")
    process.stdout.write(`\r  ${p.phase.padEnd(11)} ${bar} ${pct.toString().padStart(3)}%  ${p.done.toLocaleString("en-US")} / ${p.total.toLocaleString("en-US")}   `)
    if (p.done >= p.total) {
      finished = p.phase
      process.stdout.write("\n")
    }
  }
})()

/** The demo people and posts, and the second county, through the use cases as the system. */
const seedPeople = Effect.gen(function*() {
  const grid = yield* Grid
  const sys = systemActor("seed")
  const other = yield* grid.createCounty(sys, { code: OTHER_COUNTY, name: "汶上县" })
  const street = yield* grid.createNode(sys, { parentId: other.id, code: "001", name: "汶上街道" })
  const community = yield* grid.createNode(sys, { parentId: street.id, code: "001", name: "中都社区" })
  yield* grid.createNode(sys, { parentId: community.id, code: "G01", name: "第一网格" })
  for (const p of DEMO_PEOPLE) {
    const node = yield* grid.findNode(sys, p.node)
    if (p.role === "resident") {
      const households = yield* grid.listHouseholds(sys, node.id, { limit: 1 })
      const home = households.items[0]
      if (home === undefined) return yield* Effect.die(new Error(`no household below ${p.node} for the demo resident`))
      yield* grid.createPerson(sys, { nodeId: home.nodeId as GridNodeId, code: p.code, name: home.residents[0]!.name, householdId: home.id })
      continue
    }
    const person = yield* grid.createPerson(sys, { nodeId: node.id, code: p.code, name: p.name })
    yield* grid.assignRole(sys, { personId: person.id, nodeId: node.id, role: p.role, startDate: POSTS_FROM })
  }
})

/**
 * Seeds the demo counties when the store has no county yet: Yanzhou (370812) through the
 * CSV importer, then a person for every role and the second county (370830) with its
 * administrator through the use cases.
 */
export const seedIfEmpty = (households: number) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    if ((yield* store.listCounties).length > 0) return false
    console.log(`Seeding the demo county (兖州区, ${households.toLocaleString("en-US")} households) through the CSV importer…`)
    const county = generateCounty({ households, seed: 1, gaps: true })
    const importer = yield* GridImport
    const report = yield* importer.importCounty(systemActor("seed"), county, { onProgress: progressLine })
    console.log(
      `Imported ${report.nodes.created.toLocaleString("en-US")} nodes, ${report.households.created.toLocaleString("en-US")} households, ` +
        `${report.people.created.toLocaleString("en-US")} people and ${report.assignments.created.toLocaleString("en-US")} assignments in ${(report.durationMs / 1000).toFixed(1)} s.`
    )
    const started = Date.now()
    yield* seedPeople
    console.log(`Added a person for every role, and a second county (汶上县 ${OTHER_COUNTY}) with its administrator, in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    yield* seedPlaces(DEMO_COUNTY)
    console.log("Registered the demo service places (阵地) of street 001 and community 001/001.")
    yield* seedActivities(DEMO_COUNTY)
    console.log("Planned the demo activities and teams of community 001/001 (睦邻节, 夜校, 宣讲, 志愿服务).")
    yield* seedVisits(DEMO_COUNTY)
    console.log("Marked three special-care households of grid G01, one visited by its grid worker two weeks ago.")
    yield* seedPartners(DEMO_COUNTY)
    console.log("Registered a partner of each type (睦邻合伙人), the barber's free haircut at 0 points, and two party members of the power company with community 001/001.")
    const followed = yield* seedIntake(DEMO_COUNTY)
    console.log(`Took five requests in at grid G01 (一口式受理): routed to a need, a case and the housing bureau, one merged, one waiting. Follow ${followed.reference} with the code ${followed.followCode} at POST /public/counties/{id}/intake/follow.`)
    return true
  })
