/**
 * Deliberation on the in-memory store (`memory.conformance.test.ts` runs its conformance
 * suite): the hostile review's findings as tests through the use cases — references across
 * scopes, people as the one identity, the public board, the county's configuration, its
 * calendar, input and the one pipeline.
 */
import { Effect, Layer, Schema, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Actor,
  ConfigureDeliberation,
  ConveneSession,
  Deliberation,
  DeliberationFeedEvents,
  EventLog,
  fromSchemaError,
  Grid,
  type GridNodeId,
  Identity,
  IdGenerator,
  ItemCommand,
  layerKernel,
  type PersonId,
  RaiseItem,
  RateItem,
  RecordMinutes,
  type Session,
  systemActor
} from "@mulin/core"
import {
  arbitraryIdCard,
  arbitraryMobile,
  arbitraryName,
  arbitrarySpelling,
  buildTinyCounty,
  layerMemory,
  type TinyCounty
} from "@mulin/core/testing"

const sys = systemActor()
/** 2026-06-01 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8)
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
/** A moment in China time (UTC+8) as epoch milliseconds. */
const china = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)

type Env = Deliberation | Grid | Identity | EventLog | TestClock.TestClock | Scope.Scope

const run = <A, E>(f: (t: TinyCounty) => Effect.Effect<A, E, Env>): Promise<A> =>
  Effect.runPromise(
    Effect.gen(function*() {
      yield* TestClock.setTime(T0)
      return yield* f(yield* buildTinyCounty())
    }).pipe(
      Effect.scoped,
      Effect.provide(Layer.mergeAll(Deliberation.layer, Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(5))))),
      Effect.provide(TestClock.layer())
    ) as Effect.Effect<A, unknown>
  )

const failure = <A, E>(effect: Effect.Effect<A, E, Env>) => Effect.flip(effect)

const convene = (actor: Actor, nodeId: GridNodeId, heldAt: number, extra: Partial<ConveneSession> = {}) =>
  Effect.flatMap(Deliberation, (d) => d.convene(actor, { nodeId, type: "round_table", heldAt: iso(heldAt), participants: [], agenda: [], ...extra }))

const raise = (actor: Actor, nodeId: GridNodeId, extra: Partial<RaiseItem> = {}) =>
  Effect.flatMap(Deliberation, (d) => d.raise(actor, { nodeId, kind: "suggestion", category: "property", title: "楼道灯坏了", text: "三号楼楼道灯不亮", ...extra }))

/** A new resident of the household in unit a1 (community 1), as the kernel derives their actor. */
let residents = 0
const newResident = (t: TinyCounty, name = `${"钱孙周郑冯陈褚卫蒋沈韩杨"[residents % 12]}${"芃翀婕骁晗玥骞彧璟瑄"[Math.floor(residents / 12) % 10]}居`) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const p = yield* grid.createPerson(sys, { nodeId: t.units[0].id, code: `NR${++residents}`, name, householdId: t.households[0]!.id })
    const actor = yield* Effect.flatMap(Identity, (i) => i.actorOf(p.id))
    if (actor._tag === "None") return yield* Effect.die("no actor")
    return actor.value
  })

/** An item at community 1 taken up, resolved and reported back at a later session: ready to rate. */
const reported = (t: TinyCounty) =>
  Effect.gen(function*() {
    const d = yield* Deliberation
    const s = t.actors.secretary
    const later = yield* convene(s, t.communities[0].id, T0 + DAY)
    const c = yield* raise(s, t.communities[0].id)
    yield* d.execute(s, c.id, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-10" })
    yield* d.execute(s, c.id, { _tag: "Resolve", resolution: "已更换" })
    return yield* d.execute(s, c.id, { _tag: "ReportBack", sessionId: later.id, note: "通报" })
  })

describe("deliberation: every id a command references goes through the one scope check (hostile review 1)", () => {
  it("an item raised with another community's session reads as not found", () =>
    run((t) =>
      Effect.gen(function*() {
        const theirs = yield* convene(t.actors.secretary2, t.communities[1].id, T0)
        for (const actor of [t.actors.resident, t.actors.secretary]) {
          const refused = yield* failure(raise(actor, t.communities[0].id, { sessionId: theirs.id }))
          expect(refused).toMatchObject({ _tag: "NotFound", entity: "deliberation session", id: theirs.id })
        }
      })))

  it("merging into another community's item reads as not found", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const theirs = yield* raise(t.actors.secretary2, t.communities[1].id)
        const ours = yield* raise(t.actors.secretary, t.communities[0].id)
        const refused = yield* failure(d.execute(t.actors.secretary, ours.id, { _tag: "Merge", into: theirs.id }))
        expect(refused).toMatchObject({ _tag: "NotFound", entity: "deliberation item", id: theirs.id })
        expect((yield* d.get(t.actors.secretary, ours.id)).state).toBe("raised")
      })))

  it("a part of another community's item reads as not found", () =>
    run((t) =>
      Effect.gen(function*() {
        const theirs = yield* raise(t.actors.secretary2, t.communities[1].id)
        const refused = yield* failure(raise(t.actors.secretary, t.communities[0].id, { parentId: theirs.id }))
        expect(refused).toMatchObject({ _tag: "NotFound", entity: "deliberation item", id: theirs.id })
      })))

  it("reporting back or voting at another community's session reads as not found", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const theirs = yield* convene(t.actors.secretary2, t.communities[1].id, T0 + DAY)
        const c = yield* raise(t.actors.secretary, t.communities[0].id)
        const vote = yield* failure(d.execute(t.actors.secretary, c.id, { _tag: "Vote", sessionId: theirs.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 }))
        expect(vote).toMatchObject({ _tag: "NotFound", entity: "deliberation session" })
        yield* d.execute(t.actors.secretary, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" })
        yield* d.execute(t.actors.secretary, c.id, { _tag: "Resolve", resolution: "已办结" })
        const back = yield* failure(d.execute(t.actors.secretary, c.id, { _tag: "ReportBack", sessionId: theirs.id, note: "通报" }))
        expect(back).toMatchObject({ _tag: "NotFound", entity: "deliberation session" })
      })))

  it("a raiser, a convener or a responsible person from another community reads as not found", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const s = t.actors.secretary
        const raiser = yield* failure(raise(s, t.communities[0].id, { raisedBy: { _tag: "Person", personId: t.people.resident2.id } }))
        expect(raiser).toMatchObject({ _tag: "NotFound", entity: "person", id: t.people.resident2.id })
        const convener = yield* failure(convene(s, t.communities[0].id, T0, { convener: t.people.secretary2.id }))
        expect(convener).toMatchObject({ _tag: "NotFound", entity: "person", id: t.people.secretary2.id })
        const c = yield* raise(s, t.communities[0].id)
        const responsible = yield* failure(d.execute(s, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: t.people.worker2.id }))
        expect(responsible).toMatchObject({ _tag: "NotFound", entity: "person", id: t.people.worker2.id })
        // In scope, the same references are taken.
        const ok = yield* d.execute(s, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: t.people.worker.id })
        expect(ok.responsible).toEqual({ _tag: "Person", personId: t.people.worker.id, name: t.people.worker.name })
        const session = yield* convene(s, t.communities[0].id, T0, { convener: t.people.worker.id })
        expect(session.convener).toEqual({ _tag: "Person", personId: t.people.worker.id, name: t.people.worker.name })
      })))

  it("a grant below the node counts for raising and rating (a resident raises at their street), never across to another branch", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const street = yield* raise(t.actors.resident, t.streets[0].id, { title: "街道路灯" })
        expect(street).toMatchObject({ nodeId: t.streets[0].id, raisedBy: { personId: t.people.resident.id } })
        expect((yield* failure(raise(t.actors.resident2, t.streets[0].id)))._tag).toBe("NotFound")
        expect((yield* failure(raise(t.actors.resident, t.streets[1].id)))._tag).toBe("NotFound")
        const atStreet = yield* raise(t.actors.streetAdmin, t.streets[0].id)
        const later = yield* convene(t.actors.streetAdmin, t.streets[0].id, T0 + DAY)
        yield* d.execute(t.actors.streetAdmin, atStreet.id, { _tag: "Accept", unit: "street_office", promisedBy: "2026-06-10" })
        yield* d.execute(t.actors.streetAdmin, atStreet.id, { _tag: "Resolve", resolution: "已修" })
        yield* d.execute(t.actors.streetAdmin, atStreet.id, { _tag: "ReportBack", sessionId: later.id, note: "通报" })
        expect((yield* d.rate(t.actors.resident, atStreet.id, { score: 5 })).ratingCount).toBe(1)
        expect((yield* failure(d.rate(t.actors.resident2, atStreet.id, { score: 5 })))._tag).toBe("NotFound")
      })))

  it("another county's session, item and people read as not found, even to a county administrator", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const other = yield* buildTinyCounty("370882")
        const session = yield* convene(other.actors.secretary, other.communities[0].id, T0 + DAY)
        const item = yield* raise(other.actors.secretary, other.communities[0].id)
        const admin = t.actors.admin
        expect(yield* failure(raise(admin, t.communities[0].id, { sessionId: session.id }))).toMatchObject({ _tag: "NotFound", entity: "deliberation session" })
        expect(yield* failure(raise(admin, t.communities[0].id, { parentId: item.id }))).toMatchObject({ _tag: "NotFound", entity: "deliberation item" })
        expect(yield* failure(raise(admin, t.communities[0].id, { raisedBy: { _tag: "Person", personId: other.people.resident.id } }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        const ours = yield* raise(admin, t.communities[0].id)
        expect(yield* failure(d.execute(admin, ours.id, { _tag: "Merge", into: item.id }))).toMatchObject({ _tag: "NotFound", entity: "deliberation item" })
        expect(yield* failure(d.get(admin, item.id))).toMatchObject({ _tag: "NotFound" })
        expect(yield* failure(d.getSession(admin, session.id))).toMatchObject({ _tag: "NotFound" })
      })))
})

describe("deliberation: people are the one identity (hostile review 2)", () => {
  it("a resident raises as themself; naming someone else takes staff in that person's scope; staff record an outsider as such", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const mine = yield* raise(t.actors.resident, t.communities[0].id)
        expect(mine.raisedBy).toEqual({ _tag: "Person", personId: t.people.resident.id, name: t.people.resident.name })
        expect(yield* d.get(t.actors.resident, mine.id)).toEqual(mine)
        expect((yield* failure(d.get(t.actors.resident2, mine.id)))._tag).toBe("NotFound")
        const neighbour = yield* newResident(t)
        const named = yield* failure(raise(t.actors.resident, t.communities[0].id, { raisedBy: { _tag: "Person", personId: neighbour.id as PersonId } }))
        expect(named._tag).toBe("Forbidden")
        const outsider = yield* failure(raise(t.actors.resident, t.communities[0].id, { raisedBy: { _tag: "Outside", name: "过路人" } }))
        expect(outsider._tag).toBe("Forbidden")
        const byWorker = yield* raise(t.actors.worker, t.grids[0].id, { raisedBy: { _tag: "Person", personId: t.people.resident.id } })
        expect(byWorker.raisedBy).toEqual({ _tag: "Person", personId: t.people.resident.id, name: t.people.resident.name })
        expect(yield* d.get(t.actors.resident, byWorker.id)).toEqual(byWorker)
        const visitor = yield* raise(t.actors.secretary, t.communities[0].id, { raisedBy: { _tag: "Outside", name: "过路人", phone: "13700001111" } })
        expect(visitor.raisedBy).toEqual({ _tag: "Outside", name: "过路人", phone: "13700001111" })
        const bySystem = yield* failure(raise(sys, t.communities[0].id))
        expect(bySystem).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "raisedBy" }] })
      })))

  it("raters are people: the system rates for no one; staff record a person's rating, and that person cannot rate again in the round", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const c = yield* reported(t)
        expect(yield* failure(d.rate(sys, c.id, { score: 5 }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "personId" }] })
        const recorded = yield* d.rate(t.actors.secretary, c.id, { score: 1, comment: "纸质评价表", personId: t.people.resident.id })
        expect(recorded).toMatchObject({ state: "rated", ratingCount: 1 })
        expect(yield* failure(d.rate(t.actors.resident, c.id, { score: 5 }))).toMatchObject({ _tag: "Conflict", reason: "already_rated" })
        expect(yield* failure(d.rate(t.actors.secretary, c.id, { score: 5, personId: t.people.resident.id }))).toMatchObject({ _tag: "Conflict", reason: "already_rated" })
        expect(yield* failure(d.rate(t.actors.secretary, c.id, { score: 5, personId: t.people.resident2.id }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        // A grid worker may not rate: staff cannot record a rating in their name either.
        expect(yield* failure(d.rate(t.actors.secretary, c.id, { score: 5, personId: t.people.worker.id }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "personId" }] })
        // A resident cannot record someone else's rating.
        const neighbour = yield* newResident(t)
        expect((yield* failure(d.rate(t.actors.resident, c.id, { score: 5, personId: neighbour.id as PersonId })))._tag).toMatch(/Forbidden|NotFound/)
        // After a reopening, a new round: the same person rates again.
        yield* d.execute(t.actors.secretary, c.id, { _tag: "Reopen", reason: "评价不满意" })
        yield* d.execute(t.actors.secretary, c.id, { _tag: "Resolve", resolution: "重新更换" })
        const later = yield* convene(t.actors.secretary, t.communities[0].id, T0 + 2 * DAY)
        yield* d.execute(t.actors.secretary, c.id, { _tag: "ReportBack", sessionId: later.id, note: "再次通报" })
        const again = yield* d.rate(t.actors.resident, c.id, { score: 4 })
        expect(again).toMatchObject({ ratingCount: 1, ratingSum: 4, reopenCount: 1 })
      })))
})

const JOINERS = /[\p{P}\p{S}\p{Z}\s]/gu
const FULL_WIDTH = "０１２３４５６７８９"
const digitsOf = (s: string) => Array.from(s, (c) => (FULL_WIDTH.includes(c) ? String(FULL_WIDTH.indexOf(c)) : c)).join("").replace(/[^0-9]/g, "")

/**
 * Whether a shown text leaks any of the secrets: a name (also with separators put between
 * its characters), or the digits of a phone or an ID-card number in any spacing.
 */
export const leaked = (shown: string, secrets: { readonly names: ReadonlyArray<string>; readonly numbers: ReadonlyArray<string> }): string | undefined => {
  const letters = shown.replace(JOINERS, "")
  const digits = digitsOf(shown)
  for (const name of secrets.names) if (letters.includes(name.replace(JOINERS, ""))) return name
  for (const n of secrets.numbers) if (digits.includes(n.replace(/[^0-9]/g, "").slice(0, 17))) return n
  return undefined
}

/** Every text a board row shows. */
const shownText = (row: Record<string, unknown>): Array<string> => {
  const r = row as { title: string; raisedBy: string; placeName: string; unit: string | null; answer: string | null; resolution: string | null; declineReason: string | null; milestones?: ReadonlyArray<{ note: string }>; category: { nameZh: string; nameEn: string } }
  return [r.title, r.raisedBy, r.placeName, r.unit, r.answer, r.resolution, r.declineReason, r.category.nameZh, r.category.nameEn, ...(r.milestones ?? []).map((m) => m.note)].filter((s): s is string => s !== null && s !== undefined)
}

const personal = fc.record({ name: arbitraryName, phone: arbitraryMobile, idCard: arbitraryIdCard, spellPhone: arbitrarySpelling, spellId: arbitrarySpelling })

describe("deliberation: the public progress board (hostile review 3)", () => {
  it("property: no name, phone or ID-card number planted in any free-text field reaches the board", () =>
    fc.assert(
      fc.asyncProperty(fc.uniqueArray(personal, { minLength: 2, maxLength: 3, selector: (p) => p.idCard }), personal, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), (around, outsider, paths) =>
        run((t) =>
          Effect.gen(function*() {
            const d = yield* Deliberation
            const grid = yield* Grid
            // Residents registered around community 1, with generated names, phones and ID cards.
            yield* grid.createHousehold(sys, {
              nodeId: t.units[1].id,
              code: "909",
              residents: around.map((p, i) => ({ name: p.name, phone: p.phone, idCardNumber: p.idCard, relation: i === 0 ? "head" as const : "other" as const }))
            })
            const fixtureNames = [t.households[0]!.residents[0]!.name, t.households[1]!.residents[0]!.name, t.people.worker.name, t.people.secretary.name]
            const quote = (i: number) => {
              const p = around[i % around.length]!
              return `${p.name}（${p.spellPhone(p.phone)}）身份证${p.spellId(p.idCard)}，邻居${fixtureNames[i % fixtureNames.length]}，来人${outsider.name}电话${outsider.spellPhone(outsider.phone)}`
            }
            const s = t.actors.secretary
            yield* d.configure(t.actors.admin, t.county.id, { units: [{ code: "repair", name: `${around[0]!.name}维修队` }, { code: "community", name: "社区居委会" }] })
            const later = yield* convene(s, t.communities[0].id, T0 + DAY)
            for (const [i, path] of paths.entries()) {
              const c = yield* raise(s, t.communities[0].id, {
                raisedBy: { _tag: "Outside", name: outsider.name, phone: outsider.phone },
                title: `${around[i % around.length]!.name}${outsider.spellPhone(outsider.phone)}反映`.slice(0, 100),
                text: quote(i)
              })
              if (path === 0) yield* d.execute(s, c.id, { _tag: "Answer", answer: quote(i + 1) })
              if (path === 1) {
                yield* d.execute(s, c.id, { _tag: "Accept", unit: "repair", promisedBy: "2026-06-20" })
                yield* d.execute(s, c.id, { _tag: "RecordMilestone", note: quote(i + 2), progress: 50 })
                yield* d.execute(s, c.id, { _tag: "Resolve", resolution: quote(i + 3) })
                yield* d.execute(s, c.id, { _tag: "ReportBack", sessionId: later.id, note: quote(i + 4) })
              }
              if (path === 2) yield* d.execute(s, c.id, { _tag: "Decline", reason: quote(i + 5) })
            }
            const secrets = {
              names: [...around.map((p) => p.name), outsider.name, ...fixtureNames],
              numbers: [...around.flatMap((p) => [p.phone, p.idCard]), outsider.phone]
            }
            for (const root of [t.county.id, t.communities[0].id]) {
              const board = yield* d.board(root)
              expect(board.items).toHaveLength(paths.length)
              for (const row of board.items) {
                for (const text of shownText(row)) expect(leaked(text, secrets), `${text} leaks`).toBeUndefined()
              }
            }
          }))
      ),
      { numRuns: 30 }
    ), 120_000)
})

describe("deliberation: the county's configuration (hostile review 4)", () => {
  it("is readable by the county's staff only", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        for (const staff of [t.actors.admin, t.actors.secretary, t.actors.worker, t.actors.mediator]) {
          expect((yield* d.getConfig(staff, t.county.id)).countyId).toBe(t.county.id)
        }
        for (const other of [t.actors.resident, t.actors.volunteer, t.actors.member, t.actors.leader]) {
          expect((yield* failure(d.getConfig(other, t.county.id)))._tag).toBe("Forbidden")
        }
        const elsewhere = yield* buildTinyCounty("370882")
        expect((yield* failure(d.getConfig(elsewhere.actors.admin, t.county.id)))._tag).toBe("NotFound")
      })))

  it("ConfigureDeliberation checks every value in the core schema, naming the field in English and Chinese", () => {
    const refuse = (input: unknown, path: string) => {
      const r = Schema.decodeUnknownResult(ConfigureDeliberation)(input, { errors: "all" })
      if (r._tag === "Success") expect.fail(`${JSON.stringify(input)} was accepted`)
      const issues = fromSchemaError(r.failure).issues
      expect(issues.map((i) => i.path).join(" ")).toContain(path)
      for (const i of issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/u)
    }
    refuse({ quorum: 0 }, "quorum")
    refuse({ quorum: 1.5 }, "quorum")
    refuse({ majority: 0.2 }, "majority")
    refuse({ majority: 1 }, "majority")
    refuse({ poorRatingBelow: 9 }, "poorRatingBelow")
    refuse({ categories: [] }, "categories")
    refuse({ units: [{ code: "a", name: "甲" }, { code: "a", name: "乙" }] }, "units.1")
    refuse({ sessionTypes: [{ key: "Tea Party", nameZh: "茶话会", nameEn: "tea party" }] }, "sessionTypes.0.key")
    refuse({ units: [{ code: "wy", name: "物业（电话 139 1234 5678）" }] }, "units.0")
    refuse({ expectedVersion: -1 }, "expectedVersion")
    expect(Schema.decodeUnknownResult(ConfigureDeliberation)({ quorum: 0.5, majority: 0.5, poorRatingBelow: 3 })._tag).toBe("Success")
  })
})

describe("deliberation: the county's calendar (hostile review 5)", () => {
  it("a promise by a date is overdue from the start of the next day in China time: not at 23:30, at 00:30", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const c = yield* raise(t.actors.secretary, t.communities[0].id)
        const accepted = yield* d.execute(t.actors.secretary, c.id, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-10" })
        expect(accepted).toMatchObject({ promisedBy: "2026-06-10", dueAt: "2026-06-10T16:00:00.000Z" })
        yield* TestClock.setTime(china(2026, 6, 10, 23, 30))
        expect((yield* d.board(t.county.id)).items[0]).toMatchObject({ promisedBy: "2026-06-10", overdue: false })
        expect((yield* d.board(t.county.id, { overdue: true })).items).toEqual([])
        expect((yield* d.statistics(t.actors.secretary, t.communities[0].id)).overdue).toBe(0)
        yield* TestClock.setTime(china(2026, 6, 11, 0, 30))
        expect(new Date(china(2026, 6, 11, 0, 30)).toISOString().slice(0, 10)).toBe("2026-06-10")
        expect((yield* d.board(t.county.id)).items[0]).toMatchObject({ overdue: true })
        expect((yield* d.board(t.county.id, { overdue: true })).items.map((r) => r.id)).toEqual([c.id])
        expect((yield* d.statistics(t.actors.secretary, t.communities[0].id)).overdue).toBe(1)
      })))

  it("a promised date already over in China time is refused at 00:30, though it is still that date in UTC; resolving by 23:30 is on time", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const a = yield* raise(t.actors.secretary, t.communities[0].id)
        const b = yield* raise(t.actors.secretary, t.communities[0].id)
        yield* d.execute(t.actors.secretary, b.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" })
        yield* TestClock.setTime(china(2026, 6, 10, 23, 30))
        yield* d.execute(t.actors.secretary, b.id, { _tag: "Resolve", resolution: "当天办结" })
        yield* TestClock.setTime(china(2026, 6, 11, 0, 30))
        const late = yield* failure(d.execute(t.actors.secretary, a.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" }))
        expect(late).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "promisedBy" }] })
        expect((yield* d.execute(t.actors.secretary, a.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-11" })).promisedBy).toBe("2026-06-11")
        const stats = yield* d.statistics(t.actors.secretary, t.communities[0].id)
        expect(stats.byUnit.find((u) => u.unit === "community")).toMatchObject({ resolved: 1, onTime: { count: 1, of: 1 } })
      })))

  it("statistics count the days of the county's calendar, this year and the same days a year earlier", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const at = (ms: number) => Effect.andThen(TestClock.setTime(ms), raise(t.actors.admin, t.communities[0].id, { category: "parking", title: "停车" }))
        // A year earlier: 1 June 00:30 is June; 31 May 23:30 is not.
        yield* at(china(2025, 5, 31, 23, 30))
        yield* at(china(2025, 6, 1, 0, 30))
        yield* at(china(2025, 6, 30, 23, 30))
        // This year: the same edges, and 1 July 00:30 (still 30 June in UTC) is not June.
        yield* at(china(2026, 5, 31, 23, 30))
        yield* at(china(2026, 6, 1, 0, 30))
        yield* at(china(2026, 7, 1, 0, 30))
        yield* TestClock.setTime(china(2026, 7, 2, 9))
        const june = yield* d.statistics(t.actors.admin, t.county.id, { from: "2026-06-01", to: "2026-06-30" })
        expect(june).toMatchObject({ timeZone: "Asia/Shanghai", from: "2026-06-01", to: "2026-06-30", raised: 1 })
        expect(june.byCategory).toEqual([expect.objectContaining({ category: "parking", count: 1, lastYear: 2, change: "-50.0%" })])
        const july = yield* d.statistics(t.actors.admin, t.county.id, { from: "2026-07-01", to: "2026-07-01" })
        expect(july.raised).toBe(1)
        expect((yield* failure(d.statistics(t.actors.admin, t.county.id, { from: "2026-07-02", to: "2026-07-01" })))._tag).toBe("InvalidInput")
      })))
})

describe("deliberation: input (hostile review 6)", () => {
  const accepts = <S extends Schema.Top>(schema: S, input: unknown) => {
    const r = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<unknown, unknown>)(input)
    if (r._tag === "Failure") expect.fail(fromSchemaError(r.failure).message)
  }
  const refuses = <S extends Schema.Top>(schema: S, input: unknown, path: string) => {
    const r = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
    if (r._tag === "Success") expect.fail(`${JSON.stringify(input)} was accepted`)
    expect(fromSchemaError(r.failure).issues.map((i) => i.path)).toContain(path)
  }
  const node = "node_01J00000000000000000000000"
  const raiseInput = { nodeId: node, kind: "suggestion", category: "property", title: "楼道灯", text: "楼道灯坏了" }

  it("free text is prose (it may span lines); names and titles are one line; keys are ASCII; dates and instants must exist", () => {
    accepts(RecordMinutes, { minutes: "一、通报\n二、表决" })
    accepts(RaiseItem, { ...raiseInput, text: "第一行\n第二行\r\n第三行" })
    refuses(RaiseItem, { ...raiseInput, title: "楼道\n灯" }, "title")
    refuses(RaiseItem, { ...raiseInput, title: "楼道\u202E灯" }, "title")
    refuses(RaiseItem, { ...raiseInput, text: "零宽\u200B字符" }, "text")
    refuses(RaiseItem, { ...raiseInput, category: "停车" }, "category")
    refuses(RaiseItem, { ...raiseInput, raisedBy: { _tag: "Outside", name: "过\n路人" } }, "raisedBy.name")
    refuses(RaiseItem, { ...raiseInput, raisedBy: { _tag: "Outside", name: "过路人", phone: "12345" } }, "raisedBy.phone")
    accepts(ItemCommand, { _tag: "Answer", answer: "一、现场答复\n二、当晚更换" })
    accepts(ItemCommand, { _tag: "RecordMilestone", note: "采购\n安装", progress: 40 })
    accepts(ItemCommand, { _tag: "Resolve", resolution: "已办结\n已验收" })
    accepts(ItemCommand, { _tag: "Decline", reason: "不属于职责\n已说明" })
    accepts(RateItem, { score: 4, comment: "满意\n谢谢" })
    refuses(ItemCommand, { _tag: "Accept", unit: "community", promisedBy: "2026-02-30" }, "promisedBy")
    refuses(ItemCommand, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10T00:00:00Z" }, "promisedBy")
    refuses(ItemCommand, { _tag: "RecordMilestone", note: "x", progress: 40.5 }, "progress")
    refuses(ConveneSession, { nodeId: node, type: "round_table", heldAt: "2026-02-30T10:00:00Z", participants: [], agenda: [] }, "heldAt")
    refuses(ConveneSession, { nodeId: node, type: "round_table", heldAt: "2026-06-01T10:00:00Z", participants: [{ role: "cadres", count: 1, names: ["县\n社工部"] }], agenda: [] }, "participants.0.names.0")
    refuses(RateItem, { score: 6 }, "score")
    refuses(ItemCommand, { _tag: "Close", expectedVersion: -1 }, "expectedVersion")
  })
})

describe("deliberation: one pipeline (hostile review 7)", () => {
  const countEvents = Effect.map(Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" })), (events) => events.length)

  it("a command that changes nothing writes nothing: the same minutes, milestone, vote or configuration again", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const s = t.actors.secretary
        const session: Session = yield* convene(s, t.communities[0].id, T0 + DAY)
        const minuted = yield* d.recordMinutes(s, session.id, { minutes: "议定：每月一次" })
        let events = yield* countEvents
        expect(yield* d.recordMinutes(s, session.id, { minutes: "议定：每月一次" })).toEqual(minuted)
        expect(yield* countEvents).toBe(events)

        const c = yield* raise(s, t.communities[0].id)
        const voted = yield* d.execute(s, c.id, { _tag: "Vote", sessionId: session.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 })
        events = yield* countEvents
        expect(yield* d.execute(s, c.id, { _tag: "Vote", sessionId: session.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 })).toEqual(voted)
        expect(yield* countEvents).toBe(events)
        yield* d.execute(s, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" })
        const stepped = yield* d.execute(s, c.id, { _tag: "RecordMilestone", note: "采购", progress: 40 })
        events = yield* countEvents
        expect(yield* d.execute(s, c.id, { _tag: "RecordMilestone", note: "采购", progress: 40 })).toEqual(stepped)
        expect(yield* countEvents).toBe(events)

        const configured = yield* d.configure(t.actors.admin, t.county.id, { quorum: 0.5 })
        expect(configured.version).toBe(1)
        events = yield* countEvents
        expect((yield* d.configure(t.actors.admin, t.county.id, { quorum: 0.5 })).version).toBe(1)
        expect(yield* countEvents).toBe(events)
      })))

  it("configure checks ConfigureDeliberation on the library path as HTTP does: each bad value names its field in English and Chinese, and nothing is written", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const before = yield* d.getConfig(t.actors.admin, t.county.id)
        const error = yield* Effect.flip(d.configure(t.actors.admin, t.county.id, {
          quorum: 5,
          majority: 0.2,
          poorRatingBelow: 9,
          units: [{ code: "repair", name: "维修队" }, { code: "repair", name: "维修队 13812340000" }]
        }))
        expect(error._tag).toBe("InvalidInput")
        const issues = error._tag === "InvalidInput" ? error.issues : []
        expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["quorum", "majority", "poorRatingBelow", "units.1.name"]))
        expect(issues.find((i) => i.path === "quorum")?.messageZh).toBe("必须是大于 0 且不超过 1 的比例")
        expect(issues.find((i) => i.path === "majority")?.message).toBe("must be a share from 0.5 up to (not including) 1")
        expect(yield* d.getConfig(t.actors.admin, t.county.id)).toEqual(before)
      })))

  it("every event in the feed decodes with its DeliberationFeedEvents schema and carries no personal data", () =>
    run((t) =>
      Effect.gen(function*() {
        const d = yield* Deliberation
        const s = t.actors.secretary
        yield* d.configure(t.actors.admin, t.county.id, { quorum: 0.5 })
        const later = yield* convene(s, t.communities[0].id, T0 + DAY, { participants: [{ role: "property_company", count: 1, names: ["安居物业"] }], agenda: ["楼道灯"] })
        yield* d.recordMinutes(s, later.id, { minutes: "张伟发言" })
        const parent = yield* raise(s, t.communities[0].id, { kind: "topic", title: "小区改造" })
        const c = yield* raise(t.actors.resident, t.communities[0].id, { title: "张伟反映楼道灯", text: "电话13812340000" })
        const child = yield* raise(s, t.communities[0].id, { parentId: parent.id, title: "屋顶" })
        yield* d.execute(s, child.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-30" })
        yield* d.execute(s, child.id, { _tag: "Decline", reason: "张伟不同意" })
        yield* d.execute(s, c.id, { _tag: "Vote", sessionId: later.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 })
        yield* d.execute(s, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: t.people.worker.id })
        yield* d.execute(s, c.id, { _tag: "RecordMilestone", note: "李网格上门", progress: 50 })
        yield* d.execute(s, c.id, { _tag: "Resolve", resolution: "张伟家门口已修" })
        yield* d.execute(s, c.id, { _tag: "ReportBack", sessionId: later.id, note: "通报张伟" })
        const rater = yield* newResident(t)
        yield* d.rate(rater, c.id, { score: 1, comment: "张伟不满意" })
        yield* d.execute(s, c.id, { _tag: "Reopen", reason: "张伟说没修好" })
        const other = yield* raise(s, t.communities[0].id)
        yield* d.execute(s, other.id, { _tag: "Merge", into: c.id })
        const answered = yield* raise(s, t.communities[0].id)
        yield* d.execute(s, answered.id, { _tag: "Answer", answer: "张伟：已答复" })
        const events = yield* Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
        const ours = events.filter((e) => e.type.startsWith("deliberation."))
        const schemas = new Map(DeliberationFeedEvents.map((s) => [s.fields.type.literal as string, s]))
        const seen = new Set<string>()
        for (const e of ours) {
          const schema = schemas.get(e.type)
          expect(schema, e.type).toBeDefined()
          const decoded = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<unknown, unknown>)(e)
          expect(decoded._tag, `${e.type}: ${decoded._tag === "Failure" ? decoded.failure.message : ""}`).toBe("Success")
          expect(Object.keys(e.payload).sort()).toEqual(Object.keys((schema!.fields.payload as unknown as { fields: object }).fields).sort())
          seen.add(e.type)
          const payload = JSON.stringify(e.payload)
          for (const secret of ["张伟", "13812340000", "李网格", "安居物业", "楼道灯", t.people.worker.id, t.people.resident.id, rater.id]) expect(payload, e.type).not.toContain(secret)
        }
        expect([...seen].sort()).toEqual(DeliberationFeedEvents.map((s) => s.fields.type.literal as string).filter((x) => x !== "deliberation.item.closed").sort())
      })))
})
