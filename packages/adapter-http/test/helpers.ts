/**
 * Test wiring: one in-memory store with a tiny county, shared by the use cases the test
 * calls directly and by the HTTP handler under test.
 */
import { type Actor, Deliberation, Grid, IdGenerator, Matching, Mediation, Points, systemActor } from "@mulin/core"
import { actorWith, buildTinyCounty, layerMemory, type TinyCounty } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import { makeHandler, tokenTable, type WebHandler } from "../src/index.js"

export interface Fixture extends WebHandler {
  readonly grid: Grid["Service"]
  readonly mediation: Mediation["Service"]
  readonly points: Points["Service"]
  readonly deliberation: Deliberation["Service"]
  readonly matching: Matching["Service"]
  /** The use cases the handler serves, for a second handler over the same store. */
  readonly services: Layer.Layer<Grid | Mediation | Points | Deliberation | Matching>
  readonly tiny: TinyCounty
  readonly tokens: Readonly<Record<string, Actor>>
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
 * A fresh store with a tiny county; tokens `system`, `admin` (county admin), `worker` (grid 1's
 * grid worker), `secretary` (community 1's secretary) and `resident` (a resident of unit a1:
 * structure only, no events).
 */
export const setup = async (options: { readonly maxBodyBytes?: number } = {}): Promise<Fixture> => {
  const { deliberation, grid, matching, mediation, points, tiny } = await Effect.runPromise(
    Effect.gen(function*() {
      const grid = yield* Grid
      const mediation = yield* Mediation
      const points = yield* Points
      const deliberation = yield* Deliberation
      const matching = yield* Matching
      const tiny = yield* buildTinyCounty()
      return { grid, mediation, points, deliberation, matching, tiny }
    }).pipe(Effect.provide(Matching.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Deliberation.layer)),
      Layer.provide([layerMemory(), IdGenerator.layer])
    )))
  )
  const services = Layer.mergeAll(Layer.succeed(Grid, grid), Layer.succeed(Mediation, mediation), Layer.succeed(Points, points), Layer.succeed(Deliberation, deliberation), Layer.succeed(Matching, matching))
  const tokens: Record<string, Actor> = {
    system: systemActor(),
    admin: tiny.admin,
    worker: tiny.gridWorker,
    resident: actorWith("resident-1", { role: "resident", scope: tiny.units[0].id }),
    secretary: actorWith("secretary-1", { role: "community_secretary", scope: tiny.communities[0].id })
  }
  const web = makeHandler({
    services,
    authenticate: tokenTable(tokens),
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
  return { ...web, grid, mediation, points, deliberation, matching, services, tiny, tokens, call, fetch }
}

/** Reads a JSON body. */
export const json = async (response: Response): Promise<any> => JSON.parse(await response.text())
