/**
 * `@mulin/core/testing`: the in-memory store, fixtures and the storage conformance suite.
 * The conformance suite registers vitest tests, so `vitest` and `fast-check` are optional
 * peer dependencies needed only when you import it.
 *
 * @since 0.1.0
 */
export * from "./conformance.js"
export * from "./deliberationConformance.js"
export * from "./deliberationMemory.js"
export * from "./fixtures.js"
export * from "./matchingConformance.js"
export * from "./matchingMemory.js"
export * from "./mediationConformance.js"
export * from "./mediationMemory.js"
export * from "./memory.js"
export * from "./memoryKit.js"
export * from "./pointsConformance.js"
export * from "./pointsFixtures.js"
export * from "./pointsMemory.js"
export * from "./seed.js"
export * from "./personal.js"
export * from "./decider.js"
