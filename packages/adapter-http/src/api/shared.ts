/**
 * What the groups share: the error sets their endpoints declare, and the small helpers
 * that name an operation, mark a creation and read an id or a page.
 *
 * @since 0.4.0
 */
import { GridNodeId, PageLimit } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiSchema, OpenApi } from "effect/http-api"
import {
  ConflictProblem,
  ForbiddenProblem,
  InvalidInputProblem,
  InvalidTransitionProblem,
  NotFoundProblem,
  StorageErrorProblem
} from "../problems.js"

/**
 * The errors every grid use case may fail with (core's `GridError`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const GridErrors = [NotFoundProblem, ForbiddenProblem, ConflictProblem, InvalidInputProblem, StorageErrorProblem] as const

/**
 * The errors of a context with a lifecycle (mediation, deliberation, matching, points): the
 * grid's, and 409 `invalid_transition` for a command the state does not allow.
 *
 * @category schemas
 * @since 0.4.0
 */
export const LifecycleErrors = [...GridErrors, InvalidTransitionProblem] as const

/** The OpenAPI operation id, summary and (optional) description of an endpoint. */
export const doc = (identifier: string, summary: string, description?: string) =>
  OpenApi.annotations(description === undefined ? { identifier, summary } : { identifier, summary, description })

/** A success answered with 201 Created. */
export const created = <S extends Schema.Top>(schema: S) => schema.pipe(HttpApiSchema.status(201))

/** `{id}` in the path is a grid node (a county is its root node). */
export const nodeParams = { id: GridNodeId }

/** A page: `after` the previous page's `next`, at most `limit` items. */
export const pageQuery = { after: Schema.optional(Schema.String), limit: Schema.optional(PageLimit) }
