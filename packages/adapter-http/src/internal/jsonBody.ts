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

const unexpected = (): never => {
  throw UNEXPECTED
}

/** A primitive or null: anything but an object, and no NaN or Infinity (JSON has neither). */
const primitive: Copy = (value) => {
  if (typeof value === "object" && value !== null) throw UNEXPECTED
  if (typeof value === "number" && !Number.isFinite(value)) throw UNEXPECTED
  return value
}

/** A number is copied as it is, but NaN and Infinity take the schema's path. */
const number: Copy = (value) => {
  if (typeof value === "number" && !Number.isFinite(value)) throw UNEXPECTED
  return value
}

const PRIMITIVE = new Set(["String", "Boolean", "Null", "Undefined", "Literal", "Enum", "TemplateLiteral"])

/**
 * The copy of a schema, compiled to JavaScript once per schema: one function per struct,
 * array and union, each reading its fields by name in the schema's order. An interpreter
 * walking a field list calls a different closure for every field from one call site, which
 * V8 cannot inline. The copy of a page of 20 households took 28 µs interpreted and 12 µs
 * compiled (its `JSON.stringify` takes 32).
 *
 * The generated source holds no value from a request: only property names (written with
 * `JSON.stringify`, so any name is a string literal) and the names of the functions below.
 */
class Compiler {
  readonly functions: Array<string> = []

  /** An expression copying the value of the expression `input` (a plain name), or `undefined` when `ast` has encodings. */
  expression(ast: SchemaAST.AST, input: string): string | undefined {
    if (ast.encoding !== undefined) return undefined
    if (PRIMITIVE.has(ast._tag)) return input
    if (ast._tag === "Number") return `number(${input})`
    const f = this.function(ast)
    return f === undefined ? undefined : `${f}(${input})`
  }

  /** The name of a generated function copying a value of `ast`. */
  private function(ast: SchemaAST.AST): string | undefined {
    const name = `copy${this.functions.length}`
    this.functions.push("")
    const index = this.functions.length - 1
    const body = this.body(ast)
    if (body === undefined) return undefined
    this.functions[index] = `function ${name}(value) {\n${body}\n}`
    return name
  }

  private body(ast: SchemaAST.AST): string | undefined {
    switch (ast._tag) {
      case "Arrays": {
        if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
        const item = this.expression(ast.rest[0]!, "item")
        if (item === undefined) return undefined
        return [
          "  if (!Array.isArray(value)) unexpected()",
          "  const n = value.length, out = new Array(n)",
          "  for (let i = 0; i < n; i++) { const item = value[i]; out[i] = " + item + " }",
          "  return out"
        ].join("\n")
      }
      case "Objects": {
        if (ast.indexSignatures.length > 0) return undefined
        const lines = ["  if (typeof value !== \"object\" || value === null || Array.isArray(value)) unexpected()", "  const out = {}"]
        for (const [i, p] of ast.propertySignatures.entries()) {
          if (typeof p.name !== "string") return undefined
          const key = JSON.stringify(p.name)
          const copy = this.expression(p.type, `v${i}`)
          if (copy === undefined) return undefined
          const optional = p.type.context?.isOptional === true
          lines.push(`  if (${key} in value) { const v${i} = value[${key}]; out[${key}] = ${copy} }${optional ? "" : " else unexpected()"}`)
        }
        lines.push("  return out")
        return lines.join("\n")
      }
      case "Union": {
        // Primitives, and at most one struct or array (a nullable struct, a list or null).
        let other: string | undefined
        for (const member of ast.types) {
          if (member.encoding !== undefined) return undefined
          if (PRIMITIVE.has(member._tag) || member._tag === "Number") continue
          if (other !== undefined) return undefined
          other = this.expression(member, "value")
          if (other === undefined) return undefined
        }
        return other === undefined
          ? "  return primitive(value)"
          : `  return typeof value === "object" && value !== null ? ${other} : primitive(value)`
      }
      default:
        return undefined
    }
  }
}

/** How to copy a value of `ast` into its encoded form, or `undefined` when it has encodings. */
const copyOf = (ast: SchemaAST.AST): Copy | undefined => {
  const compiler = new Compiler()
  const top = compiler.expression(ast, "value")
  if (top === undefined) return undefined
  const source = `${compiler.functions.join("\n")}\nreturn (value) => ${top}`
  return new Function("unexpected", "primitive", "number", source)(unexpected, primitive, number) as Copy
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
