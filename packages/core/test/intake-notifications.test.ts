/**
 * Notifications of one-window intake (一口式受理), on the in-memory store through the real use
 * cases and the outbox: the staff posted at the window hear of a new request and of where it
 * was routed, and of a referral past its due date (the scheduled rule), each once; no
 * message or delivery carries the resident's name, phone or words.
 */
import { Commands, Deliberation, Grid, Identity, IdGenerator, Intake, intakeOverdueJob, layerIntakeReaction, layerKernel, Matching, Mediation, notificationsOutbox, NotificationStore, Points, reacting, type PersonId } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { buildTinyCounty } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { runnerAt } from "../src/testing/runner.js"

/** 2026-06-01 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const DAY = 86_400_000

const run = runnerAt(T0, () =>
  Intake.layer.pipe(
    Layer.provideMerge(Layer.mergeAll(Matching.layer, Mediation.layer, Deliberation.layer)),
    Layer.provideMerge(Layer.mergeAll(Points.layer, Grid.layer, Identity.layer, layerKernel)),
    Layer.provideMerge(layerIntakeReaction),
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(53)))
  ))

describe("intake notifications", () => {
  it("tell the window's staff of a new request, where it was routed and a referral overdue, with nothing personal", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const intake = yield* Intake
      const store = yield* NotificationStore
      const inbox = (person: string) => Effect.map(store.inbox(person as PersonId, { limit: 100 }), (p) => p.items)
      const taken = yield* intake.receive(t.actors.worker, {
        channel: "phone", nodeId: t.grids[0].id, category: "property",
        resident: { kind: "contact", name: "王秀兰", phone: "13912345678" }, text: "物业不修电梯，王秀兰电话13912345678"
      })
      const worker = t.people.worker.id
      const received = yield* inbox(worker)
      expect(received.map((n) => n.eventType)).toEqual(["intake.request.received"])
      expect(received[0]!.body.en).toContain(taken.request.reference)
      expect(received[0]!.body.zh).toContain("来电")
      // Another grid's worker hears nothing of it.
      expect(yield* inbox(t.people.worker2.id)).toEqual([])

      yield* intake.accept(t.actors.secretary, taken.request.id)
      yield* intake.route(t.actors.secretary, taken.request.id, { kind: "referral", department: "住建局", dueDate: "2026-06-03" })
      const routed = (yield* inbox(worker)).filter((n) => n.eventType === "intake.request.routed")
      expect(routed.map((n) => n.body.zh)).toEqual([`诉求 ${taken.request.id} 已转办至职能部门。`])

      // The scheduled rule on June 4th (China): the due date (June 3rd) has passed; a second run reminds no one again.
      yield* TestClock.adjust(3 * DAY)
      const county = { id: t.county.id, timeZone: "Asia/Shanghai" }
      const period = { start: new Date(T0 + 3 * DAY - 3_600_000).toISOString(), end: new Date(T0 + 3 * DAY).toISOString() }
      expect((yield* intakeOverdueJob.run(county, period as never)).changed).toBe(1)
      expect((yield* intakeOverdueJob.run(county, period as never)).changed).toBe(0)
      const overdue = (yield* inbox(worker)).filter((n) => n.template === "intake_overdue")
      expect(overdue).toHaveLength(1)
      expect(overdue[0]).toMatchObject({ urgency: "urgent", subject: { type: "intake.request", id: taken.request.id } })
      expect(overdue[0]!.body.zh).toContain("应于 2026-06-03 办结")

      const all = JSON.stringify(yield* inbox(worker))
      for (const personal of ["王秀兰", "13912345678", "电梯"]) expect(all).not.toContain(personal)
    }).pipe(Effect.provide(Commands.layer))))
})
