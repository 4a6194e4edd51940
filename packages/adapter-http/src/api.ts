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
 * | PATCH | /people/{id} | updatePerson | `people.update` |
 * | GET | /people/{id}/subjects | listSubjects | `people.subjects` |
 * | POST | /people/{id}/subjects | linkSubject | `people.link` |
 * | POST | /people/{id}/subjects/unlink | unlinkSubject | `people.unlink` |
 * | POST | /assignments | assignRole | `assignments.create` |
 * | POST | /assignments/{id}/end | endAssignment | `assignments.end` |
 * | GET | /events | listEvents | `events.list` |
 * | POST | /mediation/cases | reportCase | `mediation.report` |
 * | GET | /mediation/cases/{id} | getCase | `mediation.get` |
 * | POST | /mediation/cases/{id}/commands | runCaseCommand | `mediation.execute` |
 * | GET | /nodes/{id}/mediation/cases | listCases | `mediation.list` |
 * | GET | /nodes/{id}/mediation/overdue | listOverdueCases | `mediation.overdue` |
 * | GET | /nodes/{id}/mediation/statistics | getMediationStatistics | `mediation.statistics` |
 * | POST | /mediation/supervision | runSupervision | `mediation.supervise` |
 * | GET | /counties/{id}/mediation/config | getMediationConfig | `mediation.config` |
 * | PATCH | /counties/{id}/mediation/config | configureMediation | `mediation.configure` |
 * | GET | /public/mediation/cases/{id} | getDisclosure | `publicMediation.disclosure` (no token) |
 * | GET | /public/nodes/{id}/mediation | listDisclosures | `publicMediation.board` (no token) |
 * | POST | /deliberation/sessions | conveneSession | `deliberation.convene` |
 * | GET | /deliberation/sessions/{id} | getSession | `deliberation.getSession` |
 * | POST | /deliberation/sessions/{id}/minutes | recordMinutes | `deliberation.minutes` |
 * | GET | /nodes/{id}/deliberation/sessions | listSessions | `deliberation.sessions` |
 * | POST | /deliberation/items | raiseItem | `deliberation.raise` |
 * | GET | /deliberation/items/{id} | getItem | `deliberation.get` |
 * | GET | /deliberation/items/{id}/children | listItemChildren | `deliberation.children` |
 * | POST | /deliberation/items/{id}/commands | runItemCommand | `deliberation.execute` |
 * | POST | /deliberation/items/{id}/ratings | rateItem | `deliberation.rate` |
 * | GET | /nodes/{id}/deliberation/statistics | getDeliberationStatistics | `deliberation.statistics` |
 * | GET | /counties/{id}/deliberation/config | getDeliberationConfig | `deliberation.config` |
 * | PATCH | /counties/{id}/deliberation/config | configureDeliberation | `deliberation.configure` |
 * | GET | /public/nodes/{id}/deliberation | getProgressBoard | `publicDeliberation.board` (no token) |
 * | POST | /matching/needs | postNeed | `matching.post` |
 * | GET | /matching/needs/{id} | getNeed | `matching.get` |
 * | POST | /matching/needs/{id}/commands | runNeedCommand | `matching.execute` |
 * | POST | /matching/needs/{id}/claim | claimNeed | `matching.claim` |
 * | GET | /matching/needs/{id}/ranking | rankVolunteers | `matching.rank` |
 * | GET | /nodes/{id}/matching/needs | listNeeds | `matching.list` |
 * | POST | /nodes/{id}/matching/dispatch | dispatchNeeds | `matching.dispatch` |
 * | POST | /nodes/{id}/matching/expire | expireNeeds | `matching.expire` |
 * | POST | /matching/volunteers | saveVolunteer | `matching.saveVolunteer` |
 * | GET | /matching/volunteers/{id} | getVolunteer | `matching.getVolunteer` |
 * | GET | /nodes/{id}/matching/volunteers | listVolunteers | `matching.volunteers` |
 * | POST | /matching/teams | createTeam | `matching.createTeam` |
 * | GET | /counties/{id}/matching/teams | listTeams | `matching.teams` |
 * | GET | /matching/claim-board | getClaimBoard | `matching.claimBoard` |
 * | GET | /counties/{id}/matching/config | getMatchingConfig | `matching.config` |
 * | PATCH | /counties/{id}/matching/config | configureMatching | `matching.configure` |
 * | GET | /public/nodes/{id}/wishes | getWishBoard | `publicMatching.wishes` (no token) |
 * | GET | /healthz | health | `health` |
 * | GET | /me | whoAmI | `me` |
 *
 * Everything but `/healthz`, `/openapi.json` and `/public/…` needs `Authorization: Bearer <token>`.
 *
 * @since 0.1.0
 */
import {
  Actor,
  type Identity,
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
  GridFeedEvents,
  PointsFeedEvents,
  MatchingFeedEvents,
  MediationFeedEvents,
  DeliberationFeedEvents,
  OtherFeedEvent,
  SignInSubject,
  SubjectLinkView,
  UpdatePerson,
  GridNode,
  GridNodeId,
  HouseholdId,
  HouseholdView,
  MoveNode,
  Page,
  PageLimit,
  PersonId,
  PersonView,
  SubtreeSummary,
  UpdateHousehold,
  UpdateNode,
  WhoServes,
  CaseCommand,
  CaseId,
  CaseState,
  CaseStatus,
  CaseSummary,
  ConfigureMediation,
  Disclosure,
  HandlingLevel,
  Instant,
  type Mediation,
  MediationCase,
  ClaimBoardItem,
  ConfigureMatching,
  CreateTeam,
  DispatchReport,
  ExpiryReport,
  type Matching,
  MatchingConfig,
  Need,
  NeedCommand,
  NeedId,
  NeedState,
  NeedStatus,
  PostNeed,
  RankingView,
  SaveVolunteer,
  Team,
  Volunteer,
  WishCard,
  BoardRow,
  BoardSort,
  ConfigKey,
  ConfigureDeliberation,
  ConveneSession,
  type Deliberation,
  DeliberationConfig,
  DeliberationStatistics,
  DeliberationItem,
  ItemCommand,
  ItemId,
  ItemState,
  ItemStatus,
  RaiseItem,
  RateItem,
  RecordMinutes,
  Session,
  SessionId,
  MediationConfig,
  MediationStatistics,
  ConfigKey as MediationConfigKey,
  MediationStatisticsPeriod,
  OverdueCase,
  ReportCase,
  RunSupervision,
  SupervisionReport,
  AccountId,
  AccountView,
  Adjust,
  Award,
  BalanceView,
  CancelHold,
  CommitBatch,
  Committed,
  ConfigView,
  Donate,
  ExpiryRun,
  FulfilHold,
  HoldView,
  Leaderboard,
  OpenAccount,
  OrderService,
  type Points,
  PointsConfig,
  PointsTotals,
  PublishService,
  Reverse,
  Service,
  ServiceId,
  Statement,
  TransferId,
  UpdateService,
  VerifyReport
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
  RequestHeaderFieldsTooLargeProblem,
  RouteNotFoundProblem,
  StorageErrorProblem,
  UnauthorizedProblem,
  UnsupportedMediaTypeProblem,
  UriTooLongProblem
} from "./problems.js"

/**
 * The use-case services the API's handlers call: provide them (over a store) to
 * `makeHandler`, `serve` or `layer`.
 *
 * @category models
 * @since 0.1.0
 */
export type MulinServices = Grid | Mediation | Points | Deliberation | Matching | Identity

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
 * Guards request bodies: only JSON in UTF-8 (415 otherwise), at most the configured size
 * (413), valid UTF-8 and well-formed (400 `malformed_json`). An empty body reads as `{}`.
 *
 * @category services
 * @since 0.1.0
 */
export class BodyGuard extends HttpApiMiddleware.Service<BodyGuard>()("@mulin/adapter-http/BodyGuard", {
  error: [MalformedJsonProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem]
}) {}

/**
 * Turns request decoding failures (path, query, body) into 422 `invalid_input` problems
 * listing every invalid field, and declares the 500 `internal_error` problem. Integers in
 * the path and the query must be written as integers (`50`, not `50.0`, `5e1` or `+50`).
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
      .annotateMerge(doc("createPerson", "Register a person at a node", "Needs `grid.assignment.write` on the node; the household, if any, must lie at or below it.")),
    HttpApiEndpoint.get("get", "/people/:id", { params: { id: PersonId }, success: PersonView, error: GridErrors })
      .annotateMerge(doc("getPerson", "Get a person", "Visible with `grid.tree.read` on the node the person is registered at or on a node where they hold a current post, and to the person; masked unless the actor has `grid.personal.read` where the person is registered.")),
    HttpApiEndpoint.patch("update", "/people/:id", { params: { id: PersonId }, payload: UpdatePerson, success: PersonView, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("updatePerson", "Change a person's name, phone, node or household", "Needs `grid.assignment.write` where the person is registered and at the new node. A request that changes nothing writes nothing.")),
    HttpApiEndpoint.get("subjects", "/people/:id/subjects", { params: { id: PersonId }, success: Schema.Array(SubjectLinkView), error: GridErrors })
      .annotateMerge(doc("listSubjects", "List the sign-in subjects linked to a person", "Needs `grid.assignment.write` where the person is registered.")),
    HttpApiEndpoint.post("link", "/people/:id/subjects", { params: { id: PersonId }, payload: SignInSubject, success: created(SubjectLinkView), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("linkSubject", "Link a sign-in subject to a person", "The subject (`issuer`, `subject`) then signs the person in. Linking it again changes nothing; a subject linked to another person answers 409 `subject_linked`. Needs `grid.assignment.write`.")),
    HttpApiEndpoint.post("unlink", "/people/:id/subjects/unlink", { params: { id: PersonId }, payload: SignInSubject, success: Schema.Array(SubjectLinkView), error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("unlinkSubject", "Unlink a sign-in subject from a person", "Answers the subjects left; 404 when the subject is not linked to the person. Needs `grid.assignment.write`."))
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
 * One event of the feed as the OpenAPI document describes it: each grid event with its
 * payload, or any other event as it is.
 *
 * @category schemas
 * @since 0.4.0
 */
export const FeedEvent = Schema.Union([
  ...GridFeedEvents,
  ...PointsFeedEvents,
  ...MatchingFeedEvents,
  ...MediationFeedEvents,
  ...DeliberationFeedEvents,
  OtherFeedEvent
])

/**
 * The event feed integrators poll.
 *
 * @category api
 * @since 0.1.0
 */
export class EventsGroup extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.get("list", "/events", { query: pageQuery, success: Page(FeedEvent), error: GridErrors })
      .annotateMerge(doc(
        "listEvents",
        "Read the event feed",
        "Events the actor may see (`events.read`), in log order. Pass the page's `next` as `after` to read on; `next` is null on the last page."
      ))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Events", description: "事件流" })) {}

/**
 * The body of `GET /me`: who the request's credentials sign in, as the actor the server
 * derived from the person's current posts — the person's id, name, and one grant (role and
 * node) per current post, plus `resident` over their community when they live in a
 * household. An operator is a `system` actor.
 *
 * @category schemas
 * @since 0.4.0
 */
export const WhoAmI = Actor.annotate({ identifier: "WhoAmI" })

/**
 * Liveness, without authentication, and who the caller is.
 *
 * @category api
 * @since 0.1.0
 */
export class SystemGroup extends HttpApiGroup.make("system", { topLevel: true })
  .add(
    HttpApiEndpoint.get("health", "/healthz", { success: Health, error: InternalErrorProblem })
      .annotateMerge(doc("health", "Liveness check")),
    HttpApiEndpoint.get("me", "/me", { success: WhoAmI, error: InternalErrorProblem })
      .middleware(Authentication)
      .annotateMerge(doc(
        "whoAmI",
        "Who the token signs in",
        "The person the credentials sign in and their grants, derived from their current posts on this request. An ended post grants nothing from the next request on."
      ))
  )
  .annotateMerge(OpenApi.annotations({ title: "System" })) {}

// ---------------------------------------------------------------------------
// Mediation (矛盾调解)

/**
 * The errors every mediation use case may fail with (core's `MediationError`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const MediationErrors = [...GridErrors, InvalidTransitionProblem] as const

const caseParams = { id: CaseId }

/**
 * The body of `POST /mediation/supervision`: the county to supervise (absent: every county,
 * for the system actor) and how many overdue cases one run handles at most.
 *
 * @category schemas
 * @since 0.2.0
 */
export const SupervisionRequest = RunSupervision

/**
 * Mediation cases (矛盾调解): report, the 一听三议三公开 commands, escalation (督办),
 * statistics, the overdue list and the supervision run.
 *
 * @category api
 * @since 0.2.0
 */
export class MediationGroup extends HttpApiGroup.make("mediation")
  .add(
    HttpApiEndpoint.post("report", "/mediation/cases", { payload: ReportCase, success: created(MediationCase), error: MediationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("reportCase", "Report a dispute", "Needs `mediation.report` at the node where it happened.")),
    HttpApiEndpoint.get("get", "/mediation/cases/:id", { params: caseParams, success: MediationCase, error: MediationErrors })
      .annotateMerge(doc("getCase", "Get a case with its parties", "Community staff with `mediation.read`, the case's mediators, and whoever it was escalated to.")),
    HttpApiEndpoint.post("execute", "/mediation/cases/:id/commands", { params: caseParams, payload: CaseCommand, success: MediationCase, error: MediationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("runCaseCommand", "Run a command on a case", "`_tag` names the command (Accept, RecordStatement, RecordRound, RecordAgreement, Escalate, Resolve, Disclose, Rate, Close, Withdraw, Reopen, …). A command the case's state does not allow answers 409 `invalid_transition`.")),
    HttpApiEndpoint.get("list", "/nodes/:id/mediation/cases", {
      params: nodeParams,
      query: {
        ...pageQuery,
        state: Schema.optional(CaseState),
        status: Schema.optional(CaseStatus),
        level: Schema.optional(HandlingLevel),
        category: Schema.optional(MediationConfigKey),
        department: Schema.optional(MediationConfigKey)
      },
      success: Page(CaseSummary),
      error: MediationErrors
    }).annotateMerge(doc("listCases", "List the cases below a node", "Needs `mediation.read`; a department's staff list their department's cases with `department` from the county root.")),
    HttpApiEndpoint.get("overdue", "/nodes/:id/mediation/overdue", { params: nodeParams, query: { limit: Schema.optional(PageLimit) }, success: Schema.Array(OverdueCase), error: MediationErrors })
      .annotateMerge(doc("listOverdueCases", "List the cases past their deadline below a node", "Needs `mediation.read`.")),
    HttpApiEndpoint.get("statistics", "/nodes/:id/mediation/statistics", {
      params: nodeParams,
      query: {
        from: Schema.optional(Instant),
        to: Schema.optional(Instant),
        month: Schema.optional(MediationStatisticsPeriod.fields.month.schema),
        date: Schema.optional(MediationStatisticsPeriod.fields.date.schema)
      },
      success: MediationStatistics,
      error: MediationErrors
    }).annotateMerge(doc(
      "getMediationStatistics",
      "Statistics of a subtree and period",
      "By category, state and level; 响应率, 解决率, 满意率; median hours to resolve; on-time rate per level; for a closed period the same period a year earlier (同比). " +
        "The period is `month` (`YYYY-MM` or `current`), `date` (`YYYY-MM-DD` or `today`) in the county's calendar, or `from`/`to` instants. Needs `mediation.read`."
    )),
    HttpApiEndpoint.post("supervise", "/mediation/supervision", { payload: SupervisionRequest, success: SupervisionReport, error: MediationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("runSupervision", "Escalate overdue cases", "Escalates each overdue case once per missed deadline, as the system actor. Needs `mediation.supervise` on the county (or everywhere without `countyId`).")),
    HttpApiEndpoint.get("config", "/counties/:id/mediation/config", { params: nodeParams, success: MediationConfig, error: MediationErrors })
      .annotateMerge(doc("getMediationConfig", "A county's mediation configuration", "Categories, deadlines, the department registry. The defaults until the county sets its own. For the county's staff only (`county.config.read` in the county).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/mediation/config", { params: nodeParams, payload: ConfigureMediation, success: MediationConfig, error: MediationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureMediation", "Change a county's mediation configuration", "Needs `mediation.supervise` on the county."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Mediation", description: "矛盾调解 · 一听三议三公开" })) {}

/**
 * The public board (三公开), without authentication: disclosed cases without personal data.
 *
 * @category api
 * @since 0.2.0
 */
export class PublicMediationGroup extends HttpApiGroup.make("publicMediation")
  .add(
    HttpApiEndpoint.get("disclosure", "/public/mediation/cases/:id", { params: caseParams, success: Disclosure, error: MediationErrors })
      .annotateMerge(doc("getDisclosure", "The public disclosure of a case", "Topic, process and result of a disclosed case, without personal data: text masked when it was disclosed (phones and ID-card numbers in any spelling, names of the people involved and of the residents around), parties by side, participants counted by role.")),
    HttpApiEndpoint.get("board", "/public/nodes/:id/mediation", { params: nodeParams, query: pageQuery, success: Page(Disclosure), error: MediationErrors })
      .annotateMerge(doc("listDisclosures", "The public board of a subtree", "The disclosures of the disclosed cases below a node."))
  )
  .annotateMerge(OpenApi.annotations({ title: "Public mediation board", description: "三公开（公示）" })) {}

// ---------------------------------------------------------------------------
// Deliberation (议事会 · 圆桌会 · 接待日 · 晾晒 · 现场评)

/**
 * The errors every deliberation use case may fail with (core's `DeliberationError`).
 *
 * @category schemas
 * @since 0.3.0
 */
export const DeliberationErrors = [...GridErrors, InvalidTransitionProblem] as const

const itemParams = { id: ItemId }
const sessionParams = { id: SessionId }

/**
 * The board's query: filters (category and unit by their ASCII keys), order and page.
 *
 * @category schemas
 * @since 0.3.0
 */
export const BoardQueryParams = {
  ...pageQuery,
  category: Schema.optional(ConfigKey),
  unit: Schema.optional(ConfigKey),
  status: Schema.optional(ItemStatus),
  state: Schema.optional(ItemState),
  overdue: Schema.optional(Schema.Literals(["true", "false"])),
  sort: Schema.optional(BoardSort)
}

/**
 * Deliberation (议事): sessions, items raised at them or on their own, the lifecycle
 * commands, people's ratings (现场评), statistics and the county configuration. Every id a
 * body names (a session, a parent item, a merge target, a person) must lie in the caller's
 * scope and county: otherwise the answer is 404.
 *
 * @category api
 * @since 0.3.0
 */
export class DeliberationGroup extends HttpApiGroup.make("deliberation")
  .add(
    HttpApiEndpoint.post("convene", "/deliberation/sessions", { payload: ConveneSession, success: created(Session), error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("conveneSession", "Convene a session", "A round table, residents' council, small-stool talk, talk point or reception day. Needs `deliberation.manage`; `convener` (default: the caller) is a person in the caller's scope.")),
    HttpApiEndpoint.get("getSession", "/deliberation/sessions/:id", { params: sessionParams, success: Session, error: DeliberationErrors })
      .annotateMerge(doc("getSession", "Get a session", "Needs `deliberation.read`. Participants' organisation names are shown to staff only, never on the public board.")),
    HttpApiEndpoint.post("minutes", "/deliberation/sessions/:id/minutes", { params: sessionParams, payload: RecordMinutes, success: Session, error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("recordMinutes", "Record a session's minutes", "Needs `deliberation.manage`. The same minutes again change nothing.")),
    HttpApiEndpoint.get("sessions", "/nodes/:id/deliberation/sessions", { params: nodeParams, query: pageQuery, success: Page(Session), error: DeliberationErrors })
      .annotateMerge(doc("listSessions", "List the sessions below a node, newest first", "Needs `deliberation.read`.")),
    HttpApiEndpoint.post("raise", "/deliberation/items", { payload: RaiseItem, success: created(DeliberationItem), error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc(
        "raiseItem",
        "Raise an item (议题 / 意见建议 / 微点子)",
        "Needs `deliberation.raise` at the node, above or below it. The caller raises it as themself; staff who read deliberation where a person is registered may name that person (`raisedBy: { _tag: \"Person\", personId }`), and staff at the node may record an outsider (`{ _tag: \"Outside\", name, phone? }`)."
      )),
    HttpApiEndpoint.get("get", "/deliberation/items/:id", { params: itemParams, success: DeliberationItem, error: DeliberationErrors })
      .annotateMerge(doc("getItem", "Get an item with who raised it", "Needs `deliberation.read`, or being the person who raised it.")),
    HttpApiEndpoint.get("children", "/deliberation/items/:id/children", { params: itemParams, success: Schema.Array(DeliberationItem), error: DeliberationErrors })
      .annotateMerge(doc("listItemChildren", "The items an item was split into", "Needs `deliberation.read`.")),
    HttpApiEndpoint.post("execute", "/deliberation/items/:id/commands", { params: itemParams, payload: ItemCommand, success: DeliberationItem, error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc(
        "runItemCommand",
        "Run a command on an item",
        "`_tag` names the command (Answer, Accept, Vote, RecordMilestone, Resolve, ReportBack, Close, Merge, Decline, Reopen). `Accept` takes `promisedBy`, a date in the county's calendar. A command the item's state does not allow answers 409 `invalid_transition`; one that changes nothing answers the item as it is."
      )),
    HttpApiEndpoint.post("rate", "/deliberation/items/:id/ratings", { params: itemParams, payload: RateItem, success: DeliberationItem, error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc(
        "rateItem",
        "Rate an item (现场评)",
        "1–5 with a comment, once per person and round of handling; a second rating answers 409 `already_rated`. Staff with `deliberation.manage` may record the rating of a person in their scope (`personId`) who may rate the item."
      )),
    HttpApiEndpoint.get("statistics", "/nodes/:id/deliberation/statistics", {
      params: nodeParams,
      query: { from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) },
      success: DeliberationStatistics,
      error: DeliberationErrors
    }).annotateMerge(doc(
      "getDeliberationStatistics",
      "Statistics of a subtree and period",
      "The days `from` to `to` (both included) in the county's calendar. Raised, answered on the spot, taken up, resolved, overdue; on-time rate and satisfaction per unit; the change against the same days a year earlier per category. Needs `deliberation.read`."
    )),
    HttpApiEndpoint.get("config", "/counties/:id/deliberation/config", { params: nodeParams, success: DeliberationConfig, error: DeliberationErrors })
      .annotateMerge(doc("getDeliberationConfig", "A county's deliberation configuration", "Session types, categories, responsible units, quorum and majority. For the county's staff (`county.config.read`).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/deliberation/config", { params: nodeParams, payload: ConfigureDeliberation, success: DeliberationConfig, error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureDeliberation", "Change a county's deliberation configuration", "Needs `deliberation.manage` on the county. Every value is checked; the same values again change nothing."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Deliberation", description: "议事会 · 圆桌会 · 接待日 · 现场评" })) {}

/**
 * The public progress board (晾晒), without authentication: items with their status,
 * responsible unit, promised date, progress, milestones, overdue flag and rating. Its free
 * text was redacted when written: no phone or ID-card number in any spacing, no name of the
 * people involved or of the residents around.
 *
 * @category api
 * @since 0.3.0
 */
export class PublicDeliberationGroup extends HttpApiGroup.make("publicDeliberation")
  .add(
    HttpApiEndpoint.get("board", "/public/nodes/:id/deliberation", { params: nodeParams, query: BoardQueryParams, success: Page(BoardRow), error: DeliberationErrors })
      .annotateMerge(doc("getProgressBoard", "The public progress board of a subtree", "Filter by category, unit, status, state, overdue (the promised day over in the county's calendar); sort by raised, promised, progress or rating."))
  )
  .annotateMerge(OpenApi.annotations({ title: "Public progress board", description: "晾晒" })) {}

// ---------------------------------------------------------------------------
// Matching (微心愿 · 需求清单 ↔ 能力资源清单 · 认领 · 派单)

/**
 * The errors every matching use case may fail with (core's `MatchingError`). A claim that
 * lost the race for the last slot is a 409 `conflict` with reason `slots_full`.
 *
 * @category schemas
 * @since 0.3.0
 */
export const MatchingErrors = [...GridErrors, InvalidTransitionProblem] as const

const needParams = { id: NeedId }

/**
 * The body of `PATCH /counties/{id}/matching/config`: the parts to change.
 *
 * @category schemas
 * @since 0.3.0
 */
export const ConfigureMatchingBody = ConfigureMatching

/**
 * Needs and volunteers (微心愿): post, claim (认领), dispatch (派单), visit, confirm with a
 * rating (the reward paid once through the ledger), profiles and teams.
 *
 * @category api
 * @since 0.3.0
 */
export class MatchingGroup extends HttpApiGroup.make("matching")
  .add(
    HttpApiEndpoint.post("post", "/matching/needs", { payload: PostNeed, success: created(Need), error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("postNeed", "Post a need", "Needs `matching.post` at the node it concerns.")),
    HttpApiEndpoint.get("get", "/matching/needs/:id", { params: needParams, success: Need, error: MatchingErrors })
      .annotateMerge(doc("getNeed", "Get a need", "Staff, its requester, its volunteers, and volunteers who may claim in its subtree.")),
    HttpApiEndpoint.post("execute", "/matching/needs/:id/commands", { params: needParams, payload: NeedCommand, success: Need, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("runNeedCommand", "Run a command on a need", "`_tag`: Claim, Assign, Release, Reassign, LogVisit, ReportDone, Confirm, Reopen, Close, Cancel, AttachReward. A command the state does not allow answers 409 `invalid_transition`. A requester never works on their own need (409 `requester_cannot_work`); whoever did the work does not confirm it (403).")),
    HttpApiEndpoint.post("claim", "/matching/needs/:id/claim", { params: needParams, payload: Schema.Struct({}), success: Need, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("claimNeed", "Claim a need (认领)", "The actor takes a slot. When every slot is taken the answer is 409 `conflict` with reason `slots_full`: the claim lost.")),
    HttpApiEndpoint.get("rank", "/matching/needs/:id/ranking", { params: needParams, query: { limit: Schema.optional(PageLimit) }, success: RankingView, error: MatchingErrors })
      .annotateMerge(doc("rankVolunteers", "Rank the volunteers for a need", "Hard filters, then a weighted score with its breakdown. Needs `matching.dispatch`.")),
    HttpApiEndpoint.get("list", "/nodes/:id/matching/needs", {
      params: nodeParams,
      query: { ...pageQuery, state: Schema.optional(NeedState), status: Schema.optional(NeedStatus), category: Schema.optional(Schema.String) },
      success: Page(Need),
      error: MatchingErrors
    }).annotateMerge(doc("listNeeds", "List the needs below a node", "Needs `matching.read`.")),
    HttpApiEndpoint.post("dispatch", "/nodes/:id/matching/dispatch", { params: nodeParams, payload: Schema.Struct({ dryRun: Schema.optional(Schema.Boolean) }), success: DispatchReport, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("dispatchNeeds", "Batch dispatch (派单) of a subtree's open needs", "Maximises the total score under capacities and slots, most urgent first; each assignment explained. Needs `matching.dispatch`.")),
    HttpApiEndpoint.post("expire", "/nodes/:id/matching/expire", { params: nodeParams, payload: Schema.Struct({}), success: ExpiryReport, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("expireNeeds", "Expire the needs past due", "As the system actor. Needs `matching.manage`.")),
    HttpApiEndpoint.post("saveVolunteer", "/matching/volunteers", { payload: SaveVolunteer, success: Volunteer, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("saveVolunteer", "Create or replace a person's volunteer profile", "`matching.manage` over the person, at the profile's current home and at its new one; or the volunteer themself. The name shown is the person's.")),
    HttpApiEndpoint.get("getVolunteer", "/matching/volunteers/:id", { params: { id: PersonId }, success: Volunteer, error: MatchingErrors })
      .annotateMerge(doc("getVolunteer", "Get a volunteer profile")),
    HttpApiEndpoint.get("volunteers", "/nodes/:id/matching/volunteers", { params: nodeParams, query: pageQuery, success: Page(Volunteer), error: MatchingErrors })
      .annotateMerge(doc("listVolunteers", "List the volunteer profiles below a node", "Needs `matching.read`.")),
    HttpApiEndpoint.post("createTeam", "/matching/teams", { payload: CreateTeam, success: created(Team), error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("createTeam", "Create a volunteer team (志愿服务队)", "Needs `matching.manage` at its home.")),
    HttpApiEndpoint.get("teams", "/counties/:id/matching/teams", { params: nodeParams, success: Schema.Array(Team), error: MatchingErrors })
      .annotateMerge(doc("listTeams", "List a county's volunteer teams")),
    HttpApiEndpoint.get("claimBoard", "/matching/claim-board", { query: { limit: Schema.optional(PageLimit) }, success: Schema.Array(ClaimBoardItem), error: MatchingErrors })
      .annotateMerge(doc("getClaimBoard", "The actor's claim board", "Open needs of their community, nearest first.")),
    HttpApiEndpoint.get("config", "/counties/:id/matching/config", { params: nodeParams, success: MatchingConfig, error: MatchingErrors })
      .annotateMerge(doc("getMatchingConfig", "A county's matching configuration", "Categories, weights, radius. The defaults until the county sets its own. For the county's staff (`county.config.read`).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/matching/config", { params: nodeParams, payload: ConfigureMatchingBody, success: MatchingConfig, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureMatching", "Change a county's matching configuration", "Needs `matching.manage` on the county."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Matching", description: "微心愿 · 认领 · 派单" })) {}

/**
 * The public wish board (心愿墙), without authentication: open and fulfilled needs of a
 * subtree, requesters masked.
 *
 * @category api
 * @since 0.3.0
 */
export class PublicMatchingGroup extends HttpApiGroup.make("publicMatching")
  .add(
    HttpApiEndpoint.get("wishes", "/public/nodes/:id/wishes", { params: nodeParams, query: pageQuery, success: Page(WishCard), error: MatchingErrors })
      .annotateMerge(doc("getWishBoard", "The public wish board of a subtree", "Titles redacted when the need was posted (names of the people involved and around, phone and ID-card numbers masked); requesters masked."))
  )
  .annotateMerge(OpenApi.annotations({ title: "Public wish board", description: "心愿墙" })) {}

// ---------------------------------------------------------------------------
// Credit points (积分)

/**
 * The errors every points use case may fail with (core's `PointsError`). Insufficient
 * points, caps and floors are `conflict` problems whose `reason` says which
 * (`insufficient_points`, `cap_exceeded`, …) and whose `detail`/`detailZh` name the account
 * and the amounts.
 *
 * @category schemas
 * @since 0.2.0
 */
export const PointsErrors = [...GridErrors, InvalidTransitionProblem] as const

/**
 * The optional `Idempotency-Key` header of points writes: a retry with the same key and
 * body answers the first result with `Idempotency-Replayed: true`; the same key with
 * another body answers 409 `idempotency_key_reused`.
 *
 * @category schemas
 * @since 0.2.0
 */
export const IdempotencyHeaders = Schema.Struct({
  "idempotency-key": Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
})

const accountParams = { id: AccountId }
const holdParams = { id: TransferId }
const periodQuery = { from: Schema.optional(Instant), to: Schema.optional(Instant) }

/**
 * The credit-points ledger: accounts, transfers (awards, donations, reversals,
 * adjustments, batches), service orders held with a pickup code, the catalog, reports.
 *
 * @category api
 * @since 0.2.0
 */
export class PointsGroup extends HttpApiGroup.make("points")
  .add(
    HttpApiEndpoint.post("openAccount", "/points/accounts", { payload: OpenAccount, headers: IdempotencyHeaders, success: created(AccountView), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("openPointsAccount", "Open a points account", "Needs `points.account.open` on the node (`points.configure` for an issuer).")),
    HttpApiEndpoint.get("getAccount", "/points/accounts/:id", { params: accountParams, success: AccountView, error: PointsErrors })
      .annotateMerge(doc("getPointsAccount", "Get a points account", "The holder, or `points.read` where it is registered.")),
    HttpApiEndpoint.get("balance", "/points/accounts/:id/balance", { params: accountParams, success: BalanceView, error: PointsErrors })
      .annotateMerge(doc("getPointsBalance", "Posted, held and available points")),
    HttpApiEndpoint.get("statement", "/points/accounts/:id/statement", { params: accountParams, query: pageQuery, success: Statement, error: PointsErrors })
      .annotateMerge(doc("getPointsStatement", "An account's statement, newest first, with the running balance")),
    HttpApiEndpoint.post("award", "/points/awards", { payload: Award, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("awardPoints", "Award points by an earning rule", "Checks the rule, the caps and who may award; the problem says which one refused.")),
    HttpApiEndpoint.post("donate", "/points/donations", { payload: Donate, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("donatePoints", "Donate points to the charity fund or a family member")),
    HttpApiEndpoint.post("reverse", "/points/reversals", { payload: Reverse, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("reversePointsTransfer", "Reverse a posted transfer", "Needs `points.adjust`.")),
    HttpApiEndpoint.post("adjust", "/points/adjustments", { payload: Adjust, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("adjustPoints", "Adjust an account against its issuer, with a reason", "Needs `points.adjust`.")),
    HttpApiEndpoint.post("batch", "/points/batches", { payload: CommitBatch, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("commitPointsBatch", "Commit posted transfers all or none", "Needs `points.adjust` on every account.")),
    HttpApiEndpoint.post("order", "/points/orders", { payload: OrderService, headers: IdempotencyHeaders, success: created(HoldView), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("orderService", "Order a low-cost service", "Places a hold; the answer carries the pickup code (核销码) for the holder, once: it is stored only as a salted hash and never shown again.")),
    HttpApiEndpoint.get("getHold", "/points/holds/:id", { params: holdParams, success: HoldView, error: PointsErrors })
      .annotateMerge(doc("getHold", "Get a hold (an order)", "Never its pickup code.")),
    HttpApiEndpoint.post("fulfil", "/points/holds/:id/fulfil", { params: holdParams, payload: FulfilHold, headers: IdempotencyHeaders, success: HoldView, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("fulfilHold", "Confirm a hold with its pickup code", "The merchant; the held points post to it. A wrong code is counted (422, and recorded even though the request fails); after the county's limit the hold locks (409 `hold_locked`) until its holder asks for a new code, and a merchant who types too many wrong codes within an hour is locked out for a while (409 `merchant_locked`).")),
    HttpApiEndpoint.post("reissueCode", "/points/holds/:id/code", { params: holdParams, payload: Schema.Struct({}), success: HoldView, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("reissuePickupCode", "A new pickup code for an order", "The holder only. The old code stops working and a locked hold unlocks; the answer carries the new code, once.")),
    HttpApiEndpoint.post("cancel", "/points/holds/:id/cancel", { params: holdParams, payload: CancelHold, headers: IdempotencyHeaders, success: HoldView, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("cancelHold", "Cancel a pending hold", "The holder, or staff with `points.adjust`; the points return.")),
    HttpApiEndpoint.post("publishService", "/points/services", { payload: PublishService, headers: IdempotencyHeaders, success: created(Service), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("publishService", "Publish a low-cost service", "The merchant, or staff with `points.catalog.write`.")),
    HttpApiEndpoint.patch("updateService", "/points/services/:id", { params: { id: ServiceId }, payload: UpdateService, success: Service, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("updateService", "Change a service's price, stock, capacity or status")),
    HttpApiEndpoint.get("catalog", "/nodes/:id/points/services", { params: nodeParams, success: Schema.Array(Service), error: PointsErrors })
      .annotateMerge(doc("listServices", "The services offered to residents of a node")),
    HttpApiEndpoint.get("totals", "/nodes/:id/points/totals", { params: nodeParams, query: periodQuery, success: PointsTotals, error: PointsErrors })
      .annotateMerge(doc("getPointsTotals", "Issued, redeemed, donated, expired and outstanding points of a subtree", "Period `[from, to)`, default the current month. Needs `points.read`.")),
    HttpApiEndpoint.get("leaderboard", "/nodes/:id/points/leaderboard", { params: nodeParams, query: { ...periodQuery, limit: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 }))) }, success: Leaderboard, error: PointsErrors })
      .annotateMerge(doc("getPointsLeaderboard", "Who earned most in a subtree", "Names masked; account ids only for those with `points.read` there.")),
    HttpApiEndpoint.get("getConfig", "/counties/:id/points/config", { params: nodeParams, success: ConfigView, error: PointsErrors })
      .annotateMerge(doc("getPointsConfig", "A county's earning rules and point policies", "For the county's staff (`county.config.read`).")),
    HttpApiEndpoint.put("configure", "/counties/:id/points/config", { params: nodeParams, payload: Schema.Struct({ config: PointsConfig, expectedVersion: Schema.optional(Schema.Int) }), success: ConfigView, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("setPointsConfig", "Replace a county's earning rules and point policies", "Needs `points.configure`.")),
    HttpApiEndpoint.post("expireHolds", "/points/jobs/expire-holds", { payload: Schema.Struct({}), success: Schema.Struct({ voided: Schema.Int }), error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("expireHolds", "Void the holds past their timeout", "A scheduled job; store-wide `points.configure`.")),
    HttpApiEndpoint.post("expirePoints", "/counties/:id/points/expire", { params: nodeParams, payload: Schema.Struct({}), success: ExpiryRun, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("expirePoints", "Expire points older than the county's expiry, oldest first")),
    HttpApiEndpoint.get("verify", "/points/verify", { success: VerifyReport, error: PointsErrors })
      .annotateMerge(doc("verifyLedger", "Recompute every balance from the transfers", "Store-wide `points.configure`."))
  )
  .middleware(Authentication)
  .annotateMerge(OpenApi.annotations({ title: "Points", description: "积分 · 低偿服务" })) {}

/**
 * The whole API. Serve it with `makeHandler` / `serve` / `layer`, call it with
 * `makeClient`, document it with `OpenApi.fromApi(MulinApi)`.
 *
 * @category api
 * @since 0.1.0
 */
export class MulinApi extends HttpApi.make("mulin")
  .add(CountiesGroup, NodesGroup, HouseholdsGroup, PeopleGroup, AssignmentsGroup, EventsGroup)
  .add(MediationGroup, PublicMediationGroup)
  .add(DeliberationGroup, PublicDeliberationGroup)
  .add(MatchingGroup, PublicMatchingGroup)
  .add(PointsGroup)
  .middleware(RequestValidation)
  .add(SystemGroup)
  .annotate(HttpApi.PayloadParseOptions, { errors: "all" })
  .annotate(HttpApi.QueryParseOptions, { errors: "all" })
  .annotate(HttpApi.ParamsParseOptions, { errors: "all" })
  // Problems no grid operation declares, listed so integrators see every problem type.
  .annotate(HttpApi.AdditionalSchemas, [InvalidTransitionProblem, RouteNotFoundProblem, UriTooLongProblem, RequestHeaderFieldsTooLargeProblem])
  .annotateMerge(OpenApi.annotations({
    title: "Mulin API (睦邻)",
    version: "0.1.0",
    description: "The grid context of Mulin: counties, grid nodes, households, people, role assignments and the event feed. " +
      "Every error is an RFC 9457 problem (application/problem+json) with a stable `type` and `code`, and `detail`/`detailZh`."
  })) {}
