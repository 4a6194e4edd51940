/**
 * The daily scheduled rule of visits: the grid workers are told which of their households
 * are overdue for a visit.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import type { JobDefinition, JobName } from "../jobs/model.js"
import { Visits } from "./service.js"

/**
 * `visits.overdue`, every day at 07:00 county time: one `visits.overdue` event per set of
 * grid workers with households overdue, naming them (`personIds`), so notifications can
 * tell them. Pass it to `layerTimedRules([...outreachJobs, visitsOverdueJob])`.
 *
 * @category constructors
 * @since 0.5.0
 */
export const visitsOverdueJob: JobDefinition<Visits> = {
  name: "visits.overdue" as JobName,
  schedule: "0 7 * * *",
  description: {
    en: "Tells each grid worker how many of their special-care households are overdue for a visit",
    zh: "提醒网格员其负责的特殊关爱户中逾期未走访的户数"
  },
  run: (county, period) => Visits.use((v) => v.remindOverdue(county.id, period.end)).pipe(Effect.map((r) => ({ processed: r.overdue, changed: r.events })))
}
