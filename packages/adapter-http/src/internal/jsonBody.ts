/**
 * The answer of a hot endpoint written straight to JSON, without a pass of the schema
 * encoder, when the success schema's encoded form is its type.
 *
 * HttpApi encodes a success by running the whole schema on it (every field through the
 * parser, every check again), then `JSON.stringify`. For a schema without encodings (plain
 * strings, numbers, booleans, literals, null, arrays and structs of them) that pass only
 * copies the schema's fields in the schema's order and drops the others. `jsonBody` makes
 * that copy once per answer and builds the same response: the same bytes, status and
 * content type. A schema it does not understand, or a value it does not expect (a missing
 * field, a number that is not finite), takes the ordinary path: the handler returns the
 * value itself and HttpApi encodes it.
 *
 * @internal
 */
import type { Schema, SchemaAST } from "effect"
import { HttpServerResponse } from "effect/http"

/** Thrown by a copy when the value is not what the schema describes. */
const UNEXPECTED = Symbol("unexpected")

type Copy = (value: unknown) => unknown

const same: Copy = (value) => value

const PRIMITIVE = new Set(["String", "Boolean", "Null", "Undefined", "Literal", "Enum", "TemplateLiteral"])

const primitive: Copy = (value) => {
  if (typeof value === "object" && value !== null) throw UNEXPECTED
  if (typeof value === "number" && !Number.isFinite(value)) throw UNEXPECTED
  return value
}

/** How to copy a value of `ast` into its encoded form, or `undefined` when it has encodings. */
const copyOf = (ast: SchemaAST.AST): Copy | undefined => {
  if (ast.encoding !== undefined) return undefined
  if (PRIMITIVE.has(ast._tag)) return same
  switch (ast._tag) {
    case "Number":
      // JSON has no NaN or Infinity: those take the schema's path.
      return (value) => {
        if (typeof value === "number" && !Number.isFinite(value)) throw UNEXPECTED
        return value
      }
    case "Arrays": {
      if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
      const item = copyOf(ast.rest[0]!)
      if (item === undefined) return undefined
      return (value) => {
        if (!Array.isArray(value)) throw UNEXPECTED
        return value.map(item)
      }
    }
    case "Objects": {
      if (ast.indexSignatures.length > 0) return undefined
      const fields: Array<readonly [PropertyKey, Copy, boolean]> = []
      for (const p of ast.propertySignatures) {
        const copy = copyOf(p.type)
        if (copy === undefined || typeof p.name !== "string") return undefined
        fields.push([p.name, copy, p.type.context?.isOptional === true])
      }
      return (value) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw UNEXPECTED
        const out: Record<PropertyKey, unknown> = {}
        for (const [name, copy, optional] of fields) {
          if (!(name in value)) {
            if (optional) continue
            throw UNEXPECTED
          }
          out[name] = copy((value as Record<PropertyKey, unknown>)[name])
        }
        return out
      }
    }
    case "Union": {
      // Primitives, and at most one struct or array (a nullable struct, a list or null).
      const others: Array<Copy> = []
      for (const member of ast.types) {
        if (member.encoding !== undefined) return undefined
        if (PRIMITIVE.has(member._tag) || member._tag === "Number") continue
        const copy = copyOf(member)
        if (copy === undefined) return undefined
        others.push(copy)
      }
      if (others.length === 0) return primitive
      if (others.length > 1) return undefined
      const other = others[0]!
      return (value) => (typeof value === "object" && value !== null ? other(value) : primitive(value))
    }
    default:
      return undefined
  }
}

/**
 * For the JSON success `schema` of an endpoint, answered with `status` (as the endpoint
 * declares it): turns a handler's value into the response HttpApi would send for it, or
 * returns the value for HttpApi to encode.
 *
 * @internal
 */
export const jsonBody = <S extends Schema.Top>(
  schema: S,
  status: 200 | 201 = 200
): (value: S["Type"]) => S["Type"] | HttpServerResponse.HttpServerResponse => {
  const copy = copyOf(schema.ast)
  if (copy === undefined) return (value) => value
  const contentType = "application/json"
  return (value) => {
    if (value === undefined) return value
    let body: string
    try {
      body = JSON.stringify(copy(value))
    } catch (error) {
      if (error === UNEXPECTED) return value
      throw error
    }
    return HttpServerResponse.text(body, { status, contentType })
  }
}

/** Whether `schema` has the quick path (for tests). @internal */
export const hasQuickPath = (schema: Schema.Top): boolean => copyOf(schema.ast) !== undefined
