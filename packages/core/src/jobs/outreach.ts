/**
 * The scheduled rules that reach people: the follow-up's daily sweep (ratings lapsed as
 * not rated, questionnaires sent, reminders) and the notifications' daily digest. They
 * run after the timed rules, so a deadline missed in a pass is reminded of before the
 * day's digest is gathered.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import { FollowUp } from "../followup/service.js"
import { Notifications } from "../notifications/service.js"
import type { JobDefinition, JobName } from "./model.js"

/**
 * The follow-up's sweep (回访), every day at 09:00 county time: each step once however
 * often it runs.
 *
 * @category constructors
 * @since 0.5.0
 */
export const followUpSweepJob: JobDefinition<FollowUp> = {
  name: "followup.sweep" as JobName,
  schedule: "0 9 * * *",
  description: {
    en: "Lapses unrated ratings as not rated (never satisfied), reminds once where the county says so, and sends the questionnaires that are due",
    zh: "逾期未评价的记为未评价（绝不计为满意），按区县规则提醒一次，并发出到期的回访问卷"
  },
  run: (county, period) => FollowUp.use((followUp) => followUp.sweep(county.id, period.end)).pipe(Effect.map((r) => ({ processed: r.processed, changed: r.changed })))
}

/**
 * The daily digest of notifications, every day at 08:00 county time: each person who
 * chose a digest gets the day's non-urgent notifications in one delivery per channel.
 *
 * @category constructors
 * @since 0.5.0
 */
export const notificationsDigestJob: JobDefinition<Notifications> = {
  name: "notifications.digest" as JobName,
  schedule: "0 8 * * *",
  description: {
    en: "Gathers each person's held non-urgent notifications of the day into one digest per channel",
    zh: "将每人当日暂存的非紧急通知汇总为每个渠道一条摘要"
  },
  run: (county, period) => Notifications.use((n) => n.digest(county.id, period)).pipe(Effect.map((r) => ({ processed: r.notifications, changed: r.people })))
}

/**
 * Both, in the order a pass runs them: pass to `layerTimedRules(outreachJobs)`.
 *
 * @category constructors
 * @since 0.5.0
 */
export const outreachJobs: ReadonlyArray<JobDefinition<FollowUp | Notifications>> = [followUpSweepJob, notificationsDigestJob]
