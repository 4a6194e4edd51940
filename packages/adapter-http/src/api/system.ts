/**
 * `/healthz` and `/me`: liveness, and who the caller is.
 *
 * @since 0.4.0
 */
import { Actor } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { InternalErrorProblem } from "../problems.js"
import { Authentication } from "./middleware.js"
import { doc } from "./shared.js"

/**
 * The body of `GET /healthz`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Health = Schema.Struct({ ok: Schema.Boolean })

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
    HttpApiEndpoint.get("me", "/me", { success: WhoAmI, error: InternalErrorProblem })
      .annotateMerge(doc(
        "whoAmI",
        "Who the token signs in",
        "The person the credentials sign in and their grants, derived from their current posts on this request. An ended post grants nothing from the next request on."
      ))
  )
  .middleware(Authentication)
  .add(
    HttpApiEndpoint.get("health", "/healthz", { success: Health, error: InternalErrorProblem })
      .annotateMerge(doc("health", "Liveness check"))
  )
  .annotateMerge(OpenApi.annotations({ title: "System" })) {}
