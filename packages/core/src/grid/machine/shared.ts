/**
 * What every grid decider shares: the error it may refuse with and the helpers that build its results.
 *
 * @since 0.4.0
 */
import { Result } from "effect"
import { conflict, type Conflict, type InvalidInput, NotFound, staleVersion } from "../../kernel/errors.js"
import type { GridNode } from "../model.js"

/**
 * What a grid decider may refuse with.
 *
 * @category errors
 * @since 0.4.0
 */
export type GridDecisionError = Conflict | InvalidInput | NotFound

export const ok = <E>(events: ReadonlyArray<E>): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.succeed(events)
export const nothing = <E>(): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.succeed([])
export const refuse = <E>(error: GridDecisionError): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.fail(error)

export const archived = (what: string, whatZh: string): Conflict => conflict("archived", `${what} is archived`, `${whatZh}已归档`)
export const duplicateCode = (message: string, messageZh: string): Conflict => conflict("duplicate_code", message, messageZh)

/** The expected version a command names, checked against the state's. */
export const stale = (entity: string, id: string, actual: number, expected: number | undefined): Conflict | undefined =>
  expected === undefined || expected === actual ? undefined : staleVersion(entity, id, expected, actual)

/** A decider that has no state yet can only create. */
export const missing = (entity: string): Conflict => conflict("not_created", `the ${entity} does not exist yet`, `该${entity}尚不存在`)

/** A node as named in a refusal. */
export const nodeName = (n: Pick<GridNode, "name" | "id">) => `${n.name} (${n.id})`
export const nodeNameZh = (n: Pick<GridNode, "name" | "id">) => `${n.name}（${n.id}）`
