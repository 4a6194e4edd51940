/**
 * What the in-memory store lends each context's in-memory port: its way of running an
 * operation, joining the open unit of work (whose undo list it is given) or else under the
 * store's lock.
 *
 * @since 0.2.0
 */
import type { Effect, Exit } from "effect"
import type { StorageError } from "../kernel/errors.js"

/**
 * An open unit of work of the in-memory store: how to undo what it wrote, newest last.
 *
 * @category models
 * @since 0.2.0
 */
export interface MemoryTx {
  /** Undo actions, run newest first when the unit of work fails. */
  readonly undo: Array<() => void>
}

/**
 * The in-memory store's operation runner, shared by every context's in-memory port.
 *
 * @category models
 * @since 0.2.0
 */
export interface MemoryKit {
  /** Runs `f` in the open unit of work (`tx` given), or alone under the store's lock (`tx` undefined). */
  readonly op: <A, E = never>(f: (tx: MemoryTx | undefined) => Exit.Exit<A, E>) => Effect.Effect<A, E | StorageError>
}
