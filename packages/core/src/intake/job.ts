/**
 * The intake's scheduled rule: a request referred to a department whose due date is near
 * or has passed, unresolved, is reminded to the staff of the window where it was taken in
 * (the people posted at its node that day) — `reminder.deadline_near` and
 * `reminder.deadline_missed` with the subject `intake.request` and the kind `referral`, each
 * once per request and due date. The due date is a day of the county's calendar: the
 * deadline is the start of the next day.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import type { StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { addDays, type Instant, localDate, now, startOfDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type { JobDefinition, JobName } from "../jobs/model.js"
import { remindDeadlines, type SubjectDeadline } from "../jobs/reminders.js"
import type { JobsStore } from "../jobs/store.js"
import type { Commands } from "../kernel/decider.js"
import type { UnitOfWork } from "../kernel/store.js"
import { countyZone } from "../partners/service.js"
import { IntakeStore } from "./store.js"

const PAGE = 500

/**
 * The referrals of a county's routed requests due before `until`, each with the people
 * posted at the request's node today.
 *
 * @category constructors
 * @since 0.5.0
 */
export const referralDeadlines = (countyId: GridNodeId, until: Instant): Effect.Effect<ReadonlyArray<SubjectDeadline>, StorageError, IntakeStore | GridStore> =>
  Effect.gen(function*() {
    const store = yield* IntakeStore
    const grid = yield* GridStore
    const zone = yield* countyZone(grid)(countyId)
    const today = localDate(yield* now, zone)
    const due: Array<{ readonly id: string; readonly nodeId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId>; readonly deadline: Instant }> = []
    let after: string | undefined
    do {
      const page = yield* store.list({ scope: [countyId], status: "routed", after, limit: PAGE })
      for (const r of page.items) {
        if (r.route?.target !== "referral" || r.route.dueDate === null) continue
        const deadline = startOfDate(addDays(r.route.dueDate, 1), zone)
        if (deadline <= until) due.push({ id: r.id, nodeId: r.nodeId, scope: r.scope, deadline })
      }
      after = page.next ?? undefined
    } while (after !== undefined)
    if (due.length === 0) return []
    const posts = yield* grid.currentAssignmentsAt([...new Set(due.map((d) => d.nodeId))], today)
    const staff = new Map<GridNodeId, Array<PersonId>>()
    for (const a of posts) staff.set(a.nodeId, [...(staff.get(a.nodeId) ?? []), a.personId])
    return due.map((d) => ({ subjectId: d.id, kind: "referral", deadline: d.deadline, scope: d.scope, personIds: staff.get(d.nodeId) ?? [] }))
  })

/**
 * The scheduled rule reminding a window's staff of referrals due soon or overdue; register
 * it with `layerTimedRules([intakeOverdueJob])`.
 *
 * @category jobs
 * @since 0.5.0
 */
export const intakeOverdueJob: JobDefinition<IntakeStore | GridStore | JobsStore | UnitOfWork | Commands> = {
  name: "intake.overdue-referrals" as JobName,
  schedule: "0 * * * *",
  description: {
    en: "Reminds the staff of the window where a request was taken in of a referral due within the warning window, and when its due date has passed",
    zh: "转交部门办理的诉求临近或超过办结日期时，提醒受理窗口的工作人员"
  },
  run: (county) => remindDeadlines("intake.request", county, (until) => referralDeadlines(county.id, until))
}
