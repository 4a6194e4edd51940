/**
 * The row types of the SQLite schema, for kysely. They describe what is stored, not the
 * domain: rows are mapped to and from the core models at the adapter's edge.
 *
 * Conventions: ids are TEXT, instants ISO-8601 TEXT, calendar dates `YYYY-MM-DD` TEXT,
 * lists and records JSON TEXT, and a node's place in the tree a materialised path
 * `'/<root id>/…/<own id>/'`.
 *
 * @since 0.1.0
 */
import type { Generated } from "kysely"

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
  readonly id: string
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
  readonly id: string
  readonly county_id: string
  readonly parent_id: string | null
  /** Root first, the node itself last: `'/a/b/self/'`. A subtree is one range of paths. */
  readonly path: string
  readonly depth: number
  readonly level: string
  readonly code: string
  readonly name: string
  readonly party_organisation: string | null
  readonly status: string
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
  readonly id: string
  readonly county_id: string
  readonly node_id: string
  readonly code: string
  readonly residents: string
  /** Kept beside the JSON so that totals need not parse it. */
  readonly resident_count: number
  readonly status: string
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
  readonly id: string
  readonly county_id: string
  readonly node_id: string
  readonly code: string
  readonly name: string
  readonly phone: string | null
  /** The household the person lives in. */
  readonly household_id: string | null
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
  readonly person_id: string
  readonly county_id: string
  readonly linked_at: string
}

/**
 * Role assignments.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssignmentTable {
  readonly id: string
  readonly county_id: string
  readonly person_id: string
  readonly node_id: string
  readonly role: string
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
export interface EventTable {
  readonly position: Generated<number>
  readonly id: string
  readonly type: string
  readonly aggregate_type: string
  readonly aggregate_id: string
  readonly version: number
  /** The actor reference as JSON. */
  readonly actor: string
  readonly at: string
  /** The scope as a materialised path of node ids (`'/a/b/'`), `''` for store-wide events. */
  readonly scope: string
  /** The same path in {@link ScopeKeyTable} keys (`'/1/7/'`), short enough to index cheaply. */
  readonly scope_key: string
  /** The payload as JSON. */
  readonly payload: string
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

/**
 * The whole schema, as kysely's database type.
 *
 * @category models
 * @since 0.1.0
 */
export interface Tables {
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
}
