/**
 * The event feed: the events of every context, in the order the log appended them, as far
 * as the actor may see them. The log is the audit trail and the outbox integrators poll
 * with the `after` cursor; the feed reads it through the one scope check, so an actor sees
 * exactly the events whose scope lies where they hold `events.read`.
 *
 * The feed is one county's: the log commits positions in order within a county, not across
 * counties (see {@link EventLog}), so a cursor is only safe over one county's events. An
 * actor who may read the events of one county reads that county's; one who may read several
 * (or `"*"`) names the county, and polls each county with its own cursor.
 *
 * @since 0.4.0
 */
import { Context, Effect, Layer } from "effect"
import { Access } from "./access.js"
import type { Actor } from "./actor.js"
import { forbidden, type Forbidden, invalidField, type InvalidInput, type NotFound, type StorageError } from "./errors.js"
import type { StoredEvent } from "./events.js"
import type { GridNodeId } from "./ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "./pagination.js"
import { EventLog } from "./store.js"

/**
 * Every error reading the feed can fail with.
 *
 * @category errors
 * @since 0.4.0
 */
export type FeedError = Forbidden | InvalidInput | NotFound | StorageError

/**
 * A page of the feed: the cursor and size of any page, and the county whose events to read.
 *
 * @category models
 * @since 0.5.0
 */
export interface FeedRequest extends PageRequest {
  /**
   * The county whose events to read. Implied when the actor may read the events of one
   * county only; required when it may read several (or every county).
   */
  readonly county?: GridNodeId | undefined
}

/**
 * The event feed.
 *
 * @category services
 * @since 0.4.0
 */
export class Feed extends Context.Service<Feed, {
  /**
   * The events of one county after the cursor (`page.after`, the `next` of the previous
   * page of the same county; none: from the start) that the actor may see, in the county's
   * commit order, at most `page.limit` of them (default 100, at most 1,000). The county is
   * `page.county`, or the one county where the actor may read events. Fails with
   * `Forbidden` when the actor holds `events.read` nowhere, with `InvalidInput` for a
   * cursor that no page returned (field `after`) or a missing county when the actor may
   * read the events of several (field `county`), and through the one scope check
   * (`Access.inCounty`: `NotFound` or `Forbidden`) for a county it may not read.
   */
  readonly events: (actor: Actor, page?: FeedRequest) => Effect.Effect<Page<StoredEvent>, FeedError>
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
    /** The county to read: the one named, through the one scope check, or the only one the actor's scopes lie in. */
    const countyOf = (actor: Actor, scopes: "*" | ReadonlyArray<GridNodeId>, named: GridNodeId | undefined) =>
      Effect.gen(function*() {
        if (named !== undefined) return (yield* access.inCounty(actor, "events.read", named)).id
        const several = () => Effect.fail(invalidField("county", "required when you may read the events of more than one county", "可读取多个区县的事件时必须指定区县"))
        if (scopes === "*") return yield* several()
        const places = yield* access.checkAll(actor, "events.read", scopes.map((id) => ({ entity: "grid node" as const, id, nodeId: id })))
        const counties = new Set(places.map((p) => p.countyId))
        return counties.size === 1 ? [...counties][0]! : yield* several()
      })

    return Feed.of({
      events: (actor, page) =>
        Effect.gen(function*() {
          const scopes = access.scopes(actor, "events.read")
          // A named county goes through the one scope check alone: not found where the actor holds nothing.
          if (page?.county === undefined && scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("events.read", "any node", "任何节点"))
          const county = yield* countyOf(actor, scopes, page?.county)
          const after = page?.after === undefined ? 0 : Number(page.after)
          if (!Number.isSafeInteger(after) || after < 0) {
            return yield* Effect.fail(invalidField("after", "must be a cursor returned by a previous page", "必须是上一页返回的游标"))
          }
          const limit = Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
          // Whoever reads at the county's root reads all of it: no scope filter, the county's order alone.
          const within = scopes === "*" || scopes.includes(county) ? "*" : scopes
          const items = yield* log.read({ after, limit, scopes: within, county })
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
