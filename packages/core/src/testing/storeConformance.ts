/**
 * One call that registers every storage conformance suite for a store: the grid (with the
 * directory, the event log and the unit of work), the points ledger (with the idempotency
 * store), matching, mediation, deliberation, the follow-up, notifications and the scheduled rules (jobs). A store that lacks a capability opts out of
 * store), matching, mediation, deliberation, places and activities. A store that lacks a capability opts out of
 * that suite by name, with the reason written next to it, so a gap is a documented decision
 * the reader sees in the test file rather than a call someone forgot.
 *
 * @since 0.4.0
 */
import type { Layer } from "effect"
import { gridStoreConformance, type StorePorts } from "./conformance.js"
import { jobsStoreConformance, type JobsStorePorts } from "./jobsConformance.js"
import { deliberationStoreConformance, type DeliberationStorePorts } from "./deliberationConformance.js"
import { followUpStoreConformance, type FollowUpStorePorts } from "./followupConformance.js"
import { matchingStoreConformance, type MatchingStorePorts } from "./matchingConformance.js"
import { mediationStoreConformance, type MediationStorePorts } from "./mediationConformance.js"
import { notificationsStoreConformance, type NotificationStorePorts } from "./notificationsConformance.js"
import { activitiesStoreConformance, type ActivitiesStorePorts } from "./activitiesConformance.js"
import { placesStoreConformance, type PlacesStorePorts } from "./placesConformance.js"
import { visitsStoreConformance, type VisitsStorePorts } from "./visitsConformance.js"
import { intakeStoreConformance, type IntakeStorePorts } from "./intakeConformance.js"
import { pointsStoreConformance, type PointsStorePorts } from "./pointsConformance.js"
import { partnersStoreConformance, type PartnersStorePorts } from "./partnersConformance.js"
import { partyStoreConformance, type PartyStorePorts } from "./partyConformance.js"
import { reportsStoreConformance, type ReportsStorePorts } from "./reportsConformance.js"

/**
 * The conformance suites {@link storeConformance} runs, by name, with what each covers.
 *
 * @category conformance
 * @since 0.4.0
 */
export const conformanceSuites = {
  /** Nodes, households, people, assignments, the directory, the event log, units of work and rollback. */
  grid: "grid store conformance",
  /** The ledger: transfers, floors, holds, caps, expiry, reports, and the idempotency store. */
  points: "points store conformance",
  /** Needs, volunteers, teams, claims and dispatch, with rewards through the ledger. */
  matching: "matching store conformance",
  /** Mediation cases, escalation keys, supervision runs and statistics. */
  mediation: "mediation store conformance",
  /** Deliberation sessions, items, ratings, the public board and statistics. */
  deliberation: "deliberation store conformance",
  /** Follow-ups (回访): ratings asked in the unit of work, lapses, questionnaires that reopen, statistics. */
  followup: "follow-up store conformance",
  /** The notifications outbox with its events, claims, attempts, the inbox, digests and webhooks. */
  notifications: "notifications store conformance",
  /** Scheduled rules: the runner's lease, run keys, runs, reminder keys, settings and catch-up. */
  jobs: "jobs store conformance",
  /** Service places (阵地): their lifecycle, the places serving a household, coverage and the public list. */
  places: "places store conformance",
  /** Activities with registration, waiting lists and check-in, attendance points through the ledger, teams and reports. */
  activities: "activities store conformance",
  /** Special-care households, the visit log with its follow-ups in one unit of work, and the overdue list. */
  visits: "visits store conformance",
  /** Partners (睦邻合伙人): their lifecycle and staff, free services on their merchant accounts, what they provided. */
  partners: "partners store conformance",
  /** Party members' registrations (在职党员报到): service hours, masking, the report per employer and community. */
  party: "party store conformance",
  /** One-window intake: requests on every channel, references, routing in one unit of work, merging and the public follow view. */
  intake: "intake store conformance",
  /** The ledger of work kept by its reaction and rebuilt from the log, the KPIs, the headline counters and the settings. */
  reports: "reports store conformance"
} as const

/**
 * The name of one conformance suite.
 *
 * @category conformance
 * @since 0.4.0
 */
export type ConformanceSuite = keyof typeof conformanceSuites

/**
 * The ports a store must provide to run the given suites.
 *
 * @category conformance
 * @since 0.4.0
 */
export type ConformancePorts<S extends ConformanceSuite> =
  | (S extends "grid" ? StorePorts : never)
  | (S extends "points" ? PointsStorePorts : never)
  | (S extends "matching" ? MatchingStorePorts : never)
  | (S extends "mediation" ? MediationStorePorts : never)
  | (S extends "deliberation" ? DeliberationStorePorts : never)
  | (S extends "followup" ? FollowUpStorePorts : never)
  | (S extends "notifications" ? NotificationStorePorts : never)
  | (S extends "jobs" ? JobsStorePorts : never)
  | (S extends "places" ? PlacesStorePorts : never)
  | (S extends "activities" ? ActivitiesStorePorts : never)
  | (S extends "visits" ? VisitsStorePorts : never)
  | (S extends "partners" ? PartnersStorePorts : never)
  | (S extends "party" ? PartyStorePorts : never)
  | (S extends "intake" ? IntakeStorePorts : never)
  | (S extends "reports" ? ReportsStorePorts : never)

/**
 * Options of {@link storeConformance}.
 *
 * @category conformance
 * @since 0.4.0
 */
export interface StoreConformanceOptions<Without extends ConformanceSuite> {
  /**
   * Suites this store does not run, each with the reason (a non-empty sentence), as in
   * `{ mediation: "this store keeps grid and points only; cases live in the county's case system" }`.
   * The store then need not provide the ports only those suites use.
   */
  readonly without?: { readonly [S in Without]: string }
  /** Runs of each suite's property tests: one number for all, or per suite (each suite's default otherwise). */
  readonly propertyRuns?: number | { readonly [S in ConformanceSuite]?: number }
}

/**
 * Registers every conformance suite for a store, except those it opts out of by name.
 * `makeLayer` is called once per case and must return a layer building a fresh, empty store.
 *
 * ```ts
 * storeConformance("sqlite :memory:", () => Sqlite.layerMemory(), { propertyRuns: { grid: 25, deliberation: 12 } })
 * storeConformance("grid-only store", () => myGridLayer(), {
 *   without: {
 *     points: "the county keeps its ledger elsewhere",
 *     matching: "matching pays rewards through the ledger, which this store lacks",
 *     mediation: "cases live in the county's case system",
 *     deliberation: "not offered by this store",
 *     jobs: "the county runs its timed rules with its own scheduler"
 *     places: "not offered by this store",
 *     activities: "attendance pays points through the ledger, which this store lacks",
 *     visits: "a visit's follow-ups raise needs, which hold rewards on the ledger this store lacks",
 *     partners: "a partner's services count orders of the ledger this store lacks",
 *     party: "an employer is a partner, which this store does not keep",
 *     intake: "a request is routed to needs, which hold rewards on the ledger this store lacks"
 *   }
 * })
 * ```
 *
 * @category conformance
 * @since 0.4.0
 */
export const storeConformance = <Without extends ConformanceSuite = never>(
  name: string,
  makeLayer: () => Layer.Layer<ConformancePorts<Exclude<ConformanceSuite, Without>>, unknown>,
  options: StoreConformanceOptions<Without> = {}
): void => {
  const without: Partial<Record<ConformanceSuite, string>> = options.without ?? {}
  for (const [suite, reason] of Object.entries(without)) {
    if (!(suite in conformanceSuites)) {
      throw new Error(`storeConformance: "${suite}" in without is not a suite (${Object.keys(conformanceSuites).join(", ")}); 不存在名为“${suite}”的一致性测试套件`)
    }
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new Error(`storeConformance: without.${suite} must say why the store lacks it; without.${suite} 必须写明该存储不具备此能力的原因`)
    }
  }
  const runs = (suite: ConformanceSuite): { propertyRuns?: number } => {
    const n = typeof options.propertyRuns === "number" ? options.propertyRuns : options.propertyRuns?.[suite]
    return n === undefined ? {} : { propertyRuns: n }
  }
  const included = (suite: ConformanceSuite): boolean => without[suite] === undefined
  // The ports of the suites that run are provided; the casts narrow the union to one suite's.
  const layer = makeLayer as () => Layer.Layer<never, unknown>
  if (included("grid")) gridStoreConformance(name, layer as () => Layer.Layer<StorePorts, unknown>, runs("grid"))
  if (included("points")) pointsStoreConformance(name, layer as () => Layer.Layer<PointsStorePorts, unknown>, runs("points"))
  if (included("matching")) matchingStoreConformance(name, layer as () => Layer.Layer<MatchingStorePorts, unknown>, runs("matching"))
  if (included("mediation")) mediationStoreConformance(name, layer as () => Layer.Layer<MediationStorePorts, unknown>, runs("mediation"))
  if (included("deliberation")) deliberationStoreConformance(name, layer as () => Layer.Layer<DeliberationStorePorts, unknown>, runs("deliberation"))
  if (included("followup")) followUpStoreConformance(name, layer as () => Layer.Layer<FollowUpStorePorts, unknown>)
  if (included("notifications")) notificationsStoreConformance(name, layer as () => Layer.Layer<NotificationStorePorts, unknown>)
  if (included("jobs")) jobsStoreConformance(name, layer as () => Layer.Layer<JobsStorePorts, unknown>, runs("jobs"))
  if (included("places")) placesStoreConformance(name, layer as () => Layer.Layer<PlacesStorePorts, unknown>)
  if (included("activities")) activitiesStoreConformance(name, layer as () => Layer.Layer<ActivitiesStorePorts, unknown>)
  if (included("visits")) visitsStoreConformance(name, layer as () => Layer.Layer<VisitsStorePorts, unknown>)
  if (included("partners")) partnersStoreConformance(name, layer as () => Layer.Layer<PartnersStorePorts, unknown>)
  if (included("party")) partyStoreConformance(name, layer as () => Layer.Layer<PartyStorePorts, unknown>)
  if (included("intake")) intakeStoreConformance(name, layer as () => Layer.Layer<IntakeStorePorts, unknown>)
  if (included("reports")) reportsStoreConformance(name, layer as () => Layer.Layer<ReportsStorePorts, unknown>, runs("reports"))
}
