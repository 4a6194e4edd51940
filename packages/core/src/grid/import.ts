/**
 * Bulk import of a county's grid from the CSV files counties keep in Excel: the hierarchy
 * (`nodes.csv`), the households with their residents (`households.csv`), the person
 * directory (`people.csv`) and the role assignments (`assignments.csv`).
 *
 * Guarantees:
 * - Every cell is decoded by the core schemas, text by the same rules as the shared
 *   vocabulary (`textProblem`: one line, no control, bidirectional or zero-width characters,
 *   no lone surrogate, NFC) and ID-card numbers by `idCardProblem` (a real region, a real
 *   birth date not in the future, the check character); every reference is checked; all
 *   problems are reported together ({@link ImportRejected}: file, row, column, reason in English and
 *   Chinese), and then nothing is written.
 * - The import is one unit of work: it is written completely or not at all.
 * - It is idempotent: entities are matched by natural key (node path; unit and door
 *   number; person code; person, node, role and start date). Importing the same files
 *   again writes nothing and appends no event; an entity whose data changed is updated
 *   (version + 1, one event).
 * - The actor needs `grid.import` on every node the files name (and `county.create` when
 *   the import creates the county).
 * - Every created or updated entity gets one event, of the same type as the `Grid` use
 *   cases emit and recorded by the same projection (`recordHouseholdEvent`, …), so the
 *   feed shows it as {@link GridFeedEvents} describes; no event carries personal data.
 *
 * The files' format, column by column, is documented in `examples/county-import/README.md`
 * and available as data in {@link importColumns}.
 *
 * @since 0.1.0
 */
import { Clock, Context, Effect, Layer, Option, Result, Schema } from "effect"
import { Access } from "../kernel/access.js"
import { type Actor, RoleLabels } from "../kernel/actor.js"
import type { Recorded } from "../kernel/decider.js"
import type { Directory } from "../kernel/directory.js"
import { type Conflict, fieldIssues, forbidden, Forbidden, type StorageError } from "../kernel/errors.js"
import type { NewEvent } from "../kernel/events.js"
import { type AssignmentId, type EventId, type GridNodeId, type HouseholdId, IdGenerator, type PersonId, type ResidentId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import type { Page } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { CalendarDate, DEFAULT_TIME_ZONE, type Instant, localDate, now, TimeZoneId } from "../kernel/time.js"
import { idCardProblem, Phone, textProblem } from "../kernel/text.js"
import { parseCsv } from "./csv.js"
import { recordAssignmentEvent, recordCountyEvent, recordHouseholdEvent, recordNodeEvent, recordPersonEvent } from "./machine.js"
import {
  AssignableRole,
  type Assignment,
  type County,
  defaultLevels,
  type GridNode,
  type Household,
  LevelKey,
  LevelTemplate,
  NodeCode,
  type Person,
  Relation,
  type Resident
} from "./model.js"
import { type Cursor, GridStore } from "./store.js"

// ---------------------------------------------------------------------------
// The format, as data

/**
 * The four files of an import.
 *
 * @category models
 * @since 0.1.0
 */
export type ImportFile = "nodes.csv" | "households.csv" | "people.csv" | "assignments.csv"

/**
 * One column of an import file.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportColumn {
  /** The header in English snake_case. */
  readonly name: string
  /** The header in Chinese, accepted as well. */
  readonly nameZh: string
  readonly required: boolean
  readonly description: string
  readonly descriptionZh: string
}

const col = (name: string, nameZh: string, required: boolean, description: string, descriptionZh: string): ImportColumn =>
  ({ name, nameZh, required, description, descriptionZh })

/**
 * The columns of each import file, in their usual order. A header may be the English or
 * the Chinese name; the order of columns is free.
 *
 * @category models
 * @since 0.1.0
 */
export const importColumns: { readonly [F in ImportFile]: ReadonlyArray<ImportColumn> } = {
  "nodes.csv": [
    col("path", "路径", true, "node codes from the county down, joined by /; the first is the county code", "从区县起逐级的节点代码，用 / 连接，第一段为区县代码"),
    col("name", "名称", true, "the node's name", "节点名称"),
    col("level", "层级", false, "level key or name; default: the level below the parent's", "层级代码或名称；默认为上级的下一层级"),
    col("party_organisation", "党组织", false, "the party organisation based at the node", "驻该节点的党组织")
  ],
  "households.csv": [
    col("unit_path", "单元路径", true, "path of the smallest unit the household lives in", "住户所在最小单元的路径"),
    col("door_number", "门牌号", true, "door number, unique within the unit", "门牌号，单元内唯一"),
    col("name", "姓名", true, "the resident's name", "居民姓名"),
    col("phone", "联系电话", false, "mobile or landline number", "手机或座机号码"),
    col("id_card", "身份证号", false, "18-character resident ID-card number", "18 位居民身份证号"),
    col("relation", "与户主关系", false, "relation to the head of household", "与户主的关系"),
    col("party_member", "是否党员", false, "whether the resident is a party member", "是否为党员")
  ],
  "people.csv": [
    col("code", "人员编号", true, "the county's own key for the person, unique within the county", "人员编号，区县内唯一"),
    col("name", "姓名", true, "the person's name", "姓名"),
    col("phone", "联系电话", false, "mobile or landline number", "手机或座机号码"),
    col("node_path", "所属节点路径", true, "path of the node the person is registered at", "人员登记所在节点的路径")
  ],
  "assignments.csv": [
    col("person_code", "人员编号", true, "code of the person (people.csv or already stored)", "人员编号（people.csv 中或已入库）"),
    col("node_path", "节点路径", true, "path of the node the person serves", "任职节点的路径"),
    col("role", "角色", true, "the role", "角色"),
    col("start_date", "开始日期", true, "first day, YYYY-MM-DD", "开始日期，格式 YYYY-MM-DD"),
    col("end_date", "结束日期", false, "last day, YYYY-MM-DD; empty: open-ended", "结束日期，格式 YYYY-MM-DD；留空表示长期")
  ]
}

/**
 * A row of `nodes.csv` as a record. In every record type a missing (`undefined`) optional
 * field leaves the stored value as it is, while `""` or `null` clears it; a file without an
 * optional column behaves like records without that field.
 *
 * @category models
 * @since 0.1.0
 */
export interface NodeRecord {
  readonly path: string
  readonly name: string
  readonly level?: string | null | undefined
  readonly party_organisation?: string | null | undefined
}

/**
 * A row of `households.csv`: one resident; the rows with the same unit path and door
 * number form one household, residents in row order.
 *
 * @category models
 * @since 0.1.0
 */
export interface HouseholdRecord {
  readonly unit_path: string
  readonly door_number: string
  readonly name: string
  readonly phone?: string | null | undefined
  readonly id_card?: string | null | undefined
  readonly relation?: string | null | undefined
  readonly party_member?: string | boolean | null | undefined
}

/**
 * A row of `people.csv`.
 *
 * @category models
 * @since 0.1.0
 */
export interface PersonRecord {
  readonly code: string
  readonly name: string
  readonly phone?: string | null | undefined
  readonly node_path: string
}

/**
 * A row of `assignments.csv`.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentRecord {
  readonly person_code: string
  readonly node_path: string
  readonly role: string
  readonly start_date: string
  readonly end_date?: string | null | undefined
}

/**
 * What to import: each file as CSV text or as records (rows already split into fields,
 * e.g. from a spreadsheet library or a generator). Every file is optional. Rows of records
 * are numbered as in a CSV file: the first record is row 2.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportSource {
  readonly nodes?: string | ReadonlyArray<NodeRecord> | undefined
  readonly households?: string | ReadonlyArray<HouseholdRecord> | undefined
  readonly people?: string | ReadonlyArray<PersonRecord> | undefined
  readonly assignments?: string | ReadonlyArray<AssignmentRecord> | undefined
}

/**
 * The phases an import reports progress for.
 *
 * @category models
 * @since 0.1.0
 */
export type ImportPhase = "validate" | "load" | "nodes" | "households" | "people" | "assignments"

/**
 * Progress of one phase: `done` out of `total` rows or entities.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportProgress {
  readonly phase: ImportPhase
  readonly done: number
  readonly total: number
}

/**
 * Options of an import.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportOptions {
  /** Called at most once per batch (a few thousand rows) and at the end of each phase. */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined
  /** Validate and count, but write nothing. Default `false`. */
  readonly dryRun?: boolean | undefined
  /** Entities per insert call. Default 5,000. */
  readonly batchSize?: number | undefined
  /** How many issues {@link ImportRejected} lists at most (it always counts them all). Default 1,000. */
  readonly maxIssues?: number | undefined
  /** The level template of a county the import creates. Default: the six levels. */
  readonly levels?: LevelTemplate | undefined
  /**
   * The IANA time zone of a county the import creates (default `Asia/Shanghai`); it is
   * also the calendar in which birth dates must not lie in the future.
   *
   * @since 0.4.0
   */
  readonly timeZone?: string | undefined
  /**
   * Up to this many stored households (people, assignments) to match, they are looked up
   * one by one; above, the county's are listed page by page. Default 2,000.
   */
  readonly lookupLimit?: number | undefined
}

/**
 * How many entities of one kind were created, updated or left unchanged.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportCounts {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * The outcome of an import.
 *
 * @category models
 * @since 0.1.0
 */
export interface ImportReport {
  readonly countyId: GridNodeId
  readonly countyCode: string
  readonly countyCreated: boolean
  /** Nodes, the county's root node included. */
  readonly nodes: ImportCounts
  readonly households: ImportCounts
  /** Residents in the households that were created or updated. */
  readonly residents: number
  readonly people: ImportCounts
  readonly assignments: ImportCounts
  /** Events appended to the log (0 on a dry run). */
  readonly events: number
  readonly dryRun: boolean
  readonly durationMs: number
}

/**
 * One problem with one cell (or row) of an import file.
 *
 * @category models
 * @since 0.1.0
 */
export const ImportIssue = Schema.Struct({
  file: Schema.String,
  /** 1-based; the header is row 1. */
  row: Schema.Int,
  /** The column's English name; empty for the whole row. */
  column: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
})
/** @category models @since 0.1.0 */
export type ImportIssue = typeof ImportIssue.Type

/**
 * The files hold invalid rows; nothing was written. `issues` lists up to
 * `ImportOptions.maxIssues` of them, `total` counts them all.
 *
 * @category errors
 * @since 0.1.0
 */
export class ImportRejected extends Schema.TaggedError<ImportRejected>()("ImportRejected", {
  issues: Schema.Array(ImportIssue),
  total: Schema.Int,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * Every error an import can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type ImportError = ImportRejected | Forbidden | Conflict | StorageError

/**
 * The bulk-import use case.
 *
 * @category services
 * @since 0.1.0
 */
export class GridImport extends Context.Service<GridImport, {
  /**
   * Imports one county's files (all paths must start with the same county code).
   * Fails with {@link ImportRejected} listing every invalid row, with `Forbidden` when the
   * actor lacks `grid.import` on a node the files name, and writes nothing in either case.
   */
  readonly importCounty: (actor: Actor, source: ImportSource, options?: ImportOptions) => Effect.Effect<ImportReport, ImportError>
}>()("@mulin/core/grid/GridImport") {
  /**
   * The import over the ports and the one scope check (`Access`), provided to itself from
   * `layerKernel`. The permission policy is read once, when the layer is built: provide
   * `PermissionPolicy` to replace the default.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<GridImport, never, GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(GridImport, Effect.gen(function*() {
    const store = yield* GridStore
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    const ids = yield* IdGenerator
    const access = yield* Access
    return GridImport.of({ importCounty: (actor, source, options) => runImport({ store, log, uow, ids, access }, actor, source, options ?? {}) })
  })).pipe(Layer.provide(layerKernel))
}

// ---------------------------------------------------------------------------
// Issues

const MAX_ISSUES = 1000
const BATCH = 5000
/** Up to this many keys, existing entities are looked up one by one; above, listed page by page. */
const LOOKUP_LIMIT = 2000
const PAGE = 5000

class Issues {
  readonly list: Array<ImportIssue> = []
  total = 0
  constructor(readonly max: number) {}
  add(file: ImportFile, row: number, column: string, message: string, messageZh: string): void {
    this.total++
    if (this.list.length < this.max) this.list.push({ file, row, column, message, messageZh })
  }
}

const rejected = (issues: Issues): ImportRejected => {
  const first = issues.list[0]
  const where = first === undefined ? "" : ` (first: ${first.file} row ${first.row}${first.column === "" ? "" : `, ${first.column}`}: ${first.message})`
  const whereZh = first === undefined ? "" : `（首个：${first.file} 第 ${first.row} 行${first.column === "" ? "" : `「${first.column}」列`}：${first.messageZh}）`
  return new ImportRejected({
    issues: issues.list,
    total: issues.total,
    message: `the import was rejected with ${issues.total} problem(s) and nothing was written${where}`,
    messageZh: `导入被拒绝，共 ${issues.total} 处问题，未写入任何数据${whereZh}`
  })
}

// ---------------------------------------------------------------------------
// Cells and their decoding

/** A cell: `undefined` when the column is absent, otherwise trimmed text ("" when empty). */
type Cell = string | undefined

type Check<A> = (value: string) => { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string; readonly messageZh: string }

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
const checkPhone = schemaCheck(Phone)
const checkDate = schemaCheck(CalendarDate, true)
const checkRelation = schemaCheck(Relation, true)
const checkRole = schemaCheck(AssignableRole, true)
const checkLevelKey = schemaCheck(LevelKey, true)

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
const NO_ID = "" as ResidentId

const yes = new Set(["true", "yes", "y", "1", "是", "党员", "中共党员", "预备党员", "√"])
const no = new Set(["false", "no", "n", "0", "否", "群众", "非党员", "×"])

const relationHint = "accepted: head, spouse, child, parent, grandparent, grandchild, sibling, tenant, other"
const relationHintZh = "可填：户主、配偶、子女、父母、祖父母、孙子女、兄弟姐妹、租户、其他（或对应英文）"
const roleHint = "accepted: county_admin, street_admin, community_secretary, grid_worker, building_leader, party_member, partner, mediator, volunteer"
const roleHintZh = "可填：区县管理员、街道管理员、社区书记、网格员、楼栋长、包保党员、睦邻合伙人、调解员、志愿者（或对应英文代码）"

// ---------------------------------------------------------------------------
// Reading the files into row records

interface Table {
  readonly file: ImportFile
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>
}

const normaliseHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, "_")

const headerAliases: Readonly<Record<string, string>> = { party_organization: "party_organisation" }

/** Parses CSV text into records keyed by the columns' English names, reporting bad headers. */
const readCsv = (file: ImportFile, text: string, issues: Issues): Table | undefined => {
  const parsed = parseCsv(text)
  if (Result.isFailure(parsed)) {
    const e = parsed.failure
    issues.add(file, e.record, "", `${e.message} (line ${e.line})`, `${e.messageZh}（第 ${e.line} 行）`)
    return undefined
  }
  const records = parsed.success
  const header = records[0]
  if (header === undefined) return { file, rows: [] }
  const columns = importColumns[file]
  const byName = new Map<string, string>()
  for (const c of columns) {
    byName.set(c.name, c.name)
    byName.set(c.nameZh, c.name)
  }
  const keys: Array<string | undefined> = []
  const seen = new Set<string>()
  let ok = true
  for (const raw of header) {
    const h = normaliseHeader(raw)
    if (h === "") {
      keys.push(undefined)
      continue
    }
    const key = byName.get(h) ?? byName.get(raw.trim()) ?? headerAliases[h]
    if (key === undefined) {
      ok = false
      const expected = columns.map((c) => c.name).join(", ")
      issues.add(file, 1, raw, `unknown column "${raw}": expected ${expected}`, `未知的列「${raw}」：应为 ${columns.map((c) => `${c.name}（${c.nameZh}）`).join("、")}`)
      keys.push(undefined)
      continue
    }
    if (seen.has(key)) {
      ok = false
      issues.add(file, 1, key, `column ${key} appears twice`, `列「${key}」重复出现`)
    }
    seen.add(key)
    keys.push(key)
  }
  for (const c of columns) {
    if (c.required && !seen.has(c.name)) {
      ok = false
      issues.add(file, 1, c.name, `the required column ${c.name} is missing`, `缺少必填列「${c.name}」（${c.nameZh}）`)
    }
  }
  if (!ok) return undefined
  const rows: Array<Record<string, unknown>> = new Array(records.length - 1)
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!
    const row: Record<string, unknown> = {}
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]
      if (key !== undefined) row[key] = cells[j] ?? ""
    }
    for (let j = keys.length; j < cells.length; j++) {
      if (cells[j]!.trim() !== "") {
        issues.add(file, r + 1, "", `the row has ${cells.length} cells but the header only ${keys.length}`, `该行有 ${cells.length} 个单元格，而表头只有 ${keys.length} 列`)
        break
      }
    }
    rows[r - 1] = row
  }
  return { file, rows }
}

const tableOf = (file: ImportFile, input: string | ReadonlyArray<object> | undefined, issues: Issues): Table | undefined =>
  input === undefined ? { file, rows: [] } : typeof input === "string" ? readCsv(file, input, issues) : { file, rows: input as ReadonlyArray<Record<string, unknown>> }

// ---------------------------------------------------------------------------
// Decoded rows

interface PathRef {
  readonly key: string
  readonly segments: ReadonlyArray<string>
}

interface NodeRow {
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
interface ResidentRow {
  id: ResidentId
  name: string
  phone: string | null | undefined
  idCardNumber: string | null | undefined
  /** `null`: empty (the default, `other`). */
  relation: Relation | null | undefined
  partyMember: boolean | undefined
}

interface HouseholdGroup {
  readonly row: number
  readonly unit: PathRef
  readonly door: string
  readonly residents: Array<ResidentRow>
  /** The row of each resident. */
  readonly rows: Array<number>
}

interface PersonRow {
  readonly row: number
  readonly code: string
  readonly name: string
  readonly phone: string | null | undefined
  readonly node: PathRef
}

interface AssignmentRow {
  readonly row: number
  readonly personCode: string
  readonly node: PathRef
  readonly role: AssignableRole
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null | undefined
}

interface Decoded {
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
}

/** Decodes every row of every file (pure): cells through the schemas, duplicates within files. */
const decodeAll = (tables: ReadonlyArray<Table>, issues: Issues, today: CalendarDate, progress: (done: number, total: number) => void): Decoded => {
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
    rows: total
  }
  const pathCache = new Map<string, PathRef | { readonly message: string; readonly messageZh: string }>()

  for (const table of tables) {
    const file = table.file
    let rowNo = 1
    let ok = true
    /** Reads a cell; non-text values are reported and read as empty. */
    const cell = (rec: Readonly<Record<string, unknown>>, column: string): Cell => {
      const v = rec[column]
      if (v === undefined) return undefined
      if (typeof v === "string") return v.trim()
      if (v === null) return ""
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v)
      ok = false
      issues.add(file, rowNo, column, "must be text", "必须是文本")
      return ""
    }
    const required = (rec: Readonly<Record<string, unknown>>, column: string): string | undefined => {
      const v = cell(rec, column)
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
        const p = path("path", required(rec, "path"))
        const nameCell = required(rec, "name")
        const name = nameCell === undefined ? undefined : decode(checkName60, "name", nameCell)
        const levelCell = cell(rec, "level")
        const party = optional(checkName60, "party_organisation", cell(rec, "party_organisation"))
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
        const unit = path("unit_path", required(rec, "unit_path"))
        const doorCell = required(rec, "door_number")
        const door = doorCell === undefined ? undefined : decode(checkCode, "door_number", doorCell)
        const nameCell = required(rec, "name")
        const name = nameCell === undefined ? undefined : decode(checkName40, "name", nameCell)
        const phoneCell = cell(rec, "phone")
        const phone = optional(checkPhone, "phone", phoneCell === undefined ? undefined : cleanPhone(phoneCell))
        const idCell = cell(rec, "id_card")
        const idCard = optional(checkIdCard, "id_card", idCell === undefined || idCell.charCodeAt(17) !== 120 ? idCell : idCell.toUpperCase())
        const relCell = cell(rec, "relation")
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
        const pmCell = cell(rec, "party_member")
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
        const codeCell = required(rec, "code")
        const code = codeCell === undefined ? undefined : decode(checkCode, "code", codeCell)
        const nameCell = required(rec, "name")
        const name = nameCell === undefined ? undefined : decode(checkName40, "name", nameCell)
        const phoneCell = cell(rec, "phone")
        const phone = optional(checkPhone, "phone", phoneCell === undefined ? undefined : phoneCell.replace(/[\s-]/g, ""))
        const node = path("node_path", required(rec, "node_path"))
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
        const codeCell = required(rec, "person_code")
        const personCode = codeCell === undefined ? undefined : decode(checkCode, "person_code", codeCell)
        const node = path("node_path", required(rec, "node_path"))
        const roleCell = required(rec, "role")
        let role: AssignableRole | undefined
        if (roleCell !== undefined) {
          const r = checkRole(roleAliases.get(roleCell.toLowerCase()) ?? roleCell)
          if (r.ok) role = r.value
          else {
            ok = false
            issues.add(file, rowNo, "role", `${r.message}; ${roleHint}`, `${r.messageZh}；${roleHintZh}`)
          }
        }
        const startCell = required(rec, "start_date")
        const startDate = startCell === undefined ? undefined : decode(checkDate, "start_date", startCell)
        const endDate = optional(checkDate, "end_date", cell(rec, "end_date"))
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

// ---------------------------------------------------------------------------
// The use case

interface Deps {
  readonly store: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly access: Access["Service"]
}

/** A node named by the files or found in the store. */
interface NodeRef {
  readonly key: string
  readonly code: string
  readonly depth: number
  readonly level: string
  readonly parent: NodeRef | undefined
  /** The stored node, when it exists. */
  readonly existing: GridNode | undefined
  /** The node row, when the files name it in nodes.csv. */
  readonly row: NodeRow | undefined
  /** The node after the import (set once ids are made). */
  node: GridNode | undefined
  /** The path of ids, root first, the node itself last (events' scope). */
  scope: ReadonlyArray<GridNodeId> | undefined
  allowed: boolean | undefined
}

const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

const zero = (): { created: number; updated: number; unchanged: number } => ({ created: 0, updated: 0, unchanged: 0 })

const sameResident = (a: Resident, b: Resident): boolean =>
  a.id === b.id && a.name === b.name && a.phone === b.phone && a.idCardNumber === b.idCardNumber && a.relation === b.relation && a.partyMember === b.partyMember

/**
 * Whether the rows describe exactly the stored residents, in the same order (the common
 * case of a re-import, checked without allocating).
 */
const unchangedResidents = (stored: ReadonlyArray<Resident>, rows: ReadonlyArray<ResidentRow>): boolean => {
  if (stored.length !== rows.length) return false
  for (let j = 0; j < rows.length; j++) {
    const p = stored[j]!
    const r = rows[j]!
    if (
      p.name !== r.name ||
      (r.idCardNumber === undefined ? false : (r.idCardNumber ?? null) !== p.idCardNumber) ||
      (r.phone !== undefined && (r.phone ?? null) !== p.phone) ||
      (r.relation !== undefined && (r.relation ?? "other") !== p.relation) ||
      (r.partyMember !== undefined && r.partyMember !== p.partyMember)
    ) return false
  }
  return true
}

/** Reads every page of a listing. */
const listAll = <A>(list: (cursor: Cursor) => Effect.Effect<Page<A>, StorageError>, onPage: (items: ReadonlyArray<A>) => void): Effect.Effect<void, StorageError> =>
  Effect.gen(function*() {
    let after: string | undefined
    for (;;) {
      const page = yield* list({ after, limit: PAGE })
      onPage(page.items)
      if (page.next === null || page.items.length === 0) return
      after = page.next
    }
  })

const runImport = (deps: Deps, actor: Actor, source: ImportSource, options: ImportOptions): Effect.Effect<ImportReport, ImportError> =>
  Effect.gen(function*() {
    const { access, ids, log, store, uow } = deps
    const started = yield* Clock.currentTimeMillis
    const report = (phase: ImportPhase, done: number, total: number) => options.onProgress?.({ phase, done, total })
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? BATCH))
    const dryRun = options.dryRun === true
    const lookupLimit = options.lookupLimit ?? LOOKUP_LIMIT

    const scopes = access.scopes(actor, "grid.import")
    if (scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("grid.import", "any node"))

    // 1. Decode every row (pure).
    const issues = new Issues(Math.max(0, options.maxIssues ?? MAX_ISSUES))
    const tables = [
      tableOf("nodes.csv", source.nodes, issues),
      tableOf("households.csv", source.households, issues),
      tableOf("people.csv", source.people, issues),
      tableOf("assignments.csv", source.assignments, issues)
    ].filter((t): t is Table => t !== undefined)
    const zone = options.timeZone ?? DEFAULT_TIME_ZONE
    if (!Schema.is(TimeZoneId)(zone)) {
      issues.add("nodes.csv", 1, "", `the timeZone option ${zone} must be an IANA time zone name such as Asia/Shanghai`, `timeZone 选项 ${zone} 必须是 IANA 时区名称，例如 Asia/Shanghai`)
      return yield* Effect.fail(rejected(issues))
    }
    const d = decodeAll(tables, issues, localDate(started, zone), (done, total) => report("validate", done, total))
    // A file that could not be read at all would make every reference to it look broken.
    if (tables.length < 4) return yield* Effect.fail(rejected(issues))
    const countyCode = d.countyCode
    if (countyCode === undefined) {
      if (issues.total === 0) issues.add("nodes.csv", 1, "", "the files hold no rows to import", "文件中没有可导入的数据行")
      return yield* Effect.fail(rejected(issues))
    }

    const work = Effect.gen(function*() {
      // 2. Load what the store already holds of this county.
      const at: Instant = yield* now
      const foundCounty = yield* store.findCountyByCode(countyCode)
      const existingCounty = Option.getOrUndefined(foundCounty)
      let levels = existingCounty?.levels ?? defaultLevels
      if (existingCounty === undefined && options.levels !== undefined) {
        const decoded = Schema.decodeUnknownResult(LevelTemplate)(options.levels)
        if (Result.isSuccess(decoded)) levels = decoded.success
        else {
          for (const i of fieldIssues(decoded.failure.issue, ["levels"])) issues.add("nodes.csv", 1, "level", `the levels option: ${i.path}: ${i.message}`, `levels 选项：${i.path}：${i.messageZh}`)
          return yield* Effect.fail(rejected(issues))
        }
      }
      const unitDepth = levels.length - 1
      const existingByKey = new Map<string, GridNode>()
      const byId = new Map<GridNodeId, GridNode>()
      if (existingCounty !== undefined) {
        const outline = yield* store.outline(existingCounty.id)
        for (let i = 0; i < outline.length; i += PAGE) {
          for (const n of yield* store.getNodes(outline.slice(i, i + PAGE).map((o) => o.id))) byId.set(n.id, n)
        }
        // A node's key is its ancestors' codes and its own, joined by "/".
        const keyOf = new Map<GridNodeId, string | null>()
        const keyFor = (n: GridNode): string | null => {
          let key = keyOf.get(n.id)
          if (key !== undefined) return key
          if (n.parentId === null) key = n.code
          else {
            const parent = byId.get(n.parentId)
            const parentKey = parent === undefined ? null : keyFor(parent)
            key = parentKey === null ? null : `${parentKey}/${n.code}`
          }
          keyOf.set(n.id, key)
          return key
        }
        for (const n of byId.values()) {
          const key = keyFor(n)
          if (key !== null) existingByKey.set(key, n)
        }
      }
      report("load", existingByKey.size, existingByKey.size)

      // 3. Resolve the nodes: parents, levels, existing matches.
      const refs = new Map<string, NodeRef>()
      const refOf = (key: string): NodeRef | undefined => {
        const r = refs.get(key)
        if (r !== undefined) return r
        const existing = existingByKey.get(key)
        if (existing === undefined) return undefined
        const slash = key.lastIndexOf("/")
        const parent = slash < 0 ? undefined : refOf(key.slice(0, slash))
        const made: NodeRef = { key, code: existing.code, depth: existing.depth, level: existing.level, parent, existing, row: undefined, node: existing, scope: pathOf(existing), allowed: undefined }
        refs.set(key, made)
        return made
      }
      const levelIndex = (raw: string): number => {
        const lower = raw.toLowerCase()
        return levels.findIndex((l) => l.key === lower || l.nameZh === raw || l.nameEn.toLowerCase() === lower)
      }
      const levelList = levels.map((l) => `${l.key} (${l.nameZh})`).join(", ")
      const levelListZh = levels.map((l) => `${l.nameZh}（${l.key}）`).join("、")

      const countyRow = d.nodes.find((n) => n.path.segments.length === 1)
      let countyRef: NodeRef | undefined = refOf(countyCode)
      if (countyRow !== undefined) {
        if (countyRow.level !== undefined && levelIndex(countyRow.level) !== 0) {
          issues.add("nodes.csv", countyRow.row, "level", `the county's level must be ${levels[0]!.key}`, `区县的层级必须是 ${levels[0]!.nameZh}`)
        }
        if (countyRef === undefined) {
          countyRef = { key: countyCode, code: countyCode, depth: 0, level: levels[0]!.key, parent: undefined, existing: undefined, row: countyRow, node: undefined, scope: undefined, allowed: undefined }
          refs.set(countyCode, countyRef)
        } else {
          refs.set(countyCode, (countyRef = { ...countyRef, row: countyRow }))
        }
      } else if (countyRef === undefined && !d.badNodeKeys.has(countyCode)) {
        const first = d.countyRow!
        issues.add(first.file, first.row, first.file === "nodes.csv" ? "path" : first.file === "households.csv" ? "unit_path" : "node_path",
          `county ${countyCode} does not exist: add a row with the path ${countyCode} and the county's name to nodes.csv`,
          `区县 ${countyCode} 不存在：请在 nodes.csv 中增加一行，路径为 ${countyCode}，并填写区县名称`)
      }
      // Without the county no reference can be checked: report what was found so far.
      if (countyRef === undefined) return yield* Effect.fail(rejected(issues))

      const nodeRows = d.nodes.filter((n) => n.path.segments.length > 1).sort((a, b) => a.path.segments.length - b.path.segments.length)
      for (const r of nodeRows) {
        const key = r.path.key
        const parentKey = key.slice(0, key.lastIndexOf("/"))
        const parent = refOf(parentKey)
        if (parent === undefined) {
          d.badNodeKeys.add(key)
          if (!d.badNodeKeys.has(parentKey)) {
            issues.add("nodes.csv", r.row, "path", `the parent ${parentKey} is neither in nodes.csv nor stored`, `上级 ${parentKey} 既不在 nodes.csv 中，也不在库中`)
          }
          continue
        }
        const existing = existingByKey.get(key)
        let depth: number
        if (r.level === undefined) {
          depth = existing?.depth ?? parent.depth + 1
          if (depth >= levels.length) {
            d.badNodeKeys.add(key)
            issues.add("nodes.csv", r.row, "path", `the parent ${parentKey} is at the smallest level (${parent.level}) and cannot have children`, `上级 ${parentKey} 已是最小层级（${parent.level}），不能再有下级`)
            continue
          }
        } else {
          depth = levelIndex(r.level)
          if (depth < 0) {
            const k = checkLevelKey(r.level)
            const why = k.ok ? "" : `${k.message}; `
            const whyZh = k.ok ? "" : `${k.messageZh}；`
            d.badNodeKeys.add(key)
            issues.add("nodes.csv", r.row, "level", `${why}must be one of this county's levels: ${levelList}`, `${whyZh}必须是本区县的层级之一：${levelListZh}`)
            continue
          }
          if (depth <= parent.depth) {
            d.badNodeKeys.add(key)
            issues.add("nodes.csv", r.row, "level", `must be deeper than the parent's level ${parent.level}`, `必须比上级节点的层级（${parent.level}）更低`)
            continue
          }
          if (existing !== undefined && existing.depth !== depth) {
            d.badNodeKeys.add(key)
            issues.add("nodes.csv", r.row, "level", `the stored node is at level ${existing.level}: an import cannot change a node's level`, `库中该节点的层级为 ${existing.level}：导入不能修改节点层级`)
            continue
          }
        }
        refs.set(key, {
          key,
          code: r.path.segments[r.path.segments.length - 1]!,
          depth,
          level: levels[depth]!.key,
          parent,
          existing,
          row: r,
          node: existing,
          scope: existing === undefined ? undefined : pathOf(existing),
          allowed: undefined
        })
      }

      /** The node a row of another file names, or undefined with an issue. */
      const target = (file: ImportFile, row: number, column: string, p: PathRef): NodeRef | undefined => {
        const ref = refOf(p.key)
        if (ref === undefined && !d.badNodeKeys.has(p.key)) {
          issues.add(file, row, column, `${p.key} is neither in nodes.csv nor stored`, `${p.key} 既不在 nodes.csv 中，也不在库中`)
        }
        return ref
      }

      // Permissions: grid.import on every node named (a new node: on its nearest stored ancestor).
      let denied: { readonly file: ImportFile; readonly row: number; readonly key: string } | undefined
      let deniedCount = 0
      const allowed = (ref: NodeRef): boolean => {
        if (ref.allowed !== undefined) return ref.allowed
        const result = ref.existing !== undefined
          ? access.can(actor, "grid.import", pathOf(ref.existing))
          : ref.parent === undefined
          ? access.can(actor, "county.create", []) && access.can(actor, "grid.import", [])
          : allowed(ref.parent)
        ref.allowed = result
        return result
      }
      const authorise = (file: ImportFile, row: number, ref: NodeRef) => {
        if (allowed(ref)) return
        deniedCount++
        denied ??= { file, row, key: ref.key }
      }
      if (countyRef?.row !== undefined) authorise("nodes.csv", countyRef.row.row, countyRef)
      for (const r of nodeRows) {
        const ref = refs.get(r.path.key)
        if (ref !== undefined) authorise("nodes.csv", r.row, ref)
      }

      // Households: their unit must be at the smallest level.
      const householdUnits: Array<NodeRef | undefined> = new Array(d.households.length)
      const smallest = levels[unitDepth]!
      for (let i = 0; i < d.households.length; i++) {
        const h = d.households[i]!
        const unit = target("households.csv", h.row, "unit_path", h.unit)
        if (unit === undefined) continue
        if (unit.depth !== unitDepth) {
          issues.add("households.csv", h.row, "unit_path",
            `${h.unit.key} is a ${unit.level}: households belong to the smallest level (${smallest.key})`,
            `${h.unit.key} 的层级是 ${unit.level}：住户只能挂在最小层级（${smallest.nameZh}）上`)
          continue
        }
        authorise("households.csv", h.row, unit)
        householdUnits[i] = unit
      }

      // People: their node; stored people of the county, by code.
      const personNodes: Array<NodeRef | undefined> = new Array(d.people.length)
      for (let i = 0; i < d.people.length; i++) {
        const p = d.people[i]!
        const node = target("people.csv", p.row, "node_path", p.node)
        if (node === undefined) continue
        authorise("people.csv", p.row, node)
        personNodes[i] = node
      }
      const storedPeople = new Map<string, Person>()
      if (existingCounty !== undefined) {
        const codes = new Set<string>()
        for (const p of d.people) codes.add(p.code)
        for (const a of d.assignments) codes.add(a.personCode)
        if (codes.size <= lookupLimit) {
          for (const code of codes) {
            const found = yield* store.findPersonByCode(existingCounty.id, code)
            if (Option.isSome(found)) storedPeople.set(code, found.value)
          }
        } else {
          yield* listAll((c) => store.listPeople(existingCounty.id, c), (items) => {
            for (const p of items) if (codes.has(p.code)) storedPeople.set(p.code, p)
          })
        }
      }
      const filePeople = new Map<string, number>()
      for (let i = 0; i < d.people.length; i++) {
        const p = d.people[i]!
        filePeople.set(p.code, i)
        // Moving a stored person touches the node they are registered at now, too.
        const stored = storedPeople.get(p.code)
        const from = stored === undefined ? undefined : byId.get(stored.nodeId)
        if (from !== undefined && !access.can(actor, "grid.import", pathOf(from))) {
          deniedCount++
          denied ??= { file: "people.csv", row: p.row, key: from.name }
        }
      }

      // Assignments: the person is in people.csv or stored; the node exists.
      const assignmentNodes: Array<NodeRef | undefined> = new Array(d.assignments.length)
      for (let i = 0; i < d.assignments.length; i++) {
        const a = d.assignments[i]!
        if (!filePeople.has(a.personCode) && !storedPeople.has(a.personCode)) {
          issues.add("assignments.csv", a.row, "person_code", `person ${a.personCode} is neither in people.csv nor stored`, `人员 ${a.personCode} 既不在 people.csv 中，也不在库中`)
        }
        const node = target("assignments.csv", a.row, "node_path", a.node)
        if (node === undefined) continue
        authorise("assignments.csv", a.row, node)
        assignmentNodes[i] = node
      }

      if (denied !== undefined) {
        const more = deniedCount > 1 ? ` and ${deniedCount - 1} more row(s)` : ""
        const moreZh = deniedCount > 1 ? `等 ${deniedCount} 行` : ""
        const base = forbidden(countyRef?.existing === undefined && denied.key === countyCode ? "county.create" : "grid.import", denied.key)
        return yield* Effect.fail(new Forbidden({
          action: base.action,
          message: `${base.message} (${denied.file} row ${denied.row}${more})`,
          messageZh: `${base.messageZh}（${denied.file} 第 ${denied.row} 行${moreZh}）`
        }))
      }
      if (issues.total > 0) return yield* Effect.fail(rejected(issues))

      // 4. Plan and write. Ids come in batches from the IdGenerator.
      const take = (n: number): Effect.Effect<ReadonlyArray<string>> => (n === 0 ? Effect.succeed([]) : ids.ulids(n))
      const actorRef = { id: actor.id, kind: actor.kind }
      /** An event as the log keeps it, recorded by the same projection as the `Grid` use cases'. */
      const event = (ulid: string, aggregateType: string, aggregateId: string, version: number, recorded: Recorded): NewEvent =>
        ({ id: `evt_${ulid}` as EventId, type: recorded.type, aggregateType, aggregateId, version, actor: actorRef, at, scope: recorded.scope, payload: recorded.payload })
      let events = 0
      const append = (batch: ReadonlyArray<NewEvent>) => {
        events += batch.length
        return dryRun || batch.length === 0 ? Effect.void : log.append(batch)
      }
      const write = <E>(eff: Effect.Effect<void, E>): Effect.Effect<void, E> => (dryRun ? Effect.void : eff)

      // 4a. Nodes (the county first, then parents before children).
      const nodeCounts = zero()
      let countyId: GridNodeId
      const newRefs: Array<NodeRef> = []
      const updatedNodes: Array<{ readonly before: GridNode; readonly after: GridNode }> = []
      const ordered = countyRef === undefined ? [] : [countyRef, ...nodeRows.map((r) => refs.get(r.path.key)).filter((r): r is NodeRef => r !== undefined)]
      for (const ref of ordered) {
        if (ref.existing === undefined) {
          newRefs.push(ref)
          continue
        }
        const r = ref.row
        if (r === undefined) continue
        const e = ref.existing
        const party = r.party === undefined ? e.partyOrganisation : r.party
        if (r.name === e.name && party === e.partyOrganisation) {
          nodeCounts.unchanged++
          continue
        }
        const after: GridNode = { ...e, name: r.name, partyOrganisation: party, version: e.version + 1, updatedAt: at }
        ref.node = after
        updatedNodes.push({ before: e, after })
      }
      const nodeIds = yield* take(newRefs.length)
      newRefs.forEach((ref, i) => {
        const id = `node_${nodeIds[i]!}` as GridNodeId
        const parent = ref.parent
        const countyOf = parent === undefined ? id : parent.node!.countyId
        ref.node = {
          id,
          countyId: countyOf,
          parentId: parent === undefined ? null : parent.node!.id,
          path: parent === undefined ? [] : parent.scope!,
          level: ref.level,
          depth: ref.depth,
          code: ref.code,
          name: ref.row!.name,
          partyOrganisation: ref.row!.party ?? null,
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        ref.scope = pathOf(ref.node)
      })
      countyId = countyRef!.node!.id
      const countyCreated = countyRef!.existing === undefined
      const nodeTotal = newRefs.length + updatedNodes.length
      if (countyCreated) {
        const root = countyRef!.node!
        const county: County = { id: root.id, code: countyCode, name: root.name, levels, timeZone: zone, createdAt: at }
        const [u] = yield* take(1)
        yield* write(store.insertCounty(county, root))
        yield* append([event(u!, "grid node", root.id, 1, recordCountyEvent({ type: "grid.county.created", county, root }))])
        nodeCounts.created++
      }
      for (const { before, after } of updatedNodes) {
        const [u] = yield* take(1)
        yield* write(store.updateNode(after, before.version))
        yield* append([event(u!, "grid node", after.id, after.version, recordNodeEvent({ type: "grid.node.updated", name: after.name, code: after.code, partyOrganisation: after.partyOrganisation, at }, after))])
        nodeCounts.updated++
      }
      const created = countyCreated ? newRefs.slice(1) : newRefs
      for (let s = 0; s < created.length; s += batchSize) {
        const batch = created.slice(s, s + batchSize).map((r) => r.node!)
        const us = yield* take(batch.length)
        yield* write(store.insertNodes(batch))
        yield* append(batch.map((n, i) => event(us[i]!, "grid node", n.id, 1, recordNodeEvent({ type: "grid.node.created", node: n }, n))))
        nodeCounts.created += batch.length
        report("nodes", nodeCounts.created + nodeCounts.updated, nodeTotal)
      }
      report("nodes", nodeTotal, nodeTotal)

      // 4b. Households: match stored ones in existing units by door number.
      const householdCounts = zero()
      let residents = 0
      const storedHouseholds = new Map<string, Household>()
      {
        const wanted: Array<{ readonly unitId: GridNodeId; readonly door: string }> = []
        for (let i = 0; i < d.households.length; i++) {
          const unit = householdUnits[i]
          if (unit?.existing !== undefined) wanted.push({ unitId: unit.existing.id, door: d.households[i]!.door })
        }
        if (wanted.length > 0 && wanted.length <= lookupLimit) {
          for (const w of wanted) {
            const found = yield* store.findHouseholdByCode(w.unitId, w.door)
            if (Option.isSome(found)) storedHouseholds.set(`${w.unitId}\u0000${w.door}`, found.value)
          }
        } else if (wanted.length > 0) {
          const units = new Set(wanted.map((w) => w.unitId as string))
          const total = (yield* store.countHouseholds(countyId)).households
          let loaded = 0
          yield* listAll((c) => store.listHouseholds(countyId, c), (items) => {
            for (const h of items) if (units.has(h.nodeId)) storedHouseholds.set(`${h.nodeId}\u0000${h.code}`, h)
            loaded += items.length
            report("load", loaded, total)
          })
        }
      }
      /** Turns a resident row into a stored resident in place (fresh id, blanks defaulted). */
      const settle = (r: ResidentRow, ulid: string): Resident => {
        r.id = `res_${ulid}` as ResidentId
        r.phone ??= null
        r.idCardNumber ??= null
        r.relation ??= "other"
        r.partyMember ??= false
        return r as Resident
      }
      const householdTotal = d.households.length
      for (let s = 0; s < householdTotal; s += batchSize) {
        const end = Math.min(householdTotal, s + batchSize)
        // Pass 1: decide what changes, and count the ids needed.
        const updates: Array<{ readonly index: number; readonly stored: Household; readonly residents: Array<Resident | ResidentRow> }> = []
        const creates: Array<number> = []
        let needIds = 0
        for (let i = s; i < end; i++) {
          const group = d.households[i]!
          const unit = householdUnits[i]!.node!
          const stored = storedHouseholds.size === 0 ? undefined : storedHouseholds.get(`${unit.id}\u0000${group.door}`)
          if (stored === undefined) {
            creates.push(i)
            needIds += 2 + group.residents.length
            continue
          }
          if (unchangedResidents(stored.residents, group.residents)) {
            householdCounts.unchanged++
            continue
          }
          // Keep a resident's id when the same person (same ID card, else same name) stays.
          const used = new Set<ResidentId>()
          const next: Array<Resident | ResidentRow> = []
          let same = stored.residents.length === group.residents.length
          for (let j = 0; j < group.residents.length; j++) {
            const r = group.residents[j]!
            const kept = stored.residents.find((p) => !used.has(p.id) && (r.idCardNumber != null ? p.idCardNumber === r.idCardNumber : p.name === r.name))
            if (kept === undefined) {
              next.push(r)
              needIds++
              same = false
              continue
            }
            used.add(kept.id)
            const merged: Resident = {
              id: kept.id,
              name: r.name,
              phone: r.phone === undefined ? kept.phone : r.phone,
              idCardNumber: r.idCardNumber === undefined ? kept.idCardNumber : r.idCardNumber,
              relation: r.relation === undefined ? kept.relation : r.relation ?? "other",
              partyMember: r.partyMember ?? kept.partyMember
            }
            if (same && !sameResident(merged, stored.residents[j]!)) same = false
            next.push(merged)
          }
          if (same) {
            householdCounts.unchanged++
            continue
          }
          updates.push({ index: i, stored, residents: next })
          needIds++
        }
        // Pass 2: build with fresh ids, write.
        const us = yield* take(needIds)
        let k = 0
        for (const u of updates) {
          const unitRef = householdUnits[u.index]!
          const rs = u.residents.map((r) => (r.id === NO_ID ? settle(r as ResidentRow, us[k++]!) : r as Resident))
          residents += rs.length
          const h: Household = { ...u.stored, residents: rs, version: u.stored.version + 1, updatedAt: at }
          yield* write(store.updateHousehold(h, u.stored.version))
          yield* append([event(us[k++]!, "household", h.id, h.version, recordHouseholdEvent({ type: "grid.household.updated", code: h.code, residents: rs, at }, h, unitRef.scope!))])
          householdCounts.updated++
        }
        if (creates.length > 0) {
          const inserts: Array<Household> = new Array(creates.length)
          const insertEvents: Array<NewEvent> = new Array(creates.length)
          for (let c = 0; c < creates.length; c++) {
            const i = creates[c]!
            const group = d.households[i]!
            const unitRef = householdUnits[i]!
            const rs = group.residents as Array<ResidentRow | Resident>
            for (let j = 0; j < rs.length; j++) rs[j] = settle(rs[j] as ResidentRow, us[k++]!)
            residents += rs.length
            const h: Household = {
              id: `hh_${us[k++]!}` as HouseholdId,
              countyId,
              nodeId: unitRef.node!.id,
              code: group.door,
              residents: rs as Array<Resident>,
              status: "active",
              version: 1,
              createdAt: at,
              updatedAt: at
            }
            inserts[c] = h
            insertEvents[c] = event(us[k++]!, "household", h.id, 1, recordHouseholdEvent({ type: "grid.household.created", household: h }, h, unitRef.scope!))
          }
          yield* write(store.insertHouseholds(inserts))
          yield* append(insertEvents)
          householdCounts.created += inserts.length
        }
        report("households", end, householdTotal)
      }

      // 4c. People.
      const peopleCounts = zero()
      const personIds = new Map<string, PersonId>()
      for (const [code, p] of storedPeople) personIds.set(code, p.id)
      const peopleTotal = d.people.length
      for (let s = 0; s < peopleTotal; s += batchSize) {
        const end = Math.min(peopleTotal, s + batchSize)
        // Pass 1: decide (a stored person is kept when nothing changed), count the ids needed.
        const changes: Array<Person | "new" | "same"> = []
        let needIds = 0
        for (let i = s; i < end; i++) {
          const row = d.people[i]!
          const node = personNodes[i]!.node!
          const stored = storedPeople.get(row.code)
          if (stored === undefined) {
            changes.push("new")
            needIds += 2
            continue
          }
          const phone = row.phone === undefined ? stored.phone : row.phone
          if (stored.name === row.name && stored.phone === phone && stored.nodeId === node.id) {
            changes.push("same")
            continue
          }
          changes.push({ ...stored, name: row.name, phone, nodeId: node.id, version: stored.version + 1, updatedAt: at })
          needIds++
        }
        const us = yield* take(needIds)
        let k = 0
        const inserts: Array<Person> = []
        const insertEvents: Array<NewEvent> = []
        for (let i = s; i < end; i++) {
          const row = d.people[i]!
          const ref = personNodes[i]!
          const node = ref.node!
          const change = changes[i - s]!
          if (change === "same") {
            peopleCounts.unchanged++
          } else if (change === "new") {
            const person: Person = { id: `psn_${us[k++]!}` as PersonId, countyId, nodeId: node.id, code: row.code, name: row.name, phone: row.phone ?? null, householdId: null, version: 1, createdAt: at, updatedAt: at }
            personIds.set(row.code, person.id)
            inserts.push(person)
            insertEvents.push(event(us[k++]!, "person", person.id, 1, recordPersonEvent({ type: "grid.person.created", person }, person, ref.scope!)))
          } else {
            yield* write(store.updatePerson(change, change.version - 1))
            yield* append([event(us[k++]!, "person", change.id, change.version, recordPersonEvent({ type: "grid.person.updated", name: change.name, phone: change.phone, nodeId: change.nodeId, householdId: change.householdId, at }, change, ref.scope!))])
            peopleCounts.updated++
          }
        }
        if (inserts.length > 0) {
          yield* write(store.insertPeople(inserts))
          yield* append(insertEvents)
          peopleCounts.created += inserts.length
        }
        report("people", end, peopleTotal)
      }

      // 4d. Assignments: match stored ones by person, node, role and start date.
      const assignmentCounts = zero()
      const storedAssignments = new Map<string, Assignment>()
      const assignmentKey = (personId: string, nodeId: string, role: string, startDate: string) => `${personId}\u0000${nodeId}\u0000${role}\u0000${startDate}`
      {
        const wanted: Array<AssignmentRow & { readonly personId: PersonId; readonly nodeId: GridNodeId }> = []
        for (let i = 0; i < d.assignments.length; i++) {
          const a = d.assignments[i]!
          const person = storedPeople.get(a.personCode)
          const node = assignmentNodes[i]!.existing
          if (person !== undefined && node !== undefined) wanted.push({ ...a, personId: person.id, nodeId: node.id })
        }
        if (wanted.length > 0 && wanted.length <= lookupLimit) {
          for (const w of wanted) {
            const found = yield* store.findAssignment(w.personId, w.nodeId, w.role, w.startDate)
            if (Option.isSome(found)) storedAssignments.set(assignmentKey(w.personId, w.nodeId, w.role, w.startDate), found.value)
          }
        } else if (wanted.length > 0) {
          yield* listAll((c) => store.listAssignments(countyId, c), (items) => {
            for (const a of items) storedAssignments.set(assignmentKey(a.personId, a.nodeId, a.role, a.startDate), a)
          })
        }
      }
      const assignmentTotal = d.assignments.length
      for (let s = 0; s < assignmentTotal; s += batchSize) {
        const end = Math.min(assignmentTotal, s + batchSize)
        // Pass 1: decide, count the ids needed.
        const changes: Array<Assignment | "new" | "same"> = []
        let needIds = 0
        for (let i = s; i < end; i++) {
          const row = d.assignments[i]!
          const node = assignmentNodes[i]!.node!
          const stored = storedAssignments.get(assignmentKey(personIds.get(row.personCode)!, node.id, row.role, row.startDate))
          if (stored === undefined) {
            changes.push("new")
            needIds += 2
            continue
          }
          const endDate = row.endDate === undefined ? stored.endDate : row.endDate
          if (endDate === stored.endDate) {
            changes.push("same")
            continue
          }
          changes.push({ ...stored, endDate, version: stored.version + 1, updatedAt: at })
          needIds++
        }
        const us = yield* take(needIds)
        let k = 0
        const inserts: Array<Assignment> = []
        const insertEvents: Array<NewEvent> = []
        for (let i = s; i < end; i++) {
          const row = d.assignments[i]!
          const ref = assignmentNodes[i]!
          const node = ref.node!
          const personId = personIds.get(row.personCode)!
          const change = changes[i - s]!
          if (change === "new") {
            const a: Assignment = {
              id: `asg_${us[k++]!}` as AssignmentId,
              countyId,
              personId,
              nodeId: node.id,
              role: row.role,
              startDate: row.startDate,
              endDate: row.endDate ?? null,
              version: 1,
              createdAt: at,
              updatedAt: at
            }
            inserts.push(a)
            insertEvents.push(event(us[k++]!, "assignment", a.id, 1, recordAssignmentEvent({ type: "grid.assignment.created", assignment: a }, a, ref.scope!)))
            continue
          }
          if (change === "same") {
            assignmentCounts.unchanged++
            continue
          }
          yield* write(store.updateAssignment(change, change.version - 1))
          yield* append([event(us[k++]!, "assignment", change.id, change.version, recordAssignmentEvent({ type: "grid.assignment.updated", endDate: change.endDate, at }, change, ref.scope!))])
          assignmentCounts.updated++
        }
        if (inserts.length > 0) {
          yield* write(store.insertAssignments(inserts))
          yield* append(insertEvents)
          assignmentCounts.created += inserts.length
        }
        report("assignments", end, assignmentTotal)
      }

      for (const [phase, total] of [["households", householdTotal], ["people", peopleTotal], ["assignments", assignmentTotal]] as const) {
        if (total === 0) report(phase, 0, 0)
      }
      const finished = yield* Clock.currentTimeMillis
      const result: ImportReport = {
        countyId,
        countyCode,
        countyCreated,
        nodes: nodeCounts,
        households: householdCounts,
        residents,
        people: peopleCounts,
        assignments: assignmentCounts,
        events: dryRun ? 0 : events,
        dryRun,
        durationMs: finished - started
      }
      return result
    })
    return yield* uow.transaction(work)
  })
