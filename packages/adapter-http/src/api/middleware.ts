/**
 * The middleware every group declares: who the caller is, the guard on request bodies and
 * the validation of request parts. Only their declarations live here (the client needs
 * them too); the server's implementations are in `internal/middleware.ts`.
 *
 * @since 0.4.0
 */
import { Actor } from "@mulin/core"
import { Context } from "effect"
import { HttpApiMiddleware, HttpApiSecurity } from "effect/http-api"
import {
  InternalErrorProblem,
  InvalidInputProblem,
  MalformedJsonProblem,
  PayloadTooLargeProblem,
  UnauthorizedProblem,
  UnsupportedMediaTypeProblem
} from "../problems.js"

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
