/**
 * Test wiring: one in-memory store with a tiny county, shared by the use cases the test
 * calls directly and by the HTTP handler under test.
 */
import { expect } from "vitest"
import { Activities, type AssignableRole, Deliberation, Feed, FollowUp, Grid, type GridNodeId, GridStore, type HouseholdId, Identity, IdGenerator, Intake, Jobs, layerIntakeReaction, layerTimedRules, Matching, Mediation, Partners, PartyMembers, type PersonId, Places, Points, Reports, systemActor, Visits } from "@mulin/core"
import { buildTinyCounty, layerMemory, type TinyCounty, type TinyPeople } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import { type Authenticator, firstOf, makeHandler, operatorTable, tokenTable, type WebHandler } from "../src/index.js"

export interface Fixture extends WebHandler {
  readonly grid: Grid["Service"]
  readonly feed: Feed["Service"]
  readonly mediation: Mediation["Service"]
  readonly points: Points["Service"]
  readonly deliberation: Deliberation["Service"]
  readonly matching: Matching["Service"]
  readonly followUp: FollowUp["Service"]
  readonly jobs: Jobs["Service"]
  readonly places: Places["Service"]
  readonly activities: Activities["Service"]
  readonly visits: Visits["Service"]
  readonly partners: Partners["Service"]
  readonly party: PartyMembers["Service"]
  /** The use cases the handler serves, for a second handler over the same store. */
  readonly services: Layer.Layer<Grid | Feed | Mediation | Points | Deliberation | Matching | Places | Activities | Visits | Partners | PartyMembers | Intake | Reports | Identity | FollowUp | Jobs>
  readonly intake: Intake["Service"]
  readonly reports: Reports["Service"]
  readonly identity: Identity["Service"]
  readonly tiny: TinyCounty
  /** Token → the person it signs in. */
  readonly tokens: Record<string, PersonId>
  /** The fixture's authenticator: the people's tokens, and `system` for a platform operator. */
  readonly authenticate: Authenticator
  /** Registers a new person with posts (start 2026-01-01) and returns its id; `token` then signs it in. */
  readonly enrol: (token: string, person: { readonly nodeId: GridNodeId; readonly name: string; readonly householdId?: HouseholdId }, posts?: ReadonlyArray<{ readonly role: AssignableRole; readonly nodeId: GridNodeId }>) => Promise<PersonId>
  /** Links a sign-in subject of an identity provider to a person. */
  readonly linkSubject: (issuer: string, subject: string, personId: PersonId) => Promise<void>
  /** Sends one request to the handler. */
  readonly call: (method: string, path: string, options?: CallOptions) => Promise<Response>
  /** `fetch` that answers in-process. */
  readonly fetch: typeof globalThis.fetch
}

export interface CallOptions {
  readonly token?: string | undefined
  readonly body?: unknown
  readonly rawBody?: BodyInit | undefined
  readonly headers?: Record<string, string> | undefined
}

/**
 * A fresh store with a tiny county; one token per person of the county, named as in
 * `TinyPeople` (`admin`, `worker`, `secretary`, `resident`, `streetAdmin`, …): each signs in
 * that person, whose actor is derived from their posts on every request.
 */
export const setup = async (options: { readonly maxBodyBytes?: number } = {}): Promise<Fixture> => {
  const { activities, deliberation, feed, followUp, grid, identity, intake, jobs, matching, mediation, partners, party, places, points, reports, store, tiny, visits } = await Effect.runPromise(
    Effect.gen(function*() {
      const grid = yield* Grid
      const feed = yield* Feed
      const mediation = yield* Mediation
      const points = yield* Points
      const deliberation = yield* Deliberation
      const matching = yield* Matching
      const places = yield* Places
      const activities = yield* Activities
      const visits = yield* Visits
      const partners = yield* Partners
      const party = yield* PartyMembers
      const intake = yield* Intake
      const reports = yield* Reports
      const identity = yield* Identity
      const followUp = yield* FollowUp
      const jobs = yield* Jobs
      const store = yield* GridStore
      const tiny = yield* buildTinyCounty()
      return { grid, feed, mediation, points, deliberation, matching, places, activities, visits, partners, party, intake, reports, identity, followUp, jobs, store, tiny }
    }).pipe(Effect.provide(layerTimedRules().pipe(
      Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer, Partners.layer, PartyMembers.layer, Intake.layer, Reports.layer())),
      Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer)),
      Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer)),
      // A request routed to a need, case or item follows it, in the unit of work of its events.
      Layer.provideMerge(layerIntakeReaction),
      // The follow-up's reaction on the store's event log: finished work asks for a rating in its unit of work.
      Layer.provideMerge(FollowUp.layerReaction),
      Layer.provideMerge(Reports.layerReaction),
      Layer.provideMerge(layerMemory()),
      Layer.provideMerge(IdGenerator.layer)
    )))
  )
  const services = Layer.mergeAll(Layer.succeed(Grid, grid), Layer.succeed(Feed, feed), Layer.succeed(Mediation, mediation), Layer.succeed(Points, points), Layer.succeed(Deliberation, deliberation), Layer.succeed(Matching, matching), Layer.succeed(Places, places), Layer.succeed(Activities, activities), Layer.succeed(Visits, visits), Layer.succeed(Partners, partners), Layer.succeed(PartyMembers, party), Layer.succeed(Intake, intake), Layer.succeed(Reports, reports), Layer.succeed(Identity, identity), Layer.succeed(FollowUp, followUp), Layer.succeed(Jobs, jobs))
  const tokens: Record<string, PersonId> = {}
  for (const [key, person] of Object.entries(tiny.people) as Array<[keyof TinyPeople, TinyPeople[keyof TinyPeople]]>) tokens[key] = person.id
  // Reads the table on every request, so people enrolled later sign in too.
  const authenticate = firstOf(
    (request) => (request.token === undefined || !Object.hasOwn(tokens, request.token) ? undefined : tokenTable({ [request.token]: tokens[request.token]! })(request)),
    operatorTable({ system: "tests" })
  )
  let enrolled = 0
  const enrol: Fixture["enrol"] = (token, person, posts = []) =>
    Effect.runPromise(Effect.gen(function*() {
      const sys = systemActor()
      const p = yield* grid.createPerson(sys, { nodeId: person.nodeId, code: `T${++enrolled}`, name: person.name, ...(person.householdId === undefined ? {} : { householdId: person.householdId }) })
      for (const post of posts) yield* grid.assignRole(sys, { personId: p.id, nodeId: post.nodeId, role: post.role, startDate: "2026-01-01" })
      tokens[token] = p.id
      return p.id
    }))
  const linkSubject: Fixture["linkSubject"] = (issuer, subject, personId) =>
    Effect.runPromise(store.linkSubject({ issuer, subject, personId, countyId: tiny.county.id, linkedAt: "2026-01-01T00:00:00.000Z" as never }))
  const web = makeHandler({
    services,
    authenticate,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes })
  })
  const call = (method: string, path: string, o: CallOptions = {}) => {
    const headers: Record<string, string> = { ...o.headers }
    if (o.token !== undefined) headers["authorization"] = `Bearer ${o.token}`
    let body: BodyInit | undefined = o.rawBody
    if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers["content-type"] ??= "application/json"
    }
    return web.handler(new Request(`http://mulin.test${path}`, { method, headers, ...(body === undefined ? {} : { body }) }))
  }
  const fetch: typeof globalThis.fetch = (input, init) => web.handler(new Request(input as string | URL | Request, init))
  return { ...web, grid, feed, mediation, points, deliberation, matching, places, activities, visits, partners, party, intake, reports, identity, followUp, jobs, services, tiny, tokens, authenticate, enrol, linkSubject, call, fetch }
}

/** Reads a JSON body. */
export const json = async (response: Response): Promise<any> => JSON.parse(await response.text())

/** The JSON body of a response with the expected status (the body is shown when it differs). */
export const ok = async (response: Response, status = 200): Promise<any> => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  return JSON.parse(text)
}

/** The problem body of a refusal with the expected status and code. */
export const problem = async (response: Response, status: number, code: string): Promise<any> => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get("content-type")).toBe("application/problem+json")
  const body = JSON.parse(text)
  expect(body.code).toBe(code)
  return body
}

/** One request of an authorisation matrix. */
export interface MatrixRequest {
  readonly method: "GET" | "POST" | "PATCH" | "PUT"
  readonly path: string
  readonly body?: unknown
}

/** An operation of a context's authorisation matrix: a request (made anew per call) and the status each token gets (`none`: no token). */
export interface MatrixRow {
  readonly operationId: string
  readonly request: () => MatrixRequest
  readonly expect: Readonly<Record<string, number>>
}

/** The operation ids of the OpenAPI document tagged with one of `tags`. */
export const operationsTagged = (document: { readonly paths: Record<string, unknown> }, tags: ReadonlyArray<string>): Set<string> =>
  new Set(Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId: string; tags?: ReadonlyArray<string> }>)
      .filter((op) => op.tags?.some((tag) => tags.includes(tag)))
      .map((op) => op.operationId)))

/** Sends every row's request as every token of the row and checks the status (problems as problem+json). */
export const checkMatrix = async (f: Fixture, rows: ReadonlyArray<MatrixRow>): Promise<void> => {
  for (const row of rows) {
    for (const [token, status] of Object.entries(row.expect)) {
      const r = row.request()
      const response = await f.call(r.method, r.path, { ...(token === "none" ? {} : { token }), ...(r.body === undefined ? {} : { body: r.body }) })
      expect(response.status, `${row.operationId} as ${token}: ${await response.clone().text()}`).toBe(status)
      if (status >= 400) expect(response.headers.get("content-type")).toBe("application/problem+json")
    }
  }
}
