/**
 * The vocabulary the contexts share beyond text: bilingual labels, the keys and categories
 * a county configures, lists whose entries have unique keys, and the coarse open/closed
 * status every lifecycle reports beside its detailed state.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { InvalidTransition } from "./errors.js"
import { Text } from "./text.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/**
 * A name in English and Chinese, for views, diagrams and messages.
 *
 * @category models
 * @since 0.4.0
 */
export interface BilingualLabel {
  readonly en: string
  readonly zh: string
}

/**
 * The bilingual names of every member of a set of literals (states, roles, rounds, …).
 *
 * @category models
 * @since 0.4.0
 */
export type Labels<K extends string> = Readonly<Record<K, BilingualLabel>>

/**
 * A filter on a list that reports the first entry whose key repeats an earlier one, at that
 * entry's index (and `field` below it, when given). The issue reads `issue(key)`, by default
 * `"<en>: <key>"`; `en` and `zh` are the rule's messages.
 *
 * @category schemas
 * @since 0.4.0
 */
export const isUniqueBy = <A>(
  key: (a: A) => string,
  options: {
    readonly field?: string | undefined
    readonly en: string
    readonly zh: string
    readonly issue?: ((key: string) => string) | undefined
  }
) => {
  const { en, field, issue = (k: string) => `${en}: ${k}`, zh } = options
  return Schema.makeFilter((xs: ReadonlyArray<A>) => {
    const seen = new Set<string>()
    for (const [i, x] of xs.entries()) {
      const k = key(x)
      if (seen.has(k)) return { path: field === undefined ? [i] : [i, field], issue: issue(k) }
      seen.add(k)
    }
    return undefined
  }, rule(en, zh))
}

/**
 * A key of a county's configuration (a category, a department, a session type, a unit):
 * lower-case ASCII letters, digits and `_`.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ConfigKey = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, rule(
    "must be a key of lower-case letters, digits and _ (at most 40), e.g. water_leak",
    "必须是由小写字母、数字或下划线组成的代码（最多 40 个），例如 water_leak"
  ))
)

/**
 * A category a county configures (a dispute's 噪音, 漏水, 停车, …; a deliberation item's):
 * a key and its names in Chinese and English.
 *
 * @category models
 * @since 0.2.0
 */
export const Category = Schema.Struct({ key: ConfigKey, nameZh: Text(20), nameEn: Text(40) })
/** @category models @since 0.2.0 */
export type Category = typeof Category.Type

/**
 * How many of something fell in a category during a period of statistics, with the count
 * of the same days a year earlier and the change against it as a signed percentage (e.g.
 * `-19.5%`), each `null` where there is nothing to compare with.
 *
 * @category models
 * @since 0.4.0
 */
export const CategoryCount = Schema.Struct({
  category: Schema.String,
  nameZh: Schema.String,
  nameEn: Schema.String,
  count: Schema.Int,
  lastYear: Schema.NullOr(Schema.Int),
  change: Schema.NullOr(Schema.String)
})
/** @category models @since 0.4.0 */
export type CategoryCount = typeof CategoryCount.Type

/**
 * A member of staff named by id and name. The contexts reference people by `PersonId`
 * instead; this shape stays for integrators who still use it.
 *
 * @category models
 * @since 0.2.0
 */
export const Staff = Schema.Struct({ id: Schema.String.check(Schema.isNonEmpty()), name: Text(40) })
/** @category models @since 0.2.0 */
export type Staff = typeof Staff.Type

/**
 * The coarse status beside a lifecycle's detailed state: `open` while something is still
 * to be done, `closed` once it is settled either way.
 *
 * @category models
 * @since 0.4.0
 */
export const OpenStatus = Schema.Literals(["open", "closed"])
/** @category models @since 0.4.0 */
export type OpenStatus = typeof OpenStatus.Type

/**
 * Bilingual names of the coarse status.
 *
 * @category models
 * @since 0.4.0
 */
export const OpenStatusLabels: Labels<OpenStatus> = {
  open: { en: "open", zh: "未办结" },
  closed: { en: "closed", zh: "已办结" }
}

/**
 * The coarse status of a lifecycle whose open states are `openStates`: a state among them
 * is `open`, any other `closed`.
 *
 * @category constructors
 * @since 0.4.0
 */
export const openStatusOf = <S extends string>(openStates: ReadonlyArray<S>) => {
  const open = new Set<string>(openStates)
  return (state: S): OpenStatus => (open.has(state) ? "open" : "closed")
}

/**
 * The `InvalidTransition` for a command a lifecycle's table does not allow in a state, in
 * words: "cannot <action> a <entity> that is <state>", and the same in Chinese.
 *
 * @category constructors
 * @since 0.4.0
 */
export const refusedCommand = (
  entity: { readonly en: string; readonly zh: string },
  from: string,
  command: string,
  state: BilingualLabel,
  action: BilingualLabel
): InvalidTransition =>
  new InvalidTransition({
    entity: entity.en,
    from,
    command,
    message: `cannot ${action.en} a ${entity.en} that is ${state.en}`,
    messageZh: `${entity.zh}处于「${state.zh}」状态，不能执行「${action.zh}」`
  })
