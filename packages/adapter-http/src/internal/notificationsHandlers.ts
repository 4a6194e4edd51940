/**
 * The notifications handlers: each endpoint calls one `Notifications` use case as the
 * authenticated actor. The service is optional: a server built without it answers every
 * notifications endpoint with 404, naming what is missing.
 *
 * @internal
 */
import { notFound, Notifications } from "@mulin/core"
import { Effect, Option } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

const disabled = Effect.fail(notFound("notifications service", "this server"))

/** The notifications group's handlers; uses `Notifications` when it is provided. */
export const notificationsHandlersLayer = HttpApiBuilder.group(MulinApi, "notifications", Effect.fn(function*(handlers) {
  const found = yield* Effect.serviceOption(Notifications)
  if (Option.isNone(found)) {
    return handlers
      .handle("inbox", () => disabled)
      .handle("read", () => disabled)
      .handle("preferences", () => disabled)
      .handle("setPreferences", () => disabled)
      .handle("config", () => disabled)
      .handle("configure", () => disabled)
      .handle("webhooks", () => disabled)
      .handle("createWebhook", () => disabled)
      .handle("deleteWebhook", () => disabled)
      .handle("rotateWebhook", () => disabled)
      .handle("attempts", () => disabled)
  }
  const n = found.value
  return handlers
    .handle("inbox", ({ query }) => asActor((actor) => n.inbox(actor, { after: query.after, limit: query.limit, unread: query.unread === undefined ? undefined : query.unread === "true" })))
    .handle("read", ({ params }) => asActor((actor) => n.markRead(actor, params.id)))
    .handle("preferences", () => asActor((actor) => n.getPreferences(actor)))
    .handle("setPreferences", ({ payload }) => asActor((actor) => n.setPreferences(actor, payload)))
    .handle("config", ({ params }) => asActor((actor) => n.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => n.configure(actor, params.id, payload)))
    .handle("webhooks", ({ params }) => asActor((actor) => n.listWebhooks(actor, params.id)))
    .handle("createWebhook", ({ params, payload }) => asActor((actor) => n.createWebhook(actor, params.id, payload)))
    .handle("deleteWebhook", ({ params }) => asActor((actor) => n.deleteWebhook(actor, params.id, params.webhookId)))
    .handle("rotateWebhook", ({ params, payload }) => asActor((actor) => n.rotateWebhook(actor, params.id, params.webhookId, payload)))
    .handle("attempts", ({ params }) => asActor((actor) => n.attempts(actor, params.id)))
}))
