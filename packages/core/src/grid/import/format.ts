/**
 * The import files' format, as data: the four files, their columns with English and
 * Chinese headers, the record types a caller may pass instead of CSV text, and the
 * options, report and errors of an import.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import type { Conflict, Forbidden, StorageError } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import type { LevelTemplate } from "../model.js"

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
 * The names a worksheet of a county's workbook may have for each import file, English
 * first (a workbook read for the import finds each sheet by any of them, case and spaces
 * ignored).
 *
 * @category models
 * @since 0.5.0
 */
export const importSheetNames: { readonly [F in ImportFile]: ReadonlyArray<string> } = {
  "nodes.csv": ["nodes", "节点", "网格节点", "网格"],
  "households.csv": ["households", "住户", "居民", "住户居民"],
  "people.csv": ["people", "人员", "人员名录"],
  "assignments.csv": ["assignments", "任职", "任职关系", "岗位"]
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
 * Headers accepted as another spelling of a column's English name (after lower-casing and
 * turning spaces and hyphens into `_`), in English or Chinese; an alias counts only in a
 * file that has the column.
 *
 * @internal
 */
export const headerAliases: Readonly<Record<string, string>> = {
  party_organization: "party_organisation",
  // Chinese headers counties' own ledgers use besides the format's (importColumns' nameZh).
  "电话": "phone",
  "手机": "phone",
  "手机号": "phone",
  "手机号码": "phone",
  "身份证": "id_card",
  "公民身份号码": "id_card",
  "党员": "party_member",
  "政治面貌": "party_member",
  "门牌": "door_number",
  "户号": "door_number",
  "编号": "code",
  "所属党组织": "party_organisation",
  "起始日期": "start_date",
  "终止日期": "end_date"
}

/**
 * A header as compared with the columns' names: trimmed, lower case, spaces and hyphens as `_`.
 *
 * @internal
 */
export const normaliseHeader = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, "_")
