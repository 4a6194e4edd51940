/**
 * `/nodes`: the grid hierarchy and the queries over a subtree, and `/lookup/node`.
 *
 * @since 0.4.0
 */
import {
  ArchiveNode,
  ArchiveResult,
  Assignment,
  CalendarDate,
  CoverageReport,
  CreateNode,
  GridNode,
  HouseholdView,
  MoveNode,
  Page,
  PersonView,
  SubtreeSummary,
  UpdateNode
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The grid hierarchy: nodes and the queries over a subtree.
 *
 * @category api
 * @since 0.1.0
 */
export class NodesGroup extends HttpApiGroup.make("nodes")
  .add(
    HttpApiEndpoint.post("create", "/", { payload: CreateNode, success: created(GridNode), error: GridErrors })
      .annotateMerge(doc("createNode", "Create a node under a parent", "Needs `grid.node.write` on the parent.")),
    HttpApiEndpoint.patch("update", "/:id", { params: nodeParams, payload: UpdateNode, success: GridNode, error: GridErrors })
      .annotateMerge(doc("updateNode", "Rename or re-code a node", "Needs `grid.node.write`. `expectedVersion` guards against lost updates.")),
    HttpApiEndpoint.post("move", "/:id/move", { params: nodeParams, payload: MoveNode, success: GridNode, error: GridErrors })
      .annotateMerge(doc("moveNode", "Move a node with its subtree", "Needs `grid.node.write` on the node and on the new parent.")),
    HttpApiEndpoint.post("archive", "/:id/archive", { params: nodeParams, payload: ArchiveNode, success: ArchiveResult, error: GridErrors })
      .annotateMerge(doc("archiveNode", "Archive a node", "Needs `grid.node.write`. Refused while live children or households remain, unless `cascade`."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: nodeParams, success: GridNode, error: GridErrors })
      .annotateMerge(doc("getNode", "Get a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("ancestors", "/:id/ancestors", { params: nodeParams, success: Schema.Array(GridNode), error: GridErrors })
      .annotateMerge(doc("listAncestors", "List a node's ancestors the actor may read", "Root first. Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("children", "/:id/children", { params: nodeParams, query: pageQuery, success: Page(GridNode), error: GridErrors })
      .annotateMerge(doc("listChildren", "List a node's children, a page at a time", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("summary", "/:id/summary", { params: nodeParams, success: SubtreeSummary, error: GridErrors })
      .annotateMerge(doc("getSummary", "Count nodes, households and residents below a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("coverage", "/:id/coverage", {
      params: nodeParams,
      query: {
        date: Schema.optional(CalendarDate),
        limit: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 10_000 })))
      },
      success: CoverageReport,
      error: GridErrors
    }).annotateMerge(doc("getCoverage", "Report the units without building leader, party member or party organisation", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("households", "/:id/households", { params: nodeParams, query: pageQuery, success: Page(HouseholdView), error: GridErrors })
      .annotateMerge(doc("listHouseholds", "List the households below a node", "Needs `grid.household.read`; personal data is masked unless the actor has `grid.personal.read`.")),
    HttpApiEndpoint.get("people", "/:id/people", { params: nodeParams, query: pageQuery, success: Page(PersonView), error: GridErrors })
      .annotateMerge(doc("listPeople", "List the people registered below a node", "Needs `grid.tree.read`.")),
    HttpApiEndpoint.get("assignments", "/:id/assignments", { params: nodeParams, query: pageQuery, success: Page(Assignment), error: GridErrors })
      .annotateMerge(doc("listAssignments", "List the role assignments below a node", "Needs `grid.tree.read`."))
  )
  .prefix("/nodes")
  .add(
    HttpApiEndpoint.get("find", "/lookup/node", {
      query: { path: Schema.String.check(Schema.isPattern(/^[^/]+(\/[^/]+)*$/u, { message: "must be node codes joined by /, county code first, e.g. 370812/001/001/G01", messageZh: "必须是以 / 连接的节点代码，区县代码在前，例如 370812/001/001/G01" } as Schema.Annotations.Filter)) },
      success: GridNode,
      error: GridErrors
    }).annotateMerge(doc("findNode", "Find a node by its code path", "`path` is the node codes from the county down, e.g. `370812/001/001/G01`. Needs `grid.tree.read`."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Nodes", description: "网格节点" })) {}
