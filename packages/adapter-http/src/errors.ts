/**
 * Errors that only exist at the HTTP edge: a missing token, a body that is not JSON, too big
 * or of the wrong media type, a path no route answers, a server fault. Like core's domain
 * errors they carry an English and a Chinese message, and they travel as
 * `application/problem+json` (see `problemTable`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * No credentials, or credentials the authenticator does not accept.
 *
 * @category errors
 * @since 0.1.0
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The request body is not well-formed JSON.
 *
 * @category errors
 * @since 0.1.0
 */
export class MalformedJson extends Schema.TaggedError<MalformedJson>()("MalformedJson", {
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The request body has a media type other than JSON.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnsupportedMediaType extends Schema.TaggedError<UnsupportedMediaType>()("UnsupportedMediaType", {
  /** The `content-type` the request carried. */
  contentType: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The request body is longer than the server accepts.
 *
 * @category errors
 * @since 0.1.0
 */
export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()("PayloadTooLarge", {
  /** The limit in bytes. */
  limit: Schema.Int,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The request URL is longer than the server accepts.
 *
 * @category errors
 * @since 0.4.0
 */
export class UriTooLong extends Schema.TaggedError<UriTooLong>()("UriTooLong", {
  /** The limit in bytes. */
  limit: Schema.Int,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * The request line and headers together are longer than the server can read (Node's
 * `maxHeaderSize`, 16 KiB by default).
 *
 * @category errors
 * @since 0.4.0
 */
export class RequestHeaderFieldsTooLarge extends Schema.TaggedError<RequestHeaderFieldsTooLarge>()("RequestHeaderFieldsTooLarge", {
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * No route answers this method and path.
 *
 * @category errors
 * @since 0.1.0
 */
export class RouteNotFound extends Schema.TaggedError<RouteNotFound>()("RouteNotFound", {
  method: Schema.String,
  path: Schema.String,
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * An unexpected fault on the server (a bug, a failed authenticator). The details are
 * logged, never sent.
 *
 * @category errors
 * @since 0.1.0
 */
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", {
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * {@link Unauthorized} for missing or for unrecognised credentials.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unauthorized = (reason: "missing" | "invalid"): Unauthorized =>
  reason === "missing"
    ? new Unauthorized({
      message: "missing credentials: send Authorization: Bearer <token>",
      messageZh: "缺少身份凭证：请发送 Authorization: Bearer <令牌>"
    })
    : new Unauthorized({ message: "the credentials are not valid", messageZh: "身份凭证无效" })

/**
 * {@link MalformedJson} with its bilingual message.
 *
 * @category constructors
 * @since 0.1.0
 */
export const malformedJson = (): MalformedJson =>
  new MalformedJson({ message: "the request body is not valid JSON", messageZh: "请求体不是合法的 JSON" })

/**
 * {@link MalformedJson} for a body whose bytes are not UTF-8.
 *
 * @category constructors
 * @since 0.4.0
 */
export const invalidUtf8 = (): MalformedJson =>
  new MalformedJson({
    message: "the request body is not valid UTF-8: JSON must be sent in UTF-8",
    messageZh: "请求体不是合法的 UTF-8 编码：JSON 必须以 UTF-8 发送"
  })

/**
 * {@link UnsupportedMediaType} for JSON declared in a charset other than UTF-8.
 *
 * @category constructors
 * @since 0.4.0
 */
export const unsupportedCharset = (contentType: string, charset: string): UnsupportedMediaType =>
  new UnsupportedMediaType({
    contentType,
    message: `charset ${charset} is not supported: send application/json in UTF-8 (charset=utf-8 or no charset)`,
    messageZh: `不支持字符集 ${charset}：请以 UTF-8 发送 application/json（charset=utf-8 或不写字符集）`
  })

/**
 * {@link UriTooLong} naming the limit in bytes.
 *
 * @category constructors
 * @since 0.4.0
 */
export const uriTooLong = (limit: number): UriTooLong =>
  new UriTooLong({
    limit,
    message: `the request URL is longer than ${limit} bytes`,
    messageZh: `请求地址超过 ${limit} 字节的上限`
  })

/**
 * {@link RequestHeaderFieldsTooLarge} with its bilingual message.
 *
 * @category constructors
 * @since 0.4.0
 */
export const requestHeaderFieldsTooLarge = (): RequestHeaderFieldsTooLarge =>
  new RequestHeaderFieldsTooLarge({
    message: "the request line and headers are too large: shorten the URL or the headers",
    messageZh: "请求行和请求头过大：请缩短地址或请求头"
  })

/**
 * {@link UnsupportedMediaType} naming the media type that was sent.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unsupportedMediaType = (contentType: string): UnsupportedMediaType =>
  new UnsupportedMediaType({
    contentType,
    message: `content type ${contentType} is not supported: send application/json`,
    messageZh: `不支持的内容类型 ${contentType}：请发送 application/json`
  })

/**
 * {@link PayloadTooLarge} naming the limit in bytes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const payloadTooLarge = (limit: number): PayloadTooLarge =>
  new PayloadTooLarge({
    limit,
    message: `the request body is larger than ${limit} bytes`,
    messageZh: `请求体超过 ${limit} 字节的上限`
  })

/**
 * {@link RouteNotFound} naming the method and path.
 *
 * @category constructors
 * @since 0.1.0
 */
export const routeNotFound = (method: string, path: string): RouteNotFound =>
  new RouteNotFound({
    method,
    path,
    message: `no route for ${method} ${path}`,
    messageZh: `没有与 ${method} ${path} 对应的接口`
  })

/**
 * {@link InternalError} with a message that reveals nothing of the cause.
 *
 * @category constructors
 * @since 0.1.0
 */
export const internalError = (): InternalError =>
  new InternalError({ message: "the server failed unexpectedly; the error has been logged", messageZh: "服务器内部错误，已记录" })
