/**
 * Secrets: pickup codes, tokens and their hashes. Every secret comes from a cryptographic
 * random source (`crypto.getRandomValues`), never from ids, hashes of ids or
 * `Math.random`; what is only ever checked is stored as a hash and compared in constant
 * time.
 *
 * @since 0.4.0
 */
import { Context, Effect } from "effect"

/**
 * The source of secrets. The default uses Web Crypto, which Node 20+, browsers and edge
 * runtimes all have; replace it only to plug in a hardware source.
 *
 * @category services
 * @since 0.4.0
 */
export interface SecretSource {
  /** A uniformly random string of `length` decimal digits. */
  readonly digits: (length: number) => Effect.Effect<string>
  /** `bytes` random bytes as unpadded base64url. */
  readonly token: (bytes: number) => Effect.Effect<string>
  /** The SHA-256 of `salt` and `secret`, as lower-case hex. */
  readonly hash: (secret: string, salt: string) => Effect.Effect<string>
}

const randomBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n))

const digits = (length: number): string => {
  let out = ""
  while (out.length < length) {
    // Rejection sampling: bytes ≥ 250 would bias the digits.
    for (const b of randomBytes(length * 2)) {
      if (b < 250 && out.length < length) out += String(b % 10)
    }
  }
  return out
}

const base64url = (bytes: Uint8Array): string => {
  let s = ""
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/u, "")
}

const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("")

/**
 * The secret source in force: Web Crypto unless replaced.
 *
 * @category services
 * @since 0.4.0
 */
export const Secrets = Context.Reference<SecretSource>("@mulin/core/kernel/Secrets", {
  defaultValue: () => ({
    digits: (length) => Effect.sync(() => digits(length)),
    token: (bytes) => Effect.sync(() => base64url(randomBytes(bytes))),
    hash: (secret, salt) =>
      Effect.promise(() => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${salt}\u0000${secret}`))).pipe(Effect.map(hex))
  })
})

/**
 * Compares two strings in time that depends only on their lengths, for checking a hash
 * against a stored one.
 *
 * @category predicates
 * @since 0.4.0
 */
export const constantTimeEqual = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}
