/**
 * Decoding the cells: every row of every file through the core schemas (text by the
 * shared vocabulary's rules, ID-card numbers by `idCardProblem`, codes, dates, relations
 * and roles in English or Chinese), paths checked to lie in one county, duplicates within a
 * file reported. Pure: the rows in, the decoded rows and the problems out.
 *
 * @internal
 */
import { Result, Schema } from "effect"
import { RoleLabels } from "../../kernel/actor.js"
import { fieldIssues } from "../../kernel/errors.js"
import type { ResidentId } from "../../kernel/ids.js"
import { idCardProblem, isPhoneNumber, Phone, textProblem } from "../../kernel/text.js"
import { CalendarDate } from "../../kernel/time.js"
import { AssignableRole, LevelKey, NodeCode, Relation } from "../model.js"
import { type ImportFile, importColumns } from "./format.js"
import type { Issues } from "./issues.js"
import type { Table } from "./read.js"


/** A cell: `undefined` when the column is absent, otherwise trimmed text ("" when empty). */
type Cell = string | undefined

export type Check<A> = (value: string) => { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string; readonly messageZh: string }

/** A check that decodes through a core schema and explains failures with `fieldIssues`. */
const schemaCheck = <S extends Schema.Codec<unknown, unknown, never, never>>(schema: S, memo = false): Check<S["Type"]> => {
  const decode = Schema.decodeUnknownResult(schema as Schema.Codec<S["Type"], unknown, never, never>)
  const run: Check<S["Type"]> = (value) => {
    const r = decode(value)
    if (Result.isSuccess(r)) return { ok: true, value: r.success }
    const issue = fieldIssues(r.failure.issue)[0]
    return { ok: false, message: issue?.message ?? "is invalid", messageZh: issue?.messageZh ?? "无效" }
  }
  if (!memo) return run
  // For columns with few distinct values (door numbers, dates, codes): decode each once.
  const cache = new Map<string, ReturnType<Check<S["Type"]>>>()
  return (value) => {
    let r = cache.get(value)
    if (r === undefined) {
      if (cache.size > 50_000) cache.clear()
      r = run(value)
      cache.set(value, r)
    }
    return r
  }
}

/** One line of text of at most `max` characters, by the rules of the kernel's `Text` (cells come trimmed). */
const textCheck = (max: number): Check<string> => (value) => {
  const problem = textProblem(value, false)
  if (problem !== undefined) return { ok: false, message: problem.en, messageZh: problem.zh }
  if (value.length > max && Array.from(value).length > max) return { ok: false, message: `must be at most ${max} characters`, messageZh: `长度不能超过 ${max} 个字符` }
  return { ok: true, value }
}
/** An ID-card number by the kernel's rule, the specific reason when it is not one; `today` bounds birth dates. */
const idCardCheck = (today: string): Check<string> => (value) => {
  const problem = idCardProblem(value, today)
  return problem === undefined ? { ok: true, value } : { ok: false, message: `${problem.en} (an 18-character resident ID-card number)`, messageZh: `${problem.zh}（18 位居民身份证号）` }
}

const checkCode = schemaCheck(NodeCode, true)
const checkName40 = textCheck(40)
const checkName60 = textCheck(60)
const phoneSchema = schemaCheck(Phone)
/** A phone number by the schema's pattern; through the schema only to explain a failure. */
const checkPhone: Check<string> = (value) => (isPhoneNumber(value) ? { ok: true, value } : phoneSchema(value))
const checkDate = schemaCheck(CalendarDate, true)
const checkRelation = schemaCheck(Relation, true)
const checkRole = schemaCheck(AssignableRole, true)
export const checkLevelKey = schemaCheck(LevelKey, true)

const aliases = <K extends string>(table: Record<K, ReadonlyArray<string>>): Map<string, K> => {
  const out = new Map<string, K>()
  for (const [key, names] of Object.entries(table) as Array<[K, ReadonlyArray<string>]>) {
    out.set(key, key)
    for (const n of names) out.set(n.toLowerCase(), key)
  }
  return out
}

const relationAliases = aliases<Relation>({
  head: ["户主", "本人"],
  spouse: ["配偶", "妻子", "丈夫", "妻", "夫"],
  child: ["子女", "儿子", "女儿", "子", "女", "儿媳", "女婿"],
  parent: ["父母", "父亲", "母亲", "父", "母"],
  grandparent: ["祖父母", "祖父", "祖母", "外祖父", "外祖母"],
  grandchild: ["孙子女", "孙子", "孙女", "外孙", "外孙女"],
  sibling: ["兄弟姐妹", "兄弟", "姐妹", "哥哥", "弟弟", "姐姐", "妹妹"],
  tenant: ["租户", "租客"],
  other: ["其他", "其它"]
})

const roleAliases = aliases<AssignableRole>({
  county_admin: [RoleLabels.county_admin.zh],
  street_admin: [RoleLabels.street_admin.zh],
  community_secretary: [RoleLabels.community_secretary.zh, "社区党委书记", "社区党支部书记"],
  grid_worker: [RoleLabels.grid_worker.zh, "专职网格员"],
  building_leader: [RoleLabels.building_leader.zh, "红色楼栋长"],
  party_member: [RoleLabels.party_member.zh, "在职党员"],
  partner: [RoleLabels.partner.zh, "合伙人"],
  mediator: [RoleLabels.mediator.zh],
  volunteer: [RoleLabels.volunteer.zh]
})

/** Phone numbers are often written 0537-3211234 or 138 1234 1234. */
const cleanPhone = (s: string): string => (s.indexOf("-") < 0 && s.indexOf(" ") < 0 ? s : s.replace(/[\s-]/g, ""))

/** Placeholder id of a resident not stored yet. */
export const NO_ID = "" as ResidentId

const yes = new Set(["true", "yes", "y", "1", "是", "党员", "中共党员", "预备党员", "√"])
const no = new Set(["false", "no", "n", "0", "否", "群众", "非党员", "×"])

const relationHint = "accepted: head, spouse, child, parent, grandparent, grandchild, sibling, tenant, other"
const relationHintZh = "可填：户主、配偶、子女、父母、祖父母、孙子女、兄弟姐妹、租户、其他（或对应英文）"
const roleHint = "accepted: county_admin, street_admin, community_secretary, grid_worker, building_leader, party_member, partner, mediator, volunteer"
const roleHintZh = "可填：区县管理员、街道管理员、社区书记、网格员、楼栋长、包保党员、睦邻合伙人、调解员、志愿者（或对应英文代码）"

export interface PathRef {
  readonly key: string
  readonly segments: ReadonlyArray<string>
}

export interface NodeRow {
  readonly row: number
  readonly path: PathRef
  readonly name: string
  /** Raw level cell, `undefined` when empty or absent. */
  readonly level: string | undefined
  /** `undefined`: keep; `null`: none. */
  readonly party: string | null | undefined
}

/**
 * A resident as read: the fields of {@link Resident}, `undefined` where the column is absent.
 * The object becomes the stored `Resident` (id set, blanks defaulted) when its household is
 * created, which saves an allocation per row.
 */
export interface ResidentRow {
  id: ResidentId
  name: string
  phone: string | null | undefined
  idCardNumber: string | null | undefined
  /** `null`: empty (the default, `other`). */
  relation: Relation | null | undefined
  partyMember: boolean | undefined
}

export interface HouseholdGroup {
  readonly row: number
  readonly unit: PathRef
  readonly door: string
  readonly residents: Array<ResidentRow>
  /** The row of each resident. */
  readonly rows: Array<number>
}

export interface PersonRow {
  readonly row: number
  readonly code: string
  readonly name: string
  readonly phone: string | null | undefined
  readonly node: PathRef
}

export interface AssignmentRow {
  readonly row: number
  readonly personCode: string
  readonly node: PathRef
  readonly role: AssignableRole
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null | undefined
}

export interface Decoded {
  countyCode: string | undefined
  countyRow: { readonly file: ImportFile; readonly row: number } | undefined
  readonly nodes: Array<NodeRow>
  readonly nodeKeys: Map<string, number>
  /** Paths of node rows that had errors: rows below them are not reported again. */
  readonly badNodeKeys: Set<string>
  readonly households: Array<HouseholdGroup>
  readonly people: Array<PersonRow>
  readonly assignments: Array<AssignmentRow>
  rows: number
  /** The problems found while reading and decoding. */
  readonly issues: Issues
}

/** Decodes every row of every file (pure): cells through the schemas, duplicates within files. */
export const decodeAll = (tables: ReadonlyArray<Table>, issues: Issues, today: CalendarDate, progress: (done: number, total: number) => void): Decoded => {
  const checkIdCard = idCardCheck(today)
  const total = tables.reduce((n, t) => n + t.rows.length, 0)
  let done = 0
  const tick = () => {
    if (++done % 10_000 === 0) progress(done, total)
  }
  const d: Decoded = {
    countyCode: undefined,
    countyRow: undefined,
    nodes: [],
    nodeKeys: new Map(),
    badNodeKeys: new Set(),
    households: [],
    people: [],
    assignments: [],
    rows: total,
    issues
  }
  const pathCache = new Map<string, PathRef | { readonly message: string; readonly messageZh: string }>()

  for (const table of tables) {
    const file = table.file
    let rowNo = 1
    let ok = true
    /**
     * Reads a cell's value (`rec["column"]` at each call: a property read the engine
     * specialises per column); non-text values are reported and read as empty.
     */
    const cell = (v: unknown, column: string): Cell => {
      if (v === undefined) return undefined
      if (typeof v === "string") return v.trim()
      if (v === null) return ""
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v)
      ok = false
      issues.add(file, rowNo, column, "must be text", "必须是文本")
      return ""
    }
    const required = (value: unknown, column: string): string | undefined => {
      const v = cell(value, column)
      if (v === undefined || v === "") {
        ok = false
        issues.add(file, rowNo, column, "is required", "必填")
        return undefined
      }
      return v
    }
    const decode = <A>(check: Check<A>, column: string, value: string): A | undefined => {
      const r = check(value)
      if (r.ok) return r.value
      ok = false
      issues.add(file, rowNo, column, r.message, r.messageZh)
      return undefined
    }
    /** Optional cell: `undefined` absent, `null` empty, else decoded (or undefined + issue). */
    const optional = <A>(check: Check<A>, column: string, value: Cell): A | null | undefined =>
      value === undefined ? undefined : value === "" ? null : decode(check, column, value)
    const path = (column: string, raw: string | undefined): PathRef | undefined => {
      if (raw === undefined) return undefined
      let p = pathCache.get(raw)
      if (p === undefined) {
        const segments = raw.split("/").map((s) => s.trim())
        let bad: { message: string; messageZh: string } | undefined
        for (const s of segments) {
          if (s === "") {
            bad = { message: "has an empty segment: write node codes joined by /, e.g. 370812/001/003", messageZh: "含有空的层级：应为用 / 连接的节点代码，例如 370812/001/003" }
            break
          }
          const r = checkCode(s)
          if (!r.ok) {
            bad = { message: `segment "${s}" ${r.message}`, messageZh: `「${s}」${r.messageZh}` }
            break
          }
        }
        p = bad ?? { key: segments.join("/"), segments }
        if (pathCache.size > 200_000) pathCache.clear()
        pathCache.set(raw, p)
      }
      if (!("key" in p)) {
        ok = false
        issues.add(file, rowNo, column, p.message, p.messageZh)
        return undefined
      }
      const county = p.segments[0]!
      if (d.countyCode === undefined) {
        d.countyCode = county
        d.countyRow = { file, row: rowNo }
      } else if (county !== d.countyCode) {
        ok = false
        const at = d.countyRow!
        issues.add(file, rowNo, column,
          `must start with the county code ${d.countyCode} (set by ${at.file} row ${at.row}): one import holds one county`,
          `必须以区县代码 ${d.countyCode} 开头（见 ${at.file} 第 ${at.row} 行）：一次导入只能包含一个区县`)
        return undefined
      }
      return p
    }
    const main = importColumns[file][0]!.name
    const isBlank = (rec: Readonly<Record<string, unknown>>): boolean => {
      const first = rec[main]
      if (typeof first === "string" && first !== "" && first.charCodeAt(0) > 32) return false
      for (const k in rec) {
        const v = rec[k]
        if (v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "")) return false
      }
      return true
    }

    const rows = table.rows
    if (file === "nodes.csv") {
      for (let i = 0; i < rows.length; i++, tick()) {
        const rec = rows[i]!
        rowNo = i + 2
        ok = true
        if (isBlank(rec)) continue
        const p = path("path", required(rec["path"], "path"))
        const nameCell = required(rec["name"], "name")
        const name = nameCell === undefined ? undefined : decode(checkName60, "name", nameCell)
        const levelCell = cell(rec["level"], "level")
        const party = optional(checkName60, "party_organisation", cell(rec["party_organisation"], "party_organisation"))
        if (p !== undefined) {
          const first = d.nodeKeys.get(p.key)
          if (first !== undefined) {
            ok = false
            issues.add(file, rowNo, "path", `repeats the path of row ${first}`, `与第 ${first} 行的路径重复`)
            continue
          }
          d.nodeKeys.set(p.key, rowNo)
          if (!ok || name === undefined) {
            d.badNodeKeys.add(p.key)
            continue
          }
          d.nodes.push({ row: rowNo, path: p, name, level: levelCell === "" ? undefined : levelCell, party })
        }
      }
    } else if (file === "households.csv") {
      const groups = new Map<string, Map<string, HouseholdGroup>>()
      let last: HouseholdGroup | undefined
      for (let i = 0; i < rows.length; i++, tick()) {
        const rec = rows[i]!
        rowNo = i + 2
        ok = true
        if (isBlank(rec)) continue
        const unit = path("unit_path", required(rec["unit_path"], "unit_path"))
        const doorCell = required(rec["door_number"], "door_number")
        const door = doorCell === undefined ? undefined : decode(checkCode, "door_number", doorCell)
        const nameCell = required(rec["name"], "name")
        const name = nameCell === undefined ? undefined : decode(checkName40, "name", nameCell)
        const phoneCell = cell(rec["phone"], "phone")
        const phone = optional(checkPhone, "phone", phoneCell === undefined ? undefined : cleanPhone(phoneCell))
        const idCell = cell(rec["id_card"], "id_card")
        const idCard = optional(checkIdCard, "id_card", idCell === undefined || idCell.charCodeAt(17) !== 120 ? idCell : idCell.toUpperCase())
        const relCell = cell(rec["relation"], "relation")
        let relation: Relation | null | undefined = relCell === "" ? null : undefined
        if (relCell !== undefined && relCell !== "") {
          const alias = relationAliases.get(relCell.toLowerCase())
          const r = checkRelation(alias ?? relCell)
          if (r.ok) relation = r.value
          else {
            ok = false
            issues.add(file, rowNo, "relation", `${r.message}; ${relationHint}`, `${r.messageZh}；${relationHintZh}`)
          }
        }
        const pmCell = cell(rec["party_member"], "party_member")
        let partyMember: boolean | undefined
        if (pmCell !== undefined) {
          if (pmCell === "" || no.has(pmCell) || no.has(pmCell.toLowerCase())) partyMember = false
          else if (yes.has(pmCell) || yes.has(pmCell.toLowerCase())) partyMember = true
          else {
            ok = false
            issues.add(file, rowNo, "party_member", "must be yes or no (true/false, 1/0, 是/否)", "必须填是或否（也可填 true/false、1/0）")
          }
        }
        if (!ok || unit === undefined || door === undefined || name === undefined) continue
        // The residents of a household are usually on consecutive rows.
        let group = last !== undefined && last.door === door && last.unit.key === unit.key ? last : undefined
        if (group === undefined) {
          let doors = groups.get(unit.key)
          if (doors === undefined) groups.set(unit.key, (doors = new Map()))
          group = doors.get(door)
          if (group === undefined) {
            group = { row: rowNo, unit, door, residents: [], rows: [] }
            doors.set(door, group)
            d.households.push(group)
          }
          last = group
        }
        if (group.residents.length >= 30) {
          issues.add(file, rowNo, "", `household ${door} already has 30 residents, the most one household can have`, `住户 ${door} 已有 30 名居民，达到上限`)
          continue
        }
        if (idCard != null) {
          const j = group.residents.findIndex((r) => r.idCardNumber === idCard)
          if (j >= 0) {
            issues.add(file, rowNo, "id_card", `repeats the ID-card number of row ${group.rows[j]} in the same household`, `与同一住户第 ${group.rows[j]} 行的身份证号重复`)
            continue
          }
        }
        group.residents.push({ id: NO_ID, name, phone, idCardNumber: idCard, relation, partyMember })
        group.rows.push(rowNo)
      }
    } else if (file === "people.csv") {
      const codes = new Map<string, number>()
      for (let i = 0; i < rows.length; i++, tick()) {
        const rec = rows[i]!
        rowNo = i + 2
        ok = true
        if (isBlank(rec)) continue
        const codeCell = required(rec["code"], "code")
        const code = codeCell === undefined ? undefined : decode(checkCode, "code", codeCell)
        const nameCell = required(rec["name"], "name")
        const name = nameCell === undefined ? undefined : decode(checkName40, "name", nameCell)
        const phoneCell = cell(rec["phone"], "phone")
        const phone = optional(checkPhone, "phone", phoneCell === undefined ? undefined : phoneCell.replace(/[\s-]/g, ""))
        const node = path("node_path", required(rec["node_path"], "node_path"))
        if (code !== undefined) {
          const first = codes.get(code)
          if (first !== undefined) {
            issues.add(file, rowNo, "code", `repeats the code of row ${first}`, `与第 ${first} 行的人员编号重复`)
            continue
          }
          codes.set(code, rowNo)
        }
        if (!ok || code === undefined || name === undefined || node === undefined) continue
        d.people.push({ row: rowNo, code, name, phone, node })
      }
    } else {
      const keys = new Map<string, number>()
      for (let i = 0; i < rows.length; i++, tick()) {
        const rec = rows[i]!
        rowNo = i + 2
        ok = true
        if (isBlank(rec)) continue
        const codeCell = required(rec["person_code"], "person_code")
        const personCode = codeCell === undefined ? undefined : decode(checkCode, "person_code", codeCell)
        const node = path("node_path", required(rec["node_path"], "node_path"))
        const roleCell = required(rec["role"], "role")
        let role: AssignableRole | undefined
        if (roleCell !== undefined) {
          const r = checkRole(roleAliases.get(roleCell.toLowerCase()) ?? roleCell)
          if (r.ok) role = r.value
          else {
            ok = false
            issues.add(file, rowNo, "role", `${r.message}; ${roleHint}`, `${r.messageZh}；${roleHintZh}`)
          }
        }
        const startCell = required(rec["start_date"], "start_date")
        const startDate = startCell === undefined ? undefined : decode(checkDate, "start_date", startCell)
        const endDate = optional(checkDate, "end_date", cell(rec["end_date"], "end_date"))
        if (startDate !== undefined && endDate != null && endDate < startDate) {
          ok = false
          issues.add(file, rowNo, "end_date", "must not be before start_date", "不能早于开始日期")
        }
        if (!ok || personCode === undefined || node === undefined || role === undefined || startDate === undefined) continue
        const key = `${personCode}\u0000${node.key}\u0000${role}\u0000${startDate}`
        const first = keys.get(key)
        if (first !== undefined) {
          issues.add(file, rowNo, "", `repeats row ${first}: the same person, node, role and start date`, `与第 ${first} 行重复：同一人员、节点、角色和开始日期`)
          continue
        }
        keys.set(key, rowNo)
        d.assignments.push({ row: rowNo, personCode, node, role, startDate, endDate })
      }
    }
  }
  progress(done, total)
  return d
}
