/**
 * Every error the HTTP API answers is an RFC 9457 problem (`application/problem+json`):
 *
 * ```json
 * { "type": "urn:mulin:problem:not-found", "code": "not_found", "title": "Not found",
 *   "status": 404, "detail": "grid node node_01… was not found", "detailZh": "未找到网格节点 node_01…",
 *   "entity": "grid node", "id": "node_01…" }
 * ```
 *
 * `type` and `code` are stable: match on them, not on the text. Validation problems add
 * `errors: [{ path, message, messageZh }]`, one per invalid field.
 *
 * {@link problemTable} is the one place where an error tag gets its HTTP status. Core errors
 * (`NotFound`, `Forbidden`, …) stay transport-neutral; the schemas below give each of them
 * its problem encoding, and the typed client decodes a problem back into the same error class.
 *
 * @since 0.1.0
 */
import {
  Conflict,
  FieldIssue,
  Forbidden,
  InvalidInput,
  InvalidTransition,
  NotFound,
  StorageError
} from "@mulin/core"
import { Schema } from "effect"
import {
  InternalError,
  MalformedJson,
  PayloadTooLarge,
  RequestHeaderFieldsTooLarge,
  RouteNotFound,
  Unauthorized,
  UnsupportedMediaType,
  UriTooLong
} from "./errors.js"
import { problemCodec, problemContentType } from "./internal/problem.js"

/**
 * The media type of every error response.
 *
 * @category models
 * @since 0.1.0
 */
export const PROBLEM_CONTENT_TYPE: "application/problem+json" = problemContentType

/**
 * What one error tag becomes on the wire.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProblemInfo {
  /** The HTTP status. */
  readonly status: number
  /** Stable snake_case code, e.g. `not_found`. */
  readonly code: string
  /** Stable problem type URN, e.g. `urn:mulin:problem:not-found`. */
  readonly type: string
  /** Short English summary of the problem type. */
  readonly title: string
  /** Short Chinese summary of the problem type. */
  readonly titleZh: string
}

const info = <const Code extends string, const Status extends number>(
  status: Status,
  code: Code,
  title: string,
  titleZh: string
) => ({ status, code, type: `urn:mulin:problem:${code.replaceAll("_", "-")}` as const, title, titleZh })

/**
 * The status table: error tag → HTTP status, code and problem type. The only place in
 * Mulin where HTTP statuses are decided.
 *
 * | tag | status | code |
 * |---|---|---|
 * | `MalformedJson` | 400 | `malformed_json` |
 * | `Unauthorized` | 401 | `unauthorized` |
 * | `Forbidden` | 403 | `forbidden` |
 * | `NotFound` | 404 | `not_found` |
 * | `RouteNotFound` | 404 | `route_not_found` |
 * | `Conflict` | 409 | `conflict` |
 * | `InvalidTransition` | 409 | `invalid_transition` |
 * | `PayloadTooLarge` | 413 | `payload_too_large` |
 * | `UriTooLong` | 414 | `uri_too_long` |
 * | `UnsupportedMediaType` | 415 | `unsupported_media_type` |
 * | `InvalidInput` | 422 | `invalid_input` |
 * | `RequestHeaderFieldsTooLarge` | 431 | `request_header_fields_too_large` |
 * | `StorageError` | 500 | `storage_error` |
 * | `InternalError` | 500 | `internal_error` |
 *
 * `InvalidInput` is 422 whether a schema rejected the request (body, path or query) or a
 * use case rejected a value: the request was well-formed but its content breaks a rule.
 * 400 is kept for a body that is not JSON at all (or not UTF-8).
 *
 * @category models
 * @since 0.1.0
 */
export const problemTable = {
  MalformedJson: info(400, "malformed_json", "Malformed JSON", "JSON 格式错误"),
  Unauthorized: info(401, "unauthorized", "Unauthorized", "未认证"),
  Forbidden: info(403, "forbidden", "Forbidden", "无权操作"),
  NotFound: info(404, "not_found", "Not found", "未找到"),
  RouteNotFound: info(404, "route_not_found", "Route not found", "接口不存在"),
  Conflict: info(409, "conflict", "Conflict", "冲突"),
  InvalidTransition: info(409, "invalid_transition", "Invalid transition", "当前状态不允许此操作"),
  PayloadTooLarge: info(413, "payload_too_large", "Payload too large", "请求体过大"),
  UriTooLong: info(414, "uri_too_long", "URI too long", "请求地址过长"),
  UnsupportedMediaType: info(415, "unsupported_media_type", "Unsupported media type", "不支持的内容类型"),
  InvalidInput: info(422, "invalid_input", "Invalid input", "输入无效"),
  RequestHeaderFieldsTooLarge: info(431, "request_header_fields_too_large", "Request header fields too large", "请求头过大"),
  StorageError: info(500, "storage_error", "Storage error", "存储错误"),
  InternalError: info(500, "internal_error", "Internal error", "服务器内部错误")
} as const satisfies Record<string, ProblemInfo>

/**
 * Every error tag the HTTP API can answer with.
 *
 * @category models
 * @since 0.1.0
 */
export type ProblemTag = keyof typeof problemTable

/**
 * The body of any problem response, for clients that do not use the typed client. Extension
 * members (`entity`, `reason`, …) are kept.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Problem = Schema.StructWithRest(
  Schema.Struct({
    type: Schema.String,
    code: Schema.String,
    title: Schema.String,
    status: Schema.Int,
    detail: Schema.String,
    detailZh: Schema.String,
    errors: Schema.optionalKey(Schema.Array(FieldIssue))
  }),
  [Schema.Record(Schema.String, Schema.Unknown)]
)
/** @category models @since 0.1.0 */
export type Problem = typeof Problem.Type

/** Core's `NotFound` as a 404 problem with `entity` and `id`. @category schemas @since 0.1.0 */
export const NotFoundProblem = problemCodec(NotFound, "NotFound", problemTable.NotFound, { entity: Schema.String, id: Schema.String }, {
  encode: (e) => ({ entity: e.entity, id: e.id }),
  decode: (w, m) => new NotFound({ entity: w.entity, id: w.id, ...m })
})

/** Core's `Forbidden` as a 403 problem with the refused `action`. @category schemas @since 0.1.0 */
export const ForbiddenProblem = problemCodec(Forbidden, "Forbidden", problemTable.Forbidden, { action: Schema.String }, {
  encode: (e) => ({ action: e.action }),
  decode: (w, m) => new Forbidden({ action: w.action, ...m })
})

/** Core's `Conflict` as a 409 problem with its stable `reason` (e.g. `version_mismatch`). @category schemas @since 0.1.0 */
export const ConflictProblem = problemCodec(Conflict, "Conflict", problemTable.Conflict, { reason: Schema.String }, {
  encode: (e) => ({ reason: e.reason }),
  decode: (w, m) => new Conflict({ reason: w.reason, ...m })
})

/** Core's `InvalidInput` as a 422 problem whose `errors` name every invalid field. @category schemas @since 0.1.0 */
export const InvalidInputProblem = problemCodec(InvalidInput, "InvalidInput", problemTable.InvalidInput, { errors: Schema.Array(FieldIssue) }, {
  encode: (e) => ({ errors: e.issues }),
  decode: (w, m) => new InvalidInput({ issues: w.errors, ...m })
})

/** Core's `InvalidTransition` as a 409 problem. @category schemas @since 0.1.0 */
export const InvalidTransitionProblem = problemCodec(
  InvalidTransition,
  "InvalidTransition",
  problemTable.InvalidTransition,
  { entity: Schema.String, from: Schema.String, command: Schema.String },
  {
    encode: (e) => ({ entity: e.entity, from: e.from, command: e.command }),
    decode: (w, m) => new InvalidTransition({ entity: w.entity, from: w.from, command: w.command, ...m })
  }
)

/** Core's `StorageError` as a 500 problem. @category schemas @since 0.1.0 */
export const StorageErrorProblem = problemCodec(StorageError, "StorageError", problemTable.StorageError, {}, {
  encode: () => ({}),
  decode: (_, m) => new StorageError(m)
})

/** {@link Unauthorized} as a 401 problem. @category schemas @since 0.1.0 */
export const UnauthorizedProblem = problemCodec(Unauthorized, "Unauthorized", problemTable.Unauthorized, {}, {
  encode: () => ({}),
  decode: (_, m) => new Unauthorized(m)
})

/** {@link MalformedJson} as a 400 problem. @category schemas @since 0.1.0 */
export const MalformedJsonProblem = problemCodec(MalformedJson, "MalformedJson", problemTable.MalformedJson, {}, {
  encode: () => ({}),
  decode: (_, m) => new MalformedJson(m)
})

/** {@link UnsupportedMediaType} as a 415 problem. @category schemas @since 0.1.0 */
export const UnsupportedMediaTypeProblem = problemCodec(
  UnsupportedMediaType,
  "UnsupportedMediaType",
  problemTable.UnsupportedMediaType,
  { contentType: Schema.String },
  {
    encode: (e) => ({ contentType: e.contentType }),
    decode: (w, m) => new UnsupportedMediaType({ contentType: w.contentType, ...m })
  }
)

/** {@link PayloadTooLarge} as a 413 problem with the `limit` in bytes. @category schemas @since 0.1.0 */
export const PayloadTooLargeProblem = problemCodec(PayloadTooLarge, "PayloadTooLarge", problemTable.PayloadTooLarge, { limit: Schema.Int }, {
  encode: (e) => ({ limit: e.limit }),
  decode: (w, m) => new PayloadTooLarge({ limit: w.limit, ...m })
})

/** {@link UriTooLong} as a 414 problem with the `limit` in bytes. @category schemas @since 0.4.0 */
export const UriTooLongProblem = problemCodec(UriTooLong, "UriTooLong", problemTable.UriTooLong, { limit: Schema.Int }, {
  encode: (e) => ({ limit: e.limit }),
  decode: (w, m) => new UriTooLong({ limit: w.limit, ...m })
})

/** {@link RequestHeaderFieldsTooLarge} as a 431 problem. @category schemas @since 0.4.0 */
export const RequestHeaderFieldsTooLargeProblem = problemCodec(
  RequestHeaderFieldsTooLarge,
  "RequestHeaderFieldsTooLarge",
  problemTable.RequestHeaderFieldsTooLarge,
  {},
  { encode: () => ({}), decode: (_, m) => new RequestHeaderFieldsTooLarge(m) }
)

/** {@link RouteNotFound} as a 404 problem. @category schemas @since 0.1.0 */
export const RouteNotFoundProblem = problemCodec(
  RouteNotFound,
  "RouteNotFound",
  problemTable.RouteNotFound,
  { method: Schema.String, path: Schema.String },
  {
    encode: (e) => ({ method: e.method, path: e.path }),
    decode: (w, m) => new RouteNotFound({ method: w.method, path: w.path, ...m })
  }
)

/** {@link InternalError} as a 500 problem. @category schemas @since 0.1.0 */
export const InternalErrorProblem = problemCodec(InternalError, "InternalError", problemTable.InternalError, {}, {
  encode: () => ({}),
  decode: (_, m) => new InternalError(m)
})
