/**
 * The county the matching conformance cases run in: a community with six volunteers holding
 * volunteer posts and points accounts, a funded requester, and how to bring a need to each
 * state with a valid command of each kind.
 *
 * @since 0.4.0
 */
import { Effect, Option, type Scope } from "effect"
import type { TestClock } from "effect/testing"
import { type Actor, systemActor } from "../kernel/actor.js"
import { Identity } from "../kernel/identity.js"
import type { IdGenerator, PersonId } from "../kernel/ids.js"
import { Grid } from "../grid/service.js"
import type { AccountId, TransferId } from "../points/model.js"
import { Points } from "../points/service.js"
import type { Need, NeedCommand, NeedCommandTag, NeedState, PostNeed } from "../matching/model.js"
import { Matching } from "../matching/service.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import type { MatchingStorePorts } from "./matchingConformance.js"

export const sys = systemActor()
export const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
export const HOUR = 3_600_000
export const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 }))
export const REQUESTER_FUNDS = 5_000

export type Env = Matching | Points | Grid | Identity | MatchingStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

export interface World {
  readonly t: TinyCounty
  readonly issuer: AccountId
  readonly secretary: Actor
  /** 欧阳芃翀, a resident of unit a2 with 5,000 points on her account. */
  readonly requester: Actor
  readonly requesterAccount: AccountId
  /** Volunteers v0…v5 registered in community 1 with volunteer posts, living in units a1/a2, with points accounts. */
  readonly volunteers: ReadonlyArray<Actor>
  readonly accounts: ReadonlyMap<string, AccountId>
}

export const actorNow = (id: PersonId) => Effect.flatMap(Identity, (identity) => Effect.map(identity.actorOf(id), Option.getOrThrow))

export const setupWorld = (capacities: ReadonlyArray<number> = [2, 2, 2, 2, 2, 2]) =>
  Effect.gen(function*() {
    const t = yield* buildTinyCounty()
    const grid = yield* Grid
    const matching = yield* Matching
    const points = yield* Points
    const issuer = yield* points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" })
    const community = t.communities[0].id
    const volunteers: Array<Actor> = []
    const accounts = new Map<string, AccountId>()
    for (const [i, cap] of capacities.entries()) {
      const unit = t.units[i % 2]!
      const p = yield* grid.createPerson(sys, { nodeId: community, code: `MV${i}`, name: `志愿者${"甲乙丙丁戊己"[i]}` })
      yield* grid.assignRole(sys, { personId: p.id, nodeId: community, role: "volunteer", startDate: "2026-01-01" })
      const account = yield* points.openAccount(sys, { nodeId: unit.id, kind: "person", ownerId: p.id })
      accounts.set(p.id, account.id)
      yield* matching.saveVolunteer(sys, {
        personId: p.id,
        homeNodeId: unit.id,
        skills: [{ skill: "repairs", level: 1 + (i % 5) }, { skill: "errands", level: 3 }],
        availability: always,
        maxConcurrent: cap,
        accountId: account.id
      })
      volunteers.push(yield* actorNow(p.id))
    }
    const r = yield* grid.createPerson(sys, { nodeId: t.units[1].id, code: "REQ1", name: "欧阳芃翀", householdId: t.households[1]!.id })
    const requesterAccount = yield* points.openAccount(sys, { nodeId: t.units[1].id, kind: "person", ownerId: r.id })
    yield* points.adjust(sys, { transferId: "fund-requester" as TransferId, accountId: requesterAccount.id, amount: REQUESTER_FUNDS, reason: "opening balance" })
    return { t, issuer: issuer.id, secretary: t.actors.secretary, requester: yield* actorNow(r.id), requesterAccount: requesterAccount.id, volunteers, accounts } satisfies World
  })

export const postOf = (w: World, overrides: Partial<PostNeed> = {}): PostNeed => ({
  nodeId: w.t.units[0].id,
  kind: "micro_wish",
  category: "repairs",
  title: "修理漏水的水龙头",
  requiredSkills: ["repairs"],
  dueAt: new Date(T0 + 72 * HOUR).toISOString(),
  slots: 1,
  reward: { fromAccountId: w.requesterAccount, points: 20 },
  ...overrides
})

/** The commands that bring a new need to each state. */
export const pathTo: Readonly<Record<NeedState, ReadonlyArray<NeedCommandTag>>> = {
  open: [],
  claimed: ["Claim"],
  assigned: ["Assign"],
  visiting: ["Claim", "LogVisit"],
  done: ["Claim", "ReportDone"],
  confirmed: ["Claim", "ReportDone", "Confirm"],
  closed: ["Claim", "ReportDone", "Confirm", "Close"],
  cancelled: ["Cancel"],
  expired: ["Expire"]
}

/** A command of each tag, valid as far as its content goes, and who runs it. */
export const commandFor = (w: World, n: Need, tag: Exclude<NeedCommandTag, "Post">): readonly [Actor, NeedCommand] => {
  const first = n.assignees[0]?.personId ?? (w.volunteers[0]!.id as PersonId)
  const free = w.volunteers.find((v) => !n.assignees.some((a) => a.personId === v.id))!.id as PersonId
  switch (tag) {
    case "Claim":
      return [w.volunteers.find((v) => v.id === free)!, { _tag: "Claim" }]
    case "Assign":
      return [w.secretary, { _tag: "Assign", personIds: [free], explanation: "最近" }]
    case "Release":
      return [w.secretary, { _tag: "Release", personId: first, reason: "临时有事" }]
    case "Reassign":
      return [w.secretary, { _tag: "Reassign", from: first, to: free, reason: "换人" }]
    case "LogVisit":
      return [w.volunteers.find((v) => v.id === n.assignees[0]?.personId) ?? w.secretary, { _tag: "LogVisit", note: "已上门查看" }]
    case "ReportDone":
      return [w.secretary, { _tag: "ReportDone", note: "已修好" }]
    case "Confirm":
      return [w.requester, { _tag: "Confirm", rating: 5, comment: "很满意" }]
    case "Reopen":
      return [w.requester, { _tag: "Reopen", reason: "还在漏" }]
    case "Close":
      return [w.secretary, { _tag: "Close" }]
    case "Cancel":
      return [w.requester, { _tag: "Cancel", reason: "不需要了" }]
    case "Expire":
      return [sys, { _tag: "Expire" }]
    case "AttachReward":
      return [w.secretary, { _tag: "AttachReward", category: "micro_wish" }]
  }
}
