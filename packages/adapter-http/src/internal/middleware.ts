/**
 * Middleware implementations: authentication, the body guard, request validation and the
 * router-wide safety net that turns whatever is left (unknown routes, defects, empty error
 * responses) into problems.
 *
 * @internal
 */
import { type FieldIssue, fromSchemaError, Identity, invalidInput } from "@mulin/core"
import { ByteSize, Cause, Effect, Layer, Option, Redacted, type Schema, SchemaAST, type Types } from "effect"
import {
  HttpIncomingMessage,
  HttpRouter,
  HttpServerError,
  HttpServerRequest,
  HttpServerResponse
} from "effect/http"
import { type HttpApiEndpoint, HttpApiError } from "effect/http-api"
import { Authentication, BodyGuard, CurrentActor, RequestValidation } from "../api.js"
import { type Authenticator, type AuthRequest, runAuthenticator } from "../auth.js"
import {
  internalError,
  invalidUtf8,
  malformedJson,
  payloadTooLarge,
  requestHeaderFieldsTooLarge,
  routeNotFound,
  type Unauthorized,
  unauthorized,
  unsupportedCharset,
  unsupportedMediaType,
  uriTooLong
} from "../errors.js"
import { problemTable } from "../problems.js"
import { problemContentType, problemResponse } from "./problem.js"

/** The default body limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** The default URL limit: 8 KiB, below Node's 16 KiB for the request line and headers. */
export const DEFAULT_MAX_URL_BYTES = 8 * 1024

/**
 * What an authenticator sees of a request: the URL and the headers are built only when it
 * reads them. A class, so that its getters live once on the prototype: an object literal with
 * getters closing over the request would make V8 give each request's object a hidden class of
 * its own, in the old generation, which keeps the request alive through every young
 * collection until the next full one.
 */
class SeenRequest implements AuthRequest {
  readonly method: string
  constructor(private readonly request: HttpServerRequest.HttpServerRequest, readonly token: string | undefined) {
    this.method = request.method
  }
  get url(): string {
    return this.request.originalUrl
  }
  get headers(): AuthRequest["headers"] {
    return this.request.headers
  }
}

export const authenticationLayer = (authenticate: Authenticator): Layer.Layer<Authentication, never, Identity> =>
  Layer.effect(Authentication, Effect.gen(function*() {
    const identity = yield* Identity
    return Authentication.of({
      bearer: (httpEffect, { credential }) =>
        Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
          const raw = Redacted.value(credential)
          const token = raw === "" ? undefined : raw
          const seen = new SeenRequest(request, token)
          const refused = Effect.suspend(() => Effect.fail(unauthorized(token === undefined ? "missing" : "invalid")))
          return Effect.flatMap(runAuthenticator(authenticate, seen), (principal): Effect.Effect<HttpServerResponse.HttpServerResponse, Types.unhandled | Unauthorized> => {
            if (principal === undefined) return refused
            // The actor is derived now, from the person's current posts: an ended post grants nothing.
            return Effect.flatMap(Effect.orDie(identity.resolve(principal)), (actor): Effect.Effect<HttpServerResponse.HttpServerResponse, Types.unhandled | Unauthorized> =>
              Option.isNone(actor) ? refused : Effect.provideService(httpEffect, CurrentActor, actor.value))
          })
        })
    })
  }))

interface MediaType {
  readonly type: string
  readonly charset: string | undefined
}

/** `type/subtype` lower-cased and the `charset` parameter (unquoted, lower-cased), if any. */
const parseMediaType = (contentType: string): MediaType => {
  const [type = "", ...parameters] = contentType.split(";")
  let charset: string | undefined
  for (const parameter of parameters) {
    const eq = parameter.indexOf("=")
    if (eq === -1) continue
    if (parameter.slice(0, eq).trim().toLowerCase() !== "charset") continue
    charset = parameter.slice(eq + 1).trim().replace(/^"(.*)"$/u, "$1").toLowerCase()
  }
  return { type: type.trim().toLowerCase(), charset }
}

const isBodyTooLarge = (error: HttpServerError.HttpServerError): boolean =>
  error.reason._tag === "RequestParseError" && error.reason.reason === "BodyTooLarge"

const utf8 = new TextDecoder("utf-8", { fatal: true })
const emptyObject = new TextEncoder().encode("{}")

/**
 * The request with `{}` as its body: an empty body reads as an empty object, so body-less
 * commands (a claim, a job run) take no body, and commands with required fields name them.
 */
const withEmptyObjectBody = (request: HttpServerRequest.HttpServerRequest): HttpServerRequest.HttpServerRequest =>
  Object.create(request, {
    arrayBuffer: { value: Effect.succeed(emptyObject.buffer.slice(0)) },
    text: { value: Effect.succeed("{}") },
    json: { value: Effect.succeed({}) }
  }) as HttpServerRequest.HttpServerRequest

/**
 * Checks the media type, its charset and the size of the body, reads it (at most
 * `maxBodyBytes`; the request caches it for the payload decoder), and checks that it is
 * UTF-8 and JSON. An empty body reads as `{}`.
 */
export const bodyGuardLayer = (maxBodyBytes: number): Layer.Layer<BodyGuard> =>
  // One generator function for every request (`fnUntraced`), not one made per request.
  Layer.succeed(BodyGuard, Effect.fnUntraced(function*(httpEffect) {
    const request = yield* HttpServerRequest.HttpServerRequest
    const contentType = request.headers["content-type"]
    if (contentType !== undefined) {
      const media = parseMediaType(contentType)
      if (media.type !== "application/json") return yield* Effect.fail(unsupportedMediaType(contentType))
      if (media.charset !== undefined && media.charset !== "utf-8" && media.charset !== "utf8") {
        return yield* Effect.fail(unsupportedCharset(contentType, media.charset))
      }
    }
    const declared = request.headers["content-length"]
    if (declared !== undefined && /^\d+$/u.test(declared) && Number(declared) > maxBodyBytes) {
      return yield* Effect.fail(payloadTooLarge(maxBodyBytes))
    }
    const bytes = yield* request.arrayBuffer.pipe(
      Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(maxBodyBytes)),
      Effect.catch((error) => Effect.fail(isBodyTooLarge(error) ? payloadTooLarge(maxBodyBytes) : malformedJson()))
    )
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      return yield* Effect.fail(invalidUtf8())
    }
    if (text.trim() === "") {
      return yield* Effect.provideService(httpEffect, HttpServerRequest.HttpServerRequest, withEmptyObjectBody(request))
    }
    try {
      JSON.parse(text)
    } catch {
      return yield* Effect.fail(malformedJson())
    }
    return yield* httpEffect
  }))

// ---------------------------------------------------------------------------
// Integers in the query and the path

/** An integer as written in a URL: digits, an optional minus sign, nothing else. */
const INTEGER = /^-?[0-9]+$/u

const integerRule: Omit<FieldIssue, "path"> = {
  message: "must be an integer written in digits only, e.g. 50 (no +, decimal point, exponent or spaces)",
  messageZh: "必须是只用数字书写的整数，例如 50（不能带 +、小数点、指数或空格）"
}

const isIntCheck = (check: SchemaAST.Check<unknown>): boolean =>
  check.annotations?.["representation"] !== undefined &&
    (check.annotations["representation"] as { readonly id?: unknown }).id === "effect/schema/isInt" ||
  (check._tag === "FilterGroup" && check.checks.some(isIntCheck))

const isIntegerType = (ast: SchemaAST.AST): boolean => {
  const type = SchemaAST.toType(ast)
  if (type._tag === "Union") return type.types.some(isIntegerType)
  return type._tag === "Number" && (type.checks ?? []).some(isIntCheck)
}

/** The names of a params or query schema's integer fields. */
const integerFields = (schema: Schema.Top | undefined): ReadonlyArray<string> => {
  if (schema === undefined) return []
  const type = SchemaAST.toType(schema.ast)
  if (type._tag !== "Objects") return []
  return type.propertySignatures.filter((ps) => isIntegerType(ps.type)).map((ps) => String(ps.name))
}

const integersOf = new WeakMap<HttpApiEndpoint.Top, { readonly query: ReadonlyArray<string>; readonly params: ReadonlyArray<string> }>()
const integersOfEndpoint = (endpoint: HttpApiEndpoint.Top) => {
  let found = integersOf.get(endpoint)
  if (found === undefined) {
    found = { query: integerFields(endpoint.query as Schema.Top | undefined), params: integerFields(endpoint.params as Schema.Top | undefined) }
    integersOf.set(endpoint, found)
  }
  return found
}

/** A value that no number schema decodes, put in place of an integer written otherwise. */
const NOT_AN_INTEGER = "not an integer"

/**
 * Replaces the values of integer fields that are not written as integers (`5.0`, `1e2`,
 * `+5`, ` 5`) with a value that fails to decode, and returns the fields it replaced. The
 * endpoint then decodes as usual, after authentication, and the failure names the field.
 */
const strictIntegers = <V extends string | ReadonlyArray<string> | undefined>(
  values: Readonly<Record<string, V>>,
  fields: ReadonlyArray<string>
): { readonly values: Readonly<Record<string, V | string>>; readonly replaced: ReadonlyArray<string> } => {
  const replaced = fields.filter((field) => {
    const value = values[field]
    if (value === undefined) return false
    return typeof value === "string" ? !INTEGER.test(value) : (value as ReadonlyArray<string>).some((v) => !INTEGER.test(v))
  })
  if (replaced.length === 0) return { values, replaced }
  const copy: Record<string, V | string> = { ...values }
  for (const field of replaced) copy[field] = NOT_AN_INTEGER
  return { values: copy, replaced }
}

/**
 * Request decoding failures become core's `InvalidInput` with one issue per field, paths
 * prefixed by the slot (`payload.residents.0.phone`, `params.id`, `query.limit`). Integers in
 * the query and the path must be written as integers: `5.0`, `1e2`, `+5` and ` 5` are
 * refused with the rule. Response encoding failures are server bugs: they stay defects
 * (500 `internal_error`).
 */
const validate = (
  httpEffect: Effect.Effect<HttpServerResponse.HttpServerResponse, unknown>,
  { endpoint }: { readonly endpoint: HttpApiEndpoint.Top }
): Effect.Effect<HttpServerResponse.HttpServerResponse, unknown, HttpServerRequest.ParsedSearchParams | HttpRouter.RouteContext> =>
    Effect.suspend(() => {
      const integers = integersOfEndpoint(endpoint)
      // Most endpoints have no integer in their path or query: only the failures to map.
      if (integers.query.length === 0 && integers.params.length === 0) return Effect.catch(httpEffect, (error) => invalidOf(error, noneReplaced))
      return strictly(httpEffect, integers)
    })

const noneReplaced: ReadonlySet<string> = new Set()

/** A decoding failure of the path, the query or the headers as `InvalidInput`; anything else as it is. */
const invalidOf = (error: unknown, replaced: ReadonlySet<string>) => {
  if (!HttpApiError.HttpApiSchemaError.is(error) || error.kind === "Body" || error.kind === "ResponseHeaders") return Effect.fail(error)
  const invalid = fromSchemaError(error.cause, [error.kind.toLowerCase()])
  if (replaced.size === 0) return Effect.fail(invalid)
  const issues = invalid.issues.map((issue) => replaced.has(issue.path) ? { path: issue.path, ...integerRule } : issue)
  return Effect.fail(invalidInput(issues))
}

// One generator function for every request (`fnUntraced`), not one made per request.
const strictly: (
  httpEffect: Effect.Effect<HttpServerResponse.HttpServerResponse, unknown>,
  integers: { readonly query: ReadonlyArray<string>; readonly params: ReadonlyArray<string> }
) => Effect.Effect<HttpServerResponse.HttpServerResponse, unknown, HttpServerRequest.ParsedSearchParams | HttpRouter.RouteContext> =
  Effect.fnUntraced(function*(httpEffect, integers) {
    let effect = httpEffect
    const replaced = new Set<string>()
    if (integers.query.length > 0) {
      const query = yield* HttpServerRequest.ParsedSearchParams
      const strict = strictIntegers(query, integers.query)
      if (strict.replaced.length > 0) {
        for (const field of strict.replaced) replaced.add(`query.${field}`)
        effect = Effect.provideService(effect, HttpServerRequest.ParsedSearchParams, strict.values as typeof query)
      }
    }
    if (integers.params.length > 0) {
      const route = yield* HttpRouter.RouteContext
      const strict = strictIntegers(route.params, integers.params)
      if (strict.replaced.length > 0) {
        for (const field of strict.replaced) replaced.add(`params.${field}`)
        effect = Effect.provideService(effect, HttpRouter.RouteContext, { ...route, params: strict.values })
      }
    }
    return yield* Effect.catch(effect, (error) => invalidOf(error, replaced))
  })

/**
 * Request decoding failures become core's `InvalidInput` (see `validate`); integers in the
 * query and the path must be written as integers.
 */
export const requestValidationLayer: Layer.Layer<RequestValidation> = Layer.succeed(
  RequestValidation,
  validate as unknown as RequestValidation["Service"]
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
    case 414:
      return problemResponse(problemTable.UriTooLong, { message: "the request URL is too long", messageZh: "请求地址过长" })
    case 431:
      return problemResponse(problemTable.RequestHeaderFieldsTooLarge, requestHeaderFieldsTooLarge())
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

/** The realm of the `WWW-Authenticate` challenge. */
const REALM = "mulin"

/**
 * The RFC 6750 challenge of a 401: `Bearer realm="mulin"`, and `error="invalid_token"` when
 * the request carried a bearer token that was not accepted.
 */
const challengeOf = (authorization: string | undefined): string =>
  authorization !== undefined && /^bearer\s+\S/iu.test(authorization)
    ? `Bearer realm="${REALM}", error="invalid_token", error_description="the access token is not valid, has expired or signs in nobody"`
    : `Bearer realm="${REALM}"`

/**
 * The router-wide net: a URL longer than `maxUrlBytes` answers 414 `uri_too_long`, an
 * unknown route 404 `route_not_found`, a defect 500 `internal_error` (logged); any error
 * response that is not already a problem is replaced by one, so no error ever leaves with an
 * empty or non-problem body; a 401 carries its `WWW-Authenticate` challenge.
 */
export const problemNetLayer = (maxUrlBytes: number) =>
  HttpRouter.middleware((httpEffect) =>
    Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
      if (request.url.length > maxUrlBytes) {
        return Effect.succeed(problemResponse(problemTable.UriTooLong, uriTooLong(maxUrlBytes), { limit: maxUrlBytes }))
      }
      return httpEffect.pipe(
        Effect.catchCause((cause) => {
          if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
          const error = Cause.findErrorOption(cause)
          if (
            Option.isSome(error) && HttpServerError.isHttpServerError(error.value) &&
            error.value.reason._tag === "RouteNotFound"
          ) {
            const path = pathOf(request.url)
            return Effect.succeed(problemResponse(problemTable.RouteNotFound, routeNotFound(request.method, path), {
              method: request.method,
              path
            }))
          }
          return Effect.as(
            Effect.logError("@mulin/adapter-http: unexpected failure", cause),
            problemResponse(problemTable.InternalError, internalError())
          )
        }),
        Effect.map((answer) => {
          let response = answer
          if (response.status >= 400) {
            const contentType = contentTypeOf(response)
            if (contentType === undefined || !contentType.toLowerCase().startsWith(problemContentType)) {
              response = fallbackProblem(response.status, request.method, pathOf(request.url))
            }
          }
          if (response.status === 401) {
            response = HttpServerResponse.setHeader(response, "www-authenticate", challengeOf(request.headers["authorization"]))
          }
          return response
        })
      )
    }), { global: true })
