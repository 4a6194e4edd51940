/**
 * The timed rules Mulin ships as jobs, each calling the use case that already keeps the
 * rule: reminders of deadlines near and missed, hold timeouts, point expiry, need expiry,
 * and the escalation of overdue mediation cases along the county's tiers (督办). A pass
 * runs them in this order, so a missed deadline is reminded of before the case is
 * escalated onto its next deadline.
 *
 * @since 0.5.0
 */
import { Effect, Layer } from "effect"
import type { Commands } from "../kernel/decider.js"
import { layerKernel } from "../kernel/layer.js"
import type { Directory } from "../kernel/directory.js"
import type { IdGenerator } from "../kernel/ids.js"
import type { EventLog, UnitOfWork } from "../kernel/store.js"
import type { GridStore } from "../grid/store.js"
import type { DeliberationStore } from "../deliberation/store.js"
import { Matching } from "../matching/service.js"
import type { MatchingStore } from "../matching/store.js"
import { Mediation } from "../mediation/service.js"
import type { MediationStore } from "../mediation/store.js"
import { Points } from "../points/service.js"
import type { JobDefinition, JobName } from "./model.js"
import { caseDeadlines, countySystemActor, itemDeadlines, needDeadlines, remindDeadlines } from "./reminders.js"
import { Jobs, type JobsOptions } from "./service.js"
import type { JobsStore } from "./store.js"

/**
 * What the shipped timed rules need.
 *
 * @category models
 * @since 0.5.0
 */
export type TimedRulesServices = Points | Matching | Mediation | JobsStore | MediationStore | DeliberationStore | MatchingStore | UnitOfWork | Commands

const job = (name: string, schedule: string, en: string, zh: string, run: JobDefinition<TimedRulesServices>["run"]): JobDefinition<TimedRulesServices> => ({
  name: name as JobName,
  schedule,
  description: { en, zh },
  run
})

/**
 * The timed rules, in the order a pass runs them. See `docs/jobs.md` for the table.
 *
 * @category constructors
 * @since 0.5.0
 */
export const timedRules: ReadonlyArray<JobDefinition<TimedRulesServices>> = [
  job("mediation.reminders", "*/10 * * * *", "Reminds mediators and supervisors of a case's deadline within the warning window, and when it is missed", "案件期限临近（预警时段内）及逾期时提醒调解员和督办人", (county) =>
    remindDeadlines("mediation.case", county, (until) => caseDeadlines(county.id, until))),
  job("deliberation.overdue-items", "0 * * * *", "Reminds the responsible person (or the raiser) of an item's promised date within the warning window, and when it has passed", "议事事项承诺期限临近及逾期时提醒责任人（或提出人）", (county) =>
    remindDeadlines("deliberation.item", county, (until) => itemDeadlines(county.id, until))),
  job("matching.reminders", "*/10 * * * *", "Reminds the assigned volunteers of a need's due time within the warning window, and when it has passed", "需求到期临近及逾期时提醒已派单的志愿者", (county) =>
    remindDeadlines("matching.need", county, (until) => needDeadlines(county.id, until))),
  job("points.expire-holds", "*/5 * * * *", "Voids the county's orders past their timeout", "作废本区县超时未核销的订单预扣", (county) =>
    Points.use((points) => points.expireHolds(countySystemActor(county.id), county.id)).pipe(Effect.map((r) => ({ processed: r.voided, changed: r.voided })))),
  job("points.expire-points", "30 2 * * *", "Expires points older than the county's expiry months", "按区县积分有效期清除过期积分", (county) =>
    Points.use((points) => points.expirePoints(countySystemActor(county.id), county.id)).pipe(Effect.map((r) => ({ processed: r.accounts, changed: r.transfers.length })))),
  job("matching.expire-needs", "*/10 * * * *", "Expires open needs past their due time", "将超过期限的需求置为已过期", (county) =>
    Matching.use((matching) => matching.expireOverdue(countySystemActor(county.id), county.id)).pipe(Effect.map((r) => ({ processed: r.expired.length, changed: r.expired.length })))),
  job("mediation.supervise", "*/10 * * * *", "Escalates each case once per missed deadline: community to street, street to the department (督办)", "案件每错过一个期限升级一次：社区到街道，街道到主管部门（督办）", (county) =>
    Mediation.use((mediation) => mediation.runSupervision(countySystemActor(county.id), { countyId: county.id })).pipe(
      Effect.map((r) => ({ processed: r.overdue, changed: r.escalated.length, ...(r.skipped.length === 0 ? {} : { note: `${r.skipped.length} skipped` }) }))
    ))
]

/**
 * The runner of {@link timedRules} and of `more` definitions (run after them), with the
 * kernel provided: needs the contexts' use cases and a store.
 *
 * @category layers
 * @since 0.5.0
 */
export const layerTimedRules = <R = never>(more: ReadonlyArray<JobDefinition<R>> = [], options?: JobsOptions): Layer.Layer<Jobs, never, Points | Matching | Mediation | JobsStore | MediationStore | DeliberationStore | MatchingStore | GridStore | Directory | UnitOfWork | EventLog | IdGenerator | R> =>
  Jobs.layer<TimedRulesServices | R>([...timedRules, ...more], options).pipe(Layer.provide(layerKernel))
