/**
 * A county's mediation configuration (categories, deadlines, the department registry, who
 * supervises at the street), the command that changes it and the event it causes.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { Category, ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"
import { LevelKey } from "../grid/model.js"
import { EventBase, ExpectedVersion, PersonIds, rule } from "./parts.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Configuration

/**
 * A government department cases can be escalated to. Departments are not grid nodes: each
 * county keeps a registry of them. `staff` are people of the county who act for the
 * department: they see and handle the cases escalated to it, and nothing else.
 *
 * @category models
 * @since 0.2.0
 */
export const Department = Schema.Struct({
  code: ConfigKey,
  name: Text(60),
  /** The categories this department takes when a case is escalated automatically. */
  categories: Schema.Array(ConfigKey).check(isUniqueBy((k: string) => k, { en: "names the same category twice", zh: "同一类别重复出现" })),
  /** People of the county who act for the department. */
  staff: PersonIds(200),
  /** Who supervises cases escalated to the department (`null`: the system). */
  supervisor: Schema.NullOr(PersonId)
})
/** @category models @since 0.2.0 */
export type Department = typeof Department.Type

/**
 * The person who supervises the cases escalated to a street.
 *
 * @category models
 * @since 0.4.0
 */
export const StreetSupervisor = Schema.Struct({ streetId: GridNodeId, supervisor: PersonId })
/** @category models @since 0.4.0 */
export type StreetSupervisor = typeof StreetSupervisor.Type

const Hours = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 366 }, rule("must be from 1 to 8784 hours", "必须在 1 到 8784 小时之间")))

/**
 * How long each step may take, in hours (a duration: the same in every time zone).
 *
 * @category models
 * @since 0.2.0
 */
export const Deadlines = Schema.Struct({
  /** From report to acceptance (受理). */
  acceptHours: Hours,
  /** From acceptance to the first statement heard (一听). */
  firstHearingHours: Hours,
  /** From acceptance to an agreement or a recorded failure (调解协议). */
  agreementHours: Hours,
  /** From a failed mediation to its escalation to the street. */
  escalationHours: Hours,
  /** How long the street has, by default, once a case is escalated to it. */
  streetHours: Hours,
  /** How long a department has, by default. */
  departmentHours: Hours
})
/** @category models @since 0.2.0 */
export type Deadlines = typeof Deadlines.Type

const ReopenWindowDays = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 3660 }, rule("must be from 0 to 3660 days", "必须在 0 到 3660 天之间")))

const Categories = Schema.Array(Category).check(
  Schema.isMinLength(1),
  Schema.isMaxLength(100),
  isUniqueBy((c: Category) => c.key, { field: "key", en: "repeats a category key", zh: "类别代码重复" })
)
const Departments = Schema.Array(Department).check(
  Schema.isMaxLength(200),
  isUniqueBy((d: Department) => d.code, { field: "code", en: "repeats a department code", zh: "部门代码重复" })
)
const StreetSupervisors = Schema.Array(StreetSupervisor).check(
  Schema.isMaxLength(1000),
  isUniqueBy((s: StreetSupervisor) => s.streetId, { field: "streetId", en: "names the same street twice", zh: "同一街道重复出现" })
)

interface ConfigShape {
  readonly categories?: ReadonlyArray<Category> | undefined
  readonly departments?: ReadonlyArray<Department> | undefined
  readonly defaultDepartment?: string | null | undefined
}

/** The rules between the parts of a configuration, checked over the parts that are given. */
const consistent = Schema.makeFilter((c: ConfigShape) => {
  const issues: Array<Schema.FilterIssue> = []
  if (c.categories !== undefined && c.departments !== undefined) {
    const keys = new Set(c.categories.map((k) => k.key))
    for (const [i, d] of c.departments.entries()) {
      for (const [j, k] of d.categories.entries()) {
        if (!keys.has(k)) issues.push({ path: ["departments", i, "categories", j], issue: `names the unknown category ${k}` })
      }
    }
  }
  if (c.departments !== undefined && c.defaultDepartment !== undefined && c.defaultDepartment !== null && !c.departments.some((d) => d.code === c.defaultDepartment)) {
    issues.push({ path: ["defaultDepartment"], issue: `names the unknown department ${c.defaultDepartment}` })
  }
  return issues
}, rule("must name only the configuration's own categories and departments", "只能引用本配置中的类别和部门"))

/**
 * A county's mediation configuration. Readable by the county's staff only
 * (`county.config.read`), written by those who supervise mediation in the county.
 *
 * @category models
 * @since 0.2.0
 */
export const MediationConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Categories,
  deadlines: Deadlines,
  /**
   * How many days after the day a case was resolved (in the county's calendar) it may
   * still be reopened when its agreement is broken: until the end of that local day.
   */
  reopenWindowDays: ReopenWindowDays,
  /** The level of the county's template whose node supervises a community (default `street`). */
  streetLevel: LevelKey,
  /** Who supervises the cases escalated to a street, when the escalation names no one. */
  streetSupervisors: StreetSupervisors,
  departments: Departments,
  /** The department automatic escalation falls back to when none takes the category. */
  defaultDepartment: Schema.NullOr(ConfigKey),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
}).check(consistent)
/** @category models @since 0.2.0 */
export type MediationConfig = typeof MediationConfig.Type


/**
 * Change a county's mediation configuration; what is left out keeps its current value.
 * The parts given are checked here (unique keys and codes, departments taking known
 * categories when both are given); the whole configuration after the change is checked
 * against {@link MediationConfig}.
 *
 * @category commands
 * @since 0.2.0
 */
export const ConfigureMediation = Schema.Struct({
  categories: optional(Categories),
  deadlines: optional(Deadlines),
  reopenWindowDays: optional(ReopenWindowDays),
  streetLevel: optional(LevelKey),
  streetSupervisors: optional(StreetSupervisors),
  departments: optional(Departments),
  defaultDepartment: optional(Schema.NullOr(ConfigKey)),
  expectedVersion: ExpectedVersion
}).check(consistent)
/** @category commands @since 0.2.0 */
export type ConfigureMediation = typeof ConfigureMediation.Type

/**
 * What happened to a county's configuration: the whole configuration after the change
 * and the names of the parts that changed.
 *
 * @category events
 * @since 0.4.0
 */
export const MediationConfigEvent = Schema.Struct({ type: Schema.Literal("changed"), ...EventBase, config: MediationConfig, changed: Schema.Array(Schema.String) })
/** @category events @since 0.4.0 */
export type MediationConfigEvent = typeof MediationConfigEvent.Type
