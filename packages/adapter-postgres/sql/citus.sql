-- Distributes a Mulin PostgreSQL database on Citus by county.
--
-- Run once, as the database owner, on the coordinator of a Citus cluster, on a database the
-- adapter has migrated (open it once with @mulin/adapter-postgres, then run this script).
-- Every county-owned table is distributed by county_id and co-located with nodes, so the
-- rows of one county, in every table, lie on one shard group: a unit of work for one county
-- runs on one worker, and a join between two county-owned tables on (county_id, …) stays
-- there. The small shared tables are reference tables, copied to every worker.
--
-- Citus is not packaged with Mulin: the adapter's tests check this script against plain
-- PostgreSQL for what can be checked there (every table below exists, every distributed one
-- has county_id first in its primary key and unique constraints, its foreign keys to other
-- distributed tables include county_id, and no table is left out), not on a Citus cluster.

BEGIN;

-- A sign-in subject is unique across the store on one server; Citus enforces uniqueness
-- only with the distribution column, so the store-wide index goes (linking checks first).
DROP INDEX IF EXISTS sign_in_subjects_subject;

-- Shared catalogues and process coordination: small, read everywhere.
SELECT create_reference_table('counties');
SELECT create_reference_table('migrations');
SELECT create_reference_table('job_leases');
SELECT create_reference_table('job_reminders');

-- Idempotency records belong to an actor, not a county: their own distribution, not
-- co-located (a request's record and its county's rows commit in one distributed transaction).
SELECT create_distributed_table('idempotency_keys', 'actor_id', colocate_with => 'none');

-- The grid, first: every other county-owned table is co-located with nodes.
SELECT create_distributed_table('nodes', 'county_id');
SELECT create_distributed_table('households', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('people', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('assignments', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('sign_in_subjects', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('events', 'county_id', colocate_with => 'nodes');

-- The ledger.
SELECT create_distributed_table('points_config', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_accounts', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_transfers', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_entries', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_holds', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_services', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('points_merchant_guards', 'county_id', colocate_with => 'nodes');

-- Mediation and deliberation.
SELECT create_distributed_table('mediation_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('mediation_cases', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('mediation_escalations', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('deliberation_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('deliberation_sessions', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('deliberation_items', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('deliberation_ratings', 'county_id', colocate_with => 'nodes');

-- Matching.
SELECT create_distributed_table('matching_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('matching_needs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('matching_volunteers', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('matching_teams', 'county_id', colocate_with => 'nodes');

-- Follow-ups and notifications.
SELECT create_distributed_table('followup_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('followups', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('followup_waiting', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('notification_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('notification_preferences', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('notifications', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('notification_deliveries', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('notification_attempts', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('webhook_subscriptions', 'county_id', colocate_with => 'nodes');

-- Scheduled rules, places, activities, visits.
SELECT create_distributed_table('jobs_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('job_runs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('places_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('places', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('activities', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('activity_teams', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('visits_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('care_households', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('household_visits', 'county_id', colocate_with => 'nodes');

-- Partners, party members, the one-window intake and the ledger of work.
SELECT create_distributed_table('partners', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('partner_merchants', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('partner_services', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('party_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('party_registrations', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('party_services', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('intake_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('intake_requests', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('intake_serials', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('intake_follow_guards', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('reports_configs', 'county_id', colocate_with => 'nodes');
SELECT create_distributed_table('work_ledger', 'county_id', colocate_with => 'nodes');
-- The ledger's monthly roll-up, beside the ledger it is kept with.
SELECT create_distributed_table('reports_rollup', 'county_id', colocate_with => 'nodes');

COMMIT;
