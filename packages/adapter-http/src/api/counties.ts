/**
 * `/counties`: the roots of the grid trees.
 *
 * @since 0.4.0
 */
import { County, CreateCounty } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors, nodeParams } from "./shared.js"

/**
 * Counties: the roots of the grid trees, with their level templates.
 *
 * @category api
 * @since 0.1.0
 */
export class CountiesGroup extends HttpApiGroup.make("counties")
  .add(
    HttpApiEndpoint.post("create", "/", { payload: CreateCounty, success: created(County), error: GridErrors })
      .annotateMerge(doc("createCounty", "Create a county", "Creates a county and its root node. Needs `county.create` on the whole store."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("list", "/", { success: Schema.Array(County), error: GridErrors })
      .annotateMerge(doc("listCounties", "List the counties the actor can see")),
    HttpApiEndpoint.get("get", "/:id", { params: nodeParams, success: County, error: GridErrors })
      .annotateMerge(doc("getCounty", "Get a county", "Needs `grid.tree.read` on the county root."))
  )
  .prefix("/counties")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Counties", description: "区县与层级模板" })) {}
