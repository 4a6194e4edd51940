/**
 * Channels: the plug-ins that carry a delivery to the outside world. Each one sends a
 * delivery and says what happened: delivered, retry later (a timeout, a 5xx, a 429), or a
 * permanent refusal (a 4xx, no such channel). The dispatcher does the rest: claims,
 * retries with backoff, dead letters, and the record of every attempt. The webhook and log
 * channels ship; SMS, WeChat and DingTalk gateways are written on the same interface (see
 * `examples/notify-sms/`).
 *
 * @since 0.5.0
 */
import { Clock, Context, Effect } from "effect"
import type { Delivery, WebhookSubscription } from "./model.js"
import type { NotificationStore } from "./store.js"
import { allowedRanges, refusedHost, type WebhookTargets } from "./targets.js"
import { NOTIFICATION_ID_HEADER, SIGNATURE_HEADER, signWebhook } from "./webhook.js"

/**
 * A delivery as a channel sees it: its stable `id` (the same on every attempt; receivers
 * drop duplicates by it), the person, the channel, the target (the webhook subscription for
 * `webhook`, the person otherwise) and the message (JSON).
 *
 * @category models
 * @since 0.5.0
 */
export interface OutgoingDelivery extends Pick<Delivery, "id" | "notificationId" | "countyId" | "personId" | "channel" | "target" | "body"> {
  /** 1 for the first attempt. */
  readonly attempt: number
}

/**
 * What a channel says about one attempt.
 *
 * @category models
 * @since 0.5.0
 */
export type SendOutcome =
  | { readonly _tag: "Delivered"; readonly httpStatus?: number | undefined }
  | { readonly _tag: "Retry"; readonly reason: string; readonly httpStatus?: number | undefined }
  | { readonly _tag: "Permanent"; readonly reason: string; readonly httpStatus?: number | undefined }

/** @category constructors @since 0.5.0 */
export const Delivered = (httpStatus?: number): SendOutcome => ({ _tag: "Delivered", httpStatus })
/** @category constructors @since 0.5.0 */
export const Retry = (reason: string, httpStatus?: number): SendOutcome => ({ _tag: "Retry", reason, httpStatus })
/** @category constructors @since 0.5.0 */
export const Permanent = (reason: string, httpStatus?: number): SendOutcome => ({ _tag: "Permanent", reason, httpStatus })

/**
 * A channel plug-in. `send` MUST NOT fail: every problem is an outcome (a defect is
 * recorded as a retry).
 *
 * @category models
 * @since 0.5.0
 */
export interface Channel {
  /** The name people choose in their preferences (`log`, `sms`, …) and deliveries carry. */
  readonly name: string
  readonly send: (delivery: OutgoingDelivery) => Effect.Effect<SendOutcome>
}

/**
 * The channel plug-ins in force besides the webhook channel, which is always there.
 * Default: the log channel.
 *
 * @category services
 * @since 0.5.0
 */
export const NotificationChannels = Context.Reference<ReadonlyArray<Channel>>("@mulin/core/notifications/NotificationChannels", {
  defaultValue: () => [logChannel()]
})

/**
 * The log channel, for the demo: one line per delivery (id, person, title; the body only
 * carries what the person may see).
 *
 * @category constructors
 * @since 0.5.0
 */
export const logChannel = (write?: (line: string) => void): Channel => ({
  name: "log",
  send: (d) =>
    Effect.suspend(() => {
      let title = ""
      try {
        const parsed = JSON.parse(d.body) as { title?: { zh?: string; en?: string } }
        title = `${parsed.title?.zh ?? ""} / ${parsed.title?.en ?? ""}`
      } catch {
        title = "(digest)"
      }
      const line = `notification ${d.id} to ${d.personId}: ${title}`
      return write === undefined ? Effect.as(Effect.logInfo(line), Delivered()) : Effect.sync(() => (write(line), Delivered()))
    })
})

/**
 * Options of the webhook channel.
 *
 * @category models
 * @since 0.5.0
 */
export interface WebhookChannelOptions {
  /** Per attempt (default 10 s): a receiver slower than this is retried. */
  readonly timeoutMillis?: number | undefined
  /**
   * The fetch to use (default `globalThis.fetch`). On Node, pass `webhookFetch` of
   * `@mulin/adapter-http`, which also judges the addresses a name resolves to.
   */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Non-public ranges webhooks may post to (none by default); see {@link WebhookTargets}. */
  readonly targets?: WebhookTargets | undefined
}

/**
 * The signed webhook channel: posts the body to the subscription's URL with
 * `Mulin-Signature` (every active secret signs) and `Mulin-Notification-Id`. A 2xx is
 * delivered; 408, 429, 5xx, a timeout or a network error are retried; another status is a
 * permanent refusal.
 *
 * @category constructors
 * @since 0.5.0
 */
export const webhookChannel = (store: NotificationStore["Service"], options: WebhookChannelOptions = {}): Channel => {
  const allowed = allowedRanges(options.targets)
  // Subscriptions read in the last second: a burst reads each once; a change shows within a second.
  const cache = new Map<string, { readonly at: number; readonly webhook: WebhookSubscription | undefined }>()
  const lookup = (id: string, now: number) =>
    Effect.gen(function*() {
      const hit = cache.get(id)
      if (hit !== undefined && now - hit.at < 1000 && now >= hit.at) return hit.webhook
      const found = yield* Effect.option(store.getWebhook(id))
      const webhook = found._tag === "Some" && found.value._tag === "Some" ? found.value.value : undefined
      if (cache.size > 10_000) cache.clear()
      cache.set(id, { at: now, webhook })
      return webhook
    })
  return {
  name: "webhook",
  send: (d) =>
    Effect.gen(function*() {
      const ms = yield* Clock.currentTimeMillis
      const webhook = yield* lookup(d.target, ms)
      if (webhook === undefined) return Permanent("the webhook subscription is gone")
      // Judged again at each delivery: the deployment's allowances may have narrowed since.
      const refused = refusedHost(new URL(webhook.url), allowed)
      if (refused !== undefined) return Permanent(`refused: ${refused}`)
      const secrets = webhook.secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > ms).map((s) => s.secret)
      if (secrets.length === 0) return Permanent("the webhook subscription has no active secret")
      const timestamp = Math.floor(ms / 1000)
      const signature = yield* Effect.promise(() => signWebhook(secrets, timestamp, d.body))
      const doFetch = options.fetch ?? globalThis.fetch
      return yield* Effect.promise(async (): Promise<SendOutcome> => {
        try {
          const response = await doFetch(webhook.url, {
            method: "POST",
            headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature, [NOTIFICATION_ID_HEADER]: d.id },
            body: d.body,
            // A receiver may not send the signed body on to an address the county never subscribed.
            redirect: "manual",
            signal: AbortSignal.timeout(options.timeoutMillis ?? 10_000)
          })
          // The answer's body is not read: a receiver cannot make the dispatcher download anything.
          await response.body?.cancel().catch(() => undefined)
          const status = response.status
          if (status >= 200 && status < 300) return Delivered(status)
          if (status >= 300 && status < 400) return Permanent(`the receiver answered ${status}: redirects are not followed`, status)
          if (status === 408 || status === 429 || status >= 500) return Retry(`the receiver answered ${status}`, status)
          return Permanent(`the receiver answered ${status}`, status)
        } catch (error) {
          return Retry(error instanceof Error ? error.message : String(error))
        }
      })
    })
  }
}
