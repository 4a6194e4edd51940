/**
 * The scheduled rules, proven with a test clock moved through days: every deadline is
 * reminded of once when near and once when missed, cases escalate along the county's tiers
 * (community → street → the department that takes the category) once per missed deadline,
 * needs expire once; county staff alone list the jobs and run one now.
 */
import { Effect, Layer, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { EventLog, Grid, Identity, IdGenerator, JobsFeedEvents, Matching, Mediation, Points, type StoredEvent } from "@mulin/core"
import { duePeriods, Jobs, lastFiring, layerTimedRules, scheduleIn } from "@mulin/core/jobs"
import { layerMemory } from "@mulin/core/memory"
import { runnerAt } from "../src/testing/runner.js"
import { caseAt, reportOf, setupWorld as mediationWorld, sys, T0 } from "../src/testing/mediationWorld.js"
import { postOf, setupWorld as matchingWorld } from "../src/testing/matchingWorld.js"


const HOUR = 3_600_000
const services = () =>
  layerTimedRules().pipe(
    Layer.provideMerge(Matching.layer),
    Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Identity.layer)),
    Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(5)))
  )
const run = runnerAt(T0, services)
const events = EventLog.use((log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
const decodeReminder = Schema.decodeUnknownResult(Schema.Union(JobsFeedEvents))

/** Moves the clock `hours` forward in steps of `step` hours, running the due jobs after each. */
const through = (hours: number, step = 3) =>
  Effect.gen(function*() {
    const jobs = yield* Jobs
    for (let h = 0; h < hours; h += step) {
      yield* TestClock.adjust(step * HOUR)
      const pass = yield* jobs.runDue()
      for (const r of pass.runs) expect(r.status, `${r.job}: ${r.message}`).toBe("ok")
    }
  })

const reminders = (all: ReadonlyArray<StoredEvent>, subjectId: string) =>
  all.filter((e) => e.type.startsWith("reminder.") && (e.payload as { subjectId: string }).subjectId === subjectId)
    .map((e) => `${e.type.slice("reminder.deadline_".length)}:${(e.payload as { kind: string }).kind}@${(e.payload as { deadline: string }).deadline}`)

describe("scheduled rules through days", () => {
  it("escalate a forgotten case along the county's tiers once per missed deadline, with one reminder before and one after each deadline", () =>
    run(Effect.gen(function*() {
      const w = yield* mediationWorld
      const mediation = yield* Mediation
      const forgotten = yield* caseAt(w, [])                                   // accept due T0+24h
      const parking = yield* caseAt(w, [], reportOf(w, { category: "parking" }))
      const accepted = yield* caseAt(w, ["Accept"])                             // hearing due T0+72h
      // One period per pass is enough for rules that look at the state, not at the period.
      yield* (yield* Jobs).configure(w.t.admin, w.t.county.id, { maxCatchUp: 1 })
      yield* (yield* Jobs).runDue()
      yield* through(40 * 24, 6)
      const all = yield* events
      const escalations = all.filter((e) => e.type === "mediation.case.escalated")
      const path = (id: string) => escalations.filter((e) => e.aggregateId === id).map((e) => [(e.payload as { level: string }).level, (e.payload as { missed: string }).missed])
      expect(path(forgotten.id)).toEqual([["street", "accept"], ["department", "street"]])
      expect(path(parking.id)).toEqual([["street", "accept"], ["department", "street"]])
      expect(path(accepted.id)).toEqual([["street", "hearing"], ["department", "street"]])
      expect((yield* mediation.get(sys, forgotten.id)).department?.code).toBe("housing")
      expect((yield* mediation.get(sys, parking.id)).department?.code).toBe("urban")
      expect(escalations.every((e) => e.actor.kind === "system")).toBe(true)

      // Each deadline the case ran against: near once, then missed once, in that order.
      for (const c of [forgotten, parking, accepted]) {
        const given = reminders(all, c.id)
        expect(new Set(given).size, given.join("\n")).toBe(given.length)
        const deadlines = [...new Set(given.map((g) => g.slice(g.indexOf(":") + 1)))]
        expect(deadlines).toHaveLength(3)
        for (const d of deadlines) expect(given.filter((g) => g.endsWith(`:${d}`))).toEqual([`near:${d}`, `missed:${d}`])
      }
      const [near] = all.filter((e) => e.type === "reminder.deadline_near" && (e.payload as { subjectId: string }).subjectId === accepted.id)
      expect(near!.payload).toMatchObject({ subject: "mediation.case", kind: "hearing", deadline: new Date(T0 + 72 * HOUR).toISOString(), personIds: [w.t.people.mediator.id] })
      expect(near!.scope).toEqual(accepted.scope)
      for (const e of all.filter((e) => e.type.startsWith("reminder."))) expect(Result.isSuccess(decodeReminder(e))).toBe(true)
      // Nothing left to do: another pass a day later gives nothing new.
      const before = (yield* events).length
      yield* through(24, 6)
      expect((yield* events).length).toBe(before)
    })))

  it("remind the assigned volunteer of a need's due time once near and once missed, and expire it once", () =>
    run(Effect.gen(function*() {
      const w = yield* matchingWorld()
      const matching = yield* Matching
      const need = yield* matching.post(w.requester, postOf(w, { dueAt: new Date(T0 + 72 * HOUR).toISOString() }))
      const claimed = yield* matching.execute(w.volunteers[0]!, need.id, { _tag: "Claim" })
      yield* (yield* Jobs).runDue()
      yield* through(6 * 24, 2)
      const all = yield* events
      const due = new Date(T0 + 72 * HOUR).toISOString()
      expect(reminders(all, need.id)).toEqual([`near:due@${due}`, `missed:due@${due}`])
      expect(all.filter((e) => e.type === "matching.need.expired" && e.aggregateId === need.id)).toHaveLength(1)
      const near = all.find((e) => e.type === "reminder.deadline_near")!
      expect(near.payload).toMatchObject({ subject: "matching.need", personIds: [claimed.assignees[0]!.personId] })
      // Near was given within the window: not before 24 hours ahead.
      expect(Date.parse(near.at)).toBeGreaterThanOrEqual(T0 + 48 * HOUR)
      expect(Date.parse(near.at)).toBeLessThan(T0 + 72 * HOUR)
    })))

  it("county staff alone list the jobs and run one now: another county, a resident, a grid worker, a secretary and a street admin are refused", () =>
    run(Effect.gen(function*() {
      const w = yield* mediationWorld
      const jobs = yield* Jobs
      const grid = yield* Grid
      const other = yield* grid.createCounty(sys, { code: "370899", name: "他县" })
      const admin = w.t.admin
      const listed = yield* jobs.list(admin, w.t.county.id)
      expect(listed.map((j) => j.name)).toEqual(["mediation.reminders", "deliberation.overdue-items", "matching.reminders", "points.expire-holds", "points.expire-points", "matching.expire-needs", "mediation.supervise"])
      expect(listed.find((j) => j.name === "points.expire-points")).toMatchObject({ timeZone: "Asia/Shanghai", nextDueAt: "2026-06-01T18:30:00.000Z", recentRuns: [] })
      const ran = yield* jobs.runNow(admin, "mediation.supervise", w.t.county.id)
      expect(ran).toMatchObject({ job: "mediation.supervise", trigger: "manual", status: "ok", countyId: w.t.county.id, periodEnd: new Date(T0).toISOString() })
      expect((yield* jobs.runs(admin, w.t.county.id, { job: "mediation.supervise" })).map((r) => r.periodKey)).toEqual([ran.periodKey])
      expect((yield* jobs.list(admin, w.t.county.id)).find((j) => j.name === "mediation.supervise")!.recentRuns).toEqual([ran])

      const refused = (effect: Effect.Effect<unknown, { readonly _tag: string }>) => Effect.map(Effect.flip(effect), (e) => e._tag)
      for (const [who, tag] of [[w.t.actors.resident, "Forbidden"], [w.t.actors.worker, "Forbidden"], [w.t.actors.secretary, "Forbidden"], [w.t.actors.streetAdmin, "Forbidden"]] as const) {
        expect(yield* refused(jobs.runNow(who, "mediation.supervise", w.t.county.id))).toBe(tag)
        expect(yield* refused(jobs.list(who, w.t.county.id))).toBe(tag)
      }
      // The county's admin is nobody in another county.
      expect(yield* refused(jobs.runNow(admin, "mediation.supervise", other.id))).toBe("NotFound")
      expect(yield* refused(jobs.runs(admin, other.id))).toBe("NotFound")
      expect(yield* refused(jobs.runNow(admin, "no.such-job", w.t.county.id))).toBe("NotFound")
      expect(yield* refused(jobs.configure(admin, w.t.county.id, { maxCatchUp: 0 }))).toBe("InvalidInput")
      expect(yield* jobs.configure(admin, w.t.county.id, { maxCatchUp: 5 })).toMatchObject({ maxCatchUp: 5, warningHours: 24, version: 1 })
      expect(yield* refused(jobs.configure(w.t.actors.worker, w.t.county.id, { maxCatchUp: 1 }))).toBe("Forbidden")
      // Nothing was run by the refused calls.
      expect((yield* jobs.runs(admin, w.t.county.id)).length).toBe(1)
    })))
})

describe("schedules", () => {
  it("are read in the county's time zone, and a bad expression names the field", () => {
    const daily = Result.getOrThrow(scheduleIn("30 2 * * *", "Asia/Shanghai"))
    const { due } = duePeriods(daily, undefined, Date.parse("2026-06-01T20:00:00Z"), 3)
    // 04:00 on 2 June in China: the last 02:30 there was 18:30 UTC on 1 June.
    expect(due).toEqual([{ start: "2026-05-31T18:30:00.000Z", end: "2026-06-01T18:30:00.000Z", key: "2026-06-01T18:30:00.000Z" }])
    const utc = Result.getOrThrow(scheduleIn("30 2 * * *", "UTC"))
    expect(duePeriods(utc, undefined, Date.parse("2026-06-01T20:00:00Z"), 3).due[0]!.end).toBe("2026-06-01T02:30:00.000Z")
    for (const bad of ["* * * *", "61 * * * *", "* * * * * * *"]) {
      const failed = scheduleIn(bad, "UTC")
      expect(Result.isFailure(failed) && failed.failure.issues[0]!.path).toBe("schedule")
    }
  })

  it("run every period once over any sequence of passes: none twice, none before the first, none missed while the catch-up bound covers the gap (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("*/10 * * * *", "0 * * * *", "30 2 * * *", "0 9 * * 1"),
        fc.constantFrom("Asia/Shanghai", "UTC", "America/New_York"),
        fc.array(fc.integer({ min: 1, max: 36 * 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (schedule, zone, gaps, maxCatchUp) => {
          const cron = Result.getOrThrow(scheduleIn(schedule, zone))
          let at = Date.UTC(2026, 2, 1)
          let last: string | undefined
          const ran: Array<string> = []
          let skipped = 0
          for (const minutes of gaps) {
            at += minutes * 60_000
            const pass = duePeriods(cron, last, at, maxCatchUp)
            expect(pass.due.length).toBeLessThanOrEqual(maxCatchUp)
            for (const [i, p] of pass.due.entries()) {
              expect(p.key).toBe(p.end)
              expect(Date.parse(p.start)).toBeLessThan(Date.parse(p.end))
              expect(Date.parse(p.end)).toBeLessThanOrEqual(at)
              if (last !== undefined) expect(p.end > last).toBe(true)
              // Contiguous: each period starts where the one before ended.
              if (i > 0) expect(p.start).toBe(pass.due[i - 1]!.end)
            }
            if (pass.due.length > 0) {
              expect(pass.due.at(-1)!.end).toBe(lastFiring(cron, at).toISOString())
              // What ran after the last recorded end, with what was skipped, is every firing since.
              if (last !== undefined && pass.skipped === 0) expect(pass.due[0]!.start).toBe(last)
              last = pass.due.at(-1)!.end
            }
            ran.push(...pass.due.map((p) => p.key))
            skipped += pass.skipped
          }
          expect(new Set(ran).size).toBe(ran.length)
          expect([...ran].sort()).toEqual(ran)
          if (skipped === 0 && ran.length > 0) {
            // Nothing skipped: the periods run chain from the first to the last without a hole.
            const chain = ran.map((key, i) => (i === 0 ? true : duePeriods(cron, ran[i - 1], Date.parse(key), 1000).due.length === 1))
            expect(chain.every(Boolean)).toBe(true)
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})

