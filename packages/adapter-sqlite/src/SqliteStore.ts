/**
 * Layers that satisfy the core ports with SQLite: the grid store and directory, the points,
 * matching, mediation, deliberation and jobs stores, the event log, the idempotency records and
 * the unit of work, all on one {@link SqliteDatabase}.
 *
 * @since 0.1.0
 */
import { ActivitiesStore, DeliberationStore, Directory, EventLog, FollowUpStore, GridStore, IdempotencyStore, IntakeStore, JobsStore, MatchingStore, MediationStore, NotificationStore, PartnersStore, PartyStore, PlacesStore, PointsStore, ReportsStore, type StorageError, UnitOfWork, VisitsStore } from "@mulin/core"
import { Context, Layer } from "effect"
import { makeDeliberationStore } from "./internal/deliberation/store.js"
import { makeFollowUpStore } from "./internal/followup/store.js"
import { makeEventLog } from "./internal/kernel/eventLog.js"
import { makeIdempotencyStore } from "./internal/kernel/idempotency.js"
import { makeGridPorts } from "./internal/grid/store.js"
import { makeJobsStore } from "./internal/jobs/store.js"
import { makeMatchingStore } from "./internal/matching/store.js"
import { makeMediationStore } from "./internal/mediation/store.js"
import { makeNotificationStore } from "./internal/notifications/store.js"
import { makePlacesStore } from "./internal/places/store.js"
import { makePartnersStore } from "./internal/partners/store.js"
import { makePartyStore } from "./internal/party/store.js"
import { makeVisitsStore } from "./internal/visits/store.js"
import { makeIntakeStore } from "./internal/intake/store.js"
import { makeReportsStore } from "./internal/reports/store.js"
import { makeActivitiesStore } from "./internal/activities/store.js"
import { makePointsStore } from "./internal/points/store.js"
import { SqliteDatabase, type SqliteOptions } from "./SqliteDatabase.js"

/**
 * The ports on an existing {@link SqliteDatabase}, to share one database with other
 * layers. Every port call joins the transaction of the unit of work it runs in.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerStores: Layer.Layer<GridStore | Directory | EventLog | UnitOfWork | MediationStore | DeliberationStore | MatchingStore | PointsStore | IdempotencyStore | FollowUpStore | NotificationStore | JobsStore | PlacesStore | ActivitiesStore | VisitsStore | PartnersStore | PartyStore | IntakeStore | ReportsStore, never, SqliteDatabase> = Layer.mergeAll(
  Layer.effectContext(SqliteDatabase.useSync((db) => {
    const { directory, gridStore } = makeGridPorts(db)
    return Context.make(GridStore, gridStore).pipe(Context.add(Directory, directory))
  })),
  Layer.effect(EventLog, SqliteDatabase.useSync(makeEventLog)),
  Layer.effect(UnitOfWork, SqliteDatabase.useSync((db) => UnitOfWork.of({ transaction: db.transaction }))),
  Layer.effect(MediationStore, SqliteDatabase.useSync(makeMediationStore)),
  Layer.effect(DeliberationStore, SqliteDatabase.useSync(makeDeliberationStore)),
  Layer.effect(MatchingStore, SqliteDatabase.useSync(makeMatchingStore)),
  Layer.effect(PointsStore, SqliteDatabase.useSync(makePointsStore)),
  Layer.effect(IdempotencyStore, SqliteDatabase.useSync(makeIdempotencyStore)),
  Layer.effect(FollowUpStore, SqliteDatabase.useSync(makeFollowUpStore)),
  Layer.effect(NotificationStore, SqliteDatabase.useSync(makeNotificationStore)),
  Layer.effect(JobsStore, SqliteDatabase.useSync(makeJobsStore)),
  Layer.effect(PlacesStore, SqliteDatabase.useSync(makePlacesStore)),
  Layer.effect(VisitsStore, SqliteDatabase.useSync(makeVisitsStore)),
  Layer.effect(ActivitiesStore, SqliteDatabase.useSync(makeActivitiesStore)),
  Layer.effect(PartnersStore, SqliteDatabase.useSync(makePartnersStore)),
  Layer.effect(PartyStore, SqliteDatabase.useSync(makePartyStore)),
  Layer.effect(IntakeStore, SqliteDatabase.useSync(makeIntakeStore)),
  Layer.effect(ReportsStore, SqliteDatabase.useSync(makeReportsStore))
)

/**
 * Opens (and migrates) the database at `options.filename` and provides every port on it,
 * and the database itself. The database is closed when the layer is released.
 *
 * @example
 * ```ts
 * import { Grid, IdGenerator } from "@mulin/core"
 * import * as Sqlite from "@mulin/adapter-sqlite"
 * import { Layer } from "effect"
 *
 * const GridLive = Grid.layer.pipe(
 *   Layer.provide(Sqlite.layer({ filename: "county.db" })),
 *   Layer.provide(IdGenerator.layer)
 * )
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: SqliteOptions): Layer.Layer<GridStore | Directory | EventLog | UnitOfWork | MediationStore | DeliberationStore | MatchingStore | PointsStore | IdempotencyStore | FollowUpStore | NotificationStore | JobsStore | PlacesStore | ActivitiesStore | VisitsStore | PartnersStore | PartyStore | IntakeStore | ReportsStore | SqliteDatabase, StorageError> =>
  layerStores.pipe(Layer.provideMerge(SqliteDatabase.layer(options)))

/**
 * {@link layer} on a private in-memory database: for tests and demos. Each build of the
 * layer starts empty.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory = (
  options?: Omit<SqliteOptions, "filename">
): Layer.Layer<GridStore | Directory | EventLog | UnitOfWork | MediationStore | DeliberationStore | MatchingStore | PointsStore | IdempotencyStore | FollowUpStore | NotificationStore | JobsStore | PlacesStore | ActivitiesStore | VisitsStore | PartnersStore | PartyStore | IntakeStore | ReportsStore | SqliteDatabase, StorageError> => layer({ ...options, filename: ":memory:" })
