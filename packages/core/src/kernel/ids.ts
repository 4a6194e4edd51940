/**
 * Identifiers: branded, time-ordered strings with a readable prefix
 * (`node_01JD…`, `hh_01JD…`). The part after the prefix is a ULID, so ids sort by
 * creation time, which keeps SQLite's B-tree appends cheap and makes cursors stable.
 *
 * New ids come from the {@link IdGenerator} service, never from `Math.random` inside the
 * domain, so tests can make them deterministic.
 *
 * @since 0.1.0
 */
import { Clock, Context, Effect, Layer, Schema } from "effect"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const ULID_BODY = "[0-9A-HJKMNP-TV-Z]{26}"
const ALPHABET_CODES = Array.from(CROCKFORD, (c) => c.charCodeAt(0))

/**
 * The check every id of one kind passes: `<prefix>_<ULID>`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const idCheck = (prefix: string, label: { readonly en: string; readonly zh: string }) =>
  Schema.isPattern(new RegExp(`^${prefix}_${ULID_BODY}$`, "u"), {
    message: `must be ${label.en} id like ${prefix}_01JDZ6Y5V6Q2N8W3X4K7H9M0AB`,
    messageZh: `必须是${label.zh}编号，形如 ${prefix}_01JDZ6Y5V6Q2N8W3X4K7H9M0AB`
  } as Schema.Annotations.Filter)

/**
 * A county, street, community, grid, building or unit in the grid hierarchy.
 *
 * @category ids
 * @since 0.1.0
 */
export const GridNodeId = Schema.String.check(idCheck("node", { en: "a grid node", zh: "网格节点" })).pipe(Schema.brand("GridNodeId"))
/** @category ids @since 0.1.0 */
export type GridNodeId = typeof GridNodeId.Type

/**
 * A household (住户) attached to a smallest grid unit.
 *
 * @category ids
 * @since 0.1.0
 */
export const HouseholdId = Schema.String.check(idCheck("hh", { en: "a household", zh: "住户" })).pipe(Schema.brand("HouseholdId"))
/** @category ids @since 0.1.0 */
export type HouseholdId = typeof HouseholdId.Type

/**
 * A resident (居民) of a household.
 *
 * @category ids
 * @since 0.1.0
 */
export const ResidentId = Schema.String.check(idCheck("res", { en: "a resident", zh: "居民" })).pipe(Schema.brand("ResidentId"))
/** @category ids @since 0.1.0 */
export type ResidentId = typeof ResidentId.Type

/**
 * A person in the directory: staff, volunteers, party members, partners.
 *
 * @category ids
 * @since 0.1.0
 */
export const PersonId = Schema.String.check(idCheck("psn", { en: "a person", zh: "人员" })).pipe(Schema.brand("PersonId"))
/** @category ids @since 0.1.0 */
export type PersonId = typeof PersonId.Type

/**
 * A role assignment of a person to a grid node.
 *
 * @category ids
 * @since 0.1.0
 */
export const AssignmentId = Schema.String.check(idCheck("asg", { en: "an assignment", zh: "任职" })).pipe(Schema.brand("AssignmentId"))
/** @category ids @since 0.1.0 */
export type AssignmentId = typeof AssignmentId.Type

/**
 * An event in the event log.
 *
 * @category ids
 * @since 0.1.0
 */
export const EventId = Schema.String.check(idCheck("evt", { en: "an event", zh: "事件" })).pipe(Schema.brand("EventId"))
/** @category ids @since 0.1.0 */
export type EventId = typeof EventId.Type

/**
 * Encodes a ULID from a millisecond timestamp and 80 bits of randomness (10 bytes).
 *
 * @category constructors
 * @since 0.1.0
 */
export const encodeUlid = (timeMillis: number, random: Uint8Array): string => {
  // Built from char codes in one call: string concatenation in a loop costs several times more.
  const codes = new Array<number>(26)
  let time = Math.max(0, Math.floor(timeMillis))
  for (let i = 9; i >= 0; i--) {
    codes[i] = ALPHABET_CODES[time % 32]!
    time = Math.floor(time / 32)
  }
  // 80 random bits → 16 base-32 characters, 5 bits at a time.
  let bits = 0
  let value = 0
  let at = 10
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | random[i]!
    bits += 8
    while (bits >= 5) {
      codes[at++] = ALPHABET_CODES[(value >>> (bits - 5)) & 31]!
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return String.fromCharCode.apply(null, codes)
}

/** Adds one to a big-endian byte array in place; false when it overflowed. */
const increment = (bytes: Uint8Array): boolean => {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 255) {
      bytes[i] = bytes[i]! + 1
      return true
    }
    bytes[i] = 0
  }
  return false
}

/**
 * Makes a monotonic ULID source: within one millisecond the random part is incremented,
 * so ids made by one generator always sort in the order they were made.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUlidSource = (fillRandom: (bytes: Uint8Array) => void): (timeMillis: number) => string => {
  let lastTime = -1
  const lastRandom = new Uint8Array(10)
  return (timeMillis) => {
    if (timeMillis <= lastTime) {
      if (!increment(lastRandom)) fillRandom(lastRandom)
      return encodeUlid(lastTime, lastRandom)
    }
    lastTime = timeMillis
    fillRandom(lastRandom)
    return encodeUlid(timeMillis, lastRandom)
  }
}

/**
 * Makes new ids. The default layer reads the time from Effect's `Clock` (so `TestClock`
 * controls it) and the randomness from Web Crypto; {@link IdGenerator.layerSeeded} is
 * fully deterministic for tests and examples.
 *
 * @category services
 * @since 0.1.0
 */
export class IdGenerator extends Context.Service<IdGenerator, {
  /** Returns a fresh ULID (26 characters, no prefix). */
  readonly ulid: Effect.Effect<string>
  /**
   * Returns `n` fresh ULIDs in the order they were made, reading the clock once: what a
   * bulk import needs for thousands of rows at a time, without one effect per id.
   */
  readonly ulids: (n: number) => Effect.Effect<ReadonlyArray<string>>
}>()("@mulin/core/kernel/IdGenerator") {
  /**
   * Monotonic ULIDs from the clock and `crypto.getRandomValues`.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<IdGenerator> = Layer.sync(IdGenerator, () => fromSource(makeUlidSource(pooledRandom())))

  /**
   * Monotonic ULIDs from the clock and a seeded pseudo-random sequence: the same seed
   * and the same clock give the same ids.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layerSeeded = (seed: number): Layer.Layer<IdGenerator> =>
    Layer.sync(IdGenerator, () => {
      let state = seed >>> 0 || 1
      const next = makeUlidSource((bytes) => {
        for (let i = 0; i < bytes.length; i++) {
          // xorshift32: small, fast and good enough for test ids.
          state ^= state << 13
          state ^= state >>> 17
          state ^= state << 5
          bytes[i] = state & 255
        }
      })
      return fromSource(next)
    })
}

/**
 * Web Crypto randomness drawn 4 KiB at a time: one `getRandomValues` call serves about 400
 * ids instead of one (ids are not secrets; codes and tokens come from `Secrets`).
 */
const pooledRandom = (): ((bytes: Uint8Array) => void) => {
  const pool = new Uint8Array(4096)
  let at = pool.length
  return (bytes) => {
    if (at + bytes.length > pool.length) {
      globalThis.crypto.getRandomValues(pool)
      at = 0
    }
    bytes.set(pool.subarray(at, at + bytes.length))
    at += bytes.length
  }
}

/** The service over a monotonic ULID source, reading time from the `Clock`. */
const fromSource = (next: (timeMillis: number) => string): IdGenerator["Service"] =>
  IdGenerator.of({
    ulid: Effect.map(Clock.currentTimeMillis, next),
    ulids: (n) =>
      Effect.map(Clock.currentTimeMillis, (millis) => {
        const out = new Array<string>(Math.max(0, Math.floor(n) || 0))
        for (let i = 0; i < out.length; i++) out[i] = next(millis)
        return out
      })
  })

const prefixed = <A extends string>(prefix: string): Effect.Effect<A, never, IdGenerator> =>
  IdGenerator.use((ids) => Effect.map(ids.ulid, (ulid) => `${prefix}_${ulid}` as A))

/** A fresh {@link GridNodeId}. @category constructors @since 0.1.0 */
export const newGridNodeId = prefixed<GridNodeId>("node")
/** A fresh {@link HouseholdId}. @category constructors @since 0.1.0 */
export const newHouseholdId = prefixed<HouseholdId>("hh")
/** A fresh {@link ResidentId}. @category constructors @since 0.1.0 */
export const newResidentId = prefixed<ResidentId>("res")
/** A fresh {@link PersonId}. @category constructors @since 0.1.0 */
export const newPersonId = prefixed<PersonId>("psn")
/** A fresh {@link AssignmentId}. @category constructors @since 0.1.0 */
export const newAssignmentId = prefixed<AssignmentId>("asg")
/** A fresh {@link EventId}. @category constructors @since 0.1.0 */
export const newEventId = prefixed<EventId>("evt")
