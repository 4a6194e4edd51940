/**
 * Building problem codecs and problem responses.
 *
 * @internal
 */
import { Schema, SchemaTransformation } from "effect"
import { HttpServerResponse } from "effect/http"
import { HttpApiSchema } from "effect/http-api"

/** The media type of problem responses. */
export const problemContentType = "application/problem+json" as const

interface Info<Code extends string, Status extends number, Type extends string> {
  readonly status: Status
  readonly code: Code
  readonly type: Type
  readonly title: string
}

interface Messages {
  readonly message: string
  readonly messageZh: string
}

/**
 * A codec whose type side is `error` (a schema-backed error class) and whose encoded side is
 * the problem body: the common members, `detail`/`detailZh` from the error's messages, and
 * the extension `fields`. It carries the status and the problem media type, so HttpApi
 * renders, documents and (in the client) decodes it as that problem.
 */
export const problemCodec = <
  S extends Schema.Top & { readonly Type: Messages },
  const Code extends string,
  const Status extends number,
  const Type extends string,
  const Fields extends Schema.Struct.Fields
>(
  error: S,
  tag: string,
  info: Info<Code, Status, Type>,
  fields: Fields,
  codec: {
    readonly encode: (error: S["Type"]) => Schema.Struct<Fields>["Type"]
    readonly decode: (wire: Schema.Struct<Fields>["Type"], messages: Messages) => S["Type"]
  }
) => {
  const wire = Schema.Struct({
    type: Schema.Literal(info.type),
    code: Schema.Literal(info.code),
    title: Schema.String,
    status: Schema.Literal(info.status),
    detail: Schema.String,
    detailZh: Schema.String,
    ...fields
  }).annotate({ identifier: `${tag}Problem` })
  return wire.pipe(
    Schema.decodeTo(
      Schema.toType(error),
      SchemaTransformation.transform({
        decode: (body: any) => codec.decode(body, { message: body.detail, messageZh: body.detailZh }),
        encode: (e: S["Type"]): any => ({
          type: info.type,
          code: info.code,
          title: info.title,
          status: info.status,
          detail: e.message,
          detailZh: e.messageZh,
          ...codec.encode(e)
        })
      })
    ),
    HttpApiSchema.asJson({ contentType: problemContentType }),
    HttpApiSchema.status(info.status)
  ).annotate({ identifier: `${tag}Problem`, description: `${info.title} (${info.code})` })
}

/** A problem response built by hand (outside an endpoint: unknown route, server fault). */
export const problemResponse = (
  info: { readonly status: number; readonly code: string; readonly type: string; readonly title: string },
  messages: Messages,
  extension: Record<string, unknown> = {}
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.jsonUnsafe(
    {
      type: info.type,
      code: info.code,
      title: info.title,
      status: info.status,
      detail: messages.message,
      detailZh: messages.messageZh,
      ...extension
    },
    { status: info.status, contentType: problemContentType }
  )
