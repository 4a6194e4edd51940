/**
 * A county's deliberation configuration (session types, categories, responsible units,
 * quorum and majority, what a poor rating is), the command that changes it and the event
 * it causes.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { redactText } from "../kernel/redact.js"
import { Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { Category, ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"
import { expectedVersion, happened, rule, Version } from "./parts.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Names

/**
 * A name a county gives to a session type, category or unit: one line, and no phone or
 * ID-card number in it (no run of 7 digits or more, in any spacing).
 *
 * @category schemas
 * @since 0.4.0
 */
export const VocabularyName = (max: number) =>
  Text(max).check(Schema.makeFilter((s: string) => redactText(s) === s, rule(
    "must not contain a phone or ID-card number (7 digits or more)",
    "不能包含电话号码或身份证号（7 位及以上数字）"
  )))

// ---------------------------------------------------------------------------
// Configuration

/**
 * A kind of session (圆桌会, 居民议事会, 小马扎议事, 街坊说事点, 接待日, or one the county adds).
 *
 * @category models
 * @since 0.3.0
 */
export const SessionType = Schema.Struct({ key: ConfigKey, nameZh: VocabularyName(20), nameEn: VocabularyName(60) })
/** @category models @since 0.3.0 */
export type SessionType = typeof SessionType.Type

/**
 * A unit that takes items up (责任单位): the property company, a department, the community…
 *
 * @category models
 * @since 0.3.0
 */
export const ResponsibleUnit = Schema.Struct({ code: ConfigKey, name: VocabularyName(60) })
/** @category models @since 0.3.0 */
export type ResponsibleUnit = typeof ResponsibleUnit.Type

/**
 * A category of items (the kernel's category shape), its names free of phone
 * and ID-card numbers.
 *
 * @category models
 * @since 0.4.0
 */
export const ItemCategory = Category.check(Schema.makeFilter((c: Category) => redactText(c.nameZh) === c.nameZh && redactText(c.nameEn) === c.nameEn, rule(
  "names must not contain a phone or ID-card number (7 digits or more)",
  "名称不能包含电话号码或身份证号（7 位及以上数字）"
)))
/** @category models @since 0.4.0 */
export type ItemCategory = typeof ItemCategory.Type

/** A non-empty list whose `key` of each entry is unique. */
const keyedList = <S extends Schema.Top>(item: S, key: (x: S["Type"]) => string, max: number) =>
  Schema.Array(item).check(
    Schema.isMinLength(1, rule("must list at least one", "至少需要一项")),
    Schema.isMaxLength(max, rule(`must list at most ${max}`, `最多 ${max} 项`)),
    isUniqueBy(key, { en: "must not repeat a key", zh: "代码不能重复", issue: (k) => `repeats the key ${k}` })
  )

/**
 * The share of the members who must be present for a vote to count (法定人数): more than 0,
 * at most 1.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Quorum = Schema.Finite.check(Schema.makeFilter((n: number) => n > 0 && n <= 1, rule("must be a share above 0 and at most 1", "必须是大于 0 且不超过 1 的比例")))

/**
 * The share of those present who must vote in favour; a vote passes above it: from ½ up to,
 * not including, 1.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Majority = Schema.Finite.check(Schema.makeFilter((n: number) => n >= 0.5 && n < 1, rule("must be a share from 0.5 up to (not including) 1", "必须是不小于 0.5 且小于 1 的比例")))

/**
 * An average rating below which an item may be reopened: 1 to 5.
 *
 * @category schemas
 * @since 0.4.0
 */
export const PoorRatingBelow = Schema.Finite.check(Schema.makeFilter((n: number) => n >= 1 && n <= 5, rule("must be a rating from 1 to 5", "必须是 1 到 5 之间的评分")))

/** The lists a county configures, with their rules. */
const SessionTypes = keyedList(SessionType, (t) => t.key, 50)
const Categories = keyedList(ItemCategory, (c) => c.key, 100)
const Units = keyedList(ResponsibleUnit, (u) => u.code, 200)

/**
 * A county's deliberation configuration.
 *
 * @category models
 * @since 0.3.0
 */
export const DeliberationConfig = Schema.Struct({
  countyId: GridNodeId,
  sessionTypes: SessionTypes,
  categories: Categories,
  units: Units,
  quorum: Quorum,
  majority: Majority,
  /** An average rating below this reopens an item on request (1–5). */
  poorRatingBelow: PoorRatingBelow,
  version: Version,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.3.0 */
export type DeliberationConfig = typeof DeliberationConfig.Type

/**
 * Change a county's deliberation configuration; absent fields stay. Every value is checked
 * here: lists are non-empty with unique keys, names carry no phone or ID-card number, the
 * quorum is a share above 0, the majority at least ½ and below 1, the poor rating 1 to 5.
 *
 * @category commands
 * @since 0.3.0
 */
export const ConfigureDeliberation = Schema.Struct({
  sessionTypes: optional(SessionTypes),
  categories: optional(Categories),
  units: optional(Units),
  quorum: optional(Quorum),
  majority: optional(Majority),
  poorRatingBelow: optional(PoorRatingBelow),
  expectedVersion
})
/** @category commands @since 0.3.0 */
export type ConfigureDeliberation = typeof ConfigureDeliberation.Type

/**
 * What happened to a county's configuration.
 *
 * @category events
 * @since 0.4.0
 */
export const DeliberationConfigEvent = Schema.Struct({
  type: Schema.Literal("configured"),
  ...happened,
  config: DeliberationConfig,
  changed: Schema.Array(Schema.String)
})
/** @category events @since 0.4.0 */
export type DeliberationConfigEvent = typeof DeliberationConfigEvent.Type
