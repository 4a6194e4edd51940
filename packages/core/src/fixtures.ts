/**
 * `@mulin/core/fixtures`: data to try Mulin with, for examples, demos and benchmarks:
 * a generated county as the four import CSV files (`generateCounty`), and tiny counties
 * and ledgers built through the use cases (`buildTinyCounty`, `buildTinyLedger`). Unlike
 * `@mulin/core/testing`, it needs neither `vitest` nor `fast-check`, so a server or a
 * script can seed itself with it. All names are invented.
 *
 * @since 0.5.0
 */
export * from "./testing/fixtures.js"
export * from "./testing/pointsFixtures.js"
export * from "./testing/seed.js"
