/**
 * The county's services over one SQLite file, as the server (`main.ts`) and the runner of
 * the scheduled rules (`jobs.ts`) both build them, so that whichever process appends an
 * event, the same reactions run in its unit of work:
 *
 * - every use case of the contexts (household visits included) and the scheduled rules (the timed rules, then the
 *   follow-up's sweep, the daily digest of notifications and the visits overdue);
 * - the follow-up's reaction: finished work asks for a rating (回访);
 * - the ledger of work (工作台账), kept in the unit of work of the events that move it;
 * - below it, the notifications outbox: every append, the follow-up's own included, writes
 *   its notifications in the same transaction.
 */
import { Layer } from "effect"
import { Activities, Deliberation, FollowUp, Grid, GridImport, Identity, IdGenerator, layerTimedRules, Matching, Mediation, Notifications, notificationsOutbox, outreachJobs, Places, Points, reacting, Reports, Visits, visitsOverdueJob } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"

/** Every service of the example county over `database`. */
export const countyLayer = (database: string) =>
  layerTimedRules<FollowUp | Notifications | Visits>([...outreachJobs, visitsOverdueJob]).pipe(
    Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer, Reports.layer())),
    Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer)),
    Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer, Notifications.layer())),
    Layer.provideMerge(FollowUp.layerReaction),
    // The ledger of work (工作台账): appends nothing, so it sits beside the outbox.
    Layer.provideMerge(Reports.layerReaction),
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(sqliteLayer({ filename: database })),
    Layer.provideMerge(IdGenerator.layer)
  )
