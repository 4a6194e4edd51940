/**
 * Domain errors. Every error has a stable tag (the machine code an integrator matches on)
 * and a message in English and in Chinese, so any front end can show it as it is.
 * They are schema-backed, so the HTTP adapter can send and the typed client can decode them.
 *
 * @since 0.1.0
 */
import { Schema, SchemaIssue } from "effect"

/**
 * What a user sees of one invalid field: where, and which rule it broke.
 *
 * @category models
 * @since 0.1.0
 */
export const FieldIssue = Schema.Struct({
  /** Dotted path of the field, e.g. `residents.0.phone`; empty for the whole input. */
  path: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
})
/** @category models @since 0.1.0 */
export type FieldIssue = typeof FieldIssue.Type

/**
 * The thing asked for does not exist (or the actor may not know that it does).
 *
 * @category errors
 * @since 0.1.0
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  entity: Schema.String,
  id: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The actor is not allowed to do this here.
 *
 * @category errors
 * @since 0.1.0
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  action: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The command clashes with the current state: a stale version, a duplicate code, an
 * idempotency key reused for another command, a node that still has live children.
 * `reason` is a stable snake_case code.
 *
 * @category errors
 * @since 0.1.0
 */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  reason: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The input breaks a rule; `issues` names every field and the rule it broke.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  issues: Schema.Array(FieldIssue),
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The command is not allowed in the entity's current state.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  entity: Schema.String,
  from: Schema.String,
  command: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The store failed (disk, driver, corrupt row). Not the caller's fault.
 *
 * @category errors
 * @since 0.1.0
 */
export class StorageError extends Schema.TaggedError<StorageError>()("StorageError", {
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * Every error a use case may fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type DomainError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition

/**
 * The schema of {@link DomainError} plus {@link StorageError}, for transports.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DomainErrorSchema = Schema.Union([NotFound, Forbidden, Conflict, InvalidInput, InvalidTransition, StorageError])

const entityZh: Record<string, string> = {
  "grid node": "网格节点",
  county: "区县",
  household: "住户",
  resident: "居民",
  person: "人员",
  assignment: "任职",
  event: "事件",
  "points account": "积分账户",
  transfer: "转账",
  hold: "预扣",
  service: "服务",
  need: "需求",
  volunteer: "志愿者",
  team: "志愿队伍",
  "mediation case": "调解案件",
  "deliberation session": "议事会议",
  "deliberation item": "议事事项",
  "volunteer team": "志愿队伍",
  "points configuration": "积分配置",
  "matching configuration": "对接配置",
  "mediation configuration": "调解配置",
  "deliberation configuration": "议事配置",
  "merchant guard": "商户验码保护",
  notification: "通知",
  "webhook subscription": "Webhook 订阅",
  "notification configuration": "通知配置",
  "notifications service": "通知服务",
  job: "定时任务",
  "jobs configuration": "定时任务配置"
}

/** @category constructors @since 0.1.0 */
export const notFound = (entity: string, id: string): NotFound =>
  new NotFound({
    entity,
    id,
    message: `${entity} ${id} was not found`,
    messageZh: `未找到${entityZh[entity] ?? entity} ${id}`
  })

/** @category constructors @since 0.1.0 */
export const forbidden = (action: string, where: string, whereZh: string = where): Forbidden =>
  new Forbidden({
    action,
    message: `not allowed to ${action} at ${where}`,
    messageZh: `无权在 ${whereZh} 执行 ${action}`
  })

/**
 * The Chinese name of an entity named in messages (`points account` → `积分账户`).
 *
 * @category constructors
 * @since 0.4.0
 */
export const entityNameZh = (entity: string): string => entityZh[entity] ?? entity

/** @category constructors @since 0.1.0 */
export const conflict = (reason: string, message: string, messageZh: string): Conflict =>
  new Conflict({ reason, message, messageZh })

/** @category constructors @since 0.1.0 */
export const staleVersion = (entity: string, id: string, expected: number, actual: number): Conflict =>
  conflict(
    "version_mismatch",
    `${entity} ${id} is at version ${actual}, not ${expected}: reload and try again`,
    `${entityZh[entity] ?? entity} ${id} 当前版本为 ${actual}，而非 ${expected}：请刷新后重试`
  )

/**
 * The conflict every store fails an insert with when the id is taken, worded once for the
 * memory stores, the SQLite stores and a county's own: `reason` is `duplicate_id` unless a
 * port's contract names its own (`duplicate_transfer`, `duplicate_hold`).
 *
 * @example
 * ```ts
 * import { duplicateId } from "@mulin/core"
 *
 * duplicateId("need", "need_01J…") // Conflict duplicate_id: "need need_01J… already exists" / "需求 need_01J… 已存在"
 * ```
 *
 * @category constructors
 * @since 0.4.0
 */
export const duplicateId = (entity: string, id: string, reason: string = "duplicate_id"): Conflict =>
  conflict(reason, `${entity} ${id} already exists`, `${entityNameZh(entity)} ${id} 已存在`)

/** @category constructors @since 0.1.0 */
export const invalidInput = (issues: ReadonlyArray<FieldIssue>): InvalidInput =>
  new InvalidInput({
    issues,
    message: issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; "),
    messageZh: issues.map((i) => (i.path === "" ? i.messageZh : `${i.path}：${i.messageZh}`)).join("；")
  })

/** @category constructors @since 0.1.0 */
export const invalidField = (path: string, message: string, messageZh: string): InvalidInput =>
  invalidInput([{ path, message, messageZh }])

/** @category constructors @since 0.1.0 */
export const invalidTransition = (entity: string, from: string, command: string): InvalidTransition =>
  new InvalidTransition({
    entity,
    from,
    command,
    message: `cannot ${command} a ${entity} that is ${from}`,
    messageZh: `${entityZh[entity] ?? entity}处于「${from}」状态，不能执行「${command}」`
  })

/**
 * A {@link StorageError} for a driver failure. The message stays generic, because it may
 * reach clients; the driver's error is kept as the non-enumerable `cause` for logs.
 *
 * @category constructors
 * @since 0.1.0
 */
export const storageError = (cause: unknown): StorageError => {
  const error = new StorageError({ message: "the store failed to complete the operation", messageZh: "存储出错，请稍后重试" })
  Object.defineProperty(error, "cause", { value: cause, enumerable: false, configurable: true })
  return error
}

// ---------------------------------------------------------------------------
// Schema issues → bilingual field issues

const typeZh: Record<string, string> = {
  string: "文本",
  number: "数字",
  boolean: "布尔值",
  array: "数组",
  object: "对象",
  integer: "整数",
  null: "空值",
  bigint: "大整数"
}

const zhForEnglish = (message: string): string => {
  const rules: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
    [/^Missing key$/, () => "缺少必填字段"],
    [/^Unexpected key/, () => "不允许的字段"],
    [/^Expected (string|number|boolean|array|object|integer|null|bigint)(?:, got (.*))?$/, (m) => `应为${typeZh[m[1]!] ?? m[1]}${m[2] === undefined ? "" : `，实际为 ${m[2]}`}`],
    [/^Expected an integer/, () => "应为整数"],
    [/^Expected a finite number/, () => "应为有限数字"],
    [/^Expected a value with a length of at least (\d+)/, (m) => `长度至少为 ${m[1]}`],
    [/^Expected a value with a length of at most (\d+)/, (m) => `长度至多为 ${m[1]}`],
    [/^Expected a value greater than or equal to (\S+)/, (m) => `应大于或等于 ${m[1]}`],
    [/^Expected a value less than or equal to (\S+)/, (m) => `应小于或等于 ${m[1]}`],
    [/^Expected a value greater than (\S+)/, (m) => `应大于 ${m[1]}`],
    [/^Expected a value less than (\S+)/, (m) => `应小于 ${m[1]}`],
    [/^Expected a value between (\S+) and (\S+)/, (m) => `应介于 ${m[1]} 与 ${m[2]} 之间`],
    [/^Expected "(.*)", got (.*)$/, (m) => `应为 "${m[1]}"，实际为 ${m[2]}`],
    [/^Expected (.*), got (.*)$/, (m) => `应为 ${m[1]}，实际为 ${m[2]}`],
    [/^Expected a value matching/, () => "格式不正确"],
    [/^Expected a string representing a finite number/, () => "应为表示有限数字的文本"],
    [/^Expected a string representing (.*)$/, (m) => `应为表示 ${m[1]} 的文本`],
    [/^Expected a valid value/, () => "值无效"]
  ]
  for (const [re, zh] of rules) {
    const m = message.match(re)
    if (m) return zh(m)
  }
  return `输入无效（${message}）`
}

const annotationZh = (issue: SchemaIssue.Issue): string | undefined => {
  if (issue._tag === "Filter") {
    const zh = (issue.filter.annotations as Record<string, unknown> | undefined)?.["messageZh"]
    if (typeof zh === "string") return zh
    return annotationZh(issue.issue)
  }
  if (issue._tag === "Pointer" || issue._tag === "Composite" || issue._tag === "Encoding") return undefined
  const annotations = ("annotations" in issue ? issue.annotations : issue.ast.annotations) as Record<string, unknown> | undefined
  const zh = annotations?.["messageZh"]
  return typeof zh === "string" ? zh : undefined
}

const formatEn = SchemaIssue.makeFormatterStandardSchemaV1()
const formatZh = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => annotationZh(issue) ?? zhForEnglish(SchemaIssue.defaultLeafHook(issue)),
  checkHook: (issue) => {
    const zh = annotationZh(issue)
    if (zh !== undefined) return zh
    const en = SchemaIssue.defaultCheckHook(issue)
    return en === undefined ? undefined : zhForEnglish(en)
  }
})

const pathOf = (prefix: ReadonlyArray<string>, path: ReadonlyArray<unknown> | undefined): string =>
  [...prefix, ...(path ?? []).map((p) => String(typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p))].join(".")

/**
 * Turns a schema issue into bilingual field issues. Custom checks carry their Chinese rule in
 * a `messageZh` annotation; the built-in messages are translated.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fieldIssues = (issue: SchemaIssue.Issue, prefix: ReadonlyArray<string> = []): Array<FieldIssue> => {
  const en = formatEn(issue).issues
  const zh = formatZh(issue).issues
  // A built-in check without a message of its own ("Expected a value between 1 and 120") comes back untranslated: translate it.
  return en.map((e, i) => ({ path: pathOf(prefix, e.path), message: e.message, messageZh: zh[i] === undefined || zh[i].message === e.message ? zhForEnglish(e.message) : zh[i].message }))
}

/**
 * Turns a failed decode into {@link InvalidInput}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromSchemaError = (error: Schema.SchemaError, prefix: ReadonlyArray<string> = []): InvalidInput =>
  invalidInput(fieldIssues(error.issue, prefix))
