/**
 * The matching decider, ranking and dispatch on their own: the dispatch against an
 * exhaustive search on random small instances, the ranking's filters and breakdown, the
 * decider's (state, command) table, and the committed state diagram.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  CandidateIndex,
  defaultMatchingConfig,
  dispatchGraph,
  evolveNeed,
  exhaustiveDispatch,
  greedyDispatch,
  type GridNodeId,
  matchingStatesDocument,
  type Need,
  needCommandTags,
  needTransitions,
  needDecider,
  type NeedCommandTag,
  type NeedContext,
  type NeedState,
  type PersonId,
  planDispatch,
  proximityOf,
  rankCandidates,
  solveDispatch,
  type Urgency,
  type Volunteer
} from "@mulin/core"
import { given } from "@mulin/core/testing"

const id = (s: string) => `node_${s.padStart(26, "0")}` as GridNodeId
const pid = (s: string) => s as PersonId
const county = id("C")
const config = defaultMatchingConfig(county)
const AT = "2026-06-01T08:00:00.000Z"
const DUE = "2026-06-03T08:00:00.000Z"
// county / street / community / grid / building / unit
const place = (community: number, grid: number, building: number) => [county, id(`S${community}`), id(`M${community}`), id(`G${community}${grid}`), id(`B${community}${grid}${building}`), id(`U${community}${grid}${building}`)]

const needOf = (i: number, o: Partial<Need> = {}): Need => ({
  id: `need_${String(i).padStart(26, "0")}` as Need["id"],
  countyId: county,
  nodeId: place(1, 1, 1)[5]!,
  scope: place(1, 1, 1),
  kind: "micro_wish",
  category: "repairs",
  title: "修水龙头",
  publicTitle: "修水龙头",
  description: "",
  requiredSkills: ["repairs"],
  requester: { id: pid("res"), name: "张三" },
  urgency: "normal",
  dueAt: DUE,
  slots: 1,
  reward: null,
  state: "open",
  status: "open",
  assignees: [],
  visits: [],
  helpers: [],
  doneAt: null,
  confirmation: null,
  paid: [],
  reason: null,
  postedAt: AT,
  respondedAt: null,
  closedAt: null,
  version: 1,
  updatedAt: AT,
  ...o
})

const volunteerOf = (i: number, o: Partial<Volunteer> = {}): Volunteer => ({
  personId: pid(`v${i}`),
  countyId: county,
  name: `志愿者${i}`,
  homeNodeId: place(1, 1, 1)[5]!,
  homeScope: place(1, 1, 1),
  skills: [{ skill: "repairs", level: 3 }],
  availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
  maxConcurrent: 1,
  tags: [],
  teams: [],
  accountId: null,
  active: true,
  load: 0,
  history: { completed: 0, ratingSum: 0, ratingCount: 0, pointsEarned: 0, recent: [] },
  version: 1,
  updatedAt: AT,
  ...o
})

describe("batch dispatch", () => {
  const instance = fc.record({
    needs: fc.array(fc.record({
      slots: fc.integer({ min: 1, max: 2 }),
      urgency: fc.constantFrom<Urgency>("low", "normal", "high", "critical"),
      grid: fc.integer({ min: 1, max: 2 }),
      skill: fc.constantFrom("repairs", "errands")
    }), { minLength: 1, maxLength: 7 }),
    volunteers: fc.array(fc.record({
      cap: fc.integer({ min: 1, max: 2 }),
      load: fc.integer({ min: 0, max: 1 }),
      grid: fc.integer({ min: 1, max: 2 }),
      building: fc.integer({ min: 1, max: 2 }),
      repairs: fc.integer({ min: 0, max: 5 }),
      errands: fc.integer({ min: 0, max: 5 }),
      recent: fc.integer({ min: 0, max: 3 }),
      rating: fc.integer({ min: 0, max: 5 })
    }), { minLength: 1, maxLength: 7 })
  })

  it("equals the exhaustive optimum on random instances of up to 7 needs × 7 volunteers", () => {
    let nonTrivial = 0
    // Instances where someone was assigned: a run where no volunteer ever fits proves little.
    let assigned = 0
    fc.assert(fc.property(instance, ({ needs, volunteers }) => {
      const ns = needs.map((n, i) => needOf(i, { slots: n.slots, urgency: n.urgency, requiredSkills: [n.skill], scope: place(1, n.grid, 1), nodeId: place(1, n.grid, 1)[5]! }))
      const vs = volunteers.map((v, i) => volunteerOf(i, {
        maxConcurrent: v.cap,
        load: Math.min(v.load, v.cap - 1),
        homeScope: place(1, v.grid, v.building),
        skills: [...(v.repairs > 0 ? [{ skill: "repairs", level: v.repairs }] : []), ...(v.errands > 0 ? [{ skill: "errands", level: v.errands }] : [])],
        history: { completed: 0, ratingSum: v.rating * 3, ratingCount: v.rating === 0 ? 0 : 3, pointsEarned: 0, recent: Array.from({ length: v.recent }, () => AT) }
      }))
      const graph = dispatchGraph(ns, vs, config, AT)
      const plan = solveDispatch(graph)
      const best = exhaustiveDispatch(graph)
      expect(plan.total).toBe(best)
      expect(plan.total).toBeGreaterThanOrEqual(greedyDispatch(graph))
      if (plan.total > greedyDispatch(graph)) nonTrivial++
      if (plan.assignments.length > 0) assigned++
      // Feasible: slots and capacities hold.
      const perNeed = new Map<string, number>()
      const perVol = new Map<string, number>()
      for (const a of plan.assignments) {
        perNeed.set(a.needId, (perNeed.get(a.needId) ?? 0) + 1)
        perVol.set(a.personId, (perVol.get(a.personId) ?? 0) + 1)
      }
      for (const n of ns) expect(perNeed.get(n.id) ?? 0).toBeLessThanOrEqual(n.slots)
      for (const v of vs) expect(perVol.get(v.personId) ?? 0).toBeLessThanOrEqual(v.maxConcurrent - v.load)
    }), { numRuns: 300 })
    // The instances are hard enough that greedy sometimes loses.
    expect(nonTrivial).toBeGreaterThan(0)
    expect(assigned).toBeGreaterThan(150)
  })

  it("beats greedy where greedy takes the best volunteer of the first need", () => {
    // v0 fits both needs best; v1 fits only the first. Greedy gives v0 to need 0 and leaves need 1 empty.
    const n0 = needOf(0, { urgency: "high" })
    const n1 = needOf(1, { urgency: "high", requiredSkills: ["errands"], dueAt: "2026-06-03T09:00:00.000Z" })
    const v0 = volunteerOf(0, { skills: [{ skill: "repairs", level: 5 }, { skill: "errands", level: 5 }] })
    const v1 = volunteerOf(1, { skills: [{ skill: "repairs", level: 4 }] })
    const graph = dispatchGraph([n0, n1], [v0, v1], config, AT)
    const plan = solveDispatch(graph)
    expect(plan.assignments.map((a) => [a.needId, a.personId])).toEqual([[n0.id, "v1"], [n1.id, "v0"]])
    expect(plan.total).toBeGreaterThan(greedyDispatch(graph))
    expect(plan.assignments[0]!.explanation).toContain("high need")
  })

  it("serves the more urgent need when one volunteer could take either", () => {
    const low = needOf(0, { urgency: "low" })
    const critical = needOf(1, { urgency: "critical" })
    const plan = planDispatch([low, critical], [volunteerOf(0)], config, AT)
    expect(plan.assignments.map((a) => a.needId)).toEqual([critical.id])
    expect(plan.unassigned).toEqual([low.id])
  })
})

describe("ranking", () => {
  it("filters by skill, capacity, radius and availability, then scores nearer volunteers higher with a readable breakdown", () => {
    const need = needOf(0)
    const vs = [
      volunteerOf(0, { homeScope: place(1, 1, 1) }),
      volunteerOf(1, { homeScope: place(1, 1, 2) }),
      volunteerOf(2, { homeScope: place(1, 2, 1) }),
      volunteerOf(3, { homeScope: place(2, 1, 1) }),
      volunteerOf(4, { skills: [] }),
      volunteerOf(5, { load: 1 }),
      volunteerOf(6, { availability: [] })
    ]
    const ranking = rankCandidates(need, vs, config, AT)
    expect(ranking.candidates.map((c) => [c.personId, c.proximity])).toEqual([["v0", "same_building"], ["v1", "same_grid"], ["v2", "same_community"]])
    expect(ranking.rejected).toEqual({ outside_radius: 1, missing_skill: 1, at_capacity: 1, unavailable_before_due: 1 })
    expect(ranking.candidates[0]!.explanation).toMatch(/^score 0\.\d\d \(same building\): skill fit 0\.60×0\.30/)
    expect(ranking.candidates[0]!.explanationZh).toContain("同楼栋")
    expect(new CandidateIndex(config, vs).rank(need, AT).candidates).toEqual(ranking.candidates)
    const custom = rankCandidates(need, vs, config, AT, { scorer: ({ volunteer }) => ({ skill: 0, distance: 0, availability: 0, load: 0, fairness: 0, rating: volunteer.personId === "v2" ? 1 : 0 }) })
    expect(custom.candidates[0]!.personId).toBe("v2")
  })

  it("tells the grid distance by the deepest shared level", () => {
    expect(proximityOf(place(1, 1, 1), place(1, 1, 1), config.depths)).toBe("same_building")
    expect(proximityOf(place(1, 1, 1), place(1, 2, 1), config.depths)).toBe("same_community")
    expect(proximityOf(place(1, 1, 1), place(2, 1, 1), config.depths)).toBe("further")
  })
})

describe("need decider", () => {
  const volunteers = new Map([[pid("v0"), volunteerOf(0, { maxConcurrent: 3 })], [pid("v1"), volunteerOf(1, { maxConcurrent: 3 })], [pid("res"), volunteerOf(9, { personId: pid("res") })]])
  const ctx: NeedContext = { at: AT, actor: { id: "v0", kind: "person" }, volunteers }
  const boss = { id: "boss", kind: "person" as const }
  const issuerReward = { _tag: "issuer" as const, category: "micro_wish", quantity: 1, points: 20, awardedBy: pid("boss") }
  const states = ["open", "claimed", "assigned", "visiting", "done", "confirmed", "closed", "cancelled", "expired"] as const
  /** A need in `state`, worked on by v0 unless open, and `tag` as its actor would ask it. */
  const specIn = (state: NeedState) =>
    given(needDecider, [], needOf(0, { state, assignees: state === "open" ? [] : [{ personId: pid("v0"), via: "claim", at: AT, explanation: null }], slots: 3 }))
  const commandFor = (tag: Exclude<NeedCommandTag, "Post">) => {
    const command = { _tag: tag, personIds: ["v1"], personId: tag === "Claim" ? "v1" : "v0", from: "v0", to: "v1", reason: "r", note: "n", rating: 3 } as never
    const actor = tag === "Expire" ? { id: "system", kind: "system" as const } : tag === "Confirm" || tag === "Reopen" ? { id: "res", kind: "person" as const } : tag === "AttachReward" ? boss : ctx.actor
    return [command, { ...ctx, actor, reward: issuerReward, at: tag === "Expire" ? "2026-06-09T00:00:00.000Z" : AT }] as const
  }
  const pairs = states.flatMap((state) => needCommandTags.filter((t) => t !== "Post").map((tag) => [state, tag as Exclude<NeedCommandTag, "Post">] as const))

  it.each(pairs)("%s × %s: the table's target state, or InvalidTransition when the table lists none", (state, tag) => {
    const targets = needTransitions.filter((t) => t.from === state && t.command === tag).map((t) => t.to)
    const spec = specIn(state)
    const when = spec.when(...commandFor(tag))
    if (targets.length === 0) when.thenFails("InvalidTransition", { from: state })
    else {
      if (Result.isFailure(when.result)) expect.fail(`${state} × ${tag}: ${when.result.failure.message}`)
      expect(targets).toContain(when.result.success.reduce(evolveNeed, spec.state!).state)
    }
  })

  it("says clearly that a claim lost when the slots are taken", () => {
    const full = needOf(0, { state: "claimed", assignees: [{ personId: pid("v1"), via: "claim", at: AT, explanation: null }] })
    given(needDecider, [], full).when({ _tag: "Claim" }, ctx).thenFails("Conflict", { reason: "slots_full" })
  })

  const open = needOf(0, { version: 0 })
  const posted = { type: "posted" as const, at: AT, actor: { id: "res", kind: "person" as const }, initial: open }
  const claimed = { type: "claimed" as const, at: AT, actor: ctx.actor, personId: pid("v0") }
  const done = { type: "done_reported" as const, at: AT, actor: ctx.actor, note: "" }

  it("never lets a requester work on their own need, by claim, assignment or reassignment", () => {
    given(needDecider, [posted]).when({ _tag: "Claim" }, { ...ctx, actor: { id: "res", kind: "person" } }).thenFails("Conflict", { reason: "requester_cannot_work" })
    given(needDecider, [posted]).when({ _tag: "Assign", personIds: [pid("v1"), pid("res")] }, ctx).thenFails("Conflict", { reason: "requester_cannot_work" })
    given(needDecider, [posted, claimed]).when({ _tag: "Reassign", from: pid("v0"), to: pid("res"), reason: "换人" }, ctx).thenFails("Conflict", { reason: "requester_cannot_work" })
    given(needDecider, [posted]).when({ _tag: "Claim" }, ctx).thenMatches([{ type: "claimed", personId: pid("v0") }])
  })

  it("never lets the awarder of a reward work on the need, nor whoever did the work attach one", () => {
    const attached = { type: "reward_attached" as const, at: AT, actor: boss, reward: issuerReward }
    given(needDecider, [posted, attached]).when({ _tag: "Claim" }, { ...ctx, actor: boss }).thenFails("Conflict", { reason: "awarder_cannot_work" })
    given(needDecider, [posted, claimed]).when({ _tag: "AttachReward" }, { ...ctx, reward: { ...issuerReward, awardedBy: pid("v0") } }).thenFails("Conflict", { reason: "awarder_cannot_work" })
    given(needDecider, [posted, claimed]).when({ _tag: "AttachReward" }, { ...ctx, actor: boss, reward: issuerReward }).then([{ ...attached }])
  })

  it("lets no one who did the work confirm it; pays the payout once, never above what was held", () => {
    given(needDecider, [posted, claimed, done]).when({ _tag: "Confirm", rating: 5 }, ctx).thenFails("Forbidden")
    const held = { ...open, reward: { _tag: "requester" as const, accountId: "acct_1" as never, points: 20, holdId: "h" as never, held: 20 } }
    const heldPosted = { ...posted, initial: held }
    const share = (points: number) => ({ transferId: "t" as never, personId: pid("v0"), accountId: "acct_2" as never, points })
    const requester = { ...ctx, actor: { id: "res", kind: "person" as const } }
    given(needDecider, [heldPosted, claimed, done]).when({ _tag: "Confirm", rating: 5 }, { ...requester, payout: [share(21)] }).thenFails("Conflict", { reason: "reward_exceeds_hold" })
    const after = given(needDecider, [heldPosted, claimed, done]).when({ _tag: "Confirm", rating: 5 }, { ...requester, payout: [share(20)] }).thenMatches([{ type: "confirmed", paid: [share(20)] }])
    // A confirmation retried with the same rating changes nothing.
    given(needDecider, [heldPosted, claimed, done, { type: "confirmed", at: AT, actor: requester.actor, confirmation: after!.confirmation!, paid: [share(20)] }])
      .when({ _tag: "Confirm", rating: 5 }, { ...requester, payout: [share(20)] }).thenNothing()
  })
})

describe("docs/matching-states.md", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "matching-states.md"), "utf8")

  it("is the document generated from the transition table (regenerate with scripts/diagrams.ts)", () => {
    expect(committed).toBe(matchingStatesDocument())
  })

  it("draws exactly the transitions the decider makes: every state × every command, enumerated", () => {
    const drawn = new Set([...committed.matchAll(/^ {2}(\S+) --> (\S+) : (\w+)$/gmu)].map(([, from, to, command]) => `${from} --> ${to} : ${command}`))
    expect(drawn.size).toBe(needTransitions.length)
    const made = new Set<string>()
    const volunteers = new Map([[pid("v0"), volunteerOf(0, { maxConcurrent: 3 })], [pid("v1"), volunteerOf(1, { maxConcurrent: 3 })], [pid("v2"), volunteerOf(2, { maxConcurrent: 3 })]])
    const ctx: NeedContext = { at: AT, actor: { id: "res", kind: "person" }, volunteers }
    const n0 = needOf(0)
    const place = { id: n0.id, countyId: county, nodeId: n0.nodeId, scope: n0.scope, requester: n0.requester, dueAt: DUE, publicTitle: n0.title, reward: null }
    const posted = given(needDecider).when({ _tag: "Post", nodeId: n0.nodeId, kind: "micro_wish", category: "repairs", title: n0.title } as never, { ...ctx, place }).result
    if (Result.isSuccess(posted) && posted.success.length > 0) made.add(`[*] --> ${posted.success.reduce(evolveNeed, undefined as never).state} : Post`)
    const boss = { id: "boss", kind: "person" as const }
    const reward = { _tag: "issuer" as const, category: "micro_wish", quantity: 1, points: 20, awardedBy: pid("boss") }
    const states = ["open", "claimed", "assigned", "visiting", "done", "confirmed", "closed", "cancelled", "expired"] as const
    const worker = (id: string) => ({ personId: pid(id), via: "claim" as const, at: AT, explanation: null })
    for (const state of states) {
      for (const crowded of [false, true]) {
        const n = needOf(0, { state, assignees: state === "open" ? [] : crowded ? [worker("v0"), worker("v2")] : [worker("v0")], slots: 3 })
        for (const tag of needCommandTags) {
          if (tag === "Post") continue
          const command = { _tag: tag, personIds: ["v1"], personId: tag === "Claim" ? "v1" : "v0", from: "v0", to: "v1", reason: "r", note: "n", rating: 3 } as never
          const actor = tag === "Expire" ? { id: "system", kind: "system" as const } : tag === "Confirm" || tag === "Reopen" ? { id: "res", kind: "person" as const } : tag === "AttachReward" ? boss : { id: "v0", kind: "person" as const }
          const r = given(needDecider, [], n).when(command, { ...ctx, actor, reward, at: tag === "Expire" ? "2026-06-09T00:00:00.000Z" : AT }).result
          if (Result.isSuccess(r) && r.success.length > 0) made.add(`${state} --> ${r.success.reduce(evolveNeed, n).state} : ${tag}`)
        }
      }
    }
    expect([...made].sort()).toEqual([...drawn].sort())
  })
})
