/**
 * The places deciders: a place's lifecycle (register, update, close, reopen, archive) with
 * its transition table as data, and a county's kinds of places. Pure: the time, the new
 * place's id and node, the county's kinds and the contact person (already checked through
 * `Access`) come in the context.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { ConfigurePlaces, PlaceChanges, PlaceCommand, PlaceContact, PlaceEvent, PlacesConfig, PlacesConfigEvent, PlaceStatus, RegisterPlace, ServicePlace, ServicePlaceId } from "./model.js"

/**
 * The commands of the place decider: registering, or a command on an existing place.
 *
 * @category models
 * @since 0.5.0
 */
export type PlaceDecideCommand = ({ readonly _tag: "Register" } & RegisterPlace) | PlaceCommand

/**
 * What the place decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface PlaceDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** The codes of the county's kinds of places. */
  readonly kinds: ReadonlyArray<string>
  /** For a registration: the new place's id, county and node path (the node last). */
  readonly place?: { readonly id: ServicePlaceId; readonly countyId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId> } | undefined
  /** The contact the command names, checked and named (`null`: cleared; absent: unchanged). */
  readonly contact?: PlaceContact | null | undefined
}

/**
 * The tags of the commands on a place.
 *
 * @category models
 * @since 0.5.0
 */
export type PlaceCommandTag = PlaceDecideCommand["_tag"]

/**
 * The place lifecycle as data: for each status, the commands it accepts and the status
 * they lead to. A command not listed is refused with `InvalidTransition`.
 *
 * @category models
 * @since 0.5.0
 */
export const placeTransitions: Readonly<Record<PlaceStatus, Partial<Record<Exclude<PlaceCommandTag, "Register">, PlaceStatus>>>> = {
  open: { Update: "open", Close: "closed", Archive: "archived" },
  closed: { Update: "closed", Reopen: "open", Archive: "archived" },
  archived: {}
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const unknownKind = (field: string, kind: string): InvalidInput =>
  invalidField(field, `is not one of the county's kinds of places: ${kind}`, `不是本区县配置的阵地类型：${kind}`)

/**
 * The events a command causes on a place, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decidePlace = (
  state: ServicePlace | undefined,
  command: PlaceDecideCommand,
  context: PlaceDecideContext
): Result.Result<ReadonlyArray<PlaceEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at } = context
  if (command._tag === "Register") {
    if (state !== undefined || context.place === undefined) return Result.fail(invalidTransition("service place", state?.status ?? "new", "Register"))
    if (!context.kinds.includes(command.kind)) return Result.fail(unknownKind("kind", command.kind))
    const { countyId, id, scope } = context.place
    const place: ServicePlace = {
      id,
      countyId,
      nodeId: scope[scope.length - 1]!,
      scope,
      kind: command.kind,
      name: command.name,
      address: command.address ?? null,
      hours: command.hours ?? [],
      services: command.services ?? [],
      capacity: command.capacity ?? null,
      contact: context.contact ?? null,
      status: "open",
      closedReason: null,
      createdAt: at,
      updatedAt: at,
      version: 0
    }
    return Result.succeed([{ type: "registered", at, actor, place }])
  }
  if (state === undefined) return Result.fail(invalidTransition("service place", "new", command._tag))
  if (placeTransitions[state.status][command._tag] === undefined) return Result.fail(invalidTransition("service place", state.status, command._tag))
  switch (command._tag) {
    case "Update": {
      if (command.kind !== undefined && !context.kinds.includes(command.kind)) return Result.fail(unknownKind("kind", command.kind))
      const changes: { -readonly [K in keyof PlaceChanges]: PlaceChanges[K] } = {}
      if (command.kind !== undefined && command.kind !== state.kind) changes.kind = command.kind
      if (command.name !== undefined && command.name !== state.name) changes.name = command.name
      if (command.address !== undefined && command.address !== state.address) changes.address = command.address
      if (command.hours !== undefined && !same(command.hours, state.hours)) changes.hours = command.hours
      if (command.services !== undefined && !same(command.services, state.services)) changes.services = command.services
      if (command.capacity !== undefined && command.capacity !== state.capacity) changes.capacity = command.capacity
      if (command.contactId !== undefined && context.contact !== undefined && context.contact?.personId !== state.contact?.personId) changes.contact = context.contact
      return Result.succeed(Object.keys(changes).length === 0 ? [] : [{ type: "updated", at, actor, changes }])
    }
    case "Close":
      return Result.succeed([{ type: "closed", at, actor, reason: command.reason }])
    case "Reopen":
      return Result.succeed([{ type: "reopened", at, actor }])
    case "Archive":
      return Result.succeed([{ type: "archived", at, actor }])
  }
}

/**
 * A place after one event.
 *
 * @category rules
 * @since 0.5.0
 */
export const evolvePlace = (state: ServicePlace | undefined, event: PlaceEvent): ServicePlace => {
  switch (event.type) {
    case "registered":
      return event.place
    case "updated":
      return { ...state!, ...event.changes, updatedAt: event.at }
    case "closed":
      return { ...state!, status: "closed", closedReason: event.reason, updatedAt: event.at }
    case "reopened":
      return { ...state!, status: "open", closedReason: null, updatedAt: event.at }
    case "archived":
      return { ...state!, status: "archived", updatedAt: event.at }
  }
}

/**
 * The place decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const placeDecider: Decider<ServicePlace, PlaceDecideCommand, PlaceEvent, PlaceDecideContext, InvalidInput | InvalidTransition> = {
  decide: decidePlace,
  evolve: evolvePlace
}

/**
 * The configuration decider: one event when the kinds change, none when they stay.
 *
 * @category rules
 * @since 0.5.0
 */
export const placesConfigDecider: Decider<PlacesConfig, ConfigurePlaces, PlacesConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, never> = {
  decide: (state, command, { actor, at }) =>
    Result.succeed(same(state!.kinds, command.kinds) ? [] : [{ type: "configured", at, actor, config: { ...state!, kinds: command.kinds, updatedAt: at }, changed: ["kinds"] }]),
  evolve: (_state, event) => event.config
}
