/**
 * The event feed: the events of every context, in the order the log appended them, as far
 * as the actor may see them. The log is the audit trail and the outbox integrators poll
 * with the `after` cursor; the feed reads it through the one scope check, so an actor sees
 * exactly the events whose scope lies where they hold `events.read`.
 *
 * @since 0.4.0
 */
import { Context, Effect, Layer } from "effect"
import { Access } from "./access.js"
import type { Actor } from "./actor.js"
import { forbidden, type Forbidden, invalidField, type InvalidInput, type StorageError } from "./errors.js"
import type { StoredEvent } from "./events.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "./pagination.js"
import { EventLog } from "./store.js"

/**
 * Every error reading the feed can fail with.
 *
 * @category errors
 * @since 0.4.0
 */
export type FeedError = Forbidden | InvalidInput | StorageError

/**
 * The event feed.
 *
 * @category services
 * @since 0.4.0
 */
export class Feed extends Context.Service<Feed, {
  /**
   * The events after the cursor (`page.after`, the `next` of the previous page; none: from
   * the start) that the actor may see, in log order, at most `page.limit` of them
   * (default 100, at most 1,000). Fails with `Forbidden` when the actor holds
   * `events.read` nowhere and with `InvalidInput` (field `after`) for a cursor that no
   * page returned.
   */
  readonly events: (actor: Actor, page?: PageRequest) => Effect.Effect<Page<StoredEvent>, FeedError>
}>()("@mulin/core/kernel/Feed") {
  /**
   * The feed over an event log and the one scope check.
   *
   * @category constructors
   * @since 0.4.0
   */
  static readonly make: Effect.Effect<Feed["Service"], never, EventLog | Access> = Effect.gen(function*() {
    const log = yield* EventLog
    const access = yield* Access
    return Feed.of({
      events: (actor, page) =>
        Effect.gen(function*() {
          const scopes = access.scopes(actor, "events.read")
          if (scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("events.read", "any node", "任何节点"))
          const after = page?.after === undefined ? 0 : Number(page.after)
          if (!Number.isSafeInteger(after) || after < 0) {
            return yield* Effect.fail(invalidField("after", "must be a cursor returned by a previous page", "必须是上一页返回的游标"))
          }
          const limit = Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
          const items = yield* log.read({ after, limit, scopes })
          return { items, next: items.length === limit ? String(items[items.length - 1]!.position) : null }
        })
    })
  })

  /**
   * The feed over an event log and `Access` (`layerKernel` provides it with the
   * other kernel services).
   *
   * @category layers
   * @since 0.4.0
   */
  static readonly layer: Layer.Layer<Feed, never, EventLog | Access> = Layer.effect(Feed, Feed.make)
}
