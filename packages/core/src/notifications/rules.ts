/**
 * The notifications context's pure policy: the seed rules and templates, rendering, the
 * stable ids receivers drop duplicates by, quiet hours in the county's calendar and the
 * retry schedule.
 *
 * @since 0.5.0
 */
import type { NewEvent } from "../kernel/events.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { addDays, type Instant, localDate, startOfDate } from "../kernel/time.js"
import type { Bilingual, NotificationConfig, NotificationRule, QuietHours } from "./model.js"

const seed = (eventType: string, template: string, recipients: NotificationRule["recipients"], urgency: NotificationRule["urgency"], extra: Partial<NotificationRule> = {}): NotificationRule => ({
  eventType,
  template,
  bySubject: {},
  when: null,
  recipients,
  urgency,
  enabled: true,
  ...extra
})

/**
 * The rules every county starts with: a need assigned to you, a case escalated to your
 * unit (督办), a deadline within the warning window and a deadline missed (an item's
 * promised date passed), please rate (现场评), the questionnaire, a pickup code ready,
 * households overdue for a visit (to their grid workers), and, to the staff of the one
 * window (一口式受理) where a request was taken in, a new request, where it was routed, and a
 * referral whose due date passed (`reminder.deadline_missed` of an `intake.request`).
 *
 * @category constants
 * @since 0.5.0
 */
export const seedRules: ReadonlyArray<NotificationRule> = [
  seed("matching.need.assigned", "need_assigned", "payload.personIds", "normal"),
  seed("mediation.case.escalated", "case_escalated", "escalation.unit", "urgent"),
  seed("reminder.deadline_near", "deadline_near", "payload.personIds", "normal"),
  seed("reminder.deadline_missed", "deadline_missed", "payload.personIds", "urgent", { bySubject: { "deliberation.item": "promised_date_passed", "intake.request": "intake_overdue" } }),
  seed("followup.rating.requested", "rating_requested", "payload.personIds", "normal"),
  seed("followup.questionnaire.sent", "questionnaire_sent", "payload.personIds", "normal"),
  seed("points.hold.placed", "pickup_code_ready", "hold.owner", "normal", { when: { field: "purpose", equals: "order" } }),
  seed("visits.overdue", "visits_overdue", "payload.personIds", "normal"),
  seed("intake.request.received", "intake_received", "intake.window", "normal"),
  seed("intake.request.routed", "intake_routed", "intake.window", "normal")
]

/**
 * The event types some rule may handle: the outbox looks an event's type up here first, so
 * an event no rule names costs one map lookup.
 *
 * @category constants
 * @since 0.5.0
 */
export const notifiableTypes: ReadonlySet<string> = new Set(seedRules.map((r) => r.eventType))

/**
 * A county's configuration before it sets its own.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultNotificationConfig = (countyId: GridNodeId): NotificationConfig => ({
  countyId,
  rules: seedRules,
  defaultChannels: ["log"],
  quietHours: { start: "22:00", end: "07:00" },
  maxAttempts: 8,
  backoffSeconds: 30,
  maxBackoffSeconds: 3600,
  version: 0
})

/**
 * The templates, by key: a title and a body in English and Chinese, with `{name}`
 * placeholders filled from the event (ids, dates, levels; never names or phones). A pickup
 * code is never in a message: the person reads it in the app.
 *
 * @category constants
 * @since 0.5.0
 */
export const templates: Readonly<Record<string, { readonly title: Bilingual; readonly body: Bilingual }>> = {
  need_assigned: {
    title: { en: "A need is assigned to you", zh: "您有一个新的服务需求" },
    body: { en: "Need {subjectId} is assigned to you. Please contact the requester and report when it is done.", zh: "需求 {subjectId} 已指派给您，请尽快联系并在完成后反馈。" }
  },
  case_escalated: {
    title: { en: "A case is escalated to your unit (supervision)", zh: "案件已提级至本单位督办" },
    body: { en: "Case {subjectId} is escalated to the {level} level; respond by {deadline}.", zh: "案件 {subjectId} 已提级至{levelZh}督办，请于 {deadline} 前处理。" }
  },
  deadline_near: {
    title: { en: "A deadline is near", zh: "办理期限临近" },
    body: { en: "The {kind} deadline of {subjectEn} {subjectId} is {deadline}.", zh: "{subjectZh} {subjectId} 的{kindZh}期限为 {deadline}，请抓紧办理。" }
  },
  deadline_missed: {
    title: { en: "A deadline was missed", zh: "已超过办理期限" },
    body: { en: "The {kind} deadline of {subjectEn} {subjectId} passed at {deadline}.", zh: "{subjectZh} {subjectId} 的{kindZh}期限已于 {deadline} 届满。" }
  },
  promised_date_passed: {
    title: { en: "An item's promised date has passed", zh: "议事事项已超过承诺办结时间" },
    body: { en: "Item {subjectId} was promised by {deadline} and is not completed.", zh: "议事事项 {subjectId} 承诺于 {deadline} 办结，目前尚未完成。" }
  },
  rating_requested: {
    title: { en: "Please rate", zh: "请您评价" },
    body: { en: "{subjectEn} {subjectId} is done. Please rate it by {dueDate}.", zh: "{subjectZh} {subjectId} 已办结，请于 {dueDate} 前评价（现场评）。" }
  },
  questionnaire_sent: {
    title: { en: "Was it solved?", zh: "问题解决了吗？" },
    body: { en: "Some weeks ago {subjectEn} {subjectId} was closed. Was it solved?", zh: "{subjectZh} {subjectId} 已办结数周，问题是否真正解决？" }
  },
  visits_overdue: {
    title: { en: "Households are overdue for a visit", zh: "有特殊关爱户逾期未走访" },
    body: { en: "{count} of your special-care households are overdue for a visit.", zh: "您负责的特殊关爱户中有 {count} 户已逾期未走访，请尽快入户。" }
  },
  intake_received: {
    title: { en: "A request was taken in at your window", zh: "窗口受理了新的诉求" },
    body: { en: "Request {reference} ({category}, by {channel}) was taken in. Please accept and route it.", zh: "诉求 {reference}（{category}，{channelZh}）已受理登记，请及时受理并转办。" }
  },
  intake_routed: {
    title: { en: "A request of your window was routed", zh: "窗口诉求已转办" },
    body: { en: "Request {subjectId} was routed to a {target}.", zh: "诉求 {subjectId} 已转办至{targetZh}。" }
  },
  intake_overdue: {
    title: { en: "A referral is overdue", zh: "转办事项已逾期" },
    body: { en: "Request {subjectId} was referred, due on {deadline}, and is not resolved.", zh: "诉求 {subjectId} 已转交部门办理，应于 {deadline} 办结，目前尚未办结。" }
  },
  pickup_code_ready: {
    title: { en: "Your pickup code is ready", zh: "您的取货码已生成" },
    body: { en: "Order {subjectId} is placed. Open the app to see your pickup code.", zh: "订单 {subjectId} 已下单，请在应用中查看取货码。" }
  }
}

const subjectNames: Readonly<Record<string, Bilingual>> = {
  "mediation.case": { en: "case", zh: "调解案件" },
  "deliberation.item": { en: "item", zh: "议事事项" },
  "matching.need": { en: "need", zh: "服务需求" },
  "intake.request": { en: "request", zh: "诉求" }
}

const intakeTargetsZh: Readonly<Record<string, string>> = { need: "服务需求", case: "调解案件", item: "议事事项", referral: "职能部门" }
const intakeChannelsZh: Readonly<Record<string, string>> = { walk_in: "来访", phone: "来电", hotline_12345: "12345 热线", grid_worker: "网格员代办", mini_program: "小程序" }

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * Minutes since local midnight of an instant in a time zone.
 *
 * @category calendar
 * @since 0.5.0
 */
export const localMinutes = (at: Instant | number, zone: string): number => {
  const ms = typeof at === "number" ? at : Date.parse(at)
  return Math.floor((ms - Date.parse(startOfDate(localDate(ms, zone), zone))) / 60_000)
}

/** `YYYY-MM-DD HH:MM` in the county's calendar. */
const localStamp = (at: string, zone: string): string => {
  const ms = Date.parse(at)
  if (!Number.isFinite(ms)) return at
  const m = localMinutes(ms, zone)
  return `${localDate(ms, zone)} ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`
}

/**
 * The rule for an event, if the configuration has one that is enabled and matches.
 *
 * @category rules
 * @since 0.5.0
 */
export const ruleFor = (config: NotificationConfig, event: NewEvent): NotificationRule | undefined =>
  config.rules.find((r) => r.enabled && r.eventType === event.type && (r.when === null || String(event.payload[r.when.field]) === r.when.equals))

/**
 * What a notification is about: the payload's subject for reminders and follow-ups, the
 * event's aggregate otherwise.
 *
 * @category rules
 * @since 0.5.0
 */
export const subjectOf = (event: NewEvent): { readonly type: string; readonly id: string } => {
  const p = event.payload
  return typeof p["subject"] === "string" && typeof p["subjectId"] === "string"
    ? { type: p["subject"], id: p["subjectId"] }
    : { type: event.aggregateType, id: event.aggregateId }
}

/**
 * The title and body of a rule's template for an event, in the county's calendar.
 *
 * @category rules
 * @since 0.5.0
 */
export const render = (rule: NotificationRule, event: NewEvent, zone: string): { readonly template: string; readonly title: Bilingual; readonly body: Bilingual } => {
  const subject = subjectOf(event)
  const key = rule.bySubject[subject.type] ?? rule.template
  const t = templates[key] ?? { title: { en: key, zh: key }, body: { en: "{subjectId}", zh: "{subjectId}" } }
  const p = event.payload
  const names = subjectNames[subject.type] ?? { en: subject.type, zh: subject.type }
  const level = typeof p["level"] === "string" ? p["level"] : ""
  const values: Record<string, string> = {
    subjectId: subject.id,
    subjectEn: names.en,
    subjectZh: names.zh,
    kind: typeof p["kind"] === "string" ? p["kind"] : "",
    kindZh: typeof p["kind"] === "string" ? deadlineKindsZh[p["kind"]] ?? p["kind"] : "",
    level,
    levelZh: level === "street" ? "街道" : level === "department" ? "部门" : level,
    deadline: typeof p["deadline"] === "string" ? deadlineText(subject.type, p["kind"], p["deadline"], zone) : "",
    dueDate: typeof p["dueDate"] === "string" ? p["dueDate"] : "",
    count: typeof p["count"] === "number" ? String(p["count"]) : "",
    reference: typeof p["reference"] === "string" ? p["reference"] : "",
    category: typeof p["category"] === "string" ? p["category"] : "",
    channel: typeof p["channel"] === "string" ? p["channel"] : "",
    channelZh: typeof p["channel"] === "string" ? intakeChannelsZh[p["channel"]] ?? p["channel"] : "",
    target: typeof p["target"] === "string" ? p["target"] : "",
    targetZh: typeof p["target"] === "string" ? intakeTargetsZh[p["target"]] ?? p["target"] : ""
  }
  const fill = (s: string) => s.replace(/\{(\w+)\}/gu, (_, name: string) => values[name] ?? "")
  return { template: key, title: { en: fill(t.title.en), zh: fill(t.title.zh) }, body: { en: fill(t.body.en), zh: fill(t.body.zh) } }
}

/**
 * A reminder's deadline as people read it: the local time, except an item's promised date,
 * which is overdue from the start of the next day (county time): that is the date promised.
 */
const deadlineText = (subject: string, kind: unknown, deadline: string, zone: string): string => {
  const ms = Date.parse(deadline)
  if (((subject === "deliberation.item" && kind === "promised") || (subject === "intake.request" && kind === "referral")) && Number.isFinite(ms) && localMinutes(ms, zone) === 0) return localDate(ms - 1, zone)
  return localStamp(deadline, zone)
}

/** The deadline kinds of the reminders, as the Chinese templates name them. */
const deadlineKindsZh: Readonly<Record<string, string>> = {
  accept: "受理",
  hearing: "首次听取陈述",
  agreement: "调解协议",
  escalation: "提级",
  street: "街道办理",
  department: "部门办理",
  promised: "承诺办结",
  referral: "转办",
  due: "完成"
}

const ulidOf = (id: string): string => id.slice(id.indexOf("_") + 1)

/**
 * The stable id of the notification of an event to a person.
 *
 * @category ids
 * @since 0.5.0
 */
export const notificationIdOf = (eventId: string, personId: PersonId): string => `ntf_${ulidOf(eventId)}_${ulidOf(personId)}`

/**
 * The stable id of a delivery: the notification, the channel and, for a webhook, the
 * subscription. Every attempt of it carries this id (`Mulin-Notification-Id`).
 *
 * @category ids
 * @since 0.5.0
 */
export const deliveryIdOf = (notificationId: string, channel: string, target?: string): string =>
  target === undefined ? `${notificationId}.${channel}` : `${notificationId}.${channel}.${ulidOf(target)}`

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * When a non-urgent message created at `at` may be sent: `at` itself outside quiet hours,
 * otherwise the end of the quiet hours, in the county's calendar.
 *
 * @category rules
 * @since 0.5.0
 */
export const releaseAfterQuietHours = (at: Instant, quiet: QuietHours | null, zone: string): Instant => {
  if (quiet === null) return at
  const start = toMinutes(quiet.start)
  const end = toMinutes(quiet.end)
  if (start === end) return at
  const m = localMinutes(at, zone)
  const inside = start < end ? m >= start && m < end : m >= start || m < end
  if (!inside) return at
  const today = localDate(at, zone)
  const day = start < end || m < end ? today : addDays(today, 1)
  return new Date(Date.parse(startOfDate(day, zone)) + end * 60_000).toISOString()
}

/**
 * The delay before attempt `attempt + 1`, after `attempt` failed: exponential from the
 * county's base, capped, with jitter (`random` in [0, 1) takes it down by up to half), so
 * receivers that come back are not hit by every sender at once.
 *
 * @category rules
 * @since 0.5.0
 */
export const backoffMillis = (attempt: number, config: Pick<NotificationConfig, "backoffSeconds" | "maxBackoffSeconds">, random: number): number => {
  const exp = Math.min(config.maxBackoffSeconds, config.backoffSeconds * 2 ** Math.max(0, Math.min(30, attempt - 1)))
  return Math.round(exp * 1000 * (1 - random / 2))
}
