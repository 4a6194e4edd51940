/**
 * The row types of the SQLite schema, for kysely: every table the migrations create. They
 * describe what is stored, not the domain: rows are mapped to and from the core models at
 * the adapter's edge.
 *
 * Conventions: ids are TEXT typed as the core's branded ids (only this adapter writes them,
 * from decoded values), instants ISO-8601 TEXT, calendar dates `YYYY-MM-DD` TEXT, lists and
 * records JSON TEXT, booleans INTEGER 0/1, and a node's place in the tree a materialised
 * path `'/<root id>/…/<own id>/'`. A column with a closed set of values (a status, a kind,
 * a role) has the core's literal type. Tables of whole documents keep the document as JSON
 * in `doc`, beside the columns the queries filter, group and sort on.
 *
 * @since 0.1.0
 */
import type { PartyTables } from "./PartyTables.js"
import type { ServiceTables } from "./ServiceTables.js"
import type { VisitTables } from "./VisitTables.js"
import type { IntakeTables } from "./IntakeTables.js"
import type {
  Account,
  AccountId,
  Assignment,
  AssignmentId,
  CaseId,
  CatalogService,
  GridNode,
  GridNodeId,
  Hold,
  Household,
  HouseholdId,
  MediationCase,
  Need,
  NeedId,
  PersonId,
  ServiceId,
  StoredTransfer,
  TeamId,
  TransferCode,
  TransferId
} from "@mulin/core"
import type { EventRow } from "@mulin/sql"
import type { Generated } from "kysely"
import type { DeliberationTables } from "./internal/deliberation/tables.js"
import type { FollowUpTables } from "./internal/followup/tables.js"
import type { JobsTables } from "./internal/jobs/tables.js"
import type { NotificationTables } from "./internal/notifications/tables.js"
import type { ReportsTables } from "./internal/reports/tables.js"

/**
 * Applied migrations, by name.
 *
 * @category models
 * @since 0.1.0
 */
export interface MigrationTable {
  readonly name: string
  readonly applied_at: string
}

/**
 * Counties; each is also the root row of its tree in `nodes`, with the same id.
 *
 * @category models
 * @since 0.1.0
 */
export interface CountyTable {
  readonly id: GridNodeId
  /** Unique among all counties. */
  readonly code: string
  readonly name: string
  /** The level template as JSON. */
  readonly levels: string
  /** IANA time zone of the county's calendar. */
  readonly time_zone: string
  readonly created_at: string
}

/**
 * Grid nodes.
 *
 * @category models
 * @since 0.1.0
 */
export interface NodeTable {
  readonly id: GridNodeId
  readonly county_id: GridNodeId
  readonly parent_id: GridNodeId | null
  /** Root first, the node itself last: `'/a/b/self/'`. A subtree is one range of paths. */
  readonly path: string
  readonly depth: number
  readonly level: string
  readonly code: string
  readonly name: string
  readonly party_organisation: string | null
  readonly status: GridNode["status"]
  readonly version: number
  readonly created_at: string
  readonly updated_at: string
}

/**
 * Households, with their residents as JSON.
 *
 * @category models
 * @since 0.1.0
 */
export interface HouseholdTable {
  readonly id: HouseholdId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly code: string
  readonly residents: string
  /** Kept beside the JSON so that totals need not parse it. */
  readonly resident_count: number
  readonly status: Household["status"]
  readonly version: number
  readonly created_at: string
  readonly updated_at: string
}

/**
 * The directory of people.
 *
 * @category models
 * @since 0.1.0
 */
export interface PersonTable {
  readonly id: PersonId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly code: string
  readonly name: string
  readonly phone: string | null
  /** The household the person lives in. */
  readonly household_id: HouseholdId | null
  readonly version: number
  readonly created_at: string
  readonly updated_at: string
}

/**
 * Sign-in subjects linked to people.
 *
 * @category models
 * @since 0.4.0
 */
export interface SignInSubjectTable {
  readonly issuer: string
  readonly subject: string
  readonly person_id: PersonId
  readonly county_id: GridNodeId
  readonly linked_at: string
}

/**
 * Role assignments.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentTable {
  readonly id: AssignmentId
  readonly county_id: GridNodeId
  readonly person_id: PersonId
  readonly node_id: GridNodeId
  readonly role: Assignment["role"]
  readonly start_date: string
  readonly end_date: string | null
  readonly version: number
  readonly created_at: string
  readonly updated_at: string
}

/**
 * The event log. `position` is the cursor.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventTable extends Omit<EventRow<string>, "position" | "scope"> {
  readonly position: Generated<number>
  /** The scope as a materialised path of node ids (`'/a/b/'`), `''` for store-wide events. */
  readonly scope: string
  /** The same path in {@link ScopeKeyTable} keys (`'/1/7/'`), short enough to index cheaply. */
  readonly scope_key: string
}

/**
 * A short integer key for each node id that appears in an event scope.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScopeKeyTable {
  readonly key: Generated<number>
  readonly node_id: string
}

/**
 * Every key-path prefix that some event's scope has had at a node: `(node, '/…/key/')`.
 * Events visible at a node are those whose `scope_key` starts with one of its prefixes,
 * which is a range query on the `events_scope` index even after the node moved.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventScopeTable {
  readonly node_id: string
  readonly prefix: string
}

// ---------------------------------------------------------------------------
// County configurations (`points_config`, `matching_configs`, `mediation_configs`,
// `deliberation_configs`)

/**
 * A county's configuration of one context, as versioned JSON.
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyConfigTable {
  readonly county_id: GridNodeId
  /** The configuration as JSON, encoded by the context's schema. */
  readonly config: string
  readonly version: number
}

// ---------------------------------------------------------------------------
// Points

/**
 * Ledger accounts with their balances. A CHECK keeps `posted - held` at or above `floor`.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsAccountTable {
  readonly id: AccountId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly path: string
  readonly kind: Account["kind"]
  readonly owner_id: Account["ownerId"]
  readonly name: string
  readonly floor: number | null
  readonly posted: number
  readonly held: number
  readonly created_at: string
}

/**
 * The ledger's transfers, append-only: triggers refuse any UPDATE or DELETE. `seq` is the
 * ledger order.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsTransferTable {
  readonly seq: Generated<number>
  readonly id: TransferId
  readonly kind: StoredTransfer["kind"]
  readonly debit_account_id: AccountId
  readonly credit_account_id: AccountId
  readonly amount: number
  readonly code: TransferCode
  readonly category: string | null
  readonly memo: string
  readonly cause_type: NonNullable<StoredTransfer["cause"]>["type"] | null
  readonly cause_id: string | null
  readonly pending_id: TransferId | null
  readonly reverses_id: TransferId | null
  readonly timeout_at: string | null
  readonly actor_id: string
  readonly at: string
}

/**
 * One posted effect of a transfer on an account: a statement page is one index range.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsEntryTable {
  readonly account_id: AccountId
  readonly seq: number
  readonly amount: number
  readonly code: TransferCode
  readonly category: string | null
  readonly at: string
}

/**
 * Holds: an order's points or a need's reward, pending until posted or voided.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsHoldTable {
  readonly id: TransferId
  readonly county_id: GridNodeId
  readonly purpose: Hold["purpose"]
  readonly account_id: AccountId
  readonly credit_account_id: AccountId
  readonly merchant_account_id: AccountId | null
  readonly amount: number
  readonly service_id: ServiceId | null
  readonly quantity: number
  readonly cash_fen: number
  readonly cause_type: NonNullable<Hold["cause"]>["type"] | null
  readonly cause_id: string | null
  /** The pickup code as a salted hash, never the code. */
  readonly code_hash: string | null
  readonly code_salt: string | null
  readonly failed_attempts: number
  /** 0 or 1. */
  readonly locked: number
  readonly status: Hold["status"]
  readonly placed_at: string
  readonly timeout_at: string | null
  readonly resolution_id: TransferId | null
  readonly resolved_at: string | null
  readonly version: number
}

/**
 * The guard of a merchant that typed wrong pickup codes.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsMerchantGuardTable {
  readonly merchant_account_id: AccountId
  readonly failures: number
  readonly window_start: string
  readonly locked_until: string | null
  readonly version: number
}

/**
 * A shop's services in the catalogue.
 *
 * @category models
 * @since 0.4.0
 */
export interface PointsServiceTable {
  readonly id: ServiceId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly merchant_account_id: AccountId
  readonly title: string
  readonly description: string
  readonly price_points: number
  readonly cash_fen: number
  readonly stock: number | null
  readonly daily_capacity: number | null
  readonly status: CatalogService["status"]
  readonly version: number
  readonly created_at: string
  readonly updated_at: string
}

/**
 * The kernel's idempotency records: the first result of a command, by actor and key.
 *
 * @category models
 * @since 0.4.0
 */
export interface IdempotencyKeyTable {
  readonly actor_id: string
  readonly key: string
  readonly fingerprint: string
  /** The result as JSON. */
  readonly result: string
  readonly at: string
}

// ---------------------------------------------------------------------------
// Matching

/**
 * Needs (micro-wishes, urgent problems), whole in `doc`.
 *
 * @category models
 * @since 0.4.0
 */
export interface MatchingNeedTable {
  readonly id: NeedId
  readonly county_id: GridNodeId
  readonly path: string
  readonly state: Need["state"]
  readonly status: Need["status"]
  readonly category: string
  readonly due_at: string
  readonly version: number
  readonly doc: string
}

/**
 * Volunteer profiles, whole in `doc`, keyed by person.
 *
 * @category models
 * @since 0.4.0
 */
export interface MatchingVolunteerTable {
  readonly person_id: PersonId
  readonly county_id: GridNodeId
  /** The home scope's path. */
  readonly path: string
  readonly version: number
  readonly doc: string
}

/**
 * Volunteer teams, whole in `doc`.
 *
 * @category models
 * @since 0.4.0
 */
export interface MatchingTeamTable {
  readonly id: TeamId
  readonly county_id: GridNodeId
  readonly version: number
  readonly doc: string
}

// ---------------------------------------------------------------------------
// Mediation

/**
 * Dispute cases, whole in `doc`, with the deadline and the statistics facts beside it.
 *
 * @category models
 * @since 0.4.0
 */
export interface MediationCaseTable {
  readonly id: CaseId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  /** The node's path when the case was reported. */
  readonly path: string
  readonly category: string
  readonly state: MediationCase["state"]
  readonly status: MediationCase["status"]
  readonly level: MediationCase["level"]
  /** The department's code. */
  readonly department: string | null
  /** 0 or 1. */
  readonly disclosed: number
  readonly due_kind: NonNullable<MediationCase["deadline"]>["kind"] | null
  readonly due_at: string | null
  readonly reported_at: string
  /** Bit masks of the levels reached and missed. */
  readonly reached: number
  readonly missed: number
  readonly responded: number
  readonly ratings: number
  readonly satisfied: number
  readonly resolve_hours: number | null
  readonly version: number
  readonly doc: string
}

/**
 * Each deadline a case was escalated for, once.
 *
 * @category models
 * @since 0.4.0
 */
export interface MediationEscalationTable {
  readonly case_id: CaseId
  readonly deadline_key: string
}

// ---------------------------------------------------------------------------
// Deliberation

// ---------------------------------------------------------------------------
// Scheduled rules

/**
 * The whole schema, as kysely's database type.
 *
 * @category models
 * @since 0.1.0
 */
export interface Tables extends DeliberationTables, FollowUpTables, NotificationTables, JobsTables, ServiceTables, VisitTables, PartyTables, IntakeTables, ReportsTables {
  readonly migrations: MigrationTable
  readonly counties: CountyTable
  readonly nodes: NodeTable
  readonly households: HouseholdTable
  readonly people: PersonTable
  readonly sign_in_subjects: SignInSubjectTable
  readonly assignments: AssignmentTable
  readonly events: EventTable
  readonly scope_keys: ScopeKeyTable
  readonly event_scopes: EventScopeTable
  readonly points_config: CountyConfigTable
  readonly points_accounts: PointsAccountTable
  readonly points_transfers: PointsTransferTable
  readonly points_entries: PointsEntryTable
  readonly points_holds: PointsHoldTable
  readonly points_merchant_guards: PointsMerchantGuardTable
  readonly points_services: PointsServiceTable
  readonly idempotency_keys: IdempotencyKeyTable
  readonly matching_configs: CountyConfigTable
  readonly matching_needs: MatchingNeedTable
  readonly matching_volunteers: MatchingVolunteerTable
  readonly matching_teams: MatchingTeamTable
  readonly mediation_configs: CountyConfigTable
  readonly mediation_cases: MediationCaseTable
  readonly mediation_escalations: MediationEscalationTable
  readonly deliberation_configs: CountyConfigTable
}
