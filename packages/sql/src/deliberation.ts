/**
 * Deliberation's rows: sessions and items whole as JSON in `doc`, beside the board's sort
 * keys and filters (an item is overdue from its `due_at` on) and the statistics facts. A
 * document is written as the value itself: the encoded form of `DeliberationItem` and
 * `Session` is the value (plain JSON, no transformation).
 */
import { DeliberationConfig, DeliberationItem, dueAtOf, onTimeOf, Session } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

/**
 * An item as read back: every check of the core schema.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const decodeItem = Schema.decodeUnknownSync(DeliberationItem)

/**
 * A session as read back: every check of the core schema.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const decodeSession = Schema.decodeUnknownSync(Session)

/**
 * The row of an item.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const itemRow = (i: DeliberationItem) => ({
  id: i.id,
  county_id: i.countyId,
  path: toPath(i.scope),
  parent_id: i.parentId,
  category: i.category,
  unit: i.unit?.code ?? "",
  state: i.state,
  status: i.status,
  raised_at: i.raisedAt,
  promised_key: i.promisedBy ?? "~",
  due_at: dueAtOf(i),
  progress: i.progress,
  rating_key: i.ratingCount === 0 ? 99 : i.ratingSum / i.ratingCount,
  taken_up: i.acceptedAt === null ? 0 : 1,
  on_time: onTimeOf(i),
  ratings: i.ratingCount,
  rating_sum: i.ratingSum,
  rating_high: i.ratingHigh,
  version: i.version,
  doc: JSON.stringify(i)
})

/**
 * A row of `deliberation_items`.
 *
 * @category deliberation
 * @since 0.5.0
 */
export type ItemRow = ReturnType<typeof itemRow>

/**
 * The table of deliberation items.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const deliberationItems = documentShape({
  table: "deliberation_items",
  entity: "deliberation item",
  id: (i: DeliberationItem) => i.id,
  row: itemRow,
  decode: (doc) => decodeItem(JSON.parse(doc))
})

/**
 * The table of deliberation sessions.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const deliberationSessions = documentShape({
  table: "deliberation_sessions",
  entity: "deliberation session",
  id: (s: Session) => s.id,
  row: (s) => ({ id: s.id, county_id: s.countyId, path: toPath(s.scope), held_at: s.heldAt, version: s.version, doc: JSON.stringify(s) }),
  decode: (doc) => decodeSession(JSON.parse(doc))
})

/**
 * The board's orders, as `ORDER BY` clauses.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const BOARD_ORDER = {
  raised: "raised_at DESC, id DESC",
  promised: "promised_key, id",
  progress: "progress, id",
  rating: "rating_key, id"
} as const

/**
 * The table of the counties' deliberation configurations.
 *
 * @category deliberation
 * @since 0.5.0
 */
export const deliberationConfigs = configShape("deliberation_configs", "deliberation configuration", DeliberationConfig)
