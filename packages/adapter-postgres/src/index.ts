/**
 * PostgreSQL storage for Mulin: several API processes on one database, and a schema ready to
 * be distributed by county (Citus).
 *
 * @since 0.5.0
 */
export * from "./PostgresDatabase.js"
export * from "./PostgresStore.js"
