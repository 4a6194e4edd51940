/**
 * The county's services over one SQLite file (or one PostgreSQL database), as the server (`main.ts`) and the runner of
 * the scheduled rules (`jobs.ts`) both build them, so that whichever process appends an
 * event, the same reactions run in its unit of work:
 *
 * - every use case of the contexts (household visits included) and the scheduled rules (the timed rules, then the
 *   follow-up's sweep, the daily digest of notifications and the visits overdue);
 * - the follow-up's reaction: finished work asks for a rating (回访);
 * - below it, the notifications outbox: every append, the follow-up's own included, writes
 *   its notifications in the same transaction.
 */
import { Layer } from "effect"
import { Activities, Deliberation, FollowUp, Grid, GridImport, Identity, IdGenerator, layerTimedRules, Matching, Mediation, Notifications, notificationsOutbox, outreachJobs, Places, Points, reacting, Visits, visitsOverdueJob, type StorageError } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { layer as postgresLayer, type PostgresPorts } from "@mulin/adapter-postgres"

/**
 * The stores: a SQLite file (a path or `:memory:`), or a PostgreSQL database (`{ url }`) that
 * several server processes may share.
 */
export type Database = string | { readonly url: string }

const stores = (database: Database): Layer.Layer<PostgresPorts, StorageError> =>
  typeof database === "string" ? sqliteLayer({ filename: database }) : postgresLayer({ url: database.url, maxConnections: 16 })

/** Where the configuration says the stores are: `MULIN_DATABASE_URL` when set, else the SQLite file. */
export const databaseOf = (config: { readonly database: string; readonly databaseUrl: string | undefined }): Database =>
  config.databaseUrl === undefined ? config.database : { url: config.databaseUrl }

/** Every service of the example county over `database`. */
export const countyLayer = (database: Database) =>
  layerTimedRules<FollowUp | Notifications | Visits>([...outreachJobs, visitsOverdueJob]).pipe(
    Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer)),
    Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer)),
    Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer, Notifications.layer())),
    Layer.provideMerge(FollowUp.layerReaction),
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(stores(database)),
    Layer.provideMerge(IdGenerator.layer)
  )
