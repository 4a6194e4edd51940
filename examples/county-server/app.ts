/**
 * The county's services over one SQLite file (or one PostgreSQL database), as the server (`main.ts`) and the runner of
 * the scheduled rules (`jobs.ts`) both build them, so that whichever process appends an
 * event, the same reactions run in its unit of work:
 *
 * - every use case of the contexts (household visits included) and the scheduled rules (the timed rules, then the
 *   follow-up's sweep, the daily digest of notifications, the visits overdue and the intake's referrals overdue);
 * - the follow-up's reaction: finished work asks for a rating (回访);
 * - the intake reaction: a request routed to a need, case or item is resolved with it;
 * - the party reaction: an activity a registered party member attends counts as their service;
 * - the exports (CSV, and `.xlsx` through `@mulin/sheets`) of the activities, places and visits;
 * - the partners' reaction: an order confirmed on a partner's merchant account counts as
 *   its service (睦邻合伙人), and the catalog lists its free services at 0 points;
 * - the ledger of work (工作台账), kept in the unit of work of the events that move it;
 * - below it, the notifications outbox: every append, the follow-up's own included, writes
 *   its notifications in the same transaction.
 */
import { Effect, Layer } from "effect"
import { Activities, Deliberation, FollowUp, Grid, GridImport, GridStore, Identity, IdGenerator, Intake, intakeOverdueJob, IntakeStore, layerIntakeReaction, layerPartyActivityReaction, layerTimedRules, Matching, Mediation, Notifications, notificationsOutbox, outreachJobs, partnerFreeServices, partnerRedemptions, Partners, partnersHeadlineCounters, PartyMembers, partyHeadlineCounters, Places, Points, reacting, Reports, type StorageError, JobsStore, UnitOfWork, Commands, Visits, visitsOverdueJob } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { layer as postgresLayer, type PostgresPorts } from "@mulin/adapter-postgres"
import { webhookFetch } from "@mulin/adapter-http"
import { countyExports } from "./exports.js"

/** How the county's services are built. */
export interface CountyOptions {
  /** Non-public ranges (CIDR) the county's webhooks may post to; none by default. */
  readonly webhookAllow?: ReadonlyArray<string> | undefined
}

/** Notifications whose webhooks post only to public addresses and the allowed ranges. */
const notificationsLayer = (allow: ReadonlyArray<string>) => Notifications.layer({ webhook: { targets: { allow }, fetch: webhookFetch({ allow }) } })

/**
 * The stores: a SQLite file (a path or `:memory:`), or a PostgreSQL database (`{ url }`) that
 * several server processes may share.
 */
export type Database = string | { readonly url: string }

/** Both adapters provide every port the county's services need (the PostgreSQL adapter's {@link PostgresPorts}). */
const stores = (database: Database): Layer.Layer<PostgresPorts, StorageError> =>
  typeof database === "string" ? sqliteLayer({ filename: database }) : postgresLayer({ url: database.url, maxConnections: 16 })

/** Where the configuration says the stores are: `MULIN_DATABASE_URL` when set, else the SQLite file. */
export const databaseOf = (config: { readonly database: string; readonly databaseUrl: string | undefined }): Database =>
  config.databaseUrl === undefined ? config.database : { url: config.databaseUrl }

/** Every service of the example county over `database`. */
export const countyLayer = (database: Database, options: CountyOptions = {}) =>
  Layer.mergeAll(layerTimedRules<FollowUp | Notifications | Visits | IntakeStore | GridStore | JobsStore | UnitOfWork | Commands>([...outreachJobs, visitsOverdueJob, intakeOverdueJob]), countyExports).pipe(
    // The pipeline the intake's scheduled rule appends its reminders through (over the log with every reaction).
    Layer.provideMerge(Commands.layer),
    Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer, PartyMembers.layer, Intake.layer, Reports.layer(Effect.map(Effect.all([partyHeadlineCounters, partnersHeadlineCounters]), (lists) => lists.flat())))),
    Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer, Partners.layer)),
    Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer, notificationsLayer(options.webhookAllow ?? []))),
    // The points catalog lists a 0-point item only on a partner's merchant account.
    Layer.provideMerge(partnerFreeServices),
    Layer.provideMerge(layerIntakeReaction),
    // An activity a registered party member attends counts as their service (在职党员), in the check-in's unit of work.
    Layer.provideMerge(layerPartyActivityReaction),
    Layer.provideMerge(FollowUp.layerReaction),
    // A confirmed order on a partner's merchant account counts as its service, in the same unit of work.
    Layer.provideMerge(reacting(partnerRedemptions)),
    // The ledger of work (工作台账): appends nothing, so it sits beside the outbox.
    Layer.provideMerge(Reports.layerReaction),
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(stores(database)),
    Layer.provideMerge(IdGenerator.layer)
  )
