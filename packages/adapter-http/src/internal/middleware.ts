/**
 * Middleware implementations: authentication, the body guard, request validation and the
 * router-wide safety net that turns whatever is left (unknown routes, defects, empty error
 * responses) into problems.
 *
 * @internal
 */
import { fromSchemaError, Identity } from "@mulin/core"
import { ByteSize, Cause, Effect, Layer, Option, Redacted } from "effect"
import {
  HttpIncomingMessage,
  HttpRouter,
  HttpServerError,
  HttpServerRequest,
  type HttpServerResponse
} from "effect/http"
import { HttpApiMiddleware } from "effect/http-api"
import { Authentication, BodyGuard, CurrentActor, RequestValidation } from "../api.js"
import { type Authenticator, runAuthenticator } from "../auth.js"
import {
  internalError,
  malformedJson,
  payloadTooLarge,
  routeNotFound,
  unauthorized,
  unsupportedMediaType
} from "../errors.js"
import { problemTable } from "../problems.js"
import { problemContentType, problemResponse } from "./problem.js"

/** The default body limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

export const authenticationLayer = (authenticate: Authenticator): Layer.Layer<Authentication, never, Identity> =>
  Layer.effect(Authentication, Effect.gen(function*() {
    const identity = yield* Identity
    return Authentication.of({
      bearer: (httpEffect, { credential }) =>
        Effect.gen(function*() {
          const request = yield* HttpServerRequest.HttpServerRequest
          const raw = Redacted.value(credential)
          const token = raw === "" ? undefined : raw
          const principal = yield* runAuthenticator(authenticate, {
            method: request.method,
            url: request.originalUrl,
            headers: request.headers,
            token
          })
          // The actor is derived now, from the person's current posts: an ended post grants nothing.
          const actor = principal === undefined ? Option.none() : yield* Effect.orDie(identity.resolve(principal))
          if (Option.isNone(actor)) return yield* Effect.fail(unauthorized(token === undefined ? "missing" : "invalid"))
          return yield* Effect.provideService(httpEffect, CurrentActor, actor.value)
        })
    })
  }))

const isJsonMediaType = (contentType: string): boolean => {
  const semi = contentType.indexOf(";")
  const mediaType = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase()
  return mediaType === "application/json"
}

const isBodyTooLarge = (error: HttpServerError.HttpServerError): boolean =>
  error.reason._tag === "RequestParseError" && error.reason.reason === "BodyTooLarge"

/**
 * Checks the media type and the size of the body, reads it (at most `maxBodyBytes`, the
 * request caches it for the payload decoder) and checks that it is JSON.
 */
export const bodyGuardLayer = (maxBodyBytes: number): Layer.Layer<BodyGuard> =>
  Layer.succeed(BodyGuard, (httpEffect) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const contentType = request.headers["content-type"]
      if (contentType !== undefined && !isJsonMediaType(contentType)) {
        return yield* Effect.fail(unsupportedMediaType(contentType))
      }
      const declared = request.headers["content-length"]
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBodyBytes) {
        return yield* Effect.fail(payloadTooLarge(maxBodyBytes))
      }
      const text = yield* request.text.pipe(
        Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(maxBodyBytes)),
        Effect.catch((error) => Effect.fail(isBodyTooLarge(error) ? payloadTooLarge(maxBodyBytes) : malformedJson()))
      )
      if (text.trim() !== "") {
        try {
          JSON.parse(text)
        } catch {
          return yield* Effect.fail(malformedJson())
        }
      }
      return yield* httpEffect
    }))

/**
 * Request decoding failures become core's `InvalidInput` with one issue per field, paths
 * prefixed by the slot (`payload.residents.0.phone`, `params.id`, `query.limit`). Response
 * encoding failures are server bugs: they stay defects (500 `internal_error`).
 */
export const requestValidationLayer: Layer.Layer<RequestValidation> = HttpApiMiddleware.layerSchemaErrorTransform(
  RequestValidation,
  (error) =>
    error.kind === "Body" || error.kind === "ResponseHeaders"
      ? Effect.fail(error)
      : Effect.fail(fromSchemaError(error.cause, [error.kind.toLowerCase()]))
)

const contentTypeOf = (response: HttpServerResponse.HttpServerResponse): string | undefined =>
  response.headers["content-type"] ?? ("contentType" in response.body ? response.body.contentType : undefined)

const fallbackProblem = (status: number, method: string, path: string): HttpServerResponse.HttpServerResponse => {
  switch (status) {
    case 401:
      return problemResponse(problemTable.Unauthorized, unauthorized("missing"))
    case 404:
      return problemResponse(problemTable.RouteNotFound, routeNotFound(method, path), { method, path })
    case 413:
      return problemResponse(problemTable.PayloadTooLarge, {
        message: "the request body is too large",
        messageZh: "请求体过大"
      })
    case 415:
      return problemResponse(problemTable.UnsupportedMediaType, {
        message: "the content type is not supported: send application/json",
        messageZh: "不支持的内容类型：请发送 application/json"
      })
  }
  if (status >= 500) return problemResponse(problemTable.InternalError, internalError())
  return problemResponse(
    { status, code: "bad_request", type: "urn:mulin:problem:bad-request", title: "Bad request" },
    { message: `the request was refused (HTTP ${status})`, messageZh: `请求被拒绝（HTTP ${status}）` }
  )
}

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  return q === -1 ? url : url.slice(0, q)
}

/**
 * The router-wide net: an unknown route answers 404 `route_not_found`, a defect 500
 * `internal_error` (logged), and any error response that is not already a problem is
 * replaced by one, so no error ever leaves with an empty or non-problem body.
 */
export const problemNetLayer = HttpRouter.middleware((httpEffect) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const path = pathOf(request.url)
    const response = yield* httpEffect.pipe(
      Effect.catchCause((cause) => {
        if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
        const error = Cause.findErrorOption(cause)
        if (
          Option.isSome(error) && HttpServerError.isHttpServerError(error.value) &&
          error.value.reason._tag === "RouteNotFound"
        ) {
          return Effect.succeed(problemResponse(problemTable.RouteNotFound, routeNotFound(request.method, path), {
            method: request.method,
            path
          }))
        }
        return Effect.as(
          Effect.logError("@mulin/adapter-http: unexpected failure", cause),
          problemResponse(problemTable.InternalError, internalError())
        )
      })
    )
    if (response.status < 400) return response
    const contentType = contentTypeOf(response)
    if (contentType !== undefined && contentType.toLowerCase().startsWith(problemContentType)) return response
    return fallbackProblem(response.status, request.method, path)
  }), { global: true })
