/**
 * The grid use cases against the hostile review: commands that change nothing, ids that
 * reach outside the actor's scope, people as the one identity, the county's calendar and
 * input that must be refused.
 */
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  Access,
  type Actor,
  Commands,
  Directory,
  EventLog,
  Feed,
  Grid,
  GridStore,
  Identity,
  IdGenerator,
  makeAccess,
  PermissionPolicy,
  systemActor
} from "@mulin/core"
import { actorWith, buildTinyCounty, layerMemory } from "@mulin/core/testing"

const sys = systemActor()

const TestLayer = () =>
  Layer.mergeAll(Grid.layer, Identity.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer)))
type Env = Grid | Feed | Identity | GridStore | EventLog | Directory
const run = <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> => Effect.runPromise(effect.pipe(Effect.provide(TestLayer())))
/** Runs at a given instant of a test clock that stays there. */
const runAt = (iso: string) => <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> =>
  Effect.runPromise(Effect.andThen(TestClock.setTime(Date.parse(iso)), effect).pipe(Effect.provide(TestLayer()), Effect.provide(TestClock.layer())))

const allEvents = EventLog.use((log) => log.read({ after: 0, limit: 1_000_000, scopes: "*" }))
const eventCount = Effect.map(allEvents, (events) => events.length)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** An ID-card number with this body (17 digits) and the right check character. */
const withCheck = (body: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!
  return body + "10X98765432"[sum % 11]!
}

describe("Grid: a command that changes nothing writes nothing", () => {
  it("260 identical household PATCHes leave the version and the event count unchanged", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const hh = t.households[0]!
      const before = yield* eventCount
      const same = { code: "101", residents: [{ name: "张伟", phone: "13812340000", relation: "head" as const }] }
      const results = yield* Effect.forEach(Array.from({ length: 260 }), () => grid.updateHousehold(t.actors.worker, hh.id, same), { concurrency: 10 })
      expect(results.every((r) => r.version === hh.version)).toBe(true)
      expect((yield* grid.getHousehold(sys, hh.id)).version).toBe(hh.version)
      expect(yield* eventCount).toBe(before)
      // A real change still counts once.
      const changed = yield* grid.updateHousehold(t.actors.worker, hh.id, { ...same, code: "101A" })
      expect(changed.version).toBe(hh.version + 1)
      expect(yield* eventCount).toBe(before + 1)
    })))

  it("identical updates of a node and a person, a move to the current parent and ending on the same date write nothing", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const building = t.buildings[0]
      const asg = yield* grid.assignRole(sys, { personId: t.people.volunteer.id, nodeId: t.units[0].id, role: "volunteer", startDate: "2026-01-01" })
      const ended = yield* grid.endAssignment(sys, asg.id, { endDate: "2026-05-31" })
      const before = yield* eventCount
      const node = yield* grid.updateNode(t.actors.secretary, building.id, { name: building.name, code: building.code, partyOrganisation: building.partyOrganisation })
      expect(node.version).toBe(building.version)
      const moved = yield* grid.moveNode(t.actors.secretary, t.units[0].id, { newParentId: building.id })
      expect(moved.version).toBe(t.units[0].version)
      const person = yield* grid.updatePerson(t.actors.secretary, t.people.leader.id, { name: "王楼长", phone: "13900000002" })
      expect(person.version).toBe(t.people.leader.version)
      const again = yield* grid.endAssignment(sys, asg.id, { endDate: "2026-05-31" })
      expect(again.version).toBe(ended.version)
      expect(yield* eventCount).toBe(before)
    })))
})

describe("Grid: every referenced id goes through the one scope check", () => {
  it("asks Access about the node and every id a command names", async () => {
    const seen: Array<string> = []
    const SpyAccess = Layer.effect(Access, Effect.gen(function*() {
      const real = makeAccess(yield* Directory, yield* PermissionPolicy)
      return Access.of({
        ...real,
        at: (actor, action, id, options) => Effect.andThen(Effect.sync(() => seen.push(id)), real.at(actor, action, id, options)),
        check: (actor, action, target, options) => Effect.andThen(Effect.sync(() => seen.push(target.id)), real.check(actor, action, target, options)),
        checkLoaded: (actor, action, place, target, options) => Effect.andThen(Effect.sync(() => seen.push(target.id)), real.checkLoaded(actor, action, place, target, options)),
        checkAll: (actor, action, targets, options) => Effect.andThen(Effect.sync(() => seen.push(...targets.map((x) => x.id))), real.checkAll(actor, action, targets, options))
      })
    }))
    const store = Layer.mergeAll(layerMemory(), IdGenerator.layer)
    const layer = Layer.effect(Grid, Grid.make).pipe(Layer.provide(Layer.mergeAll(SpyAccess, Commands.layer)), Layer.provideMerge(store))
    await Effect.runPromise(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const expectAsked = (ids: ReadonlyArray<string>) => {
        expect(seen).toEqual(expect.arrayContaining([...ids]))
        seen.length = 0
      }
      seen.length = 0
      const p = yield* grid.createPerson(t.actors.secretary, { nodeId: t.units[0].id, code: "X1", name: "钱居民", householdId: t.households[0]!.id })
      expectAsked([t.units[0].id, t.households[0]!.id])
      const a = yield* grid.assignRole(t.actors.secretary, { personId: p.id, nodeId: t.buildings[0].id, role: "volunteer", startDate: "2026-01-01" })
      expectAsked([t.buildings[0].id, p.id])
      yield* grid.endAssignment(t.actors.secretary, a.id, { endDate: "2026-02-01" })
      expectAsked([a.id])
      yield* grid.moveNode(t.actors.secretary, t.units[1].id, { newParentId: t.buildings[0].id })
      expectAsked([t.units[1].id, t.buildings[0].id])
      yield* grid.updatePerson(t.actors.secretary, p.id, { nodeId: t.buildings[0].id })
      expectAsked([p.id, t.buildings[0].id, t.households[0]!.id])
      yield* grid.updateHousehold(t.actors.worker, t.households[0]!.id, { code: "101B" })
      expectAsked([t.households[0]!.id])
      yield* grid.whoServes(t.actors.worker, t.households[0]!.id)
      expectAsked([t.households[0]!.id])
    }).pipe(Effect.provide(layer)))
  })

  it("refuses to assign a person registered outside the actor's subtree: not found, nothing written", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const before = yield* eventCount
      // The secretary of community 1 names a person of community 2.
      const e = yield* Effect.flip(grid.assignRole(t.actors.secretary, { personId: t.people.worker2.id, nodeId: t.buildings[0].id, role: "building_leader" }))
      expect(e).toMatchObject({ _tag: "NotFound", entity: "person", id: t.people.worker2.id })
      expect(yield* eventCount).toBe(before)
    })))

  it("refuses to assign a person of another county: not found", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const other = yield* grid.createCounty(sys, { code: "C2", name: "邻县" })
      const stranger = yield* grid.createPerson(sys, { nodeId: other.id, code: "Z1", name: "外县人" })
      const e = yield* Effect.flip(grid.assignRole(sys, { personId: stranger.id, nodeId: t.buildings[0].id, role: "volunteer" }))
      expect(e).toMatchObject({ _tag: "NotFound", entity: "person" })
    })))

  it("checks the household a person lives in: it exists, lies in scope and in the person's subtree", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const before = yield* eventCount
      const elsewhere = yield* Effect.flip(grid.createPerson(t.actors.secretary, { nodeId: t.communities[0].id, code: "X1", name: "钱居民", householdId: t.households[2]!.id }))
      expect(elsewhere).toMatchObject({ _tag: "NotFound", entity: "household" })
      const missing = yield* Effect.flip(grid.createPerson(sys, { nodeId: t.communities[0].id, code: "X2", name: "钱居民", householdId: "hh_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as never }))
      expect(missing).toMatchObject({ _tag: "NotFound", entity: "household" })
      // In scope, but outside the subtree of the node the person is registered at.
      const sideways = yield* Effect.flip(grid.createPerson(t.actors.secretary, { nodeId: t.units[1].id, code: "X3", name: "钱居民", householdId: t.households[0]!.id }))
      expect(sideways).toMatchObject({ _tag: "InvalidInput" })
      if (sideways._tag === "InvalidInput") expect(sideways.issues[0]?.path).toBe("householdId")
      expect(yield* eventCount).toBe(before)
    })))

  it("refuses to move a node under a parent of another county: not found", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const other = yield* grid.createCounty(sys, { code: "C2", name: "邻县" })
      const e = yield* Effect.flip(grid.moveNode(sys, t.streets[0].id, { newParentId: other.id }))
      expect(e).toMatchObject({ _tag: "NotFound", id: other.id })
    })))
})

describe("Grid: people are the one identity", () => {
  it("updates a person's name, phone, node and household, where the actor may manage people", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const p = yield* grid.createPerson(t.actors.secretary, { nodeId: t.communities[0].id, code: "X1", name: "钱居民" })
      const moved = yield* grid.updatePerson(t.actors.secretary, p.id, { name: "钱新", phone: "13700000001", nodeId: t.units[0].id, householdId: t.households[0]!.id, expectedVersion: 1 })
      expect(moved).toMatchObject({ name: "钱新", phone: "13700000001", nodeId: t.units[0].id, householdId: t.households[0]!.id, version: 2 })
      // The household must stay in the person's subtree.
      const away = yield* Effect.flip(grid.updatePerson(t.actors.secretary, p.id, { nodeId: t.units[1].id }))
      expect(away._tag).toBe("InvalidInput")
      // Moving someone to community 2 is beyond the secretary's community.
      const out = yield* Effect.flip(grid.updatePerson(t.actors.secretary, p.id, { nodeId: t.communities[1].id, householdId: null }))
      expect(out._tag).toBe("NotFound")
      // A grid worker sees the person but may not manage people.
      const worker = yield* Effect.flip(grid.updatePerson(t.actors.worker, p.id, { name: "钱又" }))
      expect(worker._tag).toBe("Forbidden")
      const stale = yield* Effect.flip(grid.updatePerson(t.actors.secretary, p.id, { name: "钱又", expectedVersion: 1 }))
      expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
      // Living in a household makes the person a resident of its community.
      const actor = Option.getOrThrow(yield* Identity.use((i) => i.actorOf(p.id)))
      expect(actor.grants).toEqual([{ role: "resident", scope: t.communities[0].id }])
    })))

  it("links sign-in subjects to a person, lists and unlinks them; the subject then signs the person in", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const identity = yield* Identity
      const t = yield* buildTinyCounty()
      const subject = { issuer: "https://sso.yanzhou.gov.cn", subject: "u-1001" }
      const link = yield* grid.linkSubject(t.actors.secretary, t.people.worker.id, subject)
      expect(link).toMatchObject({ ...subject, personId: t.people.worker.id })
      const before = yield* eventCount
      yield* grid.linkSubject(t.actors.secretary, t.people.worker.id, subject)
      expect(yield* eventCount).toBe(before)
      const signedIn = Option.getOrThrow(yield* identity.resolve({ _tag: "Subject", ...subject }))
      expect(signedIn.id).toBe(t.people.worker.id)
      expect(signedIn.grants).toEqual([{ role: "grid_worker", scope: t.grids[0].id }])
      expect((yield* grid.subjects(t.actors.secretary, t.people.worker.id)).map((s) => s.subject)).toEqual(["u-1001"])
      // Another person cannot take the same subject.
      const taken = yield* Effect.flip(grid.linkSubject(t.actors.secretary, t.people.leader.id, subject))
      expect(taken).toMatchObject({ _tag: "Conflict", reason: "subject_linked" })
      // grid.assignment.write at the person's node: a grid worker may not, nor anyone outside.
      const inGrid = yield* grid.createPerson(sys, { nodeId: t.grids[0].id, code: "X1", name: "钱居民" })
      expect((yield* Effect.flip(grid.linkSubject(t.actors.worker, inGrid.id, { issuer: "demo", subject: "w" })))._tag).toBe("Forbidden")
      expect((yield* Effect.flip(grid.subjects(t.actors.secretary2, t.people.worker.id)))._tag).toBe("NotFound")
      // The feed says a subject was linked, without the subject itself.
      const linked = (yield* allEvents).filter((e) => e.type === "grid.person.subject_linked")
      expect(linked).toHaveLength(1)
      expect(JSON.stringify(linked)).not.toContain("u-1001")
      const rest = yield* grid.unlinkSubject(t.actors.secretary, t.people.worker.id, subject)
      expect(rest).toEqual([])
      expect(Option.isNone(yield* identity.resolve({ _tag: "Subject", ...subject }))).toBe(true)
      const gone = yield* Effect.flip(grid.unlinkSubject(t.actors.secretary, t.people.worker.id, subject))
      expect(gone._tag).toBe("NotFound")
    })))

  it("masks a person's name and phone unless the actor may read personal data at the person's node", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const inBuilding = yield* grid.createPerson(sys, { nodeId: t.buildings[0].id, code: "X1", name: "钱居民", phone: "13700000001" })
      expect(yield* grid.getPerson(t.actors.worker, inBuilding.id)).toMatchObject({ name: "钱居民", phone: "13700000001", masked: false })
      expect(yield* grid.getPerson(t.actors.leader, inBuilding.id)).toMatchObject({ name: "钱**", phone: "137****0001", masked: true })
      // Staff who serve in the worker's grid are visible to it, masked where it may not read personal data.
      expect(yield* grid.getPerson(t.actors.worker, t.people.leader.id)).toMatchObject({ name: "王**", masked: true })
      // Everyone sees themselves.
      expect(yield* grid.getPerson(t.actors.leader, t.people.leader.id)).toMatchObject({ name: "王楼长", masked: false })
      expect((yield* Effect.flip(grid.getPerson(t.actors.worker2, inBuilding.id)))._tag).toBe("NotFound")
      // Registered above the leader's building and serving nowhere: not visible to the leader.
      const above = yield* grid.createPerson(sys, { nodeId: t.grids[0].id, code: "X2", name: "孙居民" })
      expect((yield* Effect.flip(grid.getPerson(t.actors.leader, above.id)))._tag).toBe("NotFound")
    })))
})

describe("Grid: the county's calendar", () => {
  // 23:30 and 00:30 in China are 15:30Z and 16:30Z.
  const late = "2026-06-01T15:30:00.000Z"
  const early = "2026-06-01T16:30:00.000Z"

  it("starts and ends a post on today's date in China, which flips at local midnight", async () => {
    const post = Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const a = yield* grid.assignRole(sys, { personId: t.people.volunteer.id, nodeId: t.units[0].id, role: "volunteer" })
      const e = yield* grid.endAssignment(sys, a.id, {})
      const coverage = yield* grid.coverage(sys, t.county.id)
      const served = yield* grid.whoServes(sys, t.households[0]!.id)
      return { start: a.startDate, end: e.endDate, coverage: coverage.date, served: served.date }
    })
    expect(await runAt(late)(post)).toEqual({ start: "2026-06-01", end: "2026-06-01", coverage: "2026-06-01", served: "2026-06-01" })
    expect(await runAt(early)(post)).toEqual({ start: "2026-06-02", end: "2026-06-02", coverage: "2026-06-02", served: "2026-06-02" })
  })

  it("counts a county's days in its own time zone", async () => {
    const post = Effect.gen(function*() {
      const grid = yield* Grid
      const county = yield* grid.createCounty(sys, { code: "SF", name: "旧金山", timeZone: "America/Los_Angeles" })
      expect(county.timeZone).toBe("America/Los_Angeles")
      const street = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "街道" })
      const p = yield* grid.createPerson(sys, { nodeId: street.id, code: "P1", name: "钱员" })
      const a = yield* grid.assignRole(sys, { personId: p.id, nodeId: street.id, role: "volunteer" })
      return [a.startDate, (yield* grid.coverage(sys, county.id)).date]
    })
    // 16:30Z on June 1st is 09:30 on June 1st in San Francisco.
    expect(await runAt(early)(post)).toEqual(["2026-06-01", "2026-06-01"])
  })

  it("refuses a time zone that does not exist, and shows the default one", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const e = yield* Effect.flip(grid.createCounty(sys, { code: "C1", name: "县", timeZone: "Mars/Olympus" }))
      expect(e._tag).toBe("InvalidInput")
      if (e._tag === "InvalidInput") expect(e.issues.map((i) => i.path)).toEqual(["timeZone"])
      const c = yield* grid.createCounty(sys, { code: "C1", name: "县" })
      expect(c.timeZone).toBe("Asia/Shanghai")
      expect((yield* grid.getCounty(sys, c.id)).timeZone).toBe("Asia/Shanghai")
    })))
})

describe("Grid: input that must be refused", () => {
  const badNames: ReadonlyArray<readonly [string, string, RegExp]> = [
    ["NUL", "张\u0000三", /control/],
    ["lone surrogate", "张\uD800三", /surrogate/],
    ["right-to-left override", "张\u202E三", /bidirectional/],
    ["zero-width space", "张\u200B三", /zero-width/],
    ["BEL", "张\u0007三", /control/],
    ["newline", "张\n三", /one line/]
  ]
  const badCodes: ReadonlyArray<readonly [string, string]> = [
    ["Arabic-Indic digits", "\u0661\u0660\u0661"],
    ["a Cyrillic О beside 101", "\u041E101"]
  ]
  const badIdCards: ReadonlyArray<readonly [string, string, RegExp]> = [
    ["born on 1999-02-30", withCheck("11010519990230002"), /real birth date/],
    ["born in 2099", withCheck("11010520990101002"), /birth date/]
  ]

  /** Fails with InvalidInput naming `path` and the rule; nothing was written. */
  const refused = <A, R>(effect: Effect.Effect<A, unknown, R>, path: string, rule: RegExp) =>
    Effect.gen(function*() {
      const before = yield* eventCount
      const e = yield* Effect.flip(effect)
      expect(e).toMatchObject({ _tag: "InvalidInput" })
      const issue = (e as { issues: ReadonlyArray<{ path: string; message: string; messageZh: string }> }).issues.find((i) => i.path === path && rule.test(i.message))
      expect(issue, `${path} ${rule} in ${JSON.stringify(e)}`).toBeDefined()
      expect(issue!.messageZh).toMatch(/[\u4e00-\u9fff]/u)
      expect(yield* eventCount).toBe(before)
    })

  it("refuses names with control, bidirectional or zero-width characters, lone surrogates or line breaks", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      const actor: Actor = t.actors.secretary
      for (const [, name, rule] of badNames) {
        yield* refused(grid.createNode(actor, { parentId: t.buildings[0].id, code: "9", name }), "name", rule)
        yield* refused(grid.createPerson(actor, { nodeId: t.grids[0].id, code: "X9", name }), "name", rule)
        yield* refused(grid.updatePerson(actor, t.people.leader.id, { name }), "name", rule)
        yield* refused(grid.createHousehold(actor, { nodeId: t.units[0].id, code: "109", residents: [{ name }] }), "residents.0.name", rule)
        yield* refused(grid.updateHousehold(actor, t.households[0]!.id, { residents: [{ name: "张伟" }, { name }] }), "residents.1.name", rule)
        yield* refused(grid.updateNode(actor, t.grids[0].id, { partyOrganisation: name }), "partyOrganisation", rule)
      }
    })))

  it("refuses codes that are not ASCII letters and digits", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      for (const [, code] of badCodes) {
        yield* refused(grid.createHousehold(t.actors.secretary, { nodeId: t.units[0].id, code, residents: [{ name: "张三" }] }), "code", /ASCII/)
        yield* refused(grid.updateHousehold(t.actors.secretary, t.households[0]!.id, { code }), "code", /ASCII/)
        yield* refused(grid.createNode(t.actors.secretary, { parentId: t.buildings[0].id, code, name: "单元" }), "code", /ASCII/)
        yield* refused(grid.createPerson(t.actors.secretary, { nodeId: t.grids[0].id, code, name: "张三" }), "code", /ASCII/)
        yield* refused(grid.createCounty(sys, { code, name: "县" }), "code", /ASCII/)
      }
    })))

  it("refuses ID-card numbers with a birth date that does not exist or lies in the future", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      for (const [, idCardNumber, rule] of badIdCards) {
        yield* refused(grid.createHousehold(t.actors.secretary, { nodeId: t.units[0].id, code: "109", residents: [{ name: "张三", idCardNumber }] }), "residents.0.idCardNumber", rule)
      }
    })))

  it("refuses a household without a resident", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const t = yield* buildTinyCounty()
      yield* refused(grid.createHousehold(t.actors.secretary, { nodeId: t.units[0].id, code: "109", residents: [] }), "residents", /at least one resident/)
      yield* refused(grid.updateHousehold(t.actors.secretary, t.households[0]!.id, { residents: [] }), "residents", /at least one resident/)
    })))
})

describe("the event feed is the kernel's", () => {
  it("Feed answers as Grid.events did: the actor's events in order, pages by cursor, refusals", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const feed = yield* Feed
      const t = yield* buildTinyCounty()
      const all = yield* allEvents
      // The county administrator sees every event of the county; a grid worker only those of their grid.
      const admin = yield* feed.events(t.actors.admin, { limit: 1000 })
      expect(admin.items.map((e) => e.position)).toEqual(all.map((e) => e.position))
      const worker = yield* feed.events(t.actors.worker, { limit: 1000 })
      expect(worker.items.length).toBeGreaterThan(0)
      expect(worker.items.length).toBeLessThan(all.length)
      expect(worker.items.every((e) => e.scope.includes(t.grids[0].id))).toBe(true)
      // Pages follow the cursor, and Grid.events delegates to the same feed.
      const first = yield* feed.events(t.actors.admin, { limit: 3 })
      const second = yield* feed.events(t.actors.admin, { limit: 3, after: first.next! })
      expect([...first.items, ...second.items].map((e) => e.position)).toEqual(all.slice(0, 6).map((e) => e.position))
      expect(yield* grid.events(t.actors.admin, { limit: 3, after: first.next! })).toEqual(second)
      // A cursor no page returned, and an actor who may read events nowhere.
      const bad = yield* Effect.flip(feed.events(t.actors.admin, { after: "-1" }))
      expect(bad).toMatchObject({ _tag: "InvalidInput" })
      const resident = yield* Effect.flip(feed.events(t.actors.mediator))
      expect(resident).toMatchObject({ _tag: "Forbidden", action: "events.read" })
    })))

  it("reads one county at a time: implied for an actor of one county, named by one of several, refused through the scope check", () =>
    run(Effect.gen(function*() {
      const grid = yield* Grid
      const feed = yield* Feed
      const t = yield* buildTinyCounty()
      const other = yield* grid.createCounty(sys, { code: "370830", name: "汶上县" })
      yield* grid.createNode(sys, { parentId: other.id, code: "S1", name: "邻街" })
      const all = yield* allEvents
      const ofCounty = (id: string) => all.filter((e) => e.scope[0] === id).map((e) => e.id)
      const ids = (page: { readonly items: ReadonlyArray<{ readonly id: string }> }) => page.items.map((e) => e.id)
      // Given events in two counties: the county administrator reads its own, implied or named.
      expect(ids(yield* feed.events(t.actors.admin, { limit: 1000 }))).toEqual(ofCounty(t.county.id))
      expect(ids(yield* feed.events(t.actors.admin, { limit: 1000, county: t.county.id }))).toEqual(ofCounty(t.county.id))
      // One who may read several counties names the one to read, or is told which field is missing.
      const both = actorWith("psn_both", { role: "street_admin", scope: t.streets[0].id }, { role: "county_admin", scope: other.id })
      for (const actor of [sys, both]) {
        const missing = yield* Effect.flip(feed.events(actor, { limit: 10 }))
        expect(missing).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "county", message: "required when you may read the events of more than one county" }] })
        expect(ids(yield* feed.events(actor, { limit: 1000, county: other.id }))).toEqual(ofCounty(other.id))
      }
      expect(ids(yield* feed.events(both, { limit: 1000, county: t.county.id }))).toEqual(all.filter((e) => e.scope.includes(t.streets[0].id)).map((e) => e.id))
      // Hostile: another county's feed, a node that is no county, a role without events.read in its own county.
      expect(yield* Effect.flip(feed.events(t.actors.admin, { county: other.id }))).toMatchObject({ _tag: "NotFound" })
      expect(yield* Effect.flip(feed.events(t.actors.worker, { county: other.id }))).toMatchObject({ _tag: "NotFound" })
      expect(yield* Effect.flip(feed.events(t.actors.admin, { county: t.streets[0].id }))).toMatchObject({ _tag: "NotFound" })
      expect(yield* Effect.flip(feed.events(t.actors.mediator, { county: t.county.id }))).toMatchObject({ _tag: "Forbidden", action: "events.read" })
      // A grid worker's county is implied by its grid, and it still reads its grid only.
      expect(ids(yield* feed.events(t.actors.worker, { limit: 1000, county: t.county.id }))).toEqual(all.filter((e) => e.scope.includes(t.grids[0].id)).map((e) => e.id))
    })))
})
