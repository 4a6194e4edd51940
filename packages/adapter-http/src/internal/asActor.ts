/**
 * Runs a use case as the authenticated actor. A storage failure answers a generic 500; its
 * driver-level cause is logged here, on the server, and never sent to the client.
 *
 * @internal
 */
import type { Actor } from "@mulin/core"
import { Effect } from "effect"
import { CurrentActor } from "../api.js"

/** Logs the driver-level cause of a storage failure (endpoints without an actor use it directly). */
export const logStorage = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "StorageError"
    ? Effect.logError("@mulin/adapter-http: storage failure", (error as { cause?: unknown }).cause)
    : Effect.void

/** Calls `f` with the request's actor; logs the cause of a storage failure. */
export const asActor = <A, E>(f: (actor: Actor) => Effect.Effect<A, E>): Effect.Effect<A, E, CurrentActor> =>
  Effect.flatMap(CurrentActor, f).pipe(Effect.tapError(logStorage))
