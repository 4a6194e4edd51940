/**
 * The kernel's trust pieces on their own: the input vocabulary, the county calendar,
 * redaction of public text, identity from current posts, the one scope check, the command
 * pipeline and secrets.
 */
import { Effect, Layer, Option, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  Access,
  actorOf,
  addDays,
  Code,
  Commands,
  constantTimeEqual,
  dayWindow,
  type Decider,
  encodeUlid,
  fromSchemaError,
  EventLog,
  Grid,
  type GridNodeId,
  IdCardNumber,
  idCardProblem,
  textProblem,
  IdGenerator,
  Identity,
  CalendarDate,
  Instant,
  localDate,
  monthWindow,
  type PersonAccess,
  type PersonId,
  type Place,
  Prose,
  redactText,
  Secrets,
  shiftMonths,
  startOfDate,
  Text,
  TimeZoneId,
  todayIn
} from "@mulin/core"
import { arbitraryIdCard, arbitraryPersonalText, buildTinyCounty, layerMemory } from "@mulin/core/testing"

const decodes = <A, I>(schema: Schema.Codec<A, I>, value: unknown) => Result.isSuccess(Schema.decodeUnknownResult(schema)(value))

describe("the input vocabulary", () => {
  it("refuses text with NUL, lone surrogates, bidi overrides, zero-width characters, BEL or line breaks", () => {
    const name = Text(40)
    expect(decodes(name, "张三")).toBe(true)
    for (const bad of ["张\u0000三", "张\ud800三", "张\u202e三", "张\u200b三", "张\u0007三", "张\n三", "张\r三", "\ufeff张三", "e\u0301"]) {
      expect(decodes(name, bad), JSON.stringify(bad)).toBe(false)
    }
    // Prose may span lines, nothing else changes.
    expect(decodes(Prose(100), "第一行\n第二行\r\n第三行")).toBe(true)
    expect(decodes(Prose(100), "第一行\u202e")).toBe(false)
    expect(decodes(Prose(100), "a\rb")).toBe(false)
  })

  it("names the field and the rule in English and Chinese", () => {
    const result = Schema.decodeUnknownResult(Schema.Struct({ name: Text(40) }))({ name: "张\u202e三" })
    if (Result.isSuccess(result)) return expect.fail("accepted a bidi override")
    expect(fromSchemaError(result.failure).issues).toEqual([
      { path: "name", message: "must not contain bidirectional control characters", messageZh: "不能包含双向文本控制字符" }
    ])
  })

  it("refuses codes in other scripts' digits or with look-alike letters", () => {
    expect(decodes(Code, "101")).toBe(true)
    expect(decodes(Code, "B-1.2_x")).toBe(true)
    for (const bad of ["١٠١", "\u041e101", "１０１", "", "a b", "x".repeat(41)]) expect(decodes(Code, bad), bad).toBe(false)
  })

  it("checks an ID-card number's region, birth date and check character", () => {
    expect(decodes(IdCardNumber, "110101199003074477")).toBe(true)
    expect(idCardProblem("110101199902304470")?.en).toMatch(/real birth date/)
    expect(idCardProblem("110101209901014470", "2026-12-06")?.en).toMatch(/future/)
    expect(idCardProblem("000000000000000001")?.en).toMatch(/region/)
    expect(idCardProblem("110101199003074478")?.en).toMatch(/check digit/)
    fc.assert(fc.property(arbitraryIdCard, (id) => idCardProblem(id) === undefined))
  })

  it("accepts exactly the text the character rules accept, plain Chinese and ASCII included (property)", () => {
    const reference = (s: string, multiline: boolean) =>
      !/\p{Cs}/u.test(s) &&
      !(multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]|\r(?!\n)/u : /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u).test(s) &&
      !/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(s) &&
      !/[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF\uFFFD]/u.test(s) &&
      s.normalize("NFC") === s
    const plain = fc.constantFrom(..."张王李赵刘陈杨黄周吴·Ab9 -_/()龥一")
    const odd = fc.constantFrom("\u0000", "\u001f", "\u007f", "\u0085", "\u2028", "\u202e", "\u200b", "\ufeff", "\ud800", "\udc00", "e\u0301", "\u00e9", "\u212b", "\n", "\r\n", "\r", "\t", "\u3000", "\uff21")
    fc.assert(fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2 }) })).map((parts) => parts.join("")), fc.boolean(), (s, multiline) =>
      (textProblem(s, multiline) === undefined) === reference(s, multiline)
    ), { numRuns: 3000 })
  })

  it("takes as an ID-card birth date exactly the days the Gregorian calendar has, from 1900 to today", () => {
    // The reference: the calendar's own idea of a day, through Date.
    const realDay = (y: number, m: number, d: number) => {
      const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
      const date = new Date(`${iso}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso && iso >= "1900-01-01" ? iso : undefined
    }
    const today = "2026-12-06"
    const withCheck = (first17: string) => {
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
      let sum = 0
      for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!
      return first17 + "10X98765432"[sum % 11]!
    }
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
      const id = withCheck(`370812${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}123`)
      const iso = realDay(y, m, d)
      const problem = idCardProblem(id, today)?.en
      if (iso === undefined) return problem !== undefined && /real birth date/.test(problem)
      return iso > today ? problem !== undefined && /future/.test(problem) : problem === undefined
    }), { numRuns: 2000 })
    for (const [y, m, d] of [[2000, 2, 29], [1900, 2, 29], [2024, 2, 29], [2023, 2, 29], [2026, 12, 6], [2026, 12, 7], [1899, 12, 31], [1900, 1, 1], [2025, 4, 31]] as const) {
      const id = withCheck(`370812${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}123`)
      const iso = realDay(y, m, d)
      expect(idCardProblem(id, today) === undefined, id).toBe(iso !== undefined && iso <= today)
    }
    for (const bad of ["37081219900101123", "3708121990010112345", "3708121990010112x4", "37081219900101123Y", "37081219900101１234", "3708121990010112-4"]) {
      expect(idCardProblem(bad)?.en, bad).toMatch(/17 digits/)
    }
  })

  it("refuses instants that do not exist", () => {
    expect(decodes(Instant, "2026-02-28T10:00:00Z")).toBe(true)
    for (const bad of ["2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z"]) expect(decodes(Instant, bad), bad).toBe(false)
  })

  it("takes exactly the days of the Gregorian calendar as dates and instants (leap years, month ends)", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0")
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
      const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
      const parsed = new Date(`${date}T00:00:00Z`)
      const real = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
      return decodes(CalendarDate, date) === real && decodes(Instant, `${date}T23:59:59.999Z`) === real
    }), { numRuns: 5000 })
    for (const leap of ["2000-02-29", "2024-02-29", "1600-02-29"]) expect(decodes(CalendarDate, leap), leap).toBe(true)
    for (const notLeap of ["1900-02-29", "2100-02-29", "2026-02-29"]) expect(decodes(CalendarDate, notLeap), notLeap).toBe(false)
  })

  it("knows IANA time zones", () => {
    expect(decodes(TimeZoneId, "Asia/Shanghai")).toBe(true)
    expect(decodes(TimeZoneId, "Asia/Urumqi")).toBe(true)
    expect(decodes(TimeZoneId, "Mars/Olympus")).toBe(false)
    expect(decodes(TimeZoneId, "../etc/passwd")).toBe(false)
  })
})

describe("the county calendar", () => {
  const zone = "Asia/Shanghai"
  it("turns the day at local midnight, not at UTC midnight", () => {
    // 23:30 and 00:30 in China.
    expect(localDate("2026-03-01T15:30:00.000Z", zone)).toBe("2026-03-01")
    expect(localDate("2026-03-01T16:30:00.000Z", zone)).toBe("2026-03-02")
    expect(startOfDate("2026-03-02", zone)).toBe("2026-03-01T16:00:00.000Z")
    expect(dayWindow("2026-03-01T16:30:00.000Z", zone)).toEqual(["2026-03-01T16:00:00.000Z", "2026-03-02T16:00:00.000Z"])
    // 00:30 on 1 March is March, 23:30 on 28 February is February.
    expect(monthWindow("2026-02-28T16:30:00.000Z", zone)).toEqual(["2026-02-28T16:00:00.000Z", "2026-03-31T16:00:00.000Z"])
    expect(monthWindow("2026-02-28T15:30:00.000Z", zone)).toEqual(["2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"])
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
    expect(shiftMonths("2026-03-31T04:00:00.000Z", -1, zone)).toBe("2026-02-28T04:00:00.000Z")
  })

  it("reads today from the clock in the county's zone", async () => {
    const dates = await Effect.runPromise(Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-01T15:30:00.000Z"))
      const before = yield* todayIn(zone)
      yield* TestClock.setTime(Date.parse("2026-03-01T16:30:00.000Z"))
      const after = yield* todayIn(zone)
      const utc = yield* todayIn("UTC")
      return { before, after, utc }
    }).pipe(Effect.provide(TestClock.layer())))
    expect(dates).toEqual({ before: "2026-03-01", after: "2026-03-02", utc: "2026-03-01" })
  })

  it("gives the date Intl gives, in zones with odd offsets and around their clock changes (property)", () => {
    const zones = ["Asia/Shanghai", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Europe/London", "America/New_York", "Pacific/Chatham", "Pacific/Kiritimati"]
    const formats = new Map(zones.map((z) => [z, new Intl.DateTimeFormat("en-CA", { timeZone: z, year: "numeric", month: "2-digit", day: "2-digit" })]))
    const intl = (ms: number, z: string) => formats.get(z)!.format(ms)
    // Instants anywhere, and instants within a minute of a local midnight or an offset change.
    const near = fc.tuple(fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }), fc.integer({ min: -60_000, max: 60_000 })).map(([minute, ms]) => minute * 60_000 + ms)
    fc.assert(fc.property(fc.oneof(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), near), fc.constantFrom(...zones), (ms, z) => localDate(ms, z) === intl(ms, z)), { numRuns: 10_000 })
    // Lord Howe moves its clocks by half an hour at 02:00 local time: either side of the change.
    for (const at of ["2026-04-04T14:59:59.999Z", "2026-04-04T15:00:00.000Z", "2026-10-03T15:29:59.999Z", "2026-10-03T15:30:00.000Z"]) {
      expect(localDate(at, "Australia/Lord_Howe"), at).toBe(intl(Date.parse(at), "Australia/Lord_Howe"))
    }
    // Shanghai left local mean time (+8:05:43) for +8:00 at 15:54:17 UTC on 31 December 1900,
    // inside a quarter hour: 15:55 UTC was 23:55 on the 31st, not 00:00:43 on 1 January.
    for (const [at, date] of [["1900-12-31T15:54:16.999Z", "1900-12-31"], ["1900-12-31T15:55:00.000Z", "1900-12-31"], ["1900-12-31T16:00:00.000Z", "1901-01-01"]] as const) {
      expect(localDate(at, zone), at).toBe(date)
    }
  })

  it("keeps every day window contiguous over a year (property)", () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom("Asia/Shanghai", "Asia/Urumqi", "Europe/Berlin", "America/New_York"), (ms, z) => {
      const [from, to] = dayWindow(ms, z)
      return Date.parse(from) <= ms && ms < Date.parse(to) && localDate(from, z) === localDate(ms, z) && localDate(to, z) === addDays(localDate(ms, z), 1)
    }))
  })
})

describe("redaction of public text", () => {
  it("masks phones and ID-card numbers in any spacing or punctuation, and the names it is given", () => {
    const out = redactText("邻居尹波俊（17700078387）说，联系134 1177 1502 或 370812-1990-0307-4477；许 建想要一台收音机", ["尹波俊", "许建"])
    for (const leak of ["尹波俊", "17700078387", "1502", "4477", "许 建", "许建"]) expect(out).not.toContain(leak)
    expect(out).toContain("尹*")
    expect(out).toContain("想要一台收音机")
    // Short numbers stay: a building, a year, an amount.
    expect(redactText("3号楼2单元，2026年，30分")).toBe("3号楼2单元，2026年，30分")
  })

  it("leaves no planted phone, ID-card number or name behind (property)", () => {
    fc.assert(fc.property(arbitraryPersonalText, fc.string({ maxLength: 20 }), (p, noise) => {
      const out = redactText(`${noise}${p.text}${noise}`, [p.name])
      const digits = (s: string) => Array.from(s).map((c) => (/\p{Nd}/u.test(c) ? String(Number.parseInt(c.normalize("NFKC"), 10)) : "")).join("")
      return !out.includes(p.name) && !digits(out).includes(p.phone) && !digits(out).includes(p.idCard.slice(0, 17))
    }), { numRuns: 500 })
  })
})

describe("identity from current posts", () => {
  const node = (n: number) => `node_${encodeUlid(n, new Uint8Array(10))}` as GridNodeId
  const place = (n: number, level: string, path: ReadonlyArray<GridNodeId>): Place =>
    ({ id: node(n), countyId: node(1), parentId: path[path.length - 1] ?? null, path, level, depth: path.length, name: level, status: "active" })
  const county = place(1, "county", [])
  const street = place(2, "street", [county.id])
  const community = place(3, "community", [county.id, street.id])
  const unit = place(4, "unit", [county.id, street.id, community.id])
  const access = (posts: PersonAccess["posts"], home: ReadonlyArray<Place> = []): PersonAccess => ({
    person: { id: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as PersonId, countyId: county.id, nodeId: community.id, name: "李网格", householdId: null },
    timeZone: "Asia/Shanghai",
    posts,
    home
  })

  it("grants only the posts current on the date, ends included", () => {
    const actor = actorOf(access([
      { role: "grid_worker", nodeId: street.id, startDate: "2026-01-01", endDate: "2026-03-01" },
      { role: "party_member", nodeId: community.id, startDate: "2026-03-02", endDate: null },
      { role: "mediator", nodeId: community.id, startDate: "2025-01-01", endDate: "2025-12-31" }
    ]), "2026-03-01")
    expect(actor.grants).toEqual([{ role: "grid_worker", scope: street.id }])
    expect(actorOf(access([{ role: "party_member", nodeId: community.id, startDate: "2026-03-02", endDate: null }]), "2026-03-02").grants).toEqual([{ role: "party_member", scope: community.id }])
    expect(actor.id).toBe("psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AB")
  })

  it("makes a person who lives in a household a resident of their community", () => {
    expect(actorOf(access([], [county, street, community, unit]), "2026-03-01").grants).toEqual([{ role: "resident", scope: community.id }])
  })
})

describe("the one scope check and the pipeline on a store", () => {
  const env = () => Layer.mergeAll(Access.layer, Identity.layer, Commands.layer, Grid.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(7))))
  const run = <A, E>(effect: Effect.Effect<A, E, Layer.Success<ReturnType<typeof env>>>) => Effect.runPromise(effect.pipe(Effect.provide(env())))

  it("hides what the actor cannot see as not found and refuses what it sees but may not do", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const access = yield* Access
      const other = yield* buildTinyCounty("370899")
      // The grid worker of grid 1 sees grid 1 …
      expect((yield* access.at(t.actors.worker, "grid.tree.read", t.grids[0].id)).id).toBe(t.grids[0].id)
      // … but not grid 2, nor the other county: both are not found, naming what was asked.
      expect(yield* Effect.flip(access.at(t.actors.worker, "grid.tree.read", t.grids[1].id))).toMatchObject({ _tag: "NotFound", entity: "grid node", id: t.grids[1].id })
      expect(yield* Effect.flip(access.check(t.actors.worker, "points.read", { entity: "points account", id: "acc_x", nodeId: other.grids[0].id }))).toMatchObject({ _tag: "NotFound", entity: "points account", id: "acc_x" })
      // It sees grid 1's building but may not restructure it.
      expect(yield* Effect.flip(access.at(t.actors.worker, "grid.node.write", t.buildings[0].id))).toMatchObject({ _tag: "Forbidden", action: "grid.node.write" })
      // A node of the right subtree but another county than the one acted on is not found.
      expect(yield* Effect.flip(access.at(t.actors.admin, "grid.tree.read", t.grids[0].id, { county: other.county.id }))).toMatchObject({ _tag: "NotFound" })
      // The holder of an entity is let through by the context's own rule.
      expect((yield* access.check(t.actors.resident, "points.redeem", { entity: "points account", id: "acc_y", nodeId: t.units[0].id }, { involved: true })).id).toBe(t.units[0].id)
      // County-wide reads by the county's staff, wherever they work in it.
      expect((yield* access.inCounty(t.actors.worker, "county.config.read", t.county.id)).id).toBe(t.county.id)
      expect(yield* Effect.flip(access.inCounty(t.actors.resident, "county.config.read", t.county.id))).toMatchObject({ _tag: "Forbidden" })
      expect(yield* Effect.flip(access.inCounty(t.actors.worker, "county.config.read", other.county.id))).toMatchObject({ _tag: "NotFound" })
    })))

  it("derives actors from the store on every call: an ended post grants nothing", () =>
    run(Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-06-01T04:00:00.000Z"))
      const t = yield* buildTinyCounty()
      const identity = yield* Identity
      const grid = yield* Grid
      const before = Option.getOrThrow(yield* identity.resolve({ _tag: "Person", personId: t.people.worker.id }))
      expect(before.grants).toEqual([{ role: "grid_worker", scope: t.grids[0].id }])
      const posts = yield* grid.listAssignments(t.actors.admin, t.grids[0].id)
      const post = posts.items.find((a) => a.personId === t.people.worker.id)!
      yield* grid.endAssignment(t.actors.admin, post.id, { endDate: "2026-05-31" })
      const after = Option.getOrThrow(yield* identity.resolve({ _tag: "Person", personId: t.people.worker.id }))
      expect(after.grants).toEqual([])
      expect(Option.isNone(yield* identity.resolve({ _tag: "Subject", issuer: "https://sso.example", subject: "nobody" }))).toBe(true)
    }).pipe(Effect.provide(TestClock.layer()))))

  it("runs a command: version plus events, the log appended, and nothing written when nothing changes", () =>
    run(Effect.gen(function*() {
      const commands = yield* Commands
      const log = yield* EventLog
      interface Counter { readonly id: string; readonly n: number; readonly version: number }
      type Event = { readonly type: "set"; readonly n: number }
      const decider: Decider<Counter, { readonly n: number }, Event, null, never> = {
        decide: (state, command) => Result.succeed(state?.n === command.n ? [] : [{ type: "set", n: command.n }]),
        evolve: (state, e) => ({ id: "c1", n: e.n, version: state?.version ?? 0 })
      }
      let stored: Counter | undefined
      let saves = 0
      const t = yield* buildTinyCounty()
      const set = (n: number) => commands.run({
        actor: t.actors.admin,
        aggregate: "counter",
        id: "c1",
        decider,
        command: { n },
        load: Effect.sync(() => stored),
        authorize: () => Effect.void,
        context: () => Effect.succeed(null),
        save: (next, expected) => Effect.sync(() => {
          expect(expected).toBe(stored?.version ?? 0)
          saves++
          stored = next
        }),
        record: (e) => ({ type: "test.counter.set", scope: [t.county.id], payload: { n: e.n } })
      })
      const start = (yield* log.read({ after: 0, limit: 10_000, scopes: "*" })).length
      expect((yield* set(1)).state.version).toBe(1)
      expect((yield* set(2)).state.version).toBe(2)
      const same = yield* set(2)
      expect(same.events).toEqual([])
      expect(same.state.version).toBe(2)
      expect(saves).toBe(2)
      const events = (yield* log.read({ after: 0, limit: 10_000, scopes: "*" })).slice(start)
      expect(events.map((e) => [e.type, e.version, e.actor.id, e.payload])).toEqual([
        ["test.counter.set", 1, t.people.admin.id, { n: 1 }],
        ["test.counter.set", 2, t.people.admin.id, { n: 2 }]
      ])
    })))

  it("runs bulk work in chunks, each one unit of work; a refused item's chunk runs again item by item and its neighbours still commit", () =>
    run(Effect.gen(function*() {
      const commands = yield* Commands
      const log = yield* EventLog
      const t = yield* buildTinyCounty()
      type Event = { readonly type: "set"; readonly n: number }
      interface Counter { readonly id: string; readonly n: number; readonly version: number }
      const decider: Decider<Counter, { readonly id: string; readonly n: number }, Event, null, unknown> = {
        decide: (state, command) => (command.id === "c3" ? Result.fail("refused") : Result.succeed(state?.n === command.n ? [] : [{ type: "set", n: command.n }])),
        evolve: (state, e) => ({ id: state?.id ?? "", n: e.n, version: state?.version ?? 0 })
      }
      // The counters live in the log alone, so a rolled-back chunk leaves nothing behind.
      const logged = (id: string) => Effect.map(log.read({ after: 0, limit: 10_000, scopes: "*" }), (all) => all.filter((e) => e.aggregateType === "counter" && e.aggregateId === id))
      const set = (id: string) => commands.run({
        actor: t.actors.admin,
        aggregate: "counter",
        id,
        decider,
        command: { id, n: 1 },
        load: Effect.map(logged(id), (events) => events.reduce<Counter | undefined>((c, e) => ({ id, n: e.payload["n"] as number, version: (c?.version ?? 0) + 1 }), undefined)),
        authorize: () => Effect.void,
        context: () => Effect.succeed(null),
        save: () => Effect.void,
        record: (e) => ({ type: "test.counter.set", scope: [t.county.id], payload: { n: e.n } })
      })
      const chunks: Array<ReadonlyArray<string>> = []
      const ids = ["c0", "c1", "c2", "c3", "c4"]
      const results = yield* commands.batches(
        ids,
        (chunk) => (chunks.push(chunk), Effect.forEach(chunk, (id) => Effect.as(set(id), "set" as const))),
        (id) => set(id).pipe(Effect.as("set" as const), Effect.catch(() => Effect.succeed("refused" as const))),
        2
      )
      expect(chunks).toEqual([["c0", "c1"], ["c2", "c3"], ["c4"]])
      expect(results).toEqual(["set", "set", "set", "refused", "set"])
      for (const id of ids) expect((yield* logged(id)).map((e) => e.version)).toEqual(id === "c3" ? [] : [1])
      // Events of several aggregates appended together: in order, each at its aggregate's version.
      const mark = (yield* log.read({ after: 0, limit: 10_000, scopes: "*" })).length
      yield* commands.appendAll(t.actors.admin, "2026-06-01T00:00:00.000Z", [
        { aggregate: { type: "reminder", id: "r1", version: 1 }, recorded: [{ type: "test.r", scope: [t.county.id], payload: { n: 1 } }] },
        { aggregate: { type: "reminder", id: "r2", version: 3 }, recorded: [{ type: "test.r", scope: [t.county.id], payload: { n: 2 } }, { type: "test.r", scope: [t.county.id], payload: { n: 3 } }] }
      ])
      const appended = (yield* log.read({ after: 0, limit: 10_000, scopes: "*" })).slice(mark)
      expect(appended.map((e) => [e.aggregateId, e.version, e.payload["n"]])).toEqual([["r1", 1, 1], ["r2", 3, 2], ["r2", 4, 3]])
      expect(new Set(appended.map((e) => e.id)).size).toBe(3)
      // A defect is not a refusal: it ends the work.
      const died = yield* Effect.exit(commands.batches(["c5"], () => Effect.die("boom"), () => Effect.succeed("alone"), 2))
      expect(died._tag).toBe("Failure")
    })))
})

describe("secrets", () => {
  it("makes codes of the asked length from every digit, and hashes that depend on the salt", async () => {
    const { codes, h1, h2, h3 } = await Effect.runPromise(Effect.gen(function*() {
      const secrets = yield* Secrets
      const codes: Array<string> = []
      for (let i = 0; i < 2000; i++) codes.push(yield* secrets.digits(6))
      return { codes, h1: yield* secrets.hash("123456", "hold-1"), h2: yield* secrets.hash("123456", "hold-2"), h3: yield* secrets.hash("123456", "hold-1") }
    }))
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBeGreaterThan(1990)
    // Every digit appears in every position over 2,000 codes.
    for (let p = 0; p < 6; p++) expect(new Set(codes.map((c) => c[p])).size).toBe(10)
    expect(h1).toMatch(/^[0-9a-f]{64}$/)
    expect(h1).not.toBe(h2)
    expect(constantTimeEqual(h1, h3)).toBe(true)
    expect(constantTimeEqual(h1, h2)).toBe(false)
    expect(constantTimeEqual("abc", "abcd")).toBe(false)
  })
})
