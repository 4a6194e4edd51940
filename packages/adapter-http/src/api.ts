/**
 * The HTTP API of Mulin's grid context, declared once: the server, the OpenAPI 3.1 document
 * and the typed client are all derived from {@link MulinApi}. Payloads are core's command
 * schemas, responses core's models and views, errors core's error classes encoded as
 * problems (see `problemTable`).
 *
 * | method | path | operationId | client method |
 * |---|---|---|---|
 * | POST | /counties | createCounty | `counties.create` |
 * | GET | /counties | listCounties | `counties.list` |
 * | GET | /counties/{id} | getCounty | `counties.get` |
 * | POST | /nodes | createNode | `nodes.create` |
 * | GET | /nodes/{id} | getNode | `nodes.get` |
 * | PATCH | /nodes/{id} | updateNode | `nodes.update` |
 * | POST | /nodes/{id}/move | moveNode | `nodes.move` |
 * | POST | /nodes/{id}/archive | archiveNode | `nodes.archive` |
 * | GET | /nodes/{id}/ancestors | listAncestors | `nodes.ancestors` |
 * | GET | /nodes/{id}/children | listChildren | `nodes.children` |
 * | GET | /nodes/{id}/summary | getSummary | `nodes.summary` |
 * | GET | /nodes/{id}/coverage | getCoverage | `nodes.coverage` |
 * | GET | /nodes/{id}/households | listHouseholds | `nodes.households` |
 * | GET | /nodes/{id}/people | listPeople | `nodes.people` |
 * | GET | /nodes/{id}/assignments | listAssignments | `nodes.assignments` |
 * | POST | /households | createHousehold | `households.create` |
 * | GET | /households/{id} | getHousehold | `households.get` |
 * | PATCH | /households/{id} | updateHousehold | `households.update` |
 * | GET | /households/{id}/servers | whoServes | `households.servers` |
 * | POST | /people | createPerson | `people.create` |
 * | GET | /people/{id} | getPerson | `people.get` |
 * | POST | /assignments | assignRole | `assignments.create` |
 * | POST | /assignments/{id}/end | endAssignment | `assignments.end` |
 * | GET | /events | listEvents | `events.list` |
 * | GET | /healthz | health | `health` |
 *
 * Everything but `/healthz` and `/openapi.json` needs `Authorization: Bearer <token>`.
 *
 * @since 0.1.0
 */
import {
  type Actor,
  ArchiveNode,
  ArchiveResult,
  AssignmentId,
  AssignRole,
  Assignment,
  CalendarDate,
  County,
  CoverageReport,
  CreateCounty,
  CreateHousehold,
  CreateNode,
  CreatePerson,
  EndAssignment,
  type Grid,
  GridNode,
  GridNodeId,
  HouseholdId,
  HouseholdView,
  MoveNode,
  Page,
  PageLimit,
  PersonId,
  PersonView,
  StoredEvent,
  SubtreeSummary,
  UpdateHousehold,
  UpdateNode,
  WhoServes
} from "@mulin/core"
import { Context, Schema } from "effect"
import {
  HttpApi,
  HttpApiEndpoint,
  HttpApiGroup,
  HttpApiMiddleware,
  HttpApiSchema,
  HttpApiSecurity,
  OpenApi
} from "effect/http-api"
import {
  ConflictProblem,
  ForbiddenProblem,
  InternalErrorProblem,
  InvalidInputProblem,
  InvalidTransitionProblem,
  MalformedJsonProblem,
  NotFoundProblem,
  PayloadTooLargeProblem,
  RouteNotFoundProblem,
  StorageErrorProblem,
  UnauthorizedProblem,
  UnsupportedMediaTypeProblem
} from "./problems.js"

/**
 * The use-case services the API's handlers call: provide them (over a store) to
 * `makeHandler`, `serve` or `layer`.
 *
 * @category models
 * @since 0.1.0
 */
export type MulinServices = Grid

// ---------------------------------------------------------------------------
// Middleware declarations (implementations live in the server, not in the client)

/**
 * The authenticated actor of the current request, provided by {@link Authentication}.
 *
 * @category services
 * @since 0.1.0
 */
export class CurrentActor extends Context.Service<CurrentActor, Actor>()("@mulin/adapter-http/CurrentActor") {}

/**
 * Authenticates every grid endpoint from `Authorization: Bearer <token>`; answers 401
 * `unauthorized` when the authenticator does not recognise the request.
 *
 * @category services
 * @since 0.1.0
 */
export class Authentication extends HttpApiMiddleware.Service<Authentication, { provides: CurrentActor }>()(
  "@mulin/adapter-http/Authentication",
  { security: { bearer: HttpApiSecurity.bearer }, error: UnauthorizedProblem }
) {}

/**
 * Guards request bodies: only JSON (415 otherwise), at most the configured size (413),
 * well-formed (400 `malformed_json`).
 *
 * @category services
 * @since 0.1.0
 */
export class BodyGuard extends HttpApiMiddleware.Service<BodyGuard>()("@mulin/adapter-http/BodyGuard", {
  error: [MalformedJsonProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem]
}) {}

/**
 * Turns request decoding failures (path, query, body) into 422 `invalid_input` problems
 * listing every invalid field, and declares the 500 `internal_error` problem.
 *
 * @category services
 * @since 0.1.0
 */
export class RequestValidation extends HttpApiMiddleware.Service<RequestValidation>()("@mulin/adapter-http/RequestValidation", {
  error: [InvalidInputProblem, InternalErrorProblem]
}) {}

// ---------------------------------------------------------------------------
// Shared pieces

/**
 * The errors every grid use case may fail with (core's `GridError`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const GridErrors = [NotFoundProblem, ForbiddenProblem, ConflictProblem, InvalidInputProblem, StorageErrorProblem] as const

const doc = (identifier: string, summary: string, description?: string) =>
  OpenApi.annotations(description === undefined ? { identifier, summary } : { identifier, summary, description })

const created = <S extends Schema.Top>(schema: S) => schema.pipe(HttpApiSchema.status(201))

const nodeParams = { id: GridNodeId }
const pageQuery = { after: Schema.optional(Schema.String), limit: Schema.optional(PageLimit) }

/**
 * The body of `GET /healthz`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Health = Schema.Struct({ ok: Schema.Boolean })

// ---------------------------------------------------------------------------
// Groups

/**
 * Counties: the roots of the grid trees, with their level templates.
 *
 * @category api
 * @since 0.1.0
 */
export class CountiesGroup extends HttpApiGroup.make("counties")
  .add(
    HttpApiEndpoint.post("create", "/counties", { payload: CreateCounty, success: created(County), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("createCounty", "Create a county", "Creates a county and its root node. Needs `county.create` on the whole store.")),
    HttpApiEndpoint.get("list", "/counties", { success: Schema.Array(County), error: GridErrors })
      .annotateMerge(doc("listCounties", "List the counties the actor can see")),
    HttpApiEndpoint.get("get", "/counties/:id", { params: nodeParams, success: County, error: GridErrors })
      .annotateMerge(doc("getCounty", "Get a county", "Needs `grid.tree.read` on the county root."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Counties", description: "区县与层级模板" })) {}

/**
 * The grid hierarchy: nodes and the queries over a subtree.
 *
 * @category api
 * @since 0.1.0
 */
export class NodesGroup extends HttpApiGroup.make("nodes")
  .add(
    HttpApiEndpoint.post("create", "/nodes", { payload: CreateNode, success: created(GridNode), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("createNode", "Create a node under a parent", "Needs `grid.node.write` on the parent.")),
    HttpApiEndpoint.get("get", "/nodes/:id", { params: nodeParams, success: GridNode, error: GridErrors })
      .annotateMerge(doc("getNode", "Get a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("find", "/lookup/node", {
      query: { path: Schema.String.check(Schema.isPattern(/^[^/]+(\/[^/]+)*$/u, { message: "must be node codes joined by /, county code first, e.g. 370812/001/001/G01", messageZh: "必须是以 / 连接的节点代码，区县代码在前，例如 370812/001/001/G01" } as Schema.Annotations.Filter)) },
      success: GridNode,
      error: GridErrors
    }).annotateMerge(doc("findNode", "Find a node by its code path", "`path` is the node codes from the county down, e.g. `370812/001/001/G01`. Needs `grid.tree.read`.")),
    HttpApiEndpoint.patch("update", "/nodes/:id", { params: nodeParams, payload: UpdateNode, success: GridNode, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("updateNode", "Rename or re-code a node", "Needs `grid.node.write`. `expectedVersion` guards against lost updates.")),
    HttpApiEndpoint.post("move", "/nodes/:id/move", { params: nodeParams, payload: MoveNode, success: GridNode, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("moveNode", "Move a node with its subtree", "Needs `grid.node.write` on the node and on the new parent.")),
    HttpApiEndpoint.post("archive", "/nodes/:id/archive", { params: nodeParams, payload: ArchiveNode, success: ArchiveResult, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("archiveNode", "Archive a node", "Needs `grid.node.write`. Refused while live children or households remain, unless `cascade`.")),
    HttpApiEndpoint.get("ancestors", "/nodes/:id/ancestors", { params: nodeParams, success: Schema.Array(GridNode), error: GridErrors })
      .annotateMerge(doc("listAncestors", "List a node's ancestors the actor may read", "Root first. Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("children", "/nodes/:id/children", { params: nodeParams, query: pageQuery, success: Page(GridNode), error: GridErrors })
      .annotateMerge(doc("listChildren", "List a node's children, a page at a time", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("summary", "/nodes/:id/summary", { params: nodeParams, success: SubtreeSummary, error: GridErrors })
      .annotateMerge(doc("getSummary", "Count nodes, households and residents below a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("coverage", "/nodes/:id/coverage", {
      params: nodeParams,
      query: {
        date: Schema.optional(CalendarDate),
        limit: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 10_000 })))
      },
      success: CoverageReport,
      error: GridErrors
    }).annotateMerge(doc("getCoverage", "Report the units without building leader, party member or party organisation", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("households", "/nodes/:id/households", { params: nodeParams, query: pageQuery, success: Page(HouseholdView), error: GridErrors })
      .annotateMerge(doc("listHouseholds", "List the households below a node", "Needs `grid.household.read`; personal data is masked unless the actor has `grid.personal.read`.")),
    HttpApiEndpoint.get("people", "/nodes/:id/people", { params: nodeParams, query: pageQuery, success: Page(PersonView), error: GridErrors })
      .annotateMerge(doc("listPeople", "List the people registered below a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("assignments", "/nodes/:id/assignments", { params: nodeParams, query: pageQuery, success: Page(Assignment), error: GridErrors })
      .annotateMerge(doc("listAssignments", "List the role assignments below a node", "Needs `grid.tree.read`."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Nodes", description: "网格节点" })) {}

/**
 * Households (住户) and who serves them.
 *
 * @category api
 * @since 0.1.0
 */
export class HouseholdsGroup extends HttpApiGroup.make("households")
  .add(
    HttpApiEndpoint.post("create", "/households", { payload: CreateHousehold, success: created(HouseholdView), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("createHousehold", "Register a household in a smallest unit", "Needs `grid.household.write` on the unit.")),
    HttpApiEndpoint.get("get", "/households/:id", { params: { id: HouseholdId }, success: HouseholdView, error: GridErrors })
      .annotateMerge(doc("getHousehold", "Get a household", "Needs `grid.household.read`.")),
    HttpApiEndpoint.patch("update", "/households/:id", { params: { id: HouseholdId }, payload: UpdateHousehold, success: HouseholdView, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("updateHousehold", "Change a household's door number or residents", "Needs `grid.household.write`.")),
    HttpApiEndpoint.get("servers", "/households/:id/servers", {
      params: { id: HouseholdId },
      query: { date: Schema.optional(CalendarDate) },
      success: WhoServes,
      error: GridErrors
    }).annotateMerge(doc("whoServes", "Who serves this household", "For each role, the nearest current assignee above the household's unit. Needs `grid.household.read`."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Households", description: "住户" })) {}

/**
 * The directory of people.
 *
 * @category api
 * @since 0.1.0
 */
export class PeopleGroup extends HttpApiGroup.make("people")
  .add(
    HttpApiEndpoint.post("create", "/people", { payload: CreatePerson, success: created(PersonView), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("createPerson", "Register a person at a node", "Needs `grid.assignment.write` on the node.")),
    HttpApiEndpoint.get("get", "/people/:id", { params: { id: PersonId }, success: PersonView, error: GridErrors })
      .annotateMerge(doc("getPerson", "Get a person", "Needs `grid.tree.read` on the node the person is registered at."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "People", description: "人员" })) {}

/**
 * Role assignments.
 *
 * @category api
 * @since 0.1.0
 */
export class AssignmentsGroup extends HttpApiGroup.make("assignments")
  .add(
    HttpApiEndpoint.post("create", "/assignments", { payload: AssignRole, success: created(Assignment), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("assignRole", "Assign a person to a node in a role", "Needs `grid.assignment.write` on the node.")),
    HttpApiEndpoint.post("end", "/assignments/:id/end", { params: { id: AssignmentId }, payload: EndAssignment, success: Assignment, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("endAssignment", "End an assignment", "Needs `grid.assignment.write` on the assignment's node."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Assignments", description: "任职" })) {}

/**
 * The event feed integrators poll.
 *
 * @category api
 * @since 0.1.0
 */
export class EventsGroup extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.get("list", "/events", { query: pageQuery, success: Page(StoredEvent), error: GridErrors })
      .annotateMerge(doc(
        "listEvents",
        "Read the event feed",
        "Events the actor may see (`events.read`), in log order. Pass the page's `next` as `after` to read on; `next` is null on the last page."
      ))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Events", description: "事件流" })) {}

/**
 * Liveness, without authentication.
 *
 * @category api
 * @since 0.1.0
 */
export class SystemGroup extends HttpApiGroup.make("system", { topLevel: true })
  .add(
    HttpApiEndpoint.get("health", "/healthz", { success: Health, error: InternalErrorProblem })
      .annotateMerge(doc("health", "Liveness check"))
  )
  .annotateMerge(OpenApi.annotations({ title: "System" })) {}

/**
 * The whole API. Serve it with `makeHandler` / `serve` / `layer`, call it with
 * `makeClient`, document it with `OpenApi.fromApi(MulinApi)`.
 *
 * @category api
 * @since 0.1.0
 */
export class MulinApi extends HttpApi.make("mulin")
  .add(CountiesGroup, NodesGroup, HouseholdsGroup, PeopleGroup, AssignmentsGroup, EventsGroup)
  .middleware(RequestValidation)
  .add(SystemGroup)
  .annotate(HttpApi.PayloadParseOptions, { errors: "all" })
  .annotate(HttpApi.QueryParseOptions, { errors: "all" })
  .annotate(HttpApi.ParamsParseOptions, { errors: "all" })
  // Problems no grid operation declares, listed so integrators see every problem type.
  .annotate(HttpApi.AdditionalSchemas, [InvalidTransitionProblem, RouteNotFoundProblem])
  .annotateMerge(OpenApi.annotations({
    title: "Mulin API (睦邻)",
    version: "0.1.0",
    description: "The grid context of Mulin: counties, grid nodes, households, people, role assignments and the event feed. " +
      "Every error is an RFC 9457 problem (application/problem+json) with a stable `type` and `code`, and `detail`/`detailZh`."
  })) {}
