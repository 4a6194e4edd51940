/**
 * SubjectDeadline reminders: for each subject with a deadline inside the county's warning window,
 * `reminder.deadline_near`; for each whose deadline has passed, `reminder.deadline_missed`.
 * Each is appended once per subject, deadline kind and deadline: its key is recorded in the
 * same unit of work as the event, so a repeat (another run, another process) appends
 * nothing and a rolled-back event leaves no key behind.
 *
 * @since 0.5.0
 */
import { Effect, Option } from "effect"
import type { Actor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import type { StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { type Instant, now } from "../kernel/time.js"
import { UnitOfWork } from "../kernel/store.js"
import { DeliberationStore } from "../deliberation/store.js"
import { MatchingStore } from "../matching/store.js"
import { MediationStore } from "../mediation/store.js"
import { defaultJobsConfig, type JobCounty, type JobOutcome, type ReminderSubject, type ReminderType } from "./model.js"
import { reminderKey } from "./rules.js"
import { JobsStore } from "./store.js"

/**
 * A deadline one subject runs against.
 *
 * @category models
 * @since 0.5.0
 */
export interface SubjectDeadline {
  readonly subjectId: string
  readonly kind: string
  readonly deadline: Instant
  /** The subject's grid path, root first: the reminder's scope. */
  readonly scope: ReadonlyArray<GridNodeId>
  readonly personIds: ReadonlyArray<PersonId>
}

/**
 * The actor the scheduled rules act as in a county: the system, over that county only.
 *
 * @category constructors
 * @since 0.5.0
 */
export const countySystemActor = (countyId: GridNodeId): Actor => ({ id: "system:jobs", kind: "system", name: "scheduled rules", grants: [{ role: "system", scope: countyId }] })

const PAGE = 500

/**
 * Gives the reminders due at the clock's time for the deadlines `scan` finds before a
 * given instant (the end of the county's warning window).
 *
 * @category constructors
 * @since 0.5.0
 */
export const remindDeadlines = <R>(
  subject: ReminderSubject,
  county: JobCounty,
  scan: (until: Instant) => Effect.Effect<ReadonlyArray<SubjectDeadline>, StorageError, R>
): Effect.Effect<JobOutcome, StorageError, R | JobsStore | UnitOfWork | Commands> =>
  Effect.gen(function*() {
    const store = yield* JobsStore
    const uow = yield* UnitOfWork
    const commands = yield* Commands
    const config = Option.getOrElse(yield* store.getConfig(county.id), () => defaultJobsConfig(county.id))
    const at = yield* now
    const until = new Date(Date.parse(at) + config.warningHours * 3_600_000).toISOString()
    const actor = countySystemActor(county.id)
    const deadlines = yield* scan(until)
    // One unit of work for the run: a reminder given before is a key already there, and the
    // run's reminders commit together (or are all given again by the next run). The keys
    // are recorded together and the events appended together, in the deadlines' order.
    const due = deadlines.flatMap((d) => {
      if (d.deadline > until) return []
      const type: ReminderType = d.deadline <= at ? "reminder.deadline_missed" : "reminder.deadline_near"
      return [{ d, type, key: reminderKey(type, subject, d.subjectId, d.kind, d.deadline) }]
    })
    const changed = yield* uow.transaction(Effect.gen(function*() {
      const fresh = new Set(yield* store.addReminders(due.map((r) => r.key), at))
      // Each new key once, though a scan gave it twice.
      const given = due.filter((r) => fresh.delete(r.key))
      yield* commands.appendAll(actor, at, given.map(({ d, type }) => ({
        aggregate: { type: "reminder", id: `${d.subjectId}:${d.kind}`, version: 1 },
        recorded: [{ type, scope: d.scope, payload: { subject, subjectId: d.subjectId, deadline: d.deadline, kind: d.kind, personIds: [...new Set(d.personIds)] } }]
      })))
      return given.length
    }))
    return { processed: deadlines.length, changed }
  })

/**
 * The running deadlines of a county's open mediation cases before `until`; the people
 * responsible are the case's mediators and its supervisor.
 *
 * @category constructors
 * @since 0.5.0
 */
export const caseDeadlines = (countyId: GridNodeId, until: Instant): Effect.Effect<ReadonlyArray<SubjectDeadline>, StorageError, MediationStore> =>
  Effect.gen(function*() {
    const store = yield* MediationStore
    const rows = yield* store.overdue({ now: until, scope: [countyId], limit: 100_000 })
    const out: Array<SubjectDeadline> = []
    // The cases read a page at a time, in one query each.
    for (let i = 0; i < rows.length; i += PAGE) {
      const page = rows.slice(i, i + PAGE)
      const cases = new Map((yield* store.getMany(page.map((r) => r.id))).map((c) => [c.id, c]))
      for (const row of page) {
        const c = cases.get(row.id)
        if (c === undefined) continue
        out.push({ subjectId: c.id, kind: row.kind, deadline: row.dueAt, scope: c.scope, personIds: [...c.mediators, ...(c.supervisor === null ? [] : [c.supervisor])] })
      }
    }
    return out
  })

/**
 * The promised dates of a county's items taken up and not yet resolved before `until`;
 * the people responsible are the unit's named person (责任人), or else the raiser.
 *
 * @category constructors
 * @since 0.5.0
 */
export const itemDeadlines = (countyId: GridNodeId, until: Instant): Effect.Effect<ReadonlyArray<SubjectDeadline>, StorageError, DeliberationStore> =>
  Effect.gen(function*() {
    const store = yield* DeliberationStore
    const out: Array<SubjectDeadline> = []
    for (let offset = 0; ; offset += PAGE) {
      const page = yield* store.board({ scope: [countyId], now: until, overdue: true, sort: "promised", offset, limit: PAGE })
      for (const item of page.items) {
        if (item.dueAt === null) continue
        const people = item.responsible !== null ? [item.responsible.personId] : item.raisedBy._tag === "Person" ? [item.raisedBy.personId] : []
        out.push({ subjectId: item.id, kind: "promised", deadline: item.dueAt, scope: item.scope, personIds: people })
      }
      if (page.items.length < PAGE) return out
    }
  })

/**
 * The due times of a county's open needs before `until`; the people responsible are the
 * volunteers assigned to each.
 *
 * @category constructors
 * @since 0.5.0
 */
export const needDeadlines = (countyId: GridNodeId, until: Instant): Effect.Effect<ReadonlyArray<SubjectDeadline>, StorageError, MatchingStore> =>
  Effect.gen(function*() {
    const store = yield* MatchingStore
    const out: Array<SubjectDeadline> = []
    let after: string | undefined
    for (;;) {
      const page = yield* store.listNeeds({ scope: [countyId], states: ["open", "claimed", "assigned", "visiting"], dueBefore: until, after, limit: PAGE })
      for (const n of page.items) out.push({ subjectId: n.id, kind: "due", deadline: n.dueAt, scope: n.scope, personIds: n.assignees.map((a) => a.personId) })
      if (page.next === null) return out
      after = page.next
    }
  })
