/**
 * Notifications (通知): each person's inbox and preferences under `/me`, a county's
 * notification rules and webhook subscriptions under `/counties/{id}/…` (its staff), and
 * the delivery attempts of a notification.
 *
 * @since 0.5.0
 */
import {
  CreateWebhook,
  GridNodeId,
  InboxItem,
  NotificationAttempts,
  NotificationConfig,
  NotificationPreferences,
  Page,
  RotateWebhook,
  SetPreferences,
  WebhookView,
  WebhookWithSecret
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every notifications use case may fail with (core's `NotificationsError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const NotificationsErrors = GridErrors

const AnId = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9_.\-]{1,120}$/u, { message: "must be an id of ASCII letters, digits, _, . or -", messageZh: "必须是由 ASCII 字母、数字、_、. 或 - 组成的编号" } as Schema.Annotations.Filter))
const webhookParams = { id: GridNodeId, webhookId: AnId }

/**
 * The notifications endpoints.
 *
 * @category api
 * @since 0.5.0
 */
export class NotificationsGroup extends HttpApiGroup.make("notifications")
  .add(
    HttpApiEndpoint.post("read", "/me/inbox/:id/read", { params: { id: AnId }, payload: Schema.Struct({}), success: InboxItem, error: NotificationsErrors })
      .annotateMerge(doc("markNotificationRead", "Mark one of my notifications read", "Another person's notification is not found.")),
    HttpApiEndpoint.put("setPreferences", "/me/notification-preferences", { payload: SetPreferences, success: NotificationPreferences, error: NotificationsErrors })
      .annotateMerge(doc("setNotificationPreferences", "Change my notification preferences", "Channels besides the inbox, quiet hours in the county's time (`null`: none; urgent notifications are sent anyway), and the daily digest of non-urgent ones.")),
    HttpApiEndpoint.put("configure", "/counties/:id/notifications/config", { params: nodeParams, payload: Schema.Struct({ ...NotificationConfig.fields, countyId: Schema.optional(GridNodeId) }), success: NotificationConfig, error: NotificationsErrors })
      .annotateMerge(doc("configureNotifications", "Replace a county's notification rules", "Send the configuration as read, with its `version`. Needs `notifications.manage` in the county.")),
    HttpApiEndpoint.post("createWebhook", "/counties/:id/webhooks", { params: nodeParams, payload: CreateWebhook, success: created(WebhookWithSecret), error: NotificationsErrors })
      .annotateMerge(doc("createWebhook", "Subscribe a URL to the county's notifications", "Every notification (or those of `eventTypes`) is posted, signed with HMAC-SHA256 (`Mulin-Signature`). The signing secret is in this answer only. Needs `notifications.manage` in the county.")),
    HttpApiEndpoint.post("rotateWebhook", "/counties/:id/webhooks/:webhookId/rotate", { params: webhookParams, payload: RotateWebhook, success: WebhookWithSecret, error: NotificationsErrors })
      .annotateMerge(doc("rotateWebhookSecret", "Rotate a webhook's signing secret", "A new secret, shown once; the old one keeps signing beside it for `overlapHours` (default 24; two `v1` signatures meanwhile), then expires."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("inbox", "/me/inbox", { query: { ...pageQuery, unread: Schema.optional(Schema.Literals(["true", "false"])) }, success: Page(InboxItem), error: NotificationsErrors })
      .annotateMerge(doc("myInbox", "My notifications", "Newest first; `unread=true` for those not read yet.")),
    HttpApiEndpoint.get("preferences", "/me/notification-preferences", { success: NotificationPreferences, error: NotificationsErrors })
      .annotateMerge(doc("myNotificationPreferences", "My notification preferences", "The county's defaults until I set my own.")),
    HttpApiEndpoint.get("config", "/counties/:id/notifications/config", { params: nodeParams, success: NotificationConfig, error: NotificationsErrors })
      .annotateMerge(doc("getNotificationConfig", "A county's notification rules", "Event type → template, recipients and urgency; default channels, quiet hours, attempts and backoff. Needs `notifications.manage` in the county.")),
    HttpApiEndpoint.get("webhooks", "/counties/:id/webhooks", { params: nodeParams, success: Schema.Array(WebhookView), error: NotificationsErrors })
      .annotateMerge(doc("listWebhooks", "A county's webhook subscriptions", "Never their secrets. Needs `notifications.manage` in the county.")),
    HttpApiEndpoint.delete("deleteWebhook", "/counties/:id/webhooks/:webhookId", { params: webhookParams, success: HttpApiSchema.NoContent, error: NotificationsErrors })
      .annotateMerge(doc("deleteWebhook", "Remove a webhook subscription", "Deliveries not yet made to it are dead-lettered.")),
    HttpApiEndpoint.get("attempts", "/notifications/:id/attempts", { params: { id: AnId }, success: NotificationAttempts, error: NotificationsErrors })
      .annotateMerge(doc("notificationAttempts", "The deliveries of a notification and their attempts", "Status, HTTP status, error and duration of every attempt. For the staff of the notification's county."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Notifications", description: "通知 · 收件箱 · Webhook" })) {}
