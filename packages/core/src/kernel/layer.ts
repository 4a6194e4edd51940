/**
 * The kernel's services in one layer: the one scope check, identity, the command
 * pipeline and the event feed, over the ports every store provides.
 *
 * @since 0.4.0
 */
import { Layer } from "effect"
import { Access } from "./access.js"
import { Commands } from "./decider.js"
import type { Directory } from "./directory.js"
import { Feed } from "./feed.js"
import { Identity } from "./identity.js"
import type { IdGenerator } from "./ids.js"
import type { EventLog, UnitOfWork } from "./store.js"

/**
 * {@link Access}, {@link Identity}, {@link Commands} and {@link Feed} over a store's `Directory`, unit of
 * work and event log, and an id generator. Every context's `layer` provides it to itself,
 * so wiring a context needs only the store and the id generator.
 *
 * @category layers
 * @since 0.4.0
 */
export const layerKernel: Layer.Layer<Access | Identity | Commands | Feed, never, Directory | UnitOfWork | EventLog | IdGenerator> = Layer.mergeAll(
  Access.layer,
  Identity.layer,
  Commands.layer,
  Feed.layer.pipe(Layer.provide(Access.layer))
)
