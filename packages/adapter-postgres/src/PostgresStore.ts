/**
 * Layers that satisfy the core ports with PostgreSQL, all on one {@link PostgresDatabase}.
 *
 * @since 0.5.0
 */
import { ActivitiesStore, DeliberationStore, Directory, EventLog, FollowUpStore, GridStore, JobsStore, IdempotencyStore, MatchingStore, MediationStore, NotificationStore, PartnersStore, PartyStore, IntakeStore, PlacesStore, PointsStore, ReportsStore, type StorageError, UnitOfWork, VisitsStore } from "@mulin/core"
import { Context, Layer } from "effect"
import { makeGridPorts } from "./internal/grid/store.js"
import { makeEventLog } from "./internal/kernel/eventLog.js"
import { makeIdempotencyStore } from "./internal/kernel/idempotency.js"
import { makeActivitiesStore } from "./internal/activities/store.js"
import { makeDeliberationStore } from "./internal/deliberation/store.js"
import { makeMediationStore } from "./internal/mediation/store.js"
import { makeNotificationStore } from "./internal/notifications/store.js"
import { makeFollowUpStore } from "./internal/followup/store.js"
import { makeJobsStore } from "./internal/jobs/store.js"
import { makeMatchingStore } from "./internal/matching/store.js"
import { makePlacesStore } from "./internal/places/store.js"
import { makePointsStore } from "./internal/points/store.js"
import { makeVisitsStore } from "./internal/visits/store.js"
import { makePartnersStore } from "./internal/partners/store.js"
import { makePartyStore } from "./internal/party/store.js"
import { makeIntakeStore } from "./internal/intake/store.js"
import { makeReportsStore } from "./internal/reports/store.js"
import { PostgresDatabase, type PostgresOptions } from "./PostgresDatabase.js"

/**
 * The ports this adapter provides.
 *
 * @category layers
 * @since 0.5.0
 */
export type PostgresPorts = GridStore | Directory | EventLog | UnitOfWork | IdempotencyStore | PointsStore | MatchingStore | PlacesStore | ActivitiesStore | VisitsStore | FollowUpStore | JobsStore | MediationStore | DeliberationStore | NotificationStore | PartnersStore | PartyStore | IntakeStore | ReportsStore

/**
 * The ports on an existing {@link PostgresDatabase}. Every port call joins the unit of work it
 * runs in.
 *
 * @category layers
 * @since 0.5.0
 */
export const layerStores: Layer.Layer<PostgresPorts, never, PostgresDatabase> = Layer.mergeAll(
  Layer.effectContext(PostgresDatabase.useSync((db) => {
    const { directory, gridStore } = makeGridPorts(db)
    return Context.make(GridStore, gridStore).pipe(Context.add(Directory, directory))
  })),
  Layer.effect(EventLog, PostgresDatabase.useSync(makeEventLog)),
  Layer.effect(UnitOfWork, PostgresDatabase.useSync((db) => UnitOfWork.of({ transaction: db.transaction }))),
  Layer.effect(IdempotencyStore, PostgresDatabase.useSync(makeIdempotencyStore)),
  Layer.effect(PointsStore, PostgresDatabase.useSync(makePointsStore)),
  Layer.effect(MatchingStore, PostgresDatabase.useSync(makeMatchingStore)),
  Layer.effect(PlacesStore, PostgresDatabase.useSync(makePlacesStore)),
  Layer.effect(ActivitiesStore, PostgresDatabase.useSync(makeActivitiesStore)),
  Layer.effect(VisitsStore, PostgresDatabase.useSync(makeVisitsStore)),
  Layer.effect(FollowUpStore, PostgresDatabase.useSync(makeFollowUpStore)),
  Layer.effect(JobsStore, PostgresDatabase.useSync(makeJobsStore)),
  Layer.effect(MediationStore, PostgresDatabase.useSync(makeMediationStore)),
  Layer.effect(DeliberationStore, PostgresDatabase.useSync(makeDeliberationStore)),
  Layer.effect(NotificationStore, PostgresDatabase.useSync(makeNotificationStore)),
  Layer.effect(PartnersStore, PostgresDatabase.useSync(makePartnersStore)),
  Layer.effect(PartyStore, PostgresDatabase.useSync(makePartyStore)),
  Layer.effect(IntakeStore, PostgresDatabase.useSync(makeIntakeStore)),
  Layer.effect(ReportsStore, PostgresDatabase.useSync(makeReportsStore))
)

/**
 * Opens (and migrates) the database at `options.url` and provides every port on it, and the
 * database itself. The pool is closed when the layer is released.
 *
 * @example
 * ```ts
 * import { Grid, IdGenerator } from "@mulin/core"
 * import * as Postgres from "@mulin/adapter-postgres"
 * import { Layer } from "effect"
 *
 * const GridLive = Grid.layer.pipe(
 *   Layer.provide(Postgres.layer({ url: "postgres://mulin@127.0.0.1:5432/county" })),
 *   Layer.provide(IdGenerator.layer)
 * )
 * ```
 *
 * @category layers
 * @since 0.5.0
 */
export const layer = (options: PostgresOptions): Layer.Layer<PostgresPorts | PostgresDatabase, StorageError> =>
  layerStores.pipe(Layer.provideMerge(PostgresDatabase.layer(options)))
