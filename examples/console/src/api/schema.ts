/* The Mulin API's types, generated from GET /openapi.json by scripts/api-types.ts: do not edit. */
export interface paths {
    "/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan an activity
         * @description Needs `activities.manage` at the node. `placeId` is a place at the node or below it; `teamId` the team running it (a lecture team for a lecture, which needs a `topic`); `organiserId` (default: the caller) awards the attendance points. The answer carries the check-in code.
         */
        post: operations["planActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an activity
         * @description Counts and the caller's own registration; the check-in code only for those who manage it.
         */
        get: operations["getActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on an activity
         * @description `Register`, `Withdraw` and `CheckIn` (with the 6-digit `code`) for oneself need `activities.join` at the node, above or below it; naming another `personId`, or checking in without the code, needs `activities.manage`. A check-in pays the `event_attendance` points once, within the caps. `RecordHours`, `Cancel` and `Complete` need `activities.manage`.
         */
        post: operations["runActivityCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An activity's registered, waiting and attended people
         * @description Needs `activities.manage`.
         */
        get: operations["getActivityRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Form a volunteer or lecture team
         * @description Needs `activities.manage` at the node; the leader and members are people in the caller's scope.
         */
        post: operations["formActivityTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a volunteer or lecture team
         * @description For anyone whose grants cover the team's node.
         */
        get: operations["getActivityTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/teams/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change or disband a team
         * @description `Update` (name, leader, topics, members joining or leaving) or `Disband`. Needs `activities.manage`.
         */
        post: operations["runActivityTeamCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activities/teams/{id}/hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A team's service hours per member
         * @description Needs `activities.manage`.
         */
        get: operations["getActivityTeamHours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a person to a node in a role
         * @description Needs `grid.assignment.write` on the node.
         */
        post: operations["assignRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an assignment
         * @description Needs `grid.assignment.write` on the assignment's node.
         */
        post: operations["endAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the counties the actor can see */
        get: operations["listCounties"];
        put?: never;
        /**
         * Create a county
         * @description Creates a county and its root node. Needs `county.create` on the whole store.
         */
        post: operations["createCounty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a county
         * @description Needs `grid.tree.read` on the county root.
         */
        get: operations["getCounty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/deliberation/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's deliberation configuration
         * @description Session types, categories, responsible units, quorum and majority. For the county's staff (`county.config.read`).
         */
        get: operations["getDeliberationConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's deliberation configuration
         * @description Needs `deliberation.manage` on the county. Every value is checked; the same values again change nothing.
         */
        patch: operations["configureDeliberation"];
        trace?: never;
    };
    "/counties/{id}/followup/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's follow-up configuration
         * @description Days to rate, what a rating not given counts as, weeks to the questionnaire. For the county's staff (`county.config.read`).
         */
        get: operations["getFollowUpConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's follow-up configuration
         * @description Needs `followup.configure` on the county: `ratingDays` 1–60, `questionnaireWeeks` 1–26, `lapseRule` `not_rated` or `remind_once`.
         */
        patch: operations["configureFollowUp"];
        trace?: never;
    };
    "/counties/{id}/intake/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's intake categories and reference prefix
         * @description The seed's until the county saves its own. For the county's staff.
         */
        get: operations["getIntakeConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's intake categories and reference prefix
         * @description Needs `grid.node.write` on the county.
         */
        patch: operations["configureIntake"];
        trace?: never;
    };
    "/counties/{id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's scheduled rules
         * @description Each job with its cron schedule (read in the county's time zone), when it is next due and its latest runs. Needs `jobs.read` in the county (its staff).
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one job for a county now
         * @description Runs the job at once, for the period since it last fired, and records the run (trigger `manual`). The rules are safe to repeat. Needs `jobs.run` in the county (its staff).
         */
        post: operations["runJobNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/jobs/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's settings for its scheduled rules
         * @description How many missed periods are caught up after downtime, and how long before a deadline the reminder is given. The defaults until the county sets its own. Needs `jobs.read` in the county.
         */
        get: operations["getJobsConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's settings for its scheduled rules
         * @description Needs `jobs.run` in the county.
         */
        patch: operations["configureJobs"];
        trace?: never;
    };
    "/counties/{id}/jobs/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's job runs, newest first
         * @description Each run with its period, outcome (ok or failed with the message), counts and times; of one job with `job`. Needs `jobs.read` in the county.
         */
        get: operations["listJobRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/matching/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's matching configuration
         * @description Categories, weights, radius. The defaults until the county sets its own. For the county's staff (`county.config.read`).
         */
        get: operations["getMatchingConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's matching configuration
         * @description Needs `matching.manage` on the county.
         */
        patch: operations["configureMatching"];
        trace?: never;
    };
    "/counties/{id}/matching/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a county's volunteer teams */
        get: operations["listTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/mediation/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's mediation configuration
         * @description Categories, deadlines, the department registry. The defaults until the county sets its own. For the county's staff only (`county.config.read` in the county).
         */
        get: operations["getMediationConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's mediation configuration
         * @description Needs `mediation.supervise` on the county.
         */
        patch: operations["configureMediation"];
        trace?: never;
    };
    "/counties/{id}/notifications/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's notification rules
         * @description Event type → template, recipients and urgency; default channels, quiet hours, attempts and backoff. Needs `notifications.manage` in the county.
         */
        get: operations["getNotificationConfig"];
        /**
         * Replace a county's notification rules
         * @description Send the configuration as read, with its `version`. Needs `notifications.manage` in the county.
         */
        put: operations["configureNotifications"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/party/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's kinds of service
         * @description The defaults until the county saves its own. For anyone working or living in the county.
         */
        get: operations["getPartyConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's kinds of service
         * @description Needs `party.manage` on the county. Codes are unique; the same kinds again change nothing.
         */
        patch: operations["configureParty"];
        trace?: never;
    };
    "/counties/{id}/places/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's kinds of places
         * @description The seed's seven kinds until the county saves its own. For anyone working or living in the county.
         */
        get: operations["getPlacesConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's kinds of places
         * @description Needs `places.manage` on the county. Codes are unique; the same kinds again change nothing.
         */
        patch: operations["configurePlaces"];
        trace?: never;
    };
    "/counties/{id}/points/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's earning rules and point policies
         * @description For the county's staff (`county.config.read`).
         */
        get: operations["getPointsConfig"];
        /**
         * Replace a county's earning rules and point policies
         * @description Needs `points.configure`.
         */
        put: operations["setPointsConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/points/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Expire points older than the county's expiry, oldest first */
        post: operations["expirePoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/reports/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's reporting settings
         * @description The response time and the complaint categories; the defaults (24 hours; property matters) until the county saves its own. Needs `reports.read` in the county.
         */
        get: operations["getReportsConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's reporting settings
         * @description Needs `reports.configure` on the county. The same settings again change nothing.
         */
        patch: operations["configureReports"];
        trace?: never;
    };
    "/counties/{id}/visits/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's special-care categories and reasons for a visit
         * @description The seed's until the county saves its own. For the county's staff.
         */
        get: operations["getVisitsConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a county's categories and reasons
         * @description Needs `grid.node.write` on the county. Each category has a visiting frequency from 1 to 366 days.
         */
        patch: operations["configureVisits"];
        trace?: never;
    };
    "/counties/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A county's webhook subscriptions
         * @description Never their secrets. Needs `notifications.manage` in the county.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to the county's notifications
         * @description Every notification (or those of `eventTypes`) is posted, signed with HMAC-SHA256 (`Mulin-Signature`). The signing secret is in this answer only. Needs `notifications.manage` in the county.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a webhook subscription
         * @description Deliveries not yet made to it are dead-lettered.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counties/{id}/webhooks/{webhookId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook's signing secret
         * @description A new secret, shown once; the old one keeps signing beside it for `overlapHours` (default 24; two `v1` signatures meanwhile), then expires.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise an item (议题 / 意见建议 / 微点子)
         * @description Needs `deliberation.raise` at the node, above or below it. The caller raises it as themself; staff who read deliberation where a person is registered may name that person (`raisedBy: { _tag: "Person", personId }`), and staff at the node may record an outsider (`{ _tag: "Outside", name, phone? }`).
         */
        post: operations["raiseItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an item with who raised it
         * @description Needs `deliberation.read`, or being the person who raised it.
         */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/items/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The items an item was split into
         * @description Needs `deliberation.read`.
         */
        get: operations["listItemChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/items/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on an item
         * @description `_tag` names the command (Answer, Accept, Vote, RecordMilestone, Resolve, ReportBack, Close, Merge, Decline, Reopen). `Accept` takes `promisedBy`, a date in the county's calendar. A command the item's state does not allow answers 409 `invalid_transition`; one that changes nothing answers the item as it is.
         */
        post: operations["runItemCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/items/{id}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate an item (现场评)
         * @description 1–5 with a comment, once per person and round of handling; a second rating answers 409 `already_rated`. Staff with `deliberation.manage` may record the rating of a person in their scope (`personId`) who may rate the item.
         */
        post: operations["rateItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convene a session
         * @description A round table, residents' council, small-stool talk, talk point or reception day. Needs `deliberation.manage`; `convener` (default: the caller) is a person in the caller's scope.
         */
        post: operations["conveneSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a session
         * @description Needs `deliberation.read`. Participants' organisation names are shown to staff only, never on the public board.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/sessions/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a session's minutes
         * @description Needs `deliberation.manage`. The same minutes again change nothing.
         */
        post: operations["recordMinutes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one county's event feed
         * @description One county's events the actor may see (`events.read`), in the county's commit order. Pass the page's `next` as `after`, with the same `county`, to read on; `next` is null on the last page. `county` is implied when the actor may read the events of one county, and required (422, field `county`) when it may read several; a county the actor may not read answers 404 or 403. Positions are unique across counties but ordered per county: poll each county with its own cursor.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registered exports
         * @description Each export's name (for `/nodes/{id}/exports/{name}`) and title in English and Chinese.
         */
        get: operations["listExports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/followup/questionnaires/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a questionnaire: was it solved?
         * @description Only the person asked, once (409 `already_answered` after). `solved: false` reopens the need, case or item through its own context where that context's rules allow (a deliberation item only when rated below the county's threshold); `reopened` says whether it did. The comment stays with the follow-up and never reaches the feed.
         */
        post: operations["answerQuestionnaire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness check */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a household in a smallest unit
         * @description Needs `grid.household.write` on the unit.
         */
        post: operations["createHousehold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a household
         * @description Needs `grid.household.read`.
         */
        get: operations["getHousehold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a household's door number or residents
         * @description Needs `grid.household.write`.
         */
        patch: operations["updateHousehold"];
        trace?: never;
    };
    "/households/{id}/care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A household's special-care categories
         * @description `null` when the household was never marked.
         */
        get: operations["getCareHousehold"];
        /**
         * Mark a household with special-care categories
         * @description Needs `grid.household.write` at the household. Codes are the county's categories; an empty list unmarks it; the same categories again change nothing.
         */
        put: operations["markCareHousehold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/households/{id}/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The places serving a household
         * @description The places at the household's node and its ancestors, nearest first, with whether each is open now in the county's time zone. No contact person.
         */
        get: operations["listPlacesServingHousehold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/households/{id}/servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who serves this household
         * @description For each role, the nearest current assignee above the household's unit. Needs `grid.household.read`.
         */
        get: operations["whoServes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a request in (一口式受理)
         * @description At a household (`householdId`) or a node (`nodeId`), on one channel, in one of the county's categories; the resident is a person of the grid or a contact. Answers the reference number and the follow code, shown this once.
         */
        post: operations["receiveIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a request
         * @description A contact's name and phone are masked unless the caller reads personal data at the request's node.
         */
        get: operations["getIntakeRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a request
         * @description Staff confirm it: the response. The body is an empty object.
         */
        post: operations["acceptIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge a duplicate into an open request
         * @description Both in the caller's scope and in one county; the one merged into is received, accepted or routed.
         */
        post: operations["mergeIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a request
         * @description With a reason code, and optionally an outcome the resident reads.
         */
        post: operations["rejectIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a request
         * @description With the outcome the resident reads, redacted (numbers and the names around) when it is stored.
         */
        post: operations["resolveIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/requests/{id}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Route a request
         * @description To a need, a mediation case or a deliberation item, raised in the same unit of work with the caller's rights, or to a department with a due date (not before today). The request is resolved when its need, case or item is.
         */
        post: operations["routeIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lookup/node": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a node by its code path
         * @description `path` is the node codes from the county down, e.g. `370812/001/001/G01`. Needs `grid.tree.read`.
         */
        get: operations["findNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/claim-board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The actor's claim board
         * @description Open needs of their community, nearest first.
         */
        get: operations["getClaimBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a need
         * @description Needs `matching.post` at the node it concerns.
         */
        post: operations["postNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/needs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a need
         * @description Staff, its requester, its volunteers, and volunteers who may claim in its subtree.
         */
        get: operations["getNeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/needs/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a need (认领)
         * @description The actor takes a slot. When every slot is taken the answer is 409 `conflict` with reason `slots_full`: the claim lost.
         */
        post: operations["claimNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/needs/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on a need
         * @description `_tag`: Claim, Assign, Release, Reassign, LogVisit, ReportDone, Confirm, Reopen, Close, Cancel, AttachReward. A command the state does not allow answers 409 `invalid_transition`. A requester never works on their own need (409 `requester_cannot_work`); whoever did the work does not confirm it (403).
         */
        post: operations["runNeedCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/needs/{id}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rank the volunteers for a need
         * @description Hard filters, then a weighted score with its breakdown. Needs `matching.dispatch`.
         */
        get: operations["rankVolunteers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a volunteer team (志愿服务队)
         * @description Needs `matching.manage` at its home.
         */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or replace a person's volunteer profile
         * @description `matching.manage` over the person, at the profile's current home and at its new one; or the volunteer themself. The name shown is the person's.
         */
        post: operations["saveVolunteer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/volunteers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a volunteer profile */
        get: operations["getVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the token signs in
         * @description The person the credentials sign in and their grants, derived from their current posts on this request. An ended post grants nothing from the next request on.
         */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ratings and questionnaires waiting for me
         * @description The caller's open rating requests (with their last day, county calendar) and questionnaires not yet answered.
         */
        get: operations["listMyFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications
         * @description Newest first; `unread=true` for those not read yet.
         */
        get: operations["myInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications read
         * @description Another person's notification is not found.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notification preferences
         * @description The county's defaults until I set my own.
         */
        get: operations["myNotificationPreferences"];
        /**
         * Change my notification preferences
         * @description Channels besides the inbox, quiet hours in the county's time (`null`: none; urgent notifications are sent anyway), and the daily digest of non-urgent ones.
         */
        put: operations["setNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mediation/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a dispute
         * @description Needs `mediation.report` at the node where it happened.
         */
        post: operations["reportCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mediation/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a case with its parties
         * @description Community staff with `mediation.read`, the case's mediators, and whoever it was escalated to.
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mediation/cases/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on a case
         * @description `_tag` names the command (Accept, RecordStatement, RecordRound, RecordAgreement, Escalate, Resolve, Disclose, Rate, Close, Withdraw, Reopen, …). A command the case's state does not allow answers 409 `invalid_transition`.
         */
        post: operations["runCaseCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mediation/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate overdue cases
         * @description Escalates each overdue case once per missed deadline, as the system actor. Needs `mediation.supervise` on the county (or everywhere without `countyId`).
         */
        post: operations["runSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a node under a parent
         * @description Needs `grid.node.write` on the parent.
         */
        post: operations["createNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a node
         * @description Needs `grid.tree.read`.
         */
        get: operations["getNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or re-code a node
         * @description Needs `grid.node.write`. `expectedVersion` guards against lost updates.
         */
        patch: operations["updateNode"];
        trace?: never;
    };
    "/nodes/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the activities of a subtree
         * @description Those starting in the period of local days (both included), by id.
         */
        get: operations["listActivities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/activities/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activities and person-times of a subtree and period
         * @description By kind, by month of the county's calendar and by the nodes right below; distinct residents reached; cancelled activities not counted.
         */
        get: operations["getActivityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/activities/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the volunteer and lecture teams of a subtree
         * @description By id.
         */
        get: operations["listActivityTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/ancestors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a node's ancestors the actor may read
         * @description Root first. Needs `grid.tree.read`.
         */
        get: operations["listAncestors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a node
         * @description Needs `grid.node.write`. Refused while live children or households remain, unless `cascade`.
         */
        post: operations["archiveNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the role assignments below a node
         * @description Needs `grid.tree.read`.
         */
        get: operations["listAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a node's children, a page at a time
         * @description Needs `grid.tree.read`.
         */
        get: operations["listChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report the units without building leader, party member or party organisation
         * @description Needs `grid.tree.read`.
         */
        get: operations["getCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/deliberation/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the sessions below a node, newest first
         * @description Needs `deliberation.read`.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/deliberation/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics of a subtree and period
         * @description The days `from` to `to` (both included) in the county's calendar. Raised, answered on the spot, taken up, resolved, overdue; on-time rate and satisfaction per unit; the change against the same days a year earlier per category. Needs `deliberation.read`.
         */
        get: operations["getDeliberationStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/exports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subtree's report as a CSV or .xlsx file (导出)
         * @description CSV: one sheet, UTF-8 with a byte-order mark, RFC 4180, a text beginning with =, +, -, @, tab or CR prefixed with ' so no spreadsheet evaluates it. .xlsx: every sheet of the export, Chinese headers (or English with `lang=en`), frozen header row, numbers as numbers, dates as text of the county's calendar. The file is named in Chinese in `Content-Disposition` (RFC 6266, `filename*` per RFC 5987).
         */
        get: operations["exportFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/followup/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow-up statistics of a subtree and period
         * @description Work finished on the days `from` to `to` (both included, county calendar): people asked, rated, satisfied, lapsed (not rated), questionnaires sent, answered, solved, not solved, reopened. The satisfaction rate divides by everyone whose time to rate is over, so a lapsed rating is never satisfied. Needs `followup.read`.
         */
        get: operations["getFollowUpStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the households below a node
         * @description Needs `grid.household.read`; personal data is masked unless the actor has `grid.personal.read`.
         */
        get: operations["listHouseholds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the requests of a subtree
         * @description In the order received; by status, channel or category.
         */
        get: operations["listIntakeRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/matching/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batch dispatch (派单) of a subtree's open needs
         * @description Maximises the total score under capacities and slots, most urgent first; each assignment explained. Needs `matching.dispatch`.
         */
        post: operations["dispatchNeeds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/matching/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expire the needs past due
         * @description As the system actor. Needs `matching.manage`.
         */
        post: operations["expireNeeds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/matching/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the needs below a node
         * @description Needs `matching.read`.
         */
        get: operations["listNeeds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/matching/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the volunteer profiles below a node
         * @description Needs `matching.read`.
         */
        get: operations["listVolunteers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/mediation/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the cases below a node
         * @description Needs `mediation.read`; a department's staff list their department's cases with `department` from the county root.
         */
        get: operations["listCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/mediation/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the cases past their deadline below a node
         * @description Needs `mediation.read`.
         */
        get: operations["listOverdueCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/mediation/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics of a subtree and period
         * @description By category, state and level; 响应率, 解决率, 满意率; median hours to resolve; on-time rate per level; for a closed period the same period a year earlier (同比). The period is `month` (`YYYY-MM` or `current`), `date` (`YYYY-MM-DD` or `today`) in the county's calendar, or `from`/`to` instants. Needs `mediation.read`.
         */
        get: operations["getMediationStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a node with its subtree
         * @description Needs `grid.node.write` on the node and on the new parent.
         */
        post: operations["moveNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the partners of a subtree
         * @description Registered at a node of the subtree, by id, filtered by type and status.
         */
        get: operations["listPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/partners/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What partners provided in a subtree and period
         * @description Needs `partners.manage` at the root. Per partner: free services given and orders of its catalog items confirmed, people served and points; per type; the active partners.
         */
        get: operations["getPartnerReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/party/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the registrations with a subtree's communities
         * @description By id, filtered by employer and status; names and phones masked without personal read.
         */
        get: operations["listPartyMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/party/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Party members' service per employer, community and month
         * @description Needs `party.manage` at the root. Members registered, serving, hours and mean hours per registered member, for one employer when `employerId` is given.
         */
        get: operations["getPartyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the people registered below a node
         * @description Needs `grid.tree.read`.
         */
        get: operations["listPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the places of a subtree
         * @description By id, filtered by kind and status (archived ones only when asked for).
         */
        get: operations["listPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/places/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which communities of a subtree lack which kind of place
         * @description Per community, the places of each kind at it or below; per kind, how many communities have one.
         */
        get: operations["getPlaceCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/points/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who earned most in a subtree
         * @description Names masked; account ids only for those with `points.read` there.
         */
        get: operations["getPointsLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/points/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The services offered to residents of a node */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/points/totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Issued, redeemed, donated, expired and outstanding points of a subtree
         * @description Period `[from, to)`, default the current month. Needs `points.read`.
         */
        get: operations["getPointsTotals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/reports/headline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The headline report of a subtree (主要指标)
         * @description Every headline counter's figure (red grids, building leaders, places by kind, teams, activities, person-times, complaints …) and the complaints year on year. Needs `reports.read` at the node.
         */
        get: operations["getHeadlineReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/reports/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The KPI report of a subtree (考核指标)
         * @description 响应率 (responded within the county's response time), 解决率, 满意率 and mean hours to respond and resolve, in total, per child of the root, category, channel and kind, and year on year by category. Needs `reports.read` at the node.
         */
        get: operations["getKpiReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/reports/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ledger of work of a subtree (工作台账)
         * @description One row per need, mediation case, deliberation item and intake request opened in the period, in the order opened, a page at a time. Needs `reports.read` at the node.
         */
        get: operations["listWorkLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count nodes, households and residents below a node
         * @description Needs `grid.tree.read`.
         */
        get: operations["getSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the visits of a subtree
         * @description In the order recorded, of one household when `householdId` is given.
         */
        get: operations["listVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nodes/{id}/visits/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The households of a subtree overdue for a visit
         * @description Households whose categories' shortest frequency has passed since the last visit (or the marking), counted in the county's calendar; most days overdue first.
         */
        get: operations["listOverdueVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The deliveries of a notification and their attempts
         * @description Status, HTTP status, error and duration of every attempt. For the staff of the notification's county.
         */
        get: operations["notificationAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a partner organisation (睦邻合伙人)
         * @description Needs `partners.manage` at the node. `type` is merchant, clinic, social_organisation, unit or talent; every node in `serves` lies in the caller's scope.
         */
        post: operations["registerPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a partner
         * @description For anyone whose grants cover its node; staff names in full only to those who manage partners or read personal data there.
         */
        get: operations["getPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on a partner
         * @description `_tag` names the command (Update, AddStaff, RemoveStaff, LinkMerchant, Withdraw, Reinstate). Needs `partners.manage`. A linked merchant account may list free services (0 points) in the points catalog.
         */
        post: operations["runPartnerCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partners/{id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a free service a partner gave
         * @description By staff with `partners.manage` at the node, or by the partner's own staff at a node they see. `providedOn` is not later than today.
         */
        post: operations["recordPartnerService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a party member with a community (在职党员报到)
         * @description By staff with `party.manage` at the community (the person in their scope) or by the member themselves. `communityId` is a community; `employerId` an active partner of type unit of the county; `commitments` the county's kinds of service. One active registration per person and county (409 `already_registered`).
         */
        post: operations["registerPartyMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a registration
         * @description With its tally of hours; the name and phone in full only with `grid.personal.read` at the community (or for the member), masked otherwise.
         */
        get: operations["getPartyMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/members/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on a registration
         * @description `_tag` names the command (Commit, RecordService, Withdraw). `RecordService` (a kind, hours from 0.5 to 24 in half hours, a day not later than today) needs `party.manage`; a member may change their own commitments and withdraw.
         */
        post: operations["runPartyMemberCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a person at a node
         * @description Needs `grid.assignment.write` on the node; the household, if any, must lie at or below it.
         */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a person
         * @description Visible with `grid.tree.read` on the node the person is registered at or on a node where they hold a current post, and to the person; masked unless the actor has `grid.personal.read` where the person is registered.
         */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a person's name, phone, node or household
         * @description Needs `grid.assignment.write` where the person is registered and at the new node. A request that changes nothing writes nothing.
         */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/people/{id}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the sign-in subjects linked to a person
         * @description Needs `grid.assignment.write` where the person is registered.
         */
        get: operations["listSubjects"];
        put?: never;
        /**
         * Link a sign-in subject to a person
         * @description The subject (`issuer`, `subject`) then signs the person in. Linking it again changes nothing; a subject linked to another person answers 409 `subject_linked`. Needs `grid.assignment.write`.
         */
        post: operations["linkSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{id}/subjects/unlink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlink a sign-in subject from a person
         * @description Answers the subjects left; 404 when the subject is not linked to the person. Needs `grid.assignment.write`.
         */
        post: operations["unlinkSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a service place (阵地)
         * @description Needs `places.manage` at the node. `kind` is one of the county's kinds; `hours` are weekly ranges in the county's time zone (no inverted or overlapping range); `contactId` is a person in the caller's scope.
         */
        post: operations["registerPlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a place
         * @description For anyone whose grants cover the place's node; the contact person only for those who manage the place or read personal data there.
         */
        get: operations["getPlace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/places/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command on a place
         * @description `_tag` names the command (Update, Close, Reopen, Archive). Needs `places.manage`. A command the status does not allow answers 409 `invalid_transition`; one that changes nothing answers the place as it is.
         */
        post: operations["runPlaceCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a points account
         * @description Needs `points.account.open` on the node (`points.configure` for an issuer).
         */
        post: operations["openPointsAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a points account
         * @description The holder, or `points.read` where it is registered.
         */
        get: operations["getPointsAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/accounts/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posted, held and available points */
        get: operations["getPointsBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/accounts/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's statement, newest first, with the running balance */
        get: operations["getPointsStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust an account against its issuer, with a reason
         * @description Needs `points.adjust`.
         */
        post: operations["adjustPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/awards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Award points by an earning rule
         * @description Checks the rule, the caps and who may award; the problem says which one refused.
         */
        post: operations["awardPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Commit posted transfers all or none
         * @description Needs `points.adjust` on every account.
         */
        post: operations["commitPointsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/donations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Donate points to the charity fund or a family member */
        post: operations["donatePoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/holds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a hold (an order)
         * @description Never its pickup code.
         */
        get: operations["getHold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/holds/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending hold
         * @description The holder, or staff with `points.adjust`; the points return.
         */
        post: operations["cancelHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/holds/{id}/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new pickup code for an order
         * @description The holder only. The old code stops working and a locked hold unlocks; the answer carries the new code, once.
         */
        post: operations["reissuePickupCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/holds/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a hold with its pickup code
         * @description The merchant; the held points post to it. A wrong code is counted (422, and recorded even though the request fails); after the county's limit the hold locks (409 `hold_locked`) until its holder asks for a new code, and a merchant who types too many wrong codes within an hour is locked out for a while (409 `merchant_locked`).
         */
        post: operations["fulfilHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/jobs/expire-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void the holds past their timeout
         * @description A scheduled job; store-wide `points.configure`.
         */
        post: operations["expireHolds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Order a low-cost service
         * @description Places a hold; the answer carries the pickup code (核销码) for the holder, once: it is stored only as a salted hash and never shown again.
         */
        post: operations["orderService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/reversals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a posted transfer
         * @description Needs `points.adjust`.
         */
        post: operations["reversePointsTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a low-cost service
         * @description The merchant, or staff with `points.catalog.write`.
         */
        post: operations["publishService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a service's price, stock, capacity or status */
        patch: operations["updateService"];
        trace?: never;
    };
    "/points/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute every balance from the transfers
         * @description Store-wide `points.configure`.
         */
        get: operations["verifyLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/counties/{id}/intake/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow a request (诉求进度查询)
         * @description By reference number and follow code: status, dates, where it went and the public outcome; nothing personal.
         */
        post: operations["followIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/counties/{id}/intake/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate a request's outcome
         * @description 1 to 5, once, after the request is resolved or rejected.
         */
        post: operations["rateIntakeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/mediation/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public disclosure of a case
         * @description Topic, process and result of a disclosed case, without personal data: text masked when it was disclosed (phones and ID-card numbers in any spelling, names of the people involved and of the residents around), parties by side, participants counted by role.
         */
        get: operations["getDisclosure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/nodes/{id}/deliberation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public progress board of a subtree
         * @description Filter by category, unit, status, state, overdue (the promised day over in the county's calendar); sort by raised, promised, progress or rating.
         */
        get: operations["getProgressBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/nodes/{id}/mediation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public board of a subtree
         * @description The disclosures of the disclosed cases below a node.
         */
        get: operations["listDisclosures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/nodes/{id}/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public list of a subtree's places
         * @description Open and closed places (never archived ones), by id, with opening hours and whether each is open now in the county's time zone.
         */
        get: operations["listPublicPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/nodes/{id}/wishes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public wish board of a subtree
         * @description Titles redacted when the need was posted (names of the people involved and around, phone and ID-card numbers masked); requesters masked.
         */
        get: operations["getWishBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a household visit (入户走访)
         * @description The visitor is the caller. `visitedAt` is not in the future; `reason` is one of the county's reasons; `followUps` raise a need, a mediation case or a deliberation item with the caller's own rights, all in one unit of work.
         */
        post: operations["recordVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a visit
         * @description With its findings: staff who read personal data at the household only.
         */
        get: operations["getVisit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** activities.activity.cancelled */
        activities_activity_cancelled: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.cancelled";
            version: number;
        };
        /** activities.activity.checked_in */
        activities_activity_checked_in: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                attended: number;
                /** @enum {string} */
                by: "code" | "staff";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.checked_in";
            version: number;
        };
        /** activities.activity.code_reissued */
        activities_activity_code_reissued: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.code_reissued";
            version: number;
        };
        /** activities.activity.code_rejected */
        activities_activity_code_rejected: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                locked: boolean;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.code_rejected";
            version: number;
        };
        /** activities.activity.completed */
        activities_activity_completed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                attended: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.completed";
            version: number;
        };
        /** activities.activity.hours_recorded */
        activities_activity_hours_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                members: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.hours_recorded";
            version: number;
        };
        /** activities.activity.planned */
        activities_activity_planned: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                nodeId: string;
                teamId: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.planned";
            version: number;
        };
        /** activities.activity.promoted */
        activities_activity_promoted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                registered: number;
                waiting: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.promoted";
            version: number;
        };
        /** activities.activity.registered */
        activities_activity_registered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                registered: number;
                waiting: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.registered";
            version: number;
        };
        /** activities.activity.waitlisted */
        activities_activity_waitlisted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                registered: number;
                waiting: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.waitlisted";
            version: number;
        };
        /** activities.activity.withdrawn */
        activities_activity_withdrawn: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                registered: number;
                waiting: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.activity.withdrawn";
            version: number;
        };
        /** activities.team.changed */
        activities_team_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                members: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.team.changed";
            version: number;
        };
        /** activities.team.disbanded */
        activities_team_disbanded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.team.disbanded";
            version: number;
        };
        /** activities.team.formed */
        activities_team_formed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                kind: "volunteer" | "lecture";
                members: number;
                nodeId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "activities.team.formed";
            version: number;
        };
        ConflictProblem: {
            /** @enum {string} */
            code: "conflict";
            detail: string;
            detailZh: string;
            reason: string;
            /** @enum {number} */
            status: 409;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:conflict";
        };
        /** deliberation.config.changed */
        deliberation_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.config.changed";
            version: number;
        };
        /** deliberation.item.accepted */
        deliberation_item_accepted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                promisedBy: string;
                unit: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.accepted";
            version: number;
        };
        /** deliberation.item.answered */
        deliberation_item_answered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.answered";
            version: number;
        };
        /** deliberation.item.closed */
        deliberation_item_closed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.closed";
            version: number;
        };
        /** deliberation.item.declined */
        deliberation_item_declined: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.declined";
            version: number;
        };
        /** deliberation.item.merged */
        deliberation_item_merged: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                into: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.merged";
            version: number;
        };
        /** deliberation.item.milestone_recorded */
        deliberation_item_milestone_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                progress: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.milestone_recorded";
            version: number;
        };
        /** deliberation.item.progress_rolled_up */
        deliberation_item_progress_rolled_up: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                children: number;
                progress: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.progress_rolled_up";
            version: number;
        };
        /** deliberation.item.raised */
        deliberation_item_raised: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                category: string;
                /** @enum {string} */
                kind: "topic" | "suggestion" | "micro_idea";
                nodeId: string;
                parentId: string | null;
                sessionId: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.raised";
            version: number;
        };
        /** deliberation.item.rated */
        deliberation_item_rated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                score: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.rated";
            version: number;
        };
        /** deliberation.item.reopened */
        deliberation_item_reopened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.reopened";
            version: number;
        };
        /** deliberation.item.reported_back */
        deliberation_item_reported_back: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                sessionId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.reported_back";
            version: number;
        };
        /** deliberation.item.resolved */
        deliberation_item_resolved: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.resolved";
            version: number;
        };
        /** deliberation.item.voted */
        deliberation_item_voted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                abstained: number;
                against: number;
                inFavour: number;
                members: number;
                passed: boolean;
                present: number;
                quorumMet: boolean;
                sessionId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.item.voted";
            version: number;
        };
        /** deliberation.session.convened */
        deliberation_session_convened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                heldAt: string;
                participants: {
                    count: number;
                    /** @enum {string} */
                    role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                }[];
                type: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.session.convened";
            version: number;
        };
        /** deliberation.session.minutes_recorded */
        deliberation_session_minutes_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "deliberation.session.minutes_recorded";
            version: number;
        };
        /** followup.config.changed */
        followup_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.config.changed";
            version: number;
        };
        /** followup.questionnaire.answered */
        followup_questionnaire_answered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                reopened: boolean;
                solved: boolean;
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.questionnaire.answered";
            version: number;
        };
        /** followup.questionnaire.sent */
        followup_questionnaire_sent: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personIds: string[];
                questionnaireId: string;
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.questionnaire.sent";
            version: number;
        };
        /** followup.rating.lapsed */
        followup_rating_lapsed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personIds: string[];
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.rating.lapsed";
            version: number;
        };
        /** followup.rating.rated */
        followup_rating_rated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personIds: string[];
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.rating.rated";
            version: number;
        };
        /** followup.rating.reminded */
        followup_rating_reminded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                dueDate: string;
                personIds: string[];
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.rating.reminded";
            version: number;
        };
        /** followup.rating.requested */
        followup_rating_requested: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                dueDate: string;
                personIds: string[];
                /** @enum {string} */
                subject: "matching.need" | "mediation.case" | "deliberation.item";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "followup.rating.requested";
            version: number;
        };
        ForbiddenProblem: {
            action: string;
            /** @enum {string} */
            code: "forbidden";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 403;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:forbidden";
        };
        /** grid.assignment.created */
        grid_assignment_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                endDate: string | null;
                nodeId: string;
                personId: string;
                /** @enum {string} */
                role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                startDate: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.assignment.created";
            version: number;
        };
        /** grid.assignment.ended */
        grid_assignment_ended: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                endDate: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.assignment.ended";
            version: number;
        };
        /** grid.assignment.updated */
        grid_assignment_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                endDate: string | null;
                startDate: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.assignment.updated";
            version: number;
        };
        /** grid.county.created */
        grid_county_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                levels: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                name: string;
                timeZone: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.county.created";
            version: number;
        };
        /** grid.household.created */
        grid_household_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                nodeId: string;
                residents: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.household.created";
            version: number;
        };
        /** grid.household.updated */
        grid_household_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                residents: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.household.updated";
            version: number;
        };
        /** grid.node.archived */
        grid_node_archived: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                archivedHouseholds: number;
                archivedNodes: number;
                cascade: boolean;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.node.archived";
            version: number;
        };
        /** grid.node.created */
        grid_node_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                level: string;
                name: string;
                parentId: string | null;
                partyOrganisation: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.node.created";
            version: number;
        };
        /** grid.node.moved */
        grid_node_moved: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                descendants: number;
                fromParentId: string | null;
                toParentId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.node.moved";
            version: number;
        };
        /** grid.node.updated */
        grid_node_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                name: string;
                partyOrganisation: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.node.updated";
            version: number;
        };
        /** grid.person.created */
        grid_person_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                householdId: string | null;
                nodeId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.person.created";
            version: number;
        };
        /** grid.person.subject_linked */
        grid_person_subject_linked: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                issuer: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.person.subject_linked";
            version: number;
        };
        /** grid.person.subject_unlinked */
        grid_person_subject_unlinked: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                issuer: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.person.subject_unlinked";
            version: number;
        };
        /** grid.person.updated */
        grid_person_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                code: string;
                householdId: string | null;
                nodeId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "grid.person.updated";
            version: number;
        };
        /** intake.config.changed */
        intake_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.config.changed";
            version: number;
        };
        /** intake.request.accepted */
        intake_request_accepted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.accepted";
            version: number;
        };
        /** intake.request.merged */
        intake_request_merged: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                into: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.merged";
            version: number;
        };
        /** intake.request.rated */
        intake_request_rated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                rating: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.rated";
            version: number;
        };
        /** intake.request.received */
        intake_request_received: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                category: string;
                /** @enum {string} */
                channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                reference: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.received";
            version: number;
        };
        /** intake.request.rejected */
        intake_request_rejected: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                reason: "out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.rejected";
            version: number;
        };
        /** intake.request.resolved */
        intake_request_resolved: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.resolved";
            version: number;
        };
        /** intake.request.routed */
        intake_request_routed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                target: "need" | "case" | "item" | "referral";
                targetId: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "intake.request.routed";
            version: number;
        };
        InternalErrorProblem: {
            /** @enum {string} */
            code: "internal_error";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 500;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:internal-error";
        };
        InvalidInputProblem: {
            /** @enum {string} */
            code: "invalid_input";
            detail: string;
            detailZh: string;
            errors: {
                message: string;
                messageZh: string;
                path: string;
            }[];
            /** @enum {number} */
            status: 422;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:invalid-input";
        };
        InvalidTransitionProblem: {
            /** @enum {string} */
            code: "invalid_transition";
            command: string;
            detail: string;
            detailZh: string;
            entity: string;
            from: string;
            /** @enum {number} */
            status: 409;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:invalid-transition";
        };
        MalformedJsonProblem: {
            /** @enum {string} */
            code: "malformed_json";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 400;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:malformed-json";
        };
        /** matching.config.changed */
        matching_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.config.changed";
            version: number;
        };
        /** matching.need.assigned */
        matching_need_assigned: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personIds: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.assigned";
            version: number;
        };
        /** matching.need.cancelled */
        matching_need_cancelled: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.cancelled";
            version: number;
        };
        /** matching.need.claimed */
        matching_need_claimed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.claimed";
            version: number;
        };
        /** matching.need.closed */
        matching_need_closed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.closed";
            version: number;
        };
        /** matching.need.confirmed */
        matching_need_confirmed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                paid: {
                    personId: string;
                    points: number;
                    transferId: string;
                }[];
                rating: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.confirmed";
            version: number;
        };
        /** matching.need.done_reported */
        matching_need_done_reported: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.done_reported";
            version: number;
        };
        /** matching.need.expired */
        matching_need_expired: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.expired";
            version: number;
        };
        /** matching.need.posted */
        matching_need_posted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                category: string;
                /** @enum {string} */
                kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                reward: number | null;
                slots: number;
                /** @enum {string} */
                urgency: "low" | "normal" | "high" | "critical";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.posted";
            version: number;
        };
        /** matching.need.reassigned */
        matching_need_reassigned: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                from: string;
                to: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.reassigned";
            version: number;
        };
        /** matching.need.released */
        matching_need_released: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.released";
            version: number;
        };
        /** matching.need.reopened */
        matching_need_reopened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.reopened";
            version: number;
        };
        /** matching.need.reward_attached */
        matching_need_reward_attached: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                points: number;
                /** @enum {string} */
                source: "requester" | "issuer";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.reward_attached";
            version: number;
        };
        /** matching.need.visit_logged */
        matching_need_visit_logged: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                personId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.need.visit_logged";
            version: number;
        };
        /** matching.team.created */
        matching_team_created: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                members: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.team.created";
            version: number;
        };
        /** matching.volunteer.joined_team */
        matching_volunteer_joined_team: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                teamId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.volunteer.joined_team";
            version: number;
        };
        /** matching.volunteer.registered */
        matching_volunteer_registered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                maxConcurrent: number;
                skills: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.volunteer.registered";
            version: number;
        };
        /** matching.volunteer.updated */
        matching_volunteer_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                maxConcurrent: number;
                skills: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "matching.volunteer.updated";
            version: number;
        };
        /** mediation.case.accepted */
        mediation_case_accepted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: {
                    dueAt: string;
                    /** @enum {string} */
                    kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                } | null;
                mediators: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.accepted";
            version: number;
        };
        /** mediation.case.agreement_recorded */
        mediation_case_agreement_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                consents: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.agreement_recorded";
            version: number;
        };
        /** mediation.case.closed */
        mediation_case_closed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.closed";
            version: number;
        };
        /** mediation.case.declined */
        mediation_case_declined: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                referred: boolean;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.declined";
            version: number;
        };
        /** mediation.case.disclosed */
        mediation_case_disclosed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.disclosed";
            version: number;
        };
        /** mediation.case.escalated */
        mediation_case_escalated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: string;
                /** @enum {string} */
                level: "street" | "department";
                missed: ("accept" | "hearing" | "agreement" | "escalation" | "street" | "department") | null;
                /** @enum {string} */
                supervisedBy: "person" | "system";
                to: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.escalated";
            version: number;
        };
        /** mediation.case.no_agreement_recorded */
        mediation_case_no_agreement_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: {
                    dueAt: string;
                    /** @enum {string} */
                    kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                } | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.no_agreement_recorded";
            version: number;
        };
        /** mediation.case.rated */
        mediation_case_rated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                ratings: {
                    party: number;
                    /** @enum {string} */
                    rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                }[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.rated";
            version: number;
        };
        /** mediation.case.reopened */
        mediation_case_reopened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: {
                    dueAt: string;
                    /** @enum {string} */
                    kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                } | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.reopened";
            version: number;
        };
        /** mediation.case.reported */
        mediation_case_reported: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                attachments: number;
                category: string;
                deadline: {
                    dueAt: string;
                    /** @enum {string} */
                    kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                } | null;
                nodeId: string;
                parties: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.reported";
            version: number;
        };
        /** mediation.case.resolved */
        mediation_case_resolved: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.resolved";
            version: number;
        };
        /** mediation.case.round_recorded */
        mediation_case_round_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                participants: number;
                /** @enum {string} */
                round: "proposal" | "joint" | "decision";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.round_recorded";
            version: number;
        };
        /** mediation.case.statement_recorded */
        mediation_case_statement_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: {
                    dueAt: string;
                    /** @enum {string} */
                    kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                } | null;
                party: number;
                publishable: boolean;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.statement_recorded";
            version: number;
        };
        /** mediation.case.withdrawn */
        mediation_case_withdrawn: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.case.withdrawn";
            version: number;
        };
        /** mediation.config.changed */
        mediation_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "mediation.config.changed";
            version: number;
        };
        NotFoundProblem: {
            /** @enum {string} */
            code: "not_found";
            detail: string;
            detailZh: string;
            entity: string;
            id: string;
            /** @enum {number} */
            status: 404;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:not-found";
        };
        /** any other event */
        OtherEvent: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: Record<string, never>;
            position: number;
            scope: string[];
            type: string;
            version: number;
        };
        /** partners.organisation.registered */
        partners_organisation_registered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                nodeId: string;
                /** @enum {string} */
                type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "partners.organisation.registered";
            version: number;
        };
        /** partners.organisation.reinstated */
        partners_organisation_reinstated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "partners.organisation.reinstated";
            version: number;
        };
        /** partners.organisation.updated */
        partners_organisation_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "partners.organisation.updated";
            version: number;
        };
        /** partners.organisation.withdrawn */
        partners_organisation_withdrawn: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "partners.organisation.withdrawn";
            version: number;
        };
        /** partners.service.provided */
        partners_service_provided: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                kind: "free" | "redemption";
                partnerId: string;
                people: number;
                points: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "partners.service.provided";
            version: number;
        };
        /** party.config.changed */
        party_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "party.config.changed";
            version: number;
        };
        /** party.member.committed */
        party_member_committed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                commitments: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "party.member.committed";
            version: number;
        };
        /** party.member.registered */
        party_member_registered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                communityId: string;
                employerId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "party.member.registered";
            version: number;
        };
        /** party.member.withdrawn */
        party_member_withdrawn: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "party.member.withdrawn";
            version: number;
        };
        /** party.service.recorded */
        party_service_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                hours: number | ("Infinity" | "-Infinity" | "NaN");
                kind: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "party.service.recorded";
            version: number;
        };
        PayloadTooLargeProblem: {
            /** @enum {string} */
            code: "payload_too_large";
            detail: string;
            detailZh: string;
            limit: number;
            /** @enum {number} */
            status: 413;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:payload-too-large";
        };
        /** places.config.changed */
        places_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.config.changed";
            version: number;
        };
        /** places.place.archived */
        places_place_archived: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.place.archived";
            version: number;
        };
        /** places.place.closed */
        places_place_closed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.place.closed";
            version: number;
        };
        /** places.place.registered */
        places_place_registered: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                kind: string;
                nodeId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.place.registered";
            version: number;
        };
        /** places.place.reopened */
        places_place_reopened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.place.reopened";
            version: number;
        };
        /** places.place.updated */
        places_place_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "places.place.updated";
            version: number;
        };
        /** points.account.opened */
        points_account_opened: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                /** @enum {string} */
                kind: "person" | "merchant" | "charity" | "issuer";
                nodeId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.account.opened";
            version: number;
        };
        /** points.config.updated */
        points_config_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                rules: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.config.updated";
            version: number;
        };
        /** points.hold.code_reissued */
        points_hold_code_reissued: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.code_reissued";
            version: number;
        };
        /** points.hold.code_rejected */
        points_hold_code_rejected: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                attempts: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.code_rejected";
            version: number;
        };
        /** points.hold.expired */
        points_hold_expired: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                amount: number;
                transferId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.expired";
            version: number;
        };
        /** points.hold.locked */
        points_hold_locked: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: unknown;
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.locked";
            version: number;
        };
        /** points.hold.paid */
        points_hold_paid: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                shares: {
                    accountId: string;
                    amount: number;
                    transferId: string;
                }[];
                voidId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.paid";
            version: number;
        };
        /** points.hold.placed */
        points_hold_placed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                amount: number;
                /** @enum {string} */
                purpose: "order" | "reward";
                quantity: number;
                serviceId: string | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.placed";
            version: number;
        };
        /** points.hold.posted */
        points_hold_posted: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                amount: number;
                transferId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.posted";
            version: number;
        };
        /** points.hold.voided */
        points_hold_voided: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                amount: number;
                transferId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.hold.voided";
            version: number;
        };
        /** points.merchant.code_rejected */
        points_merchant_code_rejected: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                failures: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.merchant.code_rejected";
            version: number;
        };
        /** points.merchant.locked */
        points_merchant_locked: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                until: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.merchant.locked";
            version: number;
        };
        /** points.service.published */
        points_service_published: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                merchantAccountId: string;
                pricePoints: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.service.published";
            version: number;
        };
        /** points.service.updated */
        points_service_updated: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                pricePoints: number;
                /** @enum {string} */
                status: "active" | "withdrawn";
                stock: number | null;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.service.updated";
            version: number;
        };
        /** points.transfers.committed */
        points_transfers_committed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                amount?: number;
                count?: number;
                first?: string;
                last?: string;
                transfers?: {
                    amount: number;
                    /** @enum {string} */
                    code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                    creditAccountId: string;
                    debitAccountId: string;
                    id: string;
                    /** @enum {string} */
                    kind: "posted" | "pending" | "post" | "void";
                }[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "points.transfers.committed";
            version: number;
        };
        /** reminder.deadline_missed */
        reminder_deadline_missed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: string;
                kind: string;
                personIds: string[];
                /** @enum {string} */
                subject: "mediation.case" | "deliberation.item" | "matching.need" | "intake.request";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "reminder.deadline_missed";
            version: number;
        };
        /** reminder.deadline_near */
        reminder_deadline_near: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                deadline: string;
                kind: string;
                personIds: string[];
                /** @enum {string} */
                subject: "mediation.case" | "deliberation.item" | "matching.need" | "intake.request";
                subjectId: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "reminder.deadline_near";
            version: number;
        };
        RequestHeaderFieldsTooLargeProblem: {
            /** @enum {string} */
            code: "request_header_fields_too_large";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 431;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:request-header-fields-too-large";
        };
        RouteNotFoundProblem: {
            /** @enum {string} */
            code: "route_not_found";
            detail: string;
            detailZh: string;
            method: string;
            path: string;
            /** @enum {number} */
            status: 404;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:route-not-found";
        };
        StorageErrorProblem: {
            /** @enum {string} */
            code: "storage_error";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 500;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:storage-error";
        };
        UnauthorizedProblem: {
            /** @enum {string} */
            code: "unauthorized";
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 401;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:unauthorized";
        };
        UnsupportedMediaTypeProblem: {
            /** @enum {string} */
            code: "unsupported_media_type";
            contentType: string;
            detail: string;
            detailZh: string;
            /** @enum {number} */
            status: 415;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:unsupported-media-type";
        };
        UriTooLongProblem: {
            /** @enum {string} */
            code: "uri_too_long";
            detail: string;
            detailZh: string;
            limit: number;
            /** @enum {number} */
            status: 414;
            title: string;
            /** @enum {string} */
            type: "urn:mulin:problem:uri-too-long";
        };
        /** visits.config.changed */
        visits_config_changed: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                changed: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "visits.config.changed";
            version: number;
        };
        /** visits.household.marked */
        visits_household_marked: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                count: number;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "visits.household.marked";
            version: number;
        };
        /** visits.overdue */
        visits_overdue: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                count: number;
                personIds: string[];
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "visits.overdue";
            version: number;
        };
        /** visits.visit.recorded */
        visits_visit_recorded: {
            actor: {
                id: string;
                /** @enum {string} */
                kind: "person" | "system";
            };
            aggregateId: string;
            aggregateType: string;
            at: string;
            id: string;
            payload: {
                followUps: string[];
                reason: string;
            };
            position: number;
            scope: string[];
            /** @enum {string} */
            type: "visits.visit.recorded";
            version: number;
        };
        WhoAmI: {
            grants: {
                /** @enum {string} */
                role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "mediator" | "volunteer" | "partner" | "resident" | "system";
                scope: string | "*";
            }[];
            id: string;
            /** @enum {string} */
            kind: "person" | "system";
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    planActivity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacity?: number;
                    endsAt: string;
                    /** @enum {string} */
                    kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                    nodeId: string;
                    organiserId?: string;
                    placeId?: string;
                    startsAt: string;
                    teamId?: string;
                    title: string;
                    topic?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attended: number;
                        attendedByMe: boolean;
                        capacity: number | null;
                        checkInCode: string | null;
                        checkInLocked: boolean;
                        endsAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                        mine: {
                            /** @enum {string} */
                            list: "registered" | "waiting";
                            position: number;
                        } | null;
                        nodeId: string;
                        placeId: string | null;
                        registered: number;
                        startsAt: string;
                        /** @enum {string} */
                        status: "planned" | "cancelled" | "completed";
                        teamId: string | null;
                        title: string;
                        topic: string | null;
                        version: number;
                        waiting: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attended: number;
                        attendedByMe: boolean;
                        capacity: number | null;
                        checkInCode: string | null;
                        checkInLocked: boolean;
                        endsAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                        mine: {
                            /** @enum {string} */
                            list: "registered" | "waiting";
                            position: number;
                        } | null;
                        nodeId: string;
                        placeId: string | null;
                        registered: number;
                        startsAt: string;
                        /** @enum {string} */
                        status: "planned" | "cancelled" | "completed";
                        teamId: string | null;
                        title: string;
                        topic: string | null;
                        version: number;
                        waiting: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runActivityCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Register";
                    personId?: string;
                } | {
                    /** @enum {string} */
                    _tag: "Withdraw";
                    personId?: string;
                } | {
                    /** @enum {string} */
                    _tag: "CheckIn";
                    code?: string;
                    personId?: string;
                } | {
                    /** @enum {string} */
                    _tag: "ReissueCode";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "RecordHours";
                    expectedVersion?: number;
                    hours: {
                        hours: number;
                        personId: string;
                    }[];
                } | {
                    /** @enum {string} */
                    _tag: "Cancel";
                    expectedVersion?: number;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Complete";
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attended: number;
                        attendedByMe: boolean;
                        capacity: number | null;
                        checkInCode: string | null;
                        checkInLocked: boolean;
                        endsAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                        mine: {
                            /** @enum {string} */
                            list: "registered" | "waiting";
                            position: number;
                        } | null;
                        nodeId: string;
                        placeId: string | null;
                        registered: number;
                        startsAt: string;
                        /** @enum {string} */
                        status: "planned" | "cancelled" | "completed";
                        teamId: string | null;
                        title: string;
                        topic: string | null;
                        version: number;
                        waiting: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getActivityRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attended: {
                            at: string;
                            /** @enum {string} */
                            by: "code" | "staff";
                            personId: string;
                        }[];
                        capacity: number | null;
                        countyId: string;
                        createdAt: string;
                        endsAt: string;
                        hours: {
                            hours: number;
                            personId: string;
                        }[];
                        id: string;
                        /** @enum {string} */
                        kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                        nodeId: string;
                        organiser: {
                            name: string;
                            personId: string;
                        };
                        placeId: string | null;
                        registered: {
                            at: string;
                            personId: string;
                        }[];
                        scope: string[];
                        startsAt: string;
                        /** @enum {string} */
                        status: "planned" | "cancelled" | "completed";
                        teamId: string | null;
                        title: string;
                        topic: string | null;
                        version: number;
                        waiting: {
                            at: string;
                            personId: string;
                        }[];
                        wrongCodes: {
                            attempts: number;
                            personId: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    formActivityTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "volunteer" | "lecture";
                    leaderId: string;
                    memberIds?: string[];
                    name: string;
                    nodeId: string;
                    topics?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "volunteer" | "lecture";
                        leader: {
                            name: string;
                            personId: string;
                        };
                        members: {
                            name: string;
                            personId: string;
                        }[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        /** @enum {string} */
                        status: "active" | "disbanded";
                        topics: string[];
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getActivityTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "volunteer" | "lecture";
                        leader: {
                            name: string;
                            personId: string;
                        };
                        members: {
                            name: string;
                            personId: string;
                        }[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        /** @enum {string} */
                        status: "active" | "disbanded";
                        topics: string[];
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runActivityTeamCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Update";
                    expectedVersion?: number;
                    join?: string[];
                    leaderId?: string;
                    leave?: string[];
                    name?: string;
                    topics?: string[];
                } | {
                    /** @enum {string} */
                    _tag: "Disband";
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        /** @enum {string} */
                        kind: "volunteer" | "lecture";
                        leader: {
                            name: string;
                            personId: string;
                        };
                        members: {
                            name: string;
                            personId: string;
                        }[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        /** @enum {string} */
                        status: "active" | "disbanded";
                        topics: string[];
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getActivityTeamHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activities: number;
                        members: {
                            activities: number;
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            name: string;
                            personId: string;
                        }[];
                        teamId: string;
                        totalHours: number | ("Infinity" | "-Infinity" | "NaN");
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    assignRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    endDate?: string | null;
                    nodeId: string;
                    personId: string;
                    /** @enum {string} */
                    role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        endDate: string | null;
                        id: string;
                        nodeId: string;
                        personId: string;
                        /** @enum {string} */
                        role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                        startDate: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    endAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    endDate?: string;
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        endDate: string | null;
                        id: string;
                        nodeId: string;
                        personId: string;
                        /** @enum {string} */
                        role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                        startDate: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listCounties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        createdAt: string;
                        id: string;
                        levels: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        name: string;
                        timeZone: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createCounty: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    levels?: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    name: string;
                    partyOrganisation?: string | null;
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        createdAt: string;
                        id: string;
                        levels: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        name: string;
                        timeZone: string;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getCounty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        createdAt: string;
                        id: string;
                        levels: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        name: string;
                        timeZone: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getDeliberationConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        majority: number;
                        poorRatingBelow: number;
                        quorum: number;
                        sessionTypes: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        units: {
                            code: string;
                            name: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureDeliberation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories?: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    expectedVersion?: number;
                    majority?: number;
                    poorRatingBelow?: number;
                    quorum?: number;
                    sessionTypes?: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    units?: {
                        code: string;
                        name: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        majority: number;
                        poorRatingBelow: number;
                        quorum: number;
                        sessionTypes: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        units: {
                            code: string;
                            name: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getFollowUpConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        /** @enum {string} */
                        lapseRule: "not_rated" | "remind_once";
                        questionnaireWeeks: number;
                        ratingDays: number;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureFollowUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    /** @enum {string} */
                    lapseRule?: "not_rated" | "remind_once";
                    questionnaireWeeks?: number;
                    ratingDays?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        /** @enum {string} */
                        lapseRule: "not_rated" | "remind_once";
                        questionnaireWeeks: number;
                        ratingDays: number;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getIntakeConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        countyId: string;
                        referencePrefix: string;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureIntake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories: {
                        code: string;
                        labelEn: string;
                        labelZh: string;
                    }[];
                    expectedVersion?: number;
                    referencePrefix: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        countyId: string;
                        referencePrefix: string;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        description: {
                            en: string;
                            zh: string;
                        } | null;
                        name: string;
                        nextDueAt: string;
                        recentRuns: {
                            attempts: number;
                            changed: number;
                            countyId: string;
                            finishedAt: string | null;
                            job: string;
                            message: string | null;
                            note: string | null;
                            periodEnd: string;
                            periodKey: string;
                            periodStart: string;
                            processed: number;
                            startedAt: string;
                            /** @enum {string} */
                            status: "running" | "ok" | "failed";
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                        }[];
                        schedule: string;
                        timeZone: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runJobNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        changed: number;
                        countyId: string;
                        finishedAt: string | null;
                        job: string;
                        message: string | null;
                        note: string | null;
                        periodEnd: string;
                        periodKey: string;
                        periodStart: string;
                        processed: number;
                        startedAt: string;
                        /** @enum {string} */
                        status: "running" | "ok" | "failed";
                        /** @enum {string} */
                        trigger: "schedule" | "manual";
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getJobsConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        maxCatchUp: number;
                        version: number;
                        warningHours: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureJobs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    maxCatchUp?: number;
                    warningHours?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        maxCatchUp: number;
                        version: number;
                        warningHours: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listJobRuns: {
        parameters: {
            query?: {
                job?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        changed: number;
                        countyId: string;
                        finishedAt: string | null;
                        job: string;
                        message: string | null;
                        note: string | null;
                        periodEnd: string;
                        periodKey: string;
                        periodStart: string;
                        processed: number;
                        startedAt: string;
                        /** @enum {string} */
                        status: "running" | "ok" | "failed";
                        /** @enum {string} */
                        trigger: "schedule" | "manual";
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getMatchingConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidatesPerNeed: number;
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        depths: {
                            building: number;
                            community: number;
                            grid: number;
                        };
                        radiusDepth: number;
                        updatedAt: string | null;
                        version: number;
                        weights: {
                            availability: number;
                            distance: number;
                            fairness: number;
                            load: number;
                            rating: number;
                            skill: number;
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureMatching: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    candidatesPerNeed?: number;
                    categories?: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    depths?: {
                        building: number;
                        community: number;
                        grid: number;
                    };
                    expectedVersion?: number;
                    radiusDepth?: number;
                    weights?: {
                        availability: number;
                        distance: number;
                        fairness: number;
                        load: number;
                        rating: number;
                        skill: number;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidatesPerNeed: number;
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        depths: {
                            building: number;
                            community: number;
                            grid: number;
                        };
                        radiusDepth: number;
                        updatedAt: string | null;
                        version: number;
                        weights: {
                            availability: number;
                            distance: number;
                            fairness: number;
                            load: number;
                            rating: number;
                            skill: number;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listTeams: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        homeNodeId: string;
                        homeScope: string[];
                        id: string;
                        leaderId: string;
                        members: string[];
                        name: string;
                        updatedAt: string;
                        version: number;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getMediationConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        deadlines: {
                            acceptHours: number;
                            agreementHours: number;
                            departmentHours: number;
                            escalationHours: number;
                            firstHearingHours: number;
                            streetHours: number;
                        };
                        defaultDepartment: string | null;
                        departments: {
                            categories: string[];
                            code: string;
                            name: string;
                            staff: string[];
                            supervisor: string | null;
                        }[];
                        reopenWindowDays: number;
                        streetLevel: string;
                        streetSupervisors: {
                            streetId: string;
                            supervisor: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureMediation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories?: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    deadlines?: {
                        acceptHours: number;
                        agreementHours: number;
                        departmentHours: number;
                        escalationHours: number;
                        firstHearingHours: number;
                        streetHours: number;
                    };
                    defaultDepartment?: string | null;
                    departments?: {
                        categories: string[];
                        code: string;
                        name: string;
                        staff: string[];
                        supervisor: string | null;
                    }[];
                    expectedVersion?: number;
                    reopenWindowDays?: number;
                    streetLevel?: string;
                    streetSupervisors?: {
                        streetId: string;
                        supervisor: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        countyId: string;
                        deadlines: {
                            acceptHours: number;
                            agreementHours: number;
                            departmentHours: number;
                            escalationHours: number;
                            firstHearingHours: number;
                            streetHours: number;
                        };
                        defaultDepartment: string | null;
                        departments: {
                            categories: string[];
                            code: string;
                            name: string;
                            staff: string[];
                            supervisor: string | null;
                        }[];
                        reopenWindowDays: number;
                        streetLevel: string;
                        streetSupervisors: {
                            streetId: string;
                            supervisor: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getNotificationConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backoffSeconds: number;
                        countyId: string;
                        defaultChannels: string[];
                        maxAttempts: number;
                        maxBackoffSeconds: number;
                        quietHours: {
                            end: string;
                            start: string;
                        } | null;
                        rules: {
                            bySubject: {
                                [key: string]: string;
                            };
                            enabled: boolean;
                            eventType: string;
                            /** @enum {string} */
                            recipients: "payload.personIds" | "escalation.unit" | "hold.owner" | "intake.window";
                            template: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                            when: {
                                equals: string;
                                field: string;
                            } | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    backoffSeconds: number;
                    countyId?: string | null;
                    defaultChannels: string[];
                    maxAttempts: number;
                    maxBackoffSeconds: number;
                    quietHours: {
                        end: string;
                        start: string;
                    } | null;
                    rules: {
                        bySubject: {
                            [key: string]: string;
                        };
                        enabled: boolean;
                        eventType: string;
                        /** @enum {string} */
                        recipients: "payload.personIds" | "escalation.unit" | "hold.owner" | "intake.window";
                        template: string;
                        /** @enum {string} */
                        urgency: "urgent" | "normal";
                        when: {
                            equals: string;
                            field: string;
                        } | null;
                    }[];
                    version: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backoffSeconds: number;
                        countyId: string;
                        defaultChannels: string[];
                        maxAttempts: number;
                        maxBackoffSeconds: number;
                        quietHours: {
                            end: string;
                            start: string;
                        } | null;
                        rules: {
                            bySubject: {
                                [key: string]: string;
                            };
                            enabled: boolean;
                            eventType: string;
                            /** @enum {string} */
                            recipients: "payload.personIds" | "escalation.unit" | "hold.owner" | "intake.window";
                            template: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                            when: {
                                equals: string;
                                field: string;
                            } | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPartyConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        serviceKinds: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureParty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    serviceKinds: {
                        code: string;
                        labelEn: string;
                        labelZh: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        serviceKinds: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPlacesConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        kinds: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configurePlaces: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    kinds: {
                        code: string;
                        labelEn: string;
                        labelZh: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        kinds: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            donation: {
                                toCharity: boolean;
                                toPerson: boolean;
                            };
                            expiryMonths: number | null;
                            holdTimeoutHours: number;
                            minBalanceToRedeem: number;
                            personDailyCap: number | null;
                            personMonthlyCap: number | null;
                            pickupCodes?: {
                                merchantLockMinutes: number;
                                perHold: number;
                                perMerchantHour: number;
                            };
                            rules: {
                                awardRoles: ("county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "mediator" | "volunteer" | "partner" | "resident" | "system")[];
                                category: string;
                                dailyCap: number | null;
                                monthlyCap: number | null;
                                nameEn: string;
                                nameZh: string;
                                points: number;
                                /** @enum {string} */
                                unit: "each" | "hour";
                            }[];
                        };
                        countyId: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    setPointsConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    config: {
                        donation: {
                            toCharity: boolean;
                            toPerson: boolean;
                        };
                        expiryMonths: number | null;
                        holdTimeoutHours: number;
                        minBalanceToRedeem: number;
                        personDailyCap: number | null;
                        personMonthlyCap: number | null;
                        pickupCodes?: {
                            merchantLockMinutes: number;
                            perHold: number;
                            perMerchantHour: number;
                        };
                        rules: {
                            awardRoles: ("county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "mediator" | "volunteer" | "partner" | "resident" | "system")[];
                            category: string;
                            dailyCap: number | null;
                            monthlyCap: number | null;
                            nameEn: string;
                            nameZh: string;
                            points: number;
                            /** @enum {string} */
                            unit: "each" | "hour";
                        }[];
                    };
                    expectedVersion?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: {
                            donation: {
                                toCharity: boolean;
                                toPerson: boolean;
                            };
                            expiryMonths: number | null;
                            holdTimeoutHours: number;
                            minBalanceToRedeem: number;
                            personDailyCap: number | null;
                            personMonthlyCap: number | null;
                            pickupCodes?: {
                                merchantLockMinutes: number;
                                perHold: number;
                                perMerchantHour: number;
                            };
                            rules: {
                                awardRoles: ("county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "mediator" | "volunteer" | "partner" | "resident" | "system")[];
                                category: string;
                                dailyCap: number | null;
                                monthlyCap: number | null;
                                nameEn: string;
                                nameZh: string;
                                points: number;
                                /** @enum {string} */
                                unit: "each" | "hour";
                            }[];
                        };
                        countyId: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    expirePoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accounts: number;
                        expired: number;
                        transfers: string[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getReportsConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        complaintCategories: string[];
                        countyId: string;
                        responseHours: number;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    complaintCategories?: string[];
                    responseHours?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        complaintCategories: string[];
                        countyId: string;
                        responseHours: number;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getVisitsConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            code: string;
                            frequencyDays: number;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        countyId: string;
                        reasons: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    configureVisits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories: {
                        code: string;
                        frequencyDays: number;
                        labelEn: string;
                        labelZh: string;
                    }[];
                    expectedVersion?: number;
                    reasons: {
                        code: string;
                        labelEn: string;
                        labelZh: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            code: string;
                            frequencyDays: number;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        countyId: string;
                        reasons: {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                        }[];
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        eventTypes: string[];
                        id: string;
                        secrets: {
                            createdAt: string;
                            expiresAt: string | null;
                        }[];
                        url: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    eventTypes?: string[] | null;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        webhook: {
                            countyId: string;
                            createdAt: string;
                            eventTypes: string[];
                            id: string;
                            secrets: {
                                createdAt: string;
                                expiresAt: string | null;
                            }[];
                            url: string;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <No Content> */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overlapHours?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        webhook: {
                            countyId: string;
                            createdAt: string;
                            eventTypes: string[];
                            id: string;
                            secrets: {
                                createdAt: string;
                                expiresAt: string | null;
                            }[];
                            url: string;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    raiseItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    /** @enum {string} */
                    kind: "topic" | "suggestion" | "micro_idea";
                    nodeId: string;
                    parentId?: string;
                    raisedBy?: {
                        /** @enum {string} */
                        _tag: "Person";
                        personId: string;
                    } | {
                        /** @enum {string} */
                        _tag: "Outside";
                        name: string;
                        phone?: string;
                    };
                    sessionId?: string;
                    text: string;
                    title: string;
                    weight?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        answer: string | null;
                        category: string;
                        children: number;
                        closedAt: string | null;
                        countyId: string;
                        declineReason: string | null;
                        dueAt: string | null;
                        duplicateOf: string | null;
                        id: string;
                        /** @enum {string} */
                        kind: "topic" | "suggestion" | "micro_idea";
                        milestones: {
                            at: string;
                            note: string;
                            progress: number;
                        }[];
                        nodeId: string;
                        parentId: string | null;
                        placeName: string;
                        progress: number;
                        promisedBy: string | null;
                        public: {
                            answer: string | null;
                            declineReason: string | null;
                            milestones: string[];
                            resolution: string | null;
                            title: string;
                            unit: string | null;
                        };
                        raisedAt: string;
                        raisedBy: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        raisedByActor: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        ratingCount: number;
                        ratingHigh: number;
                        ratingSum: number;
                        reopenCount: number;
                        reportedBack: {
                            at: string;
                            note: string;
                            sessionId: string;
                        } | null;
                        resolution: string | null;
                        resolvedAt: string | null;
                        responsible: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | null;
                        scope: string[];
                        sessionId: string | null;
                        /** @enum {string} */
                        state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        /** @enum {string} */
                        status: "open" | "closed";
                        text: string;
                        title: string;
                        unit: {
                            code: string;
                            name: string;
                        } | null;
                        updatedAt: string;
                        version: number;
                        vote: {
                            abstained: number;
                            against: number;
                            at: string;
                            inFavour: number;
                            members: number;
                            passed: boolean;
                            present: number;
                            quorumMet: boolean;
                            sessionId: string;
                        } | null;
                        weight: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        answer: string | null;
                        category: string;
                        children: number;
                        closedAt: string | null;
                        countyId: string;
                        declineReason: string | null;
                        dueAt: string | null;
                        duplicateOf: string | null;
                        id: string;
                        /** @enum {string} */
                        kind: "topic" | "suggestion" | "micro_idea";
                        milestones: {
                            at: string;
                            note: string;
                            progress: number;
                        }[];
                        nodeId: string;
                        parentId: string | null;
                        placeName: string;
                        progress: number;
                        promisedBy: string | null;
                        public: {
                            answer: string | null;
                            declineReason: string | null;
                            milestones: string[];
                            resolution: string | null;
                            title: string;
                            unit: string | null;
                        };
                        raisedAt: string;
                        raisedBy: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        raisedByActor: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        ratingCount: number;
                        ratingHigh: number;
                        ratingSum: number;
                        reopenCount: number;
                        reportedBack: {
                            at: string;
                            note: string;
                            sessionId: string;
                        } | null;
                        resolution: string | null;
                        resolvedAt: string | null;
                        responsible: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | null;
                        scope: string[];
                        sessionId: string | null;
                        /** @enum {string} */
                        state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        /** @enum {string} */
                        status: "open" | "closed";
                        text: string;
                        title: string;
                        unit: {
                            code: string;
                            name: string;
                        } | null;
                        updatedAt: string;
                        version: number;
                        vote: {
                            abstained: number;
                            against: number;
                            at: string;
                            inFavour: number;
                            members: number;
                            passed: boolean;
                            present: number;
                            quorumMet: boolean;
                            sessionId: string;
                        } | null;
                        weight: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listItemChildren: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        answer: string | null;
                        category: string;
                        children: number;
                        closedAt: string | null;
                        countyId: string;
                        declineReason: string | null;
                        dueAt: string | null;
                        duplicateOf: string | null;
                        id: string;
                        /** @enum {string} */
                        kind: "topic" | "suggestion" | "micro_idea";
                        milestones: {
                            at: string;
                            note: string;
                            progress: number;
                        }[];
                        nodeId: string;
                        parentId: string | null;
                        placeName: string;
                        progress: number;
                        promisedBy: string | null;
                        public: {
                            answer: string | null;
                            declineReason: string | null;
                            milestones: string[];
                            resolution: string | null;
                            title: string;
                            unit: string | null;
                        };
                        raisedAt: string;
                        raisedBy: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        raisedByActor: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        ratingCount: number;
                        ratingHigh: number;
                        ratingSum: number;
                        reopenCount: number;
                        reportedBack: {
                            at: string;
                            note: string;
                            sessionId: string;
                        } | null;
                        resolution: string | null;
                        resolvedAt: string | null;
                        responsible: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | null;
                        scope: string[];
                        sessionId: string | null;
                        /** @enum {string} */
                        state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        /** @enum {string} */
                        status: "open" | "closed";
                        text: string;
                        title: string;
                        unit: {
                            code: string;
                            name: string;
                        } | null;
                        updatedAt: string;
                        version: number;
                        vote: {
                            abstained: number;
                            against: number;
                            at: string;
                            inFavour: number;
                            members: number;
                            passed: boolean;
                            present: number;
                            quorumMet: boolean;
                            sessionId: string;
                        } | null;
                        weight: number;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runItemCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Answer";
                    answer: string;
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Accept";
                    expectedVersion?: number;
                    promisedBy: string;
                    responsible?: string;
                    unit: string;
                } | {
                    /** @enum {string} */
                    _tag: "RecordMilestone";
                    expectedVersion?: number;
                    note: string;
                    progress: number;
                } | {
                    /** @enum {string} */
                    _tag: "Resolve";
                    expectedVersion?: number;
                    resolution: string;
                } | {
                    /** @enum {string} */
                    _tag: "ReportBack";
                    expectedVersion?: number;
                    note: string;
                    sessionId: string;
                } | {
                    /** @enum {string} */
                    _tag: "Vote";
                    abstained: number;
                    against: number;
                    expectedVersion?: number;
                    inFavour: number;
                    members: number;
                    present: number;
                    sessionId: string;
                } | {
                    /** @enum {string} */
                    _tag: "Close";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Merge";
                    expectedVersion?: number;
                    into: string;
                } | {
                    /** @enum {string} */
                    _tag: "Decline";
                    expectedVersion?: number;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Reopen";
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        answer: string | null;
                        category: string;
                        children: number;
                        closedAt: string | null;
                        countyId: string;
                        declineReason: string | null;
                        dueAt: string | null;
                        duplicateOf: string | null;
                        id: string;
                        /** @enum {string} */
                        kind: "topic" | "suggestion" | "micro_idea";
                        milestones: {
                            at: string;
                            note: string;
                            progress: number;
                        }[];
                        nodeId: string;
                        parentId: string | null;
                        placeName: string;
                        progress: number;
                        promisedBy: string | null;
                        public: {
                            answer: string | null;
                            declineReason: string | null;
                            milestones: string[];
                            resolution: string | null;
                            title: string;
                            unit: string | null;
                        };
                        raisedAt: string;
                        raisedBy: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        raisedByActor: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        ratingCount: number;
                        ratingHigh: number;
                        ratingSum: number;
                        reopenCount: number;
                        reportedBack: {
                            at: string;
                            note: string;
                            sessionId: string;
                        } | null;
                        resolution: string | null;
                        resolvedAt: string | null;
                        responsible: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | null;
                        scope: string[];
                        sessionId: string | null;
                        /** @enum {string} */
                        state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        /** @enum {string} */
                        status: "open" | "closed";
                        text: string;
                        title: string;
                        unit: {
                            code: string;
                            name: string;
                        } | null;
                        updatedAt: string;
                        version: number;
                        vote: {
                            abstained: number;
                            against: number;
                            at: string;
                            inFavour: number;
                            members: number;
                            passed: boolean;
                            present: number;
                            quorumMet: boolean;
                            sessionId: string;
                        } | null;
                        weight: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    rateItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                    personId?: string;
                    score: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        answer: string | null;
                        category: string;
                        children: number;
                        closedAt: string | null;
                        countyId: string;
                        declineReason: string | null;
                        dueAt: string | null;
                        duplicateOf: string | null;
                        id: string;
                        /** @enum {string} */
                        kind: "topic" | "suggestion" | "micro_idea";
                        milestones: {
                            at: string;
                            note: string;
                            progress: number;
                        }[];
                        nodeId: string;
                        parentId: string | null;
                        placeName: string;
                        progress: number;
                        promisedBy: string | null;
                        public: {
                            answer: string | null;
                            declineReason: string | null;
                            milestones: string[];
                            resolution: string | null;
                            title: string;
                            unit: string | null;
                        };
                        raisedAt: string;
                        raisedBy: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        raisedByActor: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        ratingCount: number;
                        ratingHigh: number;
                        ratingSum: number;
                        reopenCount: number;
                        reportedBack: {
                            at: string;
                            note: string;
                            sessionId: string;
                        } | null;
                        resolution: string | null;
                        resolvedAt: string | null;
                        responsible: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | null;
                        scope: string[];
                        sessionId: string | null;
                        /** @enum {string} */
                        state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        /** @enum {string} */
                        status: "open" | "closed";
                        text: string;
                        title: string;
                        unit: {
                            code: string;
                            name: string;
                        } | null;
                        updatedAt: string;
                        version: number;
                        vote: {
                            abstained: number;
                            against: number;
                            at: string;
                            inFavour: number;
                            members: number;
                            passed: boolean;
                            present: number;
                            quorumMet: boolean;
                            sessionId: string;
                        } | null;
                        weight: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    conveneSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agenda: string[];
                    convener?: string;
                    heldAt: string;
                    nodeId: string;
                    participants: {
                        count: number;
                        names: string[];
                        /** @enum {string} */
                        role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                    }[];
                    type: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agenda: string[];
                        convener: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        countyId: string;
                        heldAt: string;
                        id: string;
                        minutes: string | null;
                        nodeId: string;
                        participants: {
                            count: number;
                            names: string[];
                            /** @enum {string} */
                            role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                        }[];
                        placeName: string;
                        scope: string[];
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agenda: string[];
                        convener: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        countyId: string;
                        heldAt: string;
                        id: string;
                        minutes: string | null;
                        nodeId: string;
                        participants: {
                            count: number;
                            names: string[];
                            /** @enum {string} */
                            role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                        }[];
                        placeName: string;
                        scope: string[];
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    recordMinutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    minutes: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agenda: string[];
                        convener: {
                            /** @enum {string} */
                            _tag: "Person";
                            name: string;
                            personId: string;
                        } | {
                            /** @enum {string} */
                            _tag: "Outside";
                            name: string;
                            phone: string | null;
                        };
                        countyId: string;
                        heldAt: string;
                        id: string;
                        minutes: string | null;
                        nodeId: string;
                        participants: {
                            count: number;
                            names: string[];
                            /** @enum {string} */
                            role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                        }[];
                        placeName: string;
                        scope: string[];
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                after?: string;
                county?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["grid_county_created"] | components["schemas"]["grid_node_created"] | components["schemas"]["grid_node_updated"] | components["schemas"]["grid_node_moved"] | components["schemas"]["grid_node_archived"] | components["schemas"]["grid_household_created"] | components["schemas"]["grid_household_updated"] | components["schemas"]["grid_person_created"] | components["schemas"]["grid_person_updated"] | components["schemas"]["grid_person_subject_linked"] | components["schemas"]["grid_person_subject_unlinked"] | components["schemas"]["grid_assignment_created"] | components["schemas"]["grid_assignment_ended"] | components["schemas"]["grid_assignment_updated"] | components["schemas"]["points_config_updated"] | components["schemas"]["points_account_opened"] | components["schemas"]["points_transfers_committed"] | components["schemas"]["points_hold_placed"] | components["schemas"]["points_hold_posted"] | components["schemas"]["points_hold_voided"] | components["schemas"]["points_hold_expired"] | components["schemas"]["points_hold_paid"] | components["schemas"]["points_hold_code_rejected"] | components["schemas"]["points_hold_locked"] | components["schemas"]["points_hold_code_reissued"] | components["schemas"]["points_merchant_code_rejected"] | components["schemas"]["points_merchant_locked"] | components["schemas"]["points_service_published"] | components["schemas"]["points_service_updated"] | components["schemas"]["matching_need_posted"] | components["schemas"]["matching_need_claimed"] | components["schemas"]["matching_need_assigned"] | components["schemas"]["matching_need_released"] | components["schemas"]["matching_need_reassigned"] | components["schemas"]["matching_need_visit_logged"] | components["schemas"]["matching_need_done_reported"] | components["schemas"]["matching_need_confirmed"] | components["schemas"]["matching_need_reopened"] | components["schemas"]["matching_need_closed"] | components["schemas"]["matching_need_cancelled"] | components["schemas"]["matching_need_expired"] | components["schemas"]["matching_need_reward_attached"] | components["schemas"]["matching_volunteer_registered"] | components["schemas"]["matching_volunteer_updated"] | components["schemas"]["matching_volunteer_joined_team"] | components["schemas"]["matching_team_created"] | components["schemas"]["matching_config_changed"] | components["schemas"]["mediation_case_reported"] | components["schemas"]["mediation_case_accepted"] | components["schemas"]["mediation_case_declined"] | components["schemas"]["mediation_case_statement_recorded"] | components["schemas"]["mediation_case_round_recorded"] | components["schemas"]["mediation_case_agreement_recorded"] | components["schemas"]["mediation_case_no_agreement_recorded"] | components["schemas"]["mediation_case_escalated"] | components["schemas"]["mediation_case_resolved"] | components["schemas"]["mediation_case_disclosed"] | components["schemas"]["mediation_case_rated"] | components["schemas"]["mediation_case_closed"] | components["schemas"]["mediation_case_withdrawn"] | components["schemas"]["mediation_case_reopened"] | components["schemas"]["mediation_config_changed"] | components["schemas"]["deliberation_item_raised"] | components["schemas"]["deliberation_item_answered"] | components["schemas"]["deliberation_item_accepted"] | components["schemas"]["deliberation_item_voted"] | components["schemas"]["deliberation_item_milestone_recorded"] | components["schemas"]["deliberation_item_resolved"] | components["schemas"]["deliberation_item_reported_back"] | components["schemas"]["deliberation_item_rated"] | components["schemas"]["deliberation_item_closed"] | components["schemas"]["deliberation_item_merged"] | components["schemas"]["deliberation_item_declined"] | components["schemas"]["deliberation_item_reopened"] | components["schemas"]["deliberation_item_progress_rolled_up"] | components["schemas"]["deliberation_session_convened"] | components["schemas"]["deliberation_session_minutes_recorded"] | components["schemas"]["deliberation_config_changed"] | components["schemas"]["followup_rating_requested"] | components["schemas"]["followup_rating_rated"] | components["schemas"]["followup_rating_reminded"] | components["schemas"]["followup_rating_lapsed"] | components["schemas"]["followup_questionnaire_sent"] | components["schemas"]["followup_questionnaire_answered"] | components["schemas"]["followup_config_changed"] | components["schemas"]["reminder_deadline_near"] | components["schemas"]["reminder_deadline_missed"] | components["schemas"]["places_place_registered"] | components["schemas"]["places_place_updated"] | components["schemas"]["places_place_closed"] | components["schemas"]["places_place_reopened"] | components["schemas"]["places_place_archived"] | components["schemas"]["places_config_changed"] | components["schemas"]["activities_activity_planned"] | components["schemas"]["activities_activity_registered"] | components["schemas"]["activities_activity_waitlisted"] | components["schemas"]["activities_activity_withdrawn"] | components["schemas"]["activities_activity_promoted"] | components["schemas"]["activities_activity_checked_in"] | components["schemas"]["activities_activity_code_rejected"] | components["schemas"]["activities_activity_code_reissued"] | components["schemas"]["activities_activity_hours_recorded"] | components["schemas"]["activities_activity_cancelled"] | components["schemas"]["activities_activity_completed"] | components["schemas"]["activities_team_formed"] | components["schemas"]["activities_team_changed"] | components["schemas"]["activities_team_disbanded"] | components["schemas"]["visits_household_marked"] | components["schemas"]["visits_visit_recorded"] | components["schemas"]["visits_config_changed"] | components["schemas"]["visits_overdue"] | components["schemas"]["partners_organisation_registered"] | components["schemas"]["partners_organisation_updated"] | components["schemas"]["partners_organisation_withdrawn"] | components["schemas"]["partners_organisation_reinstated"] | components["schemas"]["partners_service_provided"] | components["schemas"]["party_member_registered"] | components["schemas"]["party_member_committed"] | components["schemas"]["party_service_recorded"] | components["schemas"]["party_member_withdrawn"] | components["schemas"]["party_config_changed"] | components["schemas"]["intake_request_received"] | components["schemas"]["intake_request_accepted"] | components["schemas"]["intake_request_routed"] | components["schemas"]["intake_request_resolved"] | components["schemas"]["intake_request_rejected"] | components["schemas"]["intake_request_merged"] | components["schemas"]["intake_request_rated"] | components["schemas"]["intake_config_changed"] | components["schemas"]["OtherEvent"])[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listExports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        en: string;
                        name: string;
                        zh: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    answerQuestionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                    solved: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        questionnaireId: string;
                        reopened: boolean;
                        solved: boolean;
                        /** @enum {string} */
                        subject: "matching.need" | "mediation.case" | "deliberation.item";
                        subjectId: string;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    nodeId: string;
                    residents: {
                        idCardNumber?: string | null;
                        name: string;
                        partyMember?: boolean;
                        phone?: string | null;
                        /** @enum {string} */
                        relation?: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        id: string;
                        masked: boolean;
                        nodeId: string;
                        residents: {
                            id: string;
                            idCardNumber: string | null;
                            name: string;
                            partyMember: boolean;
                            phone: string | null;
                            /** @enum {string} */
                            relation: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                        }[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        id: string;
                        masked: boolean;
                        nodeId: string;
                        residents: {
                            id: string;
                            idCardNumber: string | null;
                            name: string;
                            partyMember: boolean;
                            phone: string | null;
                            /** @enum {string} */
                            relation: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                        }[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    updateHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    expectedVersion?: number;
                    residents?: {
                        idCardNumber?: string | null;
                        name: string;
                        partyMember?: boolean;
                        phone?: string | null;
                        /** @enum {string} */
                        relation?: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        id: string;
                        masked: boolean;
                        nodeId: string;
                        residents: {
                            id: string;
                            idCardNumber: string | null;
                            name: string;
                            partyMember: boolean;
                            phone: string | null;
                            /** @enum {string} */
                            relation: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                        }[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getCareHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: string[];
                        countyId: string;
                        householdId: string;
                        markedAt: string;
                        nodeId: string;
                        scope: string[];
                        updatedAt: string;
                        version: number;
                    } | null;
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    markCareHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories: string[];
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: string[];
                        countyId: string;
                        householdId: string;
                        markedAt: string;
                        nodeId: string;
                        scope: string[];
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPlacesServingHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        capacity: number | null;
                        distance: number;
                        hours: {
                            day: number;
                            from: string;
                            to: string;
                        }[];
                        id: string;
                        kind: string;
                        name: string;
                        nodeId: string;
                        openNow: boolean;
                        services: string[];
                        /** @enum {string} */
                        status: "open" | "closed" | "archived";
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    whoServes: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        householdId: string;
                        nodeId: string;
                        partyOrganisation: {
                            name: string;
                            nodeId: string;
                        } | null;
                        servers: {
                            assignmentId: string;
                            level: string;
                            nodeId: string;
                            nodeName: string;
                            person: {
                                code: string;
                                countyId: string;
                                householdId: string | null;
                                id: string;
                                masked: boolean;
                                name: string;
                                nodeId: string;
                                phone: string | null;
                                version: number;
                            };
                            /** @enum {string} */
                            role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                            since: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    receiveIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    /** @enum {string} */
                    channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                    householdId?: string;
                    nodeId?: string;
                    resident: {
                        /** @enum {string} */
                        kind: "person";
                        personId: string;
                    } | {
                        /** @enum {string} */
                        kind: "contact";
                        name: string;
                        phone: string;
                    };
                    text: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        followCode: string;
                        request: {
                            acceptedAt: string | null;
                            category: string;
                            /** @enum {string} */
                            channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                            closedAt: string | null;
                            countyId: string;
                            householdId: string | null;
                            id: string;
                            mergedInto: {
                                id: string;
                                reference: string;
                            } | null;
                            nodeId: string;
                            outcome: string | null;
                            rating: number | null;
                            receivedAt: string;
                            receivedBy: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            reference: string;
                            rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                            resident: {
                                /** @enum {string} */
                                kind: "person";
                                personId: string;
                            } | {
                                /** @enum {string} */
                                kind: "contact";
                                name: string;
                                phone: string;
                            };
                            route: {
                                department: string | null;
                                dueDate: string | null;
                                /** @enum {string} */
                                target: "need" | "case" | "item" | "referral";
                                targetId: string | null;
                            } | null;
                            routedAt: string | null;
                            scope: string[];
                            /** @enum {string} */
                            status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                            text: string;
                            version: number;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    acceptIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    mergeIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    into: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    rejectIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    outcome?: string;
                    /** @enum {string} */
                    reason: "out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    resolveIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    outcome?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    routeIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    case?: unknown;
                    department?: unknown;
                    dueDate?: unknown;
                    item?: unknown;
                    /** @enum {string} */
                    kind: "need" | "case" | "item" | "referral";
                    need?: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        /** @enum {string} */
                        channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                        closedAt: string | null;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        mergedInto: {
                            id: string;
                            reference: string;
                        } | null;
                        nodeId: string;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        receivedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        resident: {
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                        } | {
                            /** @enum {string} */
                            kind: "contact";
                            name: string;
                            phone: string;
                        };
                        route: {
                            department: string | null;
                            dueDate: string | null;
                            /** @enum {string} */
                            target: "need" | "case" | "item" | "referral";
                            targetId: string | null;
                        } | null;
                        routedAt: string | null;
                        scope: string[];
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                        text: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    findNode: {
        parameters: {
            query: {
                path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getClaimBoard: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: {
                            category: string;
                            closedAt: string | null;
                            dueAt: string;
                            id: string;
                            /** @enum {string} */
                            kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                            nodeId: string;
                            postedAt: string;
                            requester: string;
                            rewardPoints: number | null;
                            slots: number;
                            /** @enum {string} */
                            state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                            /** @enum {string} */
                            status: "open" | "closed";
                            taken: number;
                            title: string;
                            /** @enum {string} */
                            urgency: "low" | "normal" | "high" | "critical";
                        };
                        eligible: boolean;
                        /** @enum {string} */
                        proximity: "same_building" | "same_grid" | "same_community" | "further";
                        reason: string | null;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    postNeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    description?: string;
                    dueAt: string;
                    /** @enum {string} */
                    kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                    nodeId: string;
                    requester?: string;
                    requiredSkills?: string[];
                    reward?: {
                        category?: string;
                        fromAccountId?: string;
                        points?: number;
                        quantity?: number;
                    } | null;
                    slots?: number;
                    title: string;
                    /** @enum {string} */
                    urgency?: "low" | "normal" | "high" | "critical";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignees: {
                            at: string;
                            explanation: string | null;
                            personId: string;
                            /** @enum {string} */
                            via: "claim" | "dispatch";
                        }[];
                        category: string;
                        closedAt: string | null;
                        confirmation: {
                            at: string;
                            by: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            comment: string;
                            rating: number;
                        } | null;
                        countyId: string;
                        description: string;
                        doneAt: string | null;
                        dueAt: string;
                        helpers: string[];
                        id: string;
                        /** @enum {string} */
                        kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                        nodeId: string;
                        paid: {
                            accountId: string;
                            personId: string;
                            points: number;
                            transferId: string;
                        }[];
                        postedAt: string;
                        publicTitle: string;
                        reason: string | null;
                        requester: {
                            id: string;
                            name: string;
                        };
                        requiredSkills: string[];
                        respondedAt: string | null;
                        reward: {
                            /** @enum {string} */
                            _tag: "requester";
                            accountId: string;
                            held: number;
                            holdId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            _tag: "issuer";
                            awardedBy: string;
                            category: string;
                            points: number;
                            quantity: number;
                        } | null;
                        scope: string[];
                        slots: number;
                        /** @enum {string} */
                        state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string;
                        updatedAt: string;
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "critical";
                        version: number;
                        visits: {
                            at: string;
                            note: string;
                            personId: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignees: {
                            at: string;
                            explanation: string | null;
                            personId: string;
                            /** @enum {string} */
                            via: "claim" | "dispatch";
                        }[];
                        category: string;
                        closedAt: string | null;
                        confirmation: {
                            at: string;
                            by: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            comment: string;
                            rating: number;
                        } | null;
                        countyId: string;
                        description: string;
                        doneAt: string | null;
                        dueAt: string;
                        helpers: string[];
                        id: string;
                        /** @enum {string} */
                        kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                        nodeId: string;
                        paid: {
                            accountId: string;
                            personId: string;
                            points: number;
                            transferId: string;
                        }[];
                        postedAt: string;
                        publicTitle: string;
                        reason: string | null;
                        requester: {
                            id: string;
                            name: string;
                        };
                        requiredSkills: string[];
                        respondedAt: string | null;
                        reward: {
                            /** @enum {string} */
                            _tag: "requester";
                            accountId: string;
                            held: number;
                            holdId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            _tag: "issuer";
                            awardedBy: string;
                            category: string;
                            points: number;
                            quantity: number;
                        } | null;
                        scope: string[];
                        slots: number;
                        /** @enum {string} */
                        state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string;
                        updatedAt: string;
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "critical";
                        version: number;
                        visits: {
                            at: string;
                            note: string;
                            personId: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    claimNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignees: {
                            at: string;
                            explanation: string | null;
                            personId: string;
                            /** @enum {string} */
                            via: "claim" | "dispatch";
                        }[];
                        category: string;
                        closedAt: string | null;
                        confirmation: {
                            at: string;
                            by: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            comment: string;
                            rating: number;
                        } | null;
                        countyId: string;
                        description: string;
                        doneAt: string | null;
                        dueAt: string;
                        helpers: string[];
                        id: string;
                        /** @enum {string} */
                        kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                        nodeId: string;
                        paid: {
                            accountId: string;
                            personId: string;
                            points: number;
                            transferId: string;
                        }[];
                        postedAt: string;
                        publicTitle: string;
                        reason: string | null;
                        requester: {
                            id: string;
                            name: string;
                        };
                        requiredSkills: string[];
                        respondedAt: string | null;
                        reward: {
                            /** @enum {string} */
                            _tag: "requester";
                            accountId: string;
                            held: number;
                            holdId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            _tag: "issuer";
                            awardedBy: string;
                            category: string;
                            points: number;
                            quantity: number;
                        } | null;
                        scope: string[];
                        slots: number;
                        /** @enum {string} */
                        state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string;
                        updatedAt: string;
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "critical";
                        version: number;
                        visits: {
                            at: string;
                            note: string;
                            personId: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runNeedCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Claim";
                    personId?: string;
                } | {
                    /** @enum {string} */
                    _tag: "Assign";
                    explanation?: string;
                    personIds: string[];
                } | {
                    /** @enum {string} */
                    _tag: "Release";
                    personId?: string;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Reassign";
                    from: string;
                    reason: string;
                    to: string;
                } | {
                    /** @enum {string} */
                    _tag: "LogVisit";
                    note: string;
                } | {
                    /** @enum {string} */
                    _tag: "ReportDone";
                    note?: string;
                } | {
                    /** @enum {string} */
                    _tag: "Confirm";
                    comment?: string;
                    rating: number;
                } | {
                    /** @enum {string} */
                    _tag: "Reopen";
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Close";
                } | {
                    /** @enum {string} */
                    _tag: "Cancel";
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Expire";
                } | {
                    /** @enum {string} */
                    _tag: "AttachReward";
                    category?: string;
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignees: {
                            at: string;
                            explanation: string | null;
                            personId: string;
                            /** @enum {string} */
                            via: "claim" | "dispatch";
                        }[];
                        category: string;
                        closedAt: string | null;
                        confirmation: {
                            at: string;
                            by: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            comment: string;
                            rating: number;
                        } | null;
                        countyId: string;
                        description: string;
                        doneAt: string | null;
                        dueAt: string;
                        helpers: string[];
                        id: string;
                        /** @enum {string} */
                        kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                        nodeId: string;
                        paid: {
                            accountId: string;
                            personId: string;
                            points: number;
                            transferId: string;
                        }[];
                        postedAt: string;
                        publicTitle: string;
                        reason: string | null;
                        requester: {
                            id: string;
                            name: string;
                        };
                        requiredSkills: string[];
                        respondedAt: string | null;
                        reward: {
                            /** @enum {string} */
                            _tag: "requester";
                            accountId: string;
                            held: number;
                            holdId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            _tag: "issuer";
                            awardedBy: string;
                            category: string;
                            points: number;
                            quantity: number;
                        } | null;
                        scope: string[];
                        slots: number;
                        /** @enum {string} */
                        state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string;
                        updatedAt: string;
                        /** @enum {string} */
                        urgency: "low" | "normal" | "high" | "critical";
                        version: number;
                        visits: {
                            at: string;
                            note: string;
                            personId: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    rankVolunteers: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidates: {
                            capacityLeft: number;
                            explanation: string;
                            explanationZh: string;
                            name: string;
                            parts: {
                                availability: number | ("Infinity" | "-Infinity" | "NaN");
                                distance: number | ("Infinity" | "-Infinity" | "NaN");
                                fairness: number | ("Infinity" | "-Infinity" | "NaN");
                                load: number | ("Infinity" | "-Infinity" | "NaN");
                                rating: number | ("Infinity" | "-Infinity" | "NaN");
                                skill: number | ("Infinity" | "-Infinity" | "NaN");
                            };
                            personId: string;
                            /** @enum {string} */
                            proximity: "same_building" | "same_grid" | "same_community" | "further";
                            total: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                        considered: number;
                        needId: string;
                        rejected: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    homeNodeId: string;
                    leaderId: string;
                    members: string[];
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        homeNodeId: string;
                        homeScope: string[];
                        id: string;
                        leaderId: string;
                        members: string[];
                        name: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    saveVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId?: string | null;
                    active?: boolean;
                    availability: {
                        day: number;
                        fromHour: number;
                        toHour: number;
                    }[];
                    homeNodeId: string;
                    maxConcurrent: number;
                    personId: string;
                    skills: {
                        level: number;
                        skill: string;
                    }[];
                    tags?: ("party_member" | "five_elders" | "building_leader" | "partner_merchant" | "social_worker")[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string | null;
                        active: boolean;
                        availability: {
                            day: number;
                            fromHour: number;
                            toHour: number;
                        }[];
                        countyId: string;
                        history: {
                            completed: number;
                            pointsEarned: number;
                            ratingCount: number;
                            ratingSum: number;
                            recent: string[];
                        };
                        homeNodeId: string;
                        homeScope: string[];
                        load: number;
                        maxConcurrent: number;
                        name: string;
                        personId: string;
                        skills: {
                            level: number;
                            skill: string;
                        }[];
                        tags: ("party_member" | "five_elders" | "building_leader" | "partner_merchant" | "social_worker")[];
                        teams: string[];
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string | null;
                        active: boolean;
                        availability: {
                            day: number;
                            fromHour: number;
                            toHour: number;
                        }[];
                        countyId: string;
                        history: {
                            completed: number;
                            pointsEarned: number;
                            ratingCount: number;
                            ratingSum: number;
                            recent: string[];
                        };
                        homeNodeId: string;
                        homeScope: string[];
                        load: number;
                        maxConcurrent: number;
                        name: string;
                        personId: string;
                        skills: {
                            level: number;
                            skill: string;
                        }[];
                        tags: ("party_member" | "five_elders" | "building_leader" | "partner_merchant" | "social_worker")[];
                        teams: string[];
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description WhoAmI */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhoAmI"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listMyFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        nodeId: string;
                        questionnaire: {
                            id: string;
                            question: {
                                en: string;
                                zh: string;
                            };
                            sentAt: string;
                        } | null;
                        rating: {
                            dueDate: string;
                            /** @enum {string} */
                            state: "asked" | "reminded" | "rated" | "lapsed";
                        } | null;
                        requestedOn: string;
                        /** @enum {string} */
                        subject: "matching.need" | "mediation.case" | "deliberation.item";
                        subjectId: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    myInbox: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            body: {
                                en: string;
                                zh: string;
                            };
                            countyId: string;
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            personId: string;
                            read: boolean;
                            readAt: string | null;
                            subject: {
                                id: string;
                                type: string;
                            };
                            template: string;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        body: {
                            en: string;
                            zh: string;
                        };
                        countyId: string;
                        createdAt: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        personId: string;
                        read: boolean;
                        readAt: string | null;
                        subject: {
                            id: string;
                            type: string;
                        };
                        template: string;
                        title: {
                            en: string;
                            zh: string;
                        };
                        /** @enum {string} */
                        urgency: "urgent" | "normal";
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    myNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: string[];
                        countyId: string;
                        digest: boolean;
                        personId: string;
                        quietHours: {
                            end: string;
                            start: string;
                        } | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    setNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channels?: string[] | null;
                    digest?: boolean | null;
                    quietHours?: {
                        end: string;
                        start: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: string[];
                        countyId: string;
                        digest: boolean;
                        personId: string;
                        quietHours: {
                            end: string;
                            start: string;
                        } | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    reportCase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attachments?: string[];
                    category: string;
                    description: string;
                    nodeId: string;
                    parties: ({
                        /** @enum {string} */
                        kind: "person";
                        personId: string;
                        /** @enum {string} */
                        side: "applicant" | "respondent" | "other";
                    } | {
                        houseNumber: string | null;
                        idCardNumber: string | null;
                        /** @enum {string} */
                        kind: "external";
                        name: string;
                        phone: string | null;
                        /** @enum {string} */
                        side: "applicant" | "respondent" | "other";
                    })[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actedBy: string[];
                        agreement: {
                            at: string;
                            consents: boolean[];
                            terms: string;
                        } | null;
                        attachments: string[];
                        category: string;
                        closedAt: string | null;
                        countyId: string;
                        deadline: {
                            dueAt: string;
                            /** @enum {string} */
                            kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                        } | null;
                        declined: {
                            reason: string;
                            referredTo: string | null;
                        } | null;
                        department: {
                            code: string;
                            name: string;
                        } | null;
                        description: string;
                        disclosedAt: string | null;
                        escalations: {
                            at: string;
                            deadline: string;
                            /** @enum {string} */
                            level: "street" | "department";
                            missed: ("accept" | "hearing" | "agreement" | "escalation" | "street" | "department") | null;
                            reason: string;
                            supervisor: string | null;
                            to: string;
                            toName: string;
                        }[];
                        history: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            step: string;
                        }[];
                        id: string;
                        /** @enum {string} */
                        level: "community" | "street" | "department";
                        mediators: string[];
                        missedLevels: ("community" | "street" | "department")[];
                        noAgreementReason: string | null;
                        nodeId: string;
                        parties: ({
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        } | {
                            houseNumber: string | null;
                            idCardNumber: string | null;
                            /** @enum {string} */
                            kind: "external";
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        })[];
                        placeName: string;
                        publication: {
                            agreement: string | null;
                            category: {
                                key: string;
                                nameEn: string;
                                nameZh: string;
                            };
                            outcome: string | null;
                            outcomes: string[];
                            place: string;
                            statements: string[];
                            topic: string;
                        } | null;
                        ratings: {
                            party: number;
                            /** @enum {string} */
                            rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                        }[];
                        reachedLevels: ("community" | "street" | "department")[];
                        reopenCount: number;
                        reportedAt: string;
                        reportedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        resolution: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            outcome: string;
                        } | null;
                        resolvedAt: string | null;
                        respondedAt: string | null;
                        rounds: {
                            at: string;
                            outcome: string;
                            participants: {
                                name: string | null;
                                /** @enum {string} */
                                role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                            }[];
                            /** @enum {string} */
                            round: "proposal" | "joint" | "decision";
                        }[];
                        scope: string[];
                        /** @enum {string} */
                        state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                        statements: {
                            at: string;
                            party: number;
                            publishable: boolean;
                            text: string;
                        }[];
                        /** @enum {string} */
                        status: "open" | "closed";
                        streetId: string | null;
                        supervisor: string | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                        withdrawal: {
                            at: string;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actedBy: string[];
                        agreement: {
                            at: string;
                            consents: boolean[];
                            terms: string;
                        } | null;
                        attachments: string[];
                        category: string;
                        closedAt: string | null;
                        countyId: string;
                        deadline: {
                            dueAt: string;
                            /** @enum {string} */
                            kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                        } | null;
                        declined: {
                            reason: string;
                            referredTo: string | null;
                        } | null;
                        department: {
                            code: string;
                            name: string;
                        } | null;
                        description: string;
                        disclosedAt: string | null;
                        escalations: {
                            at: string;
                            deadline: string;
                            /** @enum {string} */
                            level: "street" | "department";
                            missed: ("accept" | "hearing" | "agreement" | "escalation" | "street" | "department") | null;
                            reason: string;
                            supervisor: string | null;
                            to: string;
                            toName: string;
                        }[];
                        history: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            step: string;
                        }[];
                        id: string;
                        /** @enum {string} */
                        level: "community" | "street" | "department";
                        mediators: string[];
                        missedLevels: ("community" | "street" | "department")[];
                        noAgreementReason: string | null;
                        nodeId: string;
                        parties: ({
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        } | {
                            houseNumber: string | null;
                            idCardNumber: string | null;
                            /** @enum {string} */
                            kind: "external";
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        })[];
                        placeName: string;
                        publication: {
                            agreement: string | null;
                            category: {
                                key: string;
                                nameEn: string;
                                nameZh: string;
                            };
                            outcome: string | null;
                            outcomes: string[];
                            place: string;
                            statements: string[];
                            topic: string;
                        } | null;
                        ratings: {
                            party: number;
                            /** @enum {string} */
                            rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                        }[];
                        reachedLevels: ("community" | "street" | "department")[];
                        reopenCount: number;
                        reportedAt: string;
                        reportedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        resolution: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            outcome: string;
                        } | null;
                        resolvedAt: string | null;
                        respondedAt: string | null;
                        rounds: {
                            at: string;
                            outcome: string;
                            participants: {
                                name: string | null;
                                /** @enum {string} */
                                role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                            }[];
                            /** @enum {string} */
                            round: "proposal" | "joint" | "decision";
                        }[];
                        scope: string[];
                        /** @enum {string} */
                        state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                        statements: {
                            at: string;
                            party: number;
                            publishable: boolean;
                            text: string;
                        }[];
                        /** @enum {string} */
                        status: "open" | "closed";
                        streetId: string | null;
                        supervisor: string | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                        withdrawal: {
                            at: string;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runCaseCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Accept";
                    expectedVersion?: number;
                    mediators: string[];
                } | {
                    /** @enum {string} */
                    _tag: "Decline";
                    expectedVersion?: number;
                    reason: string;
                    referredTo?: string | null;
                } | {
                    /** @enum {string} */
                    _tag: "RecordStatement";
                    expectedVersion?: number;
                    party: number;
                    publishable: boolean;
                    text: string;
                } | {
                    /** @enum {string} */
                    _tag: "RecordRound";
                    expectedVersion?: number;
                    outcome: string;
                    participants: {
                        name: string | null;
                        /** @enum {string} */
                        role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                    }[];
                    /** @enum {string} */
                    round: "proposal" | "joint" | "decision";
                } | {
                    /** @enum {string} */
                    _tag: "RecordAgreement";
                    consents: boolean[];
                    expectedVersion?: number;
                    terms: string;
                } | {
                    /** @enum {string} */
                    _tag: "RecordNoAgreement";
                    expectedVersion?: number;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Escalate";
                    deadline?: string;
                    department?: string;
                    expectedVersion?: number;
                    reason: string;
                    supervisor?: string;
                    /** @enum {string} */
                    to: "street" | "department";
                } | {
                    /** @enum {string} */
                    _tag: "Resolve";
                    expectedVersion?: number;
                    outcome: string;
                } | {
                    /** @enum {string} */
                    _tag: "Disclose";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Rate";
                    expectedVersion?: number;
                    ratings: {
                        party: number;
                        /** @enum {string} */
                        rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                    }[];
                } | {
                    /** @enum {string} */
                    _tag: "Close";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Withdraw";
                    expectedVersion?: number;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Reopen";
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actedBy: string[];
                        agreement: {
                            at: string;
                            consents: boolean[];
                            terms: string;
                        } | null;
                        attachments: string[];
                        category: string;
                        closedAt: string | null;
                        countyId: string;
                        deadline: {
                            dueAt: string;
                            /** @enum {string} */
                            kind: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                        } | null;
                        declined: {
                            reason: string;
                            referredTo: string | null;
                        } | null;
                        department: {
                            code: string;
                            name: string;
                        } | null;
                        description: string;
                        disclosedAt: string | null;
                        escalations: {
                            at: string;
                            deadline: string;
                            /** @enum {string} */
                            level: "street" | "department";
                            missed: ("accept" | "hearing" | "agreement" | "escalation" | "street" | "department") | null;
                            reason: string;
                            supervisor: string | null;
                            to: string;
                            toName: string;
                        }[];
                        history: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            step: string;
                        }[];
                        id: string;
                        /** @enum {string} */
                        level: "community" | "street" | "department";
                        mediators: string[];
                        missedLevels: ("community" | "street" | "department")[];
                        noAgreementReason: string | null;
                        nodeId: string;
                        parties: ({
                            /** @enum {string} */
                            kind: "person";
                            personId: string;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        } | {
                            houseNumber: string | null;
                            idCardNumber: string | null;
                            /** @enum {string} */
                            kind: "external";
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        })[];
                        placeName: string;
                        publication: {
                            agreement: string | null;
                            category: {
                                key: string;
                                nameEn: string;
                                nameZh: string;
                            };
                            outcome: string | null;
                            outcomes: string[];
                            place: string;
                            statements: string[];
                            topic: string;
                        } | null;
                        ratings: {
                            party: number;
                            /** @enum {string} */
                            rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                        }[];
                        reachedLevels: ("community" | "street" | "department")[];
                        reopenCount: number;
                        reportedAt: string;
                        reportedBy: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "system";
                        };
                        resolution: {
                            at: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            outcome: string;
                        } | null;
                        resolvedAt: string | null;
                        respondedAt: string | null;
                        rounds: {
                            at: string;
                            outcome: string;
                            participants: {
                                name: string | null;
                                /** @enum {string} */
                                role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                            }[];
                            /** @enum {string} */
                            round: "proposal" | "joint" | "decision";
                        }[];
                        scope: string[];
                        /** @enum {string} */
                        state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                        statements: {
                            at: string;
                            party: number;
                            publishable: boolean;
                            text: string;
                        }[];
                        /** @enum {string} */
                        status: "open" | "closed";
                        streetId: string | null;
                        supervisor: string | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                        withdrawal: {
                            at: string;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    countyId?: string;
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        escalated: {
                            id: string;
                            /** @enum {string} */
                            missed: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                            /** @enum {string} */
                            to: "street" | "department";
                        }[];
                        overdue: number;
                        skipped: {
                            id: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createNode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    level?: string;
                    name: string;
                    parentId: string;
                    partyOrganisation?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    updateNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    expectedVersion?: number;
                    name?: string;
                    partyOrganisation?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listActivities: {
        parameters: {
            query?: {
                after?: string;
                from?: string;
                limit?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attended: number;
                            attendedByMe: boolean;
                            capacity: number | null;
                            checkInCode: string | null;
                            checkInLocked: boolean;
                            endsAt: string;
                            id: string;
                            /** @enum {string} */
                            kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                            mine: {
                                /** @enum {string} */
                                list: "registered" | "waiting";
                                position: number;
                            } | null;
                            nodeId: string;
                            placeId: string | null;
                            registered: number;
                            startsAt: string;
                            /** @enum {string} */
                            status: "planned" | "cancelled" | "completed";
                            teamId: string | null;
                            title: string;
                            topic: string | null;
                            version: number;
                            waiting: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getActivityReport: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activities: number;
                        byChild: {
                            activities: number;
                            nodeId: string;
                            personTimes: number;
                        }[];
                        byKind: {
                            activities: number;
                            /** @enum {string} */
                            kind: "neighbourhood_festival" | "neighbourhood_fair" | "charity_market" | "night_school" | "festival" | "lecture" | "volunteer_service";
                            personTimes: number;
                        }[];
                        byMonth: {
                            activities: number;
                            month: string;
                            personTimes: number;
                        }[];
                        distinctResidents: number;
                        from: string | null;
                        personTimes: number;
                        registrations: number;
                        rootId: string;
                        serviceHours: number | ("Infinity" | "-Infinity" | "NaN");
                        to: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listActivityTeams: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            countyId: string;
                            createdAt: string;
                            id: string;
                            /** @enum {string} */
                            kind: "volunteer" | "lecture";
                            leader: {
                                name: string;
                                personId: string;
                            };
                            members: {
                                name: string;
                                personId: string;
                            }[];
                            name: string;
                            nodeId: string;
                            scope: string[];
                            /** @enum {string} */
                            status: "active" | "disbanded";
                            topics: string[];
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listAncestors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    archiveNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cascade?: boolean;
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archivedHouseholds: number;
                        archivedNodes: number;
                        node: {
                            code: string;
                            countyId: string;
                            createdAt: string;
                            depth: number;
                            id: string;
                            level: string;
                            name: string;
                            parentId: string | null;
                            partyOrganisation: string | null;
                            path: string[];
                            /** @enum {string} */
                            status: "active" | "archived";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listAssignments: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            countyId: string;
                            createdAt: string;
                            endDate: string | null;
                            id: string;
                            nodeId: string;
                            personId: string;
                            /** @enum {string} */
                            role: "county_admin" | "street_admin" | "community_secretary" | "grid_worker" | "building_leader" | "party_member" | "partner" | "mediator" | "volunteer";
                            startDate: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listChildren: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            countyId: string;
                            createdAt: string;
                            depth: number;
                            id: string;
                            level: string;
                            name: string;
                            parentId: string | null;
                            partyOrganisation: string | null;
                            path: string[];
                            /** @enum {string} */
                            status: "active" | "archived";
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getCoverage: {
        parameters: {
            query?: {
                date?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        fullyCovered: {
                            count: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        gaps: {
                            missing: ("building_leader" | "party_member" | "party_organisation")[];
                            place: string;
                            unitId: string;
                        }[];
                        gapsTruncated: boolean;
                        rootId: string;
                        units: number;
                        withoutBuildingLeader: {
                            count: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        withoutPartyMember: {
                            count: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        withoutPartyOrganisation: {
                            count: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            agenda: string[];
                            convener: {
                                /** @enum {string} */
                                _tag: "Person";
                                name: string;
                                personId: string;
                            } | {
                                /** @enum {string} */
                                _tag: "Outside";
                                name: string;
                                phone: string | null;
                            };
                            countyId: string;
                            heldAt: string;
                            id: string;
                            minutes: string | null;
                            nodeId: string;
                            participants: {
                                count: number;
                                names: string[];
                                /** @enum {string} */
                                role: "residents" | "property_company" | "owners_committee" | "departments" | "party_members" | "cadres";
                            }[];
                            placeName: string;
                            scope: string[];
                            type: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getDeliberationStatistics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answeredOnSpot: number;
                        byCategory: {
                            category: string;
                            change: string | null;
                            count: number;
                            lastYear: number | null;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        byNode: {
                            averageRating: number | ("Infinity" | "-Infinity" | "NaN") | null;
                            nodeId: string;
                            raised: number;
                            ratings: number;
                        }[];
                        byState: {
                            count: number;
                            /** @enum {string} */
                            state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                        }[];
                        byUnit: {
                            averageRating: number | ("Infinity" | "-Infinity" | "NaN") | null;
                            name: string;
                            onTime: {
                                count: number;
                                of: number;
                                percent: number | ("Infinity" | "-Infinity" | "NaN");
                            };
                            overdue: number;
                            ratings: number;
                            resolved: number;
                            satisfied: {
                                count: number;
                                of: number;
                                percent: number | ("Infinity" | "-Infinity" | "NaN");
                            };
                            takenUp: number;
                            unit: string;
                        }[];
                        from: string | null;
                        open: number;
                        overdue: number;
                        raised: number;
                        resolved: number;
                        rootId: string;
                        takenUp: number;
                        timeZone: string;
                        to: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    exportFile: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                lang?: "zh" | "en";
                sheet?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getFollowUpStatistics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answered: number;
                        asked: number;
                        bySubject: {
                            answered: number;
                            asked: number;
                            followUps: number;
                            lapsed: number;
                            notSolved: number;
                            questionnairesSent: number;
                            rated: number;
                            ratedRate: number | null;
                            reopened: number;
                            satisfactionRate: number | null;
                            satisfied: number;
                            solved: number;
                            solvedRate: number | null;
                            /** @enum {string} */
                            subject: "matching.need" | "mediation.case" | "deliberation.item";
                        }[];
                        followUps: number;
                        from: string | null;
                        lapsed: number;
                        notSolved: number;
                        questionnairesSent: number;
                        rated: number;
                        ratedRate: number | null;
                        reopened: number;
                        rootId: string;
                        satisfactionRate: number | null;
                        satisfied: number;
                        solved: number;
                        solvedRate: number | null;
                        to: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listHouseholds: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            countyId: string;
                            createdAt: string;
                            id: string;
                            masked: boolean;
                            nodeId: string;
                            residents: {
                                id: string;
                                idCardNumber: string | null;
                                name: string;
                                partyMember: boolean;
                                phone: string | null;
                                /** @enum {string} */
                                relation: "head" | "spouse" | "child" | "parent" | "grandparent" | "grandchild" | "sibling" | "tenant" | "other";
                            }[];
                            /** @enum {string} */
                            status: "active" | "archived";
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listIntakeRequests: {
        parameters: {
            query?: {
                after?: string;
                category?: string;
                channel?: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                limit?: string;
                status?: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            acceptedAt: string | null;
                            category: string;
                            /** @enum {string} */
                            channel: "walk_in" | "phone" | "hotline_12345" | "grid_worker" | "mini_program";
                            closedAt: string | null;
                            countyId: string;
                            householdId: string | null;
                            id: string;
                            mergedInto: {
                                id: string;
                                reference: string;
                            } | null;
                            nodeId: string;
                            outcome: string | null;
                            rating: number | null;
                            receivedAt: string;
                            receivedBy: {
                                id: string;
                                /** @enum {string} */
                                kind: "person" | "system";
                            };
                            reference: string;
                            rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                            resident: {
                                /** @enum {string} */
                                kind: "person";
                                personId: string;
                            } | {
                                /** @enum {string} */
                                kind: "contact";
                                name: string;
                                phone: string;
                            };
                            route: {
                                department: string | null;
                                dueDate: string | null;
                                /** @enum {string} */
                                target: "need" | "case" | "item" | "referral";
                                targetId: string | null;
                            } | null;
                            routedAt: string | null;
                            scope: string[];
                            /** @enum {string} */
                            status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                            text: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    dispatchNeeds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dryRun?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applied: boolean;
                        assignments: {
                            explanation: string;
                            explanationZh: string;
                            needId: string;
                            personId: string;
                            rank: number;
                            score: number | ("Infinity" | "-Infinity" | "NaN");
                            value: number | ("Infinity" | "-Infinity" | "NaN");
                        }[];
                        at: string;
                        greedyTotal: number | ("Infinity" | "-Infinity" | "NaN");
                        needs: number;
                        skipped: {
                            needId: string;
                            reason: string;
                        }[];
                        total: number | ("Infinity" | "-Infinity" | "NaN");
                        unassigned: string[];
                        volunteers: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    expireNeeds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        expired: string[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listNeeds: {
        parameters: {
            query?: {
                after?: string;
                category?: string;
                limit?: string;
                state?: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                status?: "open" | "closed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            assignees: {
                                at: string;
                                explanation: string | null;
                                personId: string;
                                /** @enum {string} */
                                via: "claim" | "dispatch";
                            }[];
                            category: string;
                            closedAt: string | null;
                            confirmation: {
                                at: string;
                                by: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "person" | "system";
                                };
                                comment: string;
                                rating: number;
                            } | null;
                            countyId: string;
                            description: string;
                            doneAt: string | null;
                            dueAt: string;
                            helpers: string[];
                            id: string;
                            /** @enum {string} */
                            kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                            nodeId: string;
                            paid: {
                                accountId: string;
                                personId: string;
                                points: number;
                                transferId: string;
                            }[];
                            postedAt: string;
                            publicTitle: string;
                            reason: string | null;
                            requester: {
                                id: string;
                                name: string;
                            };
                            requiredSkills: string[];
                            respondedAt: string | null;
                            reward: {
                                /** @enum {string} */
                                _tag: "requester";
                                accountId: string;
                                held: number;
                                holdId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                _tag: "issuer";
                                awardedBy: string;
                                category: string;
                                points: number;
                                quantity: number;
                            } | null;
                            scope: string[];
                            slots: number;
                            /** @enum {string} */
                            state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                            /** @enum {string} */
                            status: "open" | "closed";
                            title: string;
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "low" | "normal" | "high" | "critical";
                            version: number;
                            visits: {
                                at: string;
                                note: string;
                                personId: string;
                            }[];
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listVolunteers: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            accountId: string | null;
                            active: boolean;
                            availability: {
                                day: number;
                                fromHour: number;
                                toHour: number;
                            }[];
                            countyId: string;
                            history: {
                                completed: number;
                                pointsEarned: number;
                                ratingCount: number;
                                ratingSum: number;
                                recent: string[];
                            };
                            homeNodeId: string;
                            homeScope: string[];
                            load: number;
                            maxConcurrent: number;
                            name: string;
                            personId: string;
                            skills: {
                                level: number;
                                skill: string;
                            }[];
                            tags: ("party_member" | "five_elders" | "building_leader" | "partner_merchant" | "social_worker")[];
                            teams: string[];
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                after?: string;
                category?: string;
                department?: string;
                level?: "community" | "street" | "department";
                limit?: string;
                state?: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                status?: "open" | "closed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            category: string;
                            countyId: string;
                            department: string | null;
                            dueAt: string | null;
                            id: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            nodeId: string;
                            placeName: string;
                            reportedAt: string;
                            /** @enum {string} */
                            state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                            /** @enum {string} */
                            status: "open" | "closed";
                            title: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listOverdueCases: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string;
                        countyId: string;
                        /** @enum {string} */
                        deadline: "accept" | "hearing" | "agreement" | "escalation" | "street" | "department";
                        dueAt: string;
                        escalatesTo: ("street" | "department") | null;
                        hoursOverdue: number | ("Infinity" | "-Infinity" | "NaN");
                        id: string;
                        /** @enum {string} */
                        level: "community" | "street" | "department";
                        nodeId: string;
                        /** @enum {string} */
                        state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getMediationStatistics: {
        parameters: {
            query?: {
                date?: string | "today";
                from?: string;
                month?: string | "current";
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byCategory: {
                            category: string;
                            change: string | null;
                            count: number;
                            lastYear: number | null;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        byLevel: {
                            count: number;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                        }[];
                        byState: {
                            count: number;
                            /** @enum {string} */
                            state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                        }[];
                        cases: number;
                        from: string | null;
                        lastYear: {
                            cases: number;
                            change: string | null;
                            from: string;
                            to: string;
                        } | null;
                        medianHoursToResolve: number | ("Infinity" | "-Infinity" | "NaN") | null;
                        onTime: {
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            onTime: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                            reached: number;
                        }[];
                        open: number;
                        resolutionRate: {
                            count: number;
                            of: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        responseRate: {
                            count: number;
                            of: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        rootId: string;
                        satisfactionRate: {
                            count: number;
                            of: number;
                            percent: number | ("Infinity" | "-Infinity" | "NaN");
                        };
                        to: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    moveNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    newParentId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        createdAt: string;
                        depth: number;
                        id: string;
                        level: string;
                        name: string;
                        parentId: string | null;
                        partyOrganisation: string | null;
                        path: string[];
                        /** @enum {string} */
                        status: "active" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPartners: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
                status?: "active" | "withdrawn";
                type?: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            countyId: string;
                            createdAt: string;
                            id: string;
                            merchantAccountIds: string[];
                            name: string;
                            nodeId: string;
                            scope: string[];
                            serves: string[];
                            staff: {
                                name: string;
                                personId: string;
                                role: string;
                            }[];
                            /** @enum {string} */
                            status: "active" | "withdrawn";
                            /** @enum {string} */
                            type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                            updatedAt: string;
                            version: number;
                            withdrawals?: {
                                reinstatedAt: string | null;
                                withdrawnAt: string;
                            }[];
                            withdrawnAt: string | null;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPartnerReport: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activePartners: number;
                        byType: {
                            partners: number;
                            people: number;
                            services: number;
                            /** @enum {string} */
                            type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        }[];
                        from: string;
                        partners: {
                            freeServices: number;
                            name: string;
                            partnerId: string;
                            people: number;
                            points: number;
                            redemptions: number;
                            /** @enum {string} */
                            type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        }[];
                        rootId: string;
                        to: string;
                        totals: {
                            freeServices: number;
                            people: number;
                            points: number;
                            redemptions: number;
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPartyMembers: {
        parameters: {
            query?: {
                after?: string;
                employerId?: string;
                limit?: string;
                status?: "active" | "withdrawn";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            commitments: string[];
                            communityId: string;
                            countyId: string;
                            employerId: string;
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            id: string;
                            masked: boolean;
                            name: string;
                            personId: string;
                            phone: string | null;
                            registeredAt: string;
                            scope: string[];
                            services: number;
                            /** @enum {string} */
                            status: "active" | "withdrawn";
                            updatedAt: string;
                            version: number;
                            withdrawnAt: string | null;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPartyReport: {
        parameters: {
            query?: {
                employerId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byCommunity: {
                            communityId: string;
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            meanHours: number | ("Infinity" | "-Infinity" | "NaN");
                            name: string;
                            registered: number;
                            serving: number;
                        }[];
                        byEmployer: {
                            employerId: string;
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            meanHours: number | ("Infinity" | "-Infinity" | "NaN");
                            name: string;
                            registered: number;
                            serving: number;
                        }[];
                        byMonth: {
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            month: string;
                            serving: number;
                        }[];
                        employerId: string | null;
                        from: string;
                        rootId: string;
                        to: string;
                        totals: {
                            hours: number | ("Infinity" | "-Infinity" | "NaN");
                            meanHours: number | ("Infinity" | "-Infinity" | "NaN");
                            registered: number;
                            serving: number;
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPeople: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            countyId: string;
                            householdId: string | null;
                            id: string;
                            masked: boolean;
                            name: string;
                            nodeId: string;
                            phone: string | null;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPlaces: {
        parameters: {
            query?: {
                after?: string;
                kind?: string;
                limit?: string;
                status?: "open" | "closed" | "archived";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            address: string | null;
                            capacity: number | null;
                            closedReason: string | null;
                            contact: {
                                name: string;
                                personId: string;
                            } | null;
                            countyId: string;
                            createdAt: string;
                            hours: {
                                day: number;
                                from: string;
                                to: string;
                            }[];
                            id: string;
                            kind: string;
                            name: string;
                            nodeId: string;
                            scope: string[];
                            services: string[];
                            /** @enum {string} */
                            status: "open" | "closed" | "archived";
                            updatedAt: string;
                            version: number;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPlaceCoverage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        communities: {
                            counts: {
                                [key: string]: number;
                            };
                            missing: string[];
                            name: string;
                            nodeId: string;
                        }[];
                        kinds: {
                            code: string;
                            communitiesWith: number;
                            communitiesWithout: number;
                            labelEn: string;
                            labelZh: string;
                            places: number;
                        }[];
                        rootId: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsLeaderboard: {
        parameters: {
            query?: {
                from?: string;
                limit?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            accountId: string | null;
                            earned: number;
                            name: string;
                            rank: number;
                        }[];
                        from: string;
                        nodeId: string;
                        to: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cashFen: number;
                        countyId: string;
                        createdAt: string;
                        dailyCapacity: number | null;
                        description: string;
                        id: string;
                        merchantAccountId: string;
                        nodeId: string;
                        pricePoints: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        stock: number | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsTotals: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adjusted: number;
                        donated: number;
                        expired: number;
                        from: string;
                        issued: number;
                        nodeId: string;
                        outstanding: number;
                        redeemed: number;
                        reversed: number;
                        to: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getHeadlineReport: {
        parameters: {
            query?: {
                from?: string;
                month?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        complaints: {
                            category: string;
                            changePercent: number | null;
                            lastYear: number;
                            work: number;
                        };
                        figures: {
                            en: string;
                            key: string;
                            value: number;
                            zh: string;
                        }[];
                        from: string;
                        rootId: string;
                        to: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getKpiReport: {
        parameters: {
            query?: {
                from?: string;
                month?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byCategory: {
                            category: string;
                            meanHoursToResolve: number | null;
                            meanHoursToRespond: number | null;
                            resolutionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            responded: number;
                            responseRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            satisfactionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            work: number;
                        }[];
                        byChannel: {
                            channel: string;
                            meanHoursToResolve: number | null;
                            meanHoursToRespond: number | null;
                            resolutionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            responded: number;
                            responseRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            satisfactionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            work: number;
                        }[];
                        byKind: {
                            /** @enum {string} */
                            kind: "need" | "case" | "item" | "request";
                            meanHoursToResolve: number | null;
                            meanHoursToRespond: number | null;
                            resolutionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            responded: number;
                            responseRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            satisfactionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            work: number;
                        }[];
                        bySubtree: {
                            meanHoursToResolve: number | null;
                            meanHoursToRespond: number | null;
                            name: string;
                            nodeId: string;
                            resolutionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            responded: number;
                            responseRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            satisfactionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            work: number;
                        }[];
                        from: string;
                        responseHours: number;
                        rootId: string;
                        timeZone: string;
                        to: string;
                        total: {
                            meanHoursToResolve: number | null;
                            meanHoursToRespond: number | null;
                            resolutionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            responded: number;
                            responseRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            satisfactionRate: {
                                count: number;
                                of: number;
                                percent: number;
                            };
                            work: number;
                        };
                        yearOnYear: {
                            category: string;
                            changePercent: number | null;
                            lastYear: number;
                            work: number;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listWorkLedger: {
        parameters: {
            query?: {
                after?: string;
                from?: string;
                limit?: string;
                month?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            category: string;
                            channel: string;
                            countyId: string;
                            dueAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "need" | "case" | "item" | "request";
                            nodeId: string;
                            openedAt: string;
                            /** @enum {string} */
                            outcome: "open" | "resolved" | "declined" | "rejected" | "cancelled" | "expired" | "withdrawn" | "merged";
                            path: string[];
                            ratings: number;
                            resolvedAt: string | null;
                            respondedAt: string | null;
                            routedTo: {
                                id: string | null;
                                /** @enum {string} */
                                kind: "need" | "case" | "item" | "referral";
                            } | null;
                            satisfied: number;
                            updatedAt: string;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        households: number;
                        levels: {
                            count: number;
                            level: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        node: {
                            code: string;
                            countyId: string;
                            createdAt: string;
                            depth: number;
                            id: string;
                            level: string;
                            name: string;
                            parentId: string | null;
                            partyOrganisation: string | null;
                            path: string[];
                            /** @enum {string} */
                            status: "active" | "archived";
                            updatedAt: string;
                            version: number;
                        };
                        residents: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listVisits: {
        parameters: {
            query?: {
                after?: string;
                householdId?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            countyId: string;
                            findings: string;
                            followUps: {
                                id: string;
                                /** @enum {string} */
                                kind: "need" | "case" | "item";
                            }[];
                            householdId: string;
                            id: string;
                            nodeId: string;
                            reason: string;
                            recordedAt: string;
                            scope: string[];
                            version: number;
                            visitedAt: string;
                            visitor: {
                                id: string;
                                name: string;
                            };
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listOverdueVisits: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            categories: string[];
                            daysOverdue: number;
                            dueDate: string;
                            frequencyDays: number;
                            householdId: string;
                            lastVisitAt: string | null;
                            nodeId: string;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    notificationAttempts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: {
                            at: string;
                            channel: string;
                            deliveryId: string;
                            durationMs: number | ("Infinity" | "-Infinity" | "NaN");
                            error: string | null;
                            httpStatus: number | null;
                            notificationId: string;
                            number: number;
                            /** @enum {string} */
                            outcome: "delivered" | "retry" | "permanent";
                        }[];
                        deliveries: {
                            attempts: number;
                            channel: string;
                            dueAt: string;
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "held" | "digested" | "delivered" | "dead";
                            target: string;
                        }[];
                        notificationId: string;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    registerPartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    nodeId: string;
                    serves?: string[];
                    /** @enum {string} */
                    type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        merchantAccountIds: string[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        serves: string[];
                        staff: {
                            name: string;
                            personId: string;
                            role: string;
                        }[];
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        /** @enum {string} */
                        type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        updatedAt: string;
                        version: number;
                        withdrawals?: {
                            reinstatedAt: string | null;
                            withdrawnAt: string;
                        }[];
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        merchantAccountIds: string[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        serves: string[];
                        staff: {
                            name: string;
                            personId: string;
                            role: string;
                        }[];
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        /** @enum {string} */
                        type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        updatedAt: string;
                        version: number;
                        withdrawals?: {
                            reinstatedAt: string | null;
                            withdrawnAt: string;
                        }[];
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runPartnerCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Update";
                    expectedVersion?: number;
                    name?: string;
                    serves?: string[];
                } | {
                    /** @enum {string} */
                    _tag: "AddStaff";
                    expectedVersion?: number;
                    personId: string;
                    role: string;
                } | {
                    /** @enum {string} */
                    _tag: "RemoveStaff";
                    expectedVersion?: number;
                    personId: string;
                } | {
                    /** @enum {string} */
                    _tag: "LinkMerchant";
                    expectedVersion?: number;
                    merchantAccountId: string;
                } | {
                    /** @enum {string} */
                    _tag: "Withdraw";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Reinstate";
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        id: string;
                        merchantAccountIds: string[];
                        name: string;
                        nodeId: string;
                        scope: string[];
                        serves: string[];
                        staff: {
                            name: string;
                            personId: string;
                            role: string;
                        }[];
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        /** @enum {string} */
                        type: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        updatedAt: string;
                        version: number;
                        withdrawals?: {
                            reinstatedAt: string | null;
                            withdrawnAt: string;
                        }[];
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    recordPartnerService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    nodeId: string;
                    people?: number;
                    providedOn?: string;
                    serviceId?: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        id: string;
                        /** @enum {string} */
                        kind: "free" | "redemption";
                        nodeId: string;
                        partnerId: string;
                        /** @enum {string} */
                        partnerType: "merchant" | "clinic" | "social_organisation" | "unit" | "talent";
                        people: number;
                        points: number;
                        providedAt: string;
                        scope: string[];
                        serviceId: string | null;
                        title: string;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    registerPartyMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    commitments?: string[];
                    communityId: string;
                    employerId: string;
                    personId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commitments: string[];
                        communityId: string;
                        countyId: string;
                        employerId: string;
                        hours: number | ("Infinity" | "-Infinity" | "NaN");
                        id: string;
                        masked: boolean;
                        name: string;
                        personId: string;
                        phone: string | null;
                        registeredAt: string;
                        scope: string[];
                        services: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        updatedAt: string;
                        version: number;
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPartyMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commitments: string[];
                        communityId: string;
                        countyId: string;
                        employerId: string;
                        hours: number | ("Infinity" | "-Infinity" | "NaN");
                        id: string;
                        masked: boolean;
                        name: string;
                        personId: string;
                        phone: string | null;
                        registeredAt: string;
                        scope: string[];
                        services: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        updatedAt: string;
                        version: number;
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runPartyMemberCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Commit";
                    commitments: string[];
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "RecordService";
                    expectedVersion?: number;
                    hours: number | ("Infinity" | "-Infinity" | "NaN");
                    kind: string;
                    servedOn?: string;
                } | {
                    /** @enum {string} */
                    _tag: "Withdraw";
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commitments: string[];
                        communityId: string;
                        countyId: string;
                        employerId: string;
                        hours: number | ("Infinity" | "-Infinity" | "NaN");
                        id: string;
                        masked: boolean;
                        name: string;
                        personId: string;
                        phone: string | null;
                        registeredAt: string;
                        scope: string[];
                        services: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        updatedAt: string;
                        version: number;
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    householdId?: string | null;
                    name: string;
                    nodeId: string;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        masked: boolean;
                        name: string;
                        nodeId: string;
                        phone: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        masked: boolean;
                        name: string;
                        nodeId: string;
                        phone: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    householdId?: string | null;
                    name?: string;
                    nodeId?: string;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        countyId: string;
                        householdId: string | null;
                        id: string;
                        masked: boolean;
                        name: string;
                        nodeId: string;
                        phone: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listSubjects: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issuer: string;
                        linkedAt: string;
                        personId: string;
                        subject: string;
                    }[];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    linkSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    issuer: string;
                    subject: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issuer: string;
                        linkedAt: string;
                        personId: string;
                        subject: string;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    unlinkSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    issuer: string;
                    subject: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issuer: string;
                        linkedAt: string;
                        personId: string;
                        subject: string;
                    }[];
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    registerPlace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    capacity?: number;
                    contactId?: string;
                    hours?: {
                        day: number;
                        from: string;
                        to: string;
                    }[];
                    kind: string;
                    name: string;
                    nodeId: string;
                    services?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        capacity: number | null;
                        closedReason: string | null;
                        contact: {
                            name: string;
                            personId: string;
                        } | null;
                        countyId: string;
                        createdAt: string;
                        hours: {
                            day: number;
                            from: string;
                            to: string;
                        }[];
                        id: string;
                        kind: string;
                        name: string;
                        nodeId: string;
                        scope: string[];
                        services: string[];
                        /** @enum {string} */
                        status: "open" | "closed" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPlace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        capacity: number | null;
                        closedReason: string | null;
                        contact: {
                            name: string;
                            personId: string;
                        } | null;
                        countyId: string;
                        createdAt: string;
                        hours: {
                            day: number;
                            from: string;
                            to: string;
                        }[];
                        id: string;
                        kind: string;
                        name: string;
                        nodeId: string;
                        scope: string[];
                        services: string[];
                        /** @enum {string} */
                        status: "open" | "closed" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    runPlaceCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    _tag: "Update";
                    address?: string | null;
                    capacity?: number | null;
                    contactId?: string | null;
                    expectedVersion?: number;
                    hours?: {
                        day: number;
                        from: string;
                        to: string;
                    }[];
                    kind?: string;
                    name?: string;
                    services?: string[];
                } | {
                    /** @enum {string} */
                    _tag: "Close";
                    expectedVersion?: number;
                    reason: string;
                } | {
                    /** @enum {string} */
                    _tag: "Reopen";
                    expectedVersion?: number;
                } | {
                    /** @enum {string} */
                    _tag: "Archive";
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        capacity: number | null;
                        closedReason: string | null;
                        contact: {
                            name: string;
                            personId: string;
                        } | null;
                        countyId: string;
                        createdAt: string;
                        hours: {
                            day: number;
                            from: string;
                            to: string;
                        }[];
                        id: string;
                        kind: string;
                        name: string;
                        nodeId: string;
                        scope: string[];
                        services: string[];
                        /** @enum {string} */
                        status: "open" | "closed" | "archived";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    openPointsAccount: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "person" | "merchant" | "charity" | "issuer";
                    name?: string;
                    nodeId: string;
                    ownerId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        floor: number | null;
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "merchant" | "charity" | "issuer";
                        masked: boolean;
                        name: string;
                        nodeId: string;
                        ownerId: string | null;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        createdAt: string;
                        floor: number | null;
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "merchant" | "charity" | "issuer";
                        masked: boolean;
                        name: string;
                        nodeId: string;
                        ownerId: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        available: number;
                        floor: number | null;
                        held: number;
                        posted: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getPointsStatement: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        balance: {
                            accountId: string;
                            available: number;
                            floor: number | null;
                            held: number;
                            posted: number;
                        };
                        items: {
                            amount: number;
                            balance: number;
                            transfer: {
                                actorId: string;
                                amount: number;
                                at: string;
                                category: string | null;
                                cause: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                                } | null;
                                /** @enum {string} */
                                code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                                creditAccountId: string;
                                debitAccountId: string;
                                id: string;
                                /** @enum {string} */
                                kind: "posted" | "pending" | "post" | "void";
                                memo: string;
                                pendingId: string | null;
                                reversesId: string | null;
                                seq: number;
                                timeoutAt: string | null;
                            };
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    adjustPoints: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId: string;
                    amount: number;
                    reason: string;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            actorId: string;
                            amount: number;
                            at: string;
                            category: string | null;
                            cause: {
                                id: string;
                                /** @enum {string} */
                                type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                            } | null;
                            /** @enum {string} */
                            code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                            creditAccountId: string;
                            debitAccountId: string;
                            id: string;
                            /** @enum {string} */
                            kind: "posted" | "pending" | "post" | "void";
                            memo: string;
                            pendingId: string | null;
                            reversesId: string | null;
                            seq: number;
                            timeoutAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    awardPoints: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId: string;
                    category: string;
                    cause?: {
                        id: string;
                        /** @enum {string} */
                        type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                    } | null;
                    memo?: string;
                    quantity?: number;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            actorId: string;
                            amount: number;
                            at: string;
                            category: string | null;
                            cause: {
                                id: string;
                                /** @enum {string} */
                                type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                            } | null;
                            /** @enum {string} */
                            code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                            creditAccountId: string;
                            debitAccountId: string;
                            id: string;
                            /** @enum {string} */
                            kind: "posted" | "pending" | "post" | "void";
                            memo: string;
                            pendingId: string | null;
                            reversesId: string | null;
                            seq: number;
                            timeoutAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    commitPointsBatch: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    transfers: {
                        amount: number;
                        cause?: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        /** @enum {string} */
                        code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                        creditAccountId: string;
                        debitAccountId: string;
                        id: string;
                        memo?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            actorId: string;
                            amount: number;
                            at: string;
                            category: string | null;
                            cause: {
                                id: string;
                                /** @enum {string} */
                                type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                            } | null;
                            /** @enum {string} */
                            code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                            creditAccountId: string;
                            debitAccountId: string;
                            id: string;
                            /** @enum {string} */
                            kind: "posted" | "pending" | "post" | "void";
                            memo: string;
                            pendingId: string | null;
                            reversesId: string | null;
                            seq: number;
                            timeoutAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    donatePoints: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    fromAccountId: string;
                    memo?: string;
                    toAccountId: string;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            actorId: string;
                            amount: number;
                            at: string;
                            category: string | null;
                            cause: {
                                id: string;
                                /** @enum {string} */
                                type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                            } | null;
                            /** @enum {string} */
                            code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                            creditAccountId: string;
                            debitAccountId: string;
                            id: string;
                            /** @enum {string} */
                            kind: "posted" | "pending" | "post" | "void";
                            memo: string;
                            pendingId: string | null;
                            reversesId: string | null;
                            seq: number;
                            timeoutAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        amount: number;
                        cashFen: number;
                        cause: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        countyId: string;
                        creditAccountId: string;
                        failedAttempts: number;
                        id: string;
                        locked: boolean;
                        merchantAccountId: string | null;
                        pickupCode: string | null;
                        placedAt: string;
                        /** @enum {string} */
                        purpose: "order" | "reward";
                        quantity: number;
                        resolutionId: string | null;
                        resolvedAt: string | null;
                        serviceId: string | null;
                        /** @enum {string} */
                        status: "pending" | "posted" | "voided" | "expired";
                        timeoutAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    cancelHold: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        amount: number;
                        cashFen: number;
                        cause: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        countyId: string;
                        creditAccountId: string;
                        failedAttempts: number;
                        id: string;
                        locked: boolean;
                        merchantAccountId: string | null;
                        pickupCode: string | null;
                        placedAt: string;
                        /** @enum {string} */
                        purpose: "order" | "reward";
                        quantity: number;
                        resolutionId: string | null;
                        resolvedAt: string | null;
                        serviceId: string | null;
                        /** @enum {string} */
                        status: "pending" | "posted" | "voided" | "expired";
                        timeoutAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    reissuePickupCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        amount: number;
                        cashFen: number;
                        cause: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        countyId: string;
                        creditAccountId: string;
                        failedAttempts: number;
                        id: string;
                        locked: boolean;
                        merchantAccountId: string | null;
                        pickupCode: string | null;
                        placedAt: string;
                        /** @enum {string} */
                        purpose: "order" | "reward";
                        quantity: number;
                        resolutionId: string | null;
                        resolvedAt: string | null;
                        serviceId: string | null;
                        /** @enum {string} */
                        status: "pending" | "posted" | "voided" | "expired";
                        timeoutAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    fulfilHold: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pickupCode: string;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        amount: number;
                        cashFen: number;
                        cause: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        countyId: string;
                        creditAccountId: string;
                        failedAttempts: number;
                        id: string;
                        locked: boolean;
                        merchantAccountId: string | null;
                        pickupCode: string | null;
                        placedAt: string;
                        /** @enum {string} */
                        purpose: "order" | "reward";
                        quantity: number;
                        resolutionId: string | null;
                        resolvedAt: string | null;
                        serviceId: string | null;
                        /** @enum {string} */
                        status: "pending" | "posted" | "voided" | "expired";
                        timeoutAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    expireHolds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        voided: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    orderService: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountId: string;
                    quantity?: number;
                    serviceId: string;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        amount: number;
                        cashFen: number;
                        cause: {
                            id: string;
                            /** @enum {string} */
                            type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                        } | null;
                        countyId: string;
                        creditAccountId: string;
                        failedAttempts: number;
                        id: string;
                        locked: boolean;
                        merchantAccountId: string | null;
                        pickupCode: string | null;
                        placedAt: string;
                        /** @enum {string} */
                        purpose: "order" | "reward";
                        quantity: number;
                        resolutionId: string | null;
                        resolvedAt: string | null;
                        serviceId: string | null;
                        /** @enum {string} */
                        status: "pending" | "posted" | "voided" | "expired";
                        timeoutAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    reversePointsTransfer: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    reversesId: string;
                    transferId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            actorId: string;
                            amount: number;
                            at: string;
                            category: string | null;
                            cause: {
                                id: string;
                                /** @enum {string} */
                                type: "need" | "activity" | "order" | "transfer" | "rule" | "expiry" | "other";
                            } | null;
                            /** @enum {string} */
                            code: "earn" | "redeem" | "donate" | "reverse" | "adjust" | "expire" | "transfer" | "reward";
                            creditAccountId: string;
                            debitAccountId: string;
                            id: string;
                            /** @enum {string} */
                            kind: "posted" | "pending" | "post" | "void";
                            memo: string;
                            pendingId: string | null;
                            reversesId: string | null;
                            seq: number;
                            timeoutAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    publishService: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cashFen?: number;
                    dailyCapacity?: number | null;
                    description?: string;
                    merchantAccountId: string;
                    nodeId: string;
                    pricePoints: number;
                    stock?: number | null;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cashFen: number;
                        countyId: string;
                        createdAt: string;
                        dailyCapacity: number | null;
                        description: string;
                        id: string;
                        merchantAccountId: string;
                        nodeId: string;
                        pricePoints: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        stock: number | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    updateService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cashFen?: number;
                    dailyCapacity?: number | null;
                    description?: string;
                    expectedVersion?: number;
                    pricePoints?: number;
                    /** @enum {string} */
                    status?: "active" | "withdrawn";
                    stock?: number | null;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cashFen: number;
                        countyId: string;
                        createdAt: string;
                        dailyCapacity: number | null;
                        description: string;
                        id: string;
                        merchantAccountId: string;
                        nodeId: string;
                        pricePoints: number;
                        /** @enum {string} */
                        status: "active" | "withdrawn";
                        stock: number | null;
                        title: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    verifyLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accounts: number;
                        differences: {
                            accountId: string;
                            computed: {
                                held: number;
                                posted: number;
                            };
                            stored: {
                                held: number;
                                posted: number;
                            };
                        }[];
                        ok: boolean;
                        sum: number;
                        transfers: number;
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    followIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        closedAt: string | null;
                        department: string | null;
                        dueDate: string | null;
                        mergedInto: string | null;
                        mergedIntoStatus: ("received" | "accepted" | "routed" | "resolved" | "rejected" | "merged") | null;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        routedAt: string | null;
                        routedTo: ("need" | "case" | "item" | "referral") | null;
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    rateIntakeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    rating: number;
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acceptedAt: string | null;
                        category: string;
                        closedAt: string | null;
                        department: string | null;
                        dueDate: string | null;
                        mergedInto: string | null;
                        mergedIntoStatus: ("received" | "accepted" | "routed" | "resolved" | "rejected" | "merged") | null;
                        outcome: string | null;
                        rating: number | null;
                        receivedAt: string;
                        reference: string;
                        rejectReason: ("out_of_scope" | "insufficient_information" | "not_reachable" | "withdrawn" | "already_handled") | null;
                        routedAt: string | null;
                        routedTo: ("need" | "case" | "item" | "referral") | null;
                        /** @enum {string} */
                        status: "received" | "accepted" | "routed" | "resolved" | "rejected" | "merged";
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getDisclosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        caseId: string;
                        category: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        };
                        countyId: string;
                        disclosedAt: string;
                        escalations: {
                            at: string;
                            deadline: string;
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            to: string;
                        }[];
                        mediators: number;
                        nodeId: string;
                        parties: {
                            label: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                        }[];
                        placeName: string;
                        process: {
                            at: string;
                            label: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            step: string;
                        }[];
                        result: {
                            agreement: string | null;
                            label: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            level: "community" | "street" | "department";
                            outcome: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                        };
                        rounds: {
                            at: string;
                            label: {
                                en: string;
                                zh: string;
                            };
                            outcome: string;
                            participants: {
                                count: number;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                            }[];
                            /** @enum {string} */
                            round: "proposal" | "joint" | "decision";
                        }[];
                        satisfaction: {
                            byRating: {
                                count: number;
                                /** @enum {string} */
                                rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            ratings: number;
                        };
                        statements: {
                            at: string;
                            label: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            side: "applicant" | "respondent" | "other";
                            text: string;
                        }[];
                        topic: string;
                    };
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getProgressBoard: {
        parameters: {
            query?: {
                after?: string;
                category?: string;
                limit?: string;
                overdue?: "true" | "false";
                sort?: "raised" | "promised" | "progress" | "rating";
                state?: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                status?: "open" | "closed";
                unit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            answer: string | null;
                            category: {
                                key: string;
                                nameEn: string;
                                nameZh: string;
                            };
                            declineReason: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "topic" | "suggestion" | "micro_idea";
                            milestones: {
                                at: string;
                                note: string;
                                progress: number;
                            }[];
                            nodeId: string;
                            overdue: boolean;
                            parentId: string | null;
                            placeName: string;
                            progress: number | ("Infinity" | "-Infinity" | "NaN");
                            promisedBy: string | null;
                            raisedAt: string;
                            raisedBy: string;
                            rating: number | ("Infinity" | "-Infinity" | "NaN") | null;
                            ratings: number;
                            resolution: string | null;
                            /** @enum {string} */
                            state: "raised" | "answered" | "accepted" | "in_progress" | "resolved" | "reported" | "rated" | "closed" | "merged" | "declined";
                            stateLabel: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            status: "open" | "closed";
                            title: string;
                            unit: string | null;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listDisclosures: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            caseId: string;
                            category: {
                                key: string;
                                nameEn: string;
                                nameZh: string;
                            };
                            countyId: string;
                            disclosedAt: string;
                            escalations: {
                                at: string;
                                deadline: string;
                                /** @enum {string} */
                                level: "community" | "street" | "department";
                                to: string;
                            }[];
                            mediators: number;
                            nodeId: string;
                            parties: {
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                side: "applicant" | "respondent" | "other";
                            }[];
                            placeName: string;
                            process: {
                                at: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                level: "community" | "street" | "department";
                                step: string;
                            }[];
                            result: {
                                agreement: string | null;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                level: "community" | "street" | "department";
                                outcome: string | null;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                state: "reported" | "accepted" | "declined" | "hearing" | "deliberation" | "agreed" | "no_agreement" | "escalated" | "resolved" | "disclosed" | "rated" | "closed" | "withdrawn";
                            };
                            rounds: {
                                at: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                outcome: string;
                                participants: {
                                    count: number;
                                    label: {
                                        en: string;
                                        zh: string;
                                    };
                                    /** @enum {string} */
                                    role: "party" | "party_organisation" | "property_company" | "community" | "owners_committee" | "residents_council" | "mediator" | "department" | "other";
                                }[];
                                /** @enum {string} */
                                round: "proposal" | "joint" | "decision";
                            }[];
                            satisfaction: {
                                byRating: {
                                    count: number;
                                    /** @enum {string} */
                                    rating: "satisfied" | "basically_satisfied" | "unsatisfied";
                                }[];
                                ratings: number;
                            };
                            statements: {
                                at: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                side: "applicant" | "respondent" | "other";
                                text: string;
                            }[];
                            topic: string;
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    listPublicPlaces: {
        parameters: {
            query?: {
                after?: string;
                kind?: string;
                limit?: string;
                status?: "open" | "closed" | "archived";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            address: string | null;
                            capacity: number | null;
                            hours: {
                                day: number;
                                from: string;
                                to: string;
                            }[];
                            id: string;
                            kind: string;
                            name: string;
                            nodeId: string;
                            openNow: boolean;
                            services: string[];
                            /** @enum {string} */
                            status: "open" | "closed" | "archived";
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getWishBoard: {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            category: string;
                            closedAt: string | null;
                            dueAt: string;
                            id: string;
                            /** @enum {string} */
                            kind: "micro_wish" | "urgent_problem" | "service_request" | "public_interest";
                            nodeId: string;
                            postedAt: string;
                            requester: string;
                            rewardPoints: number | null;
                            slots: number;
                            /** @enum {string} */
                            state: "open" | "claimed" | "assigned" | "visiting" | "done" | "confirmed" | "closed" | "cancelled" | "expired";
                            /** @enum {string} */
                            status: "open" | "closed";
                            taken: number;
                            title: string;
                            /** @enum {string} */
                            urgency: "low" | "normal" | "high" | "critical";
                        }[];
                        next: string | null;
                    };
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    recordVisit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    findings: string;
                    followUps?: {
                        case?: unknown;
                        item?: unknown;
                        /** @enum {string} */
                        kind: "need" | "case" | "item";
                        need?: unknown;
                    }[];
                    householdId: string;
                    reason: string;
                    visitedAt: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        findings: string;
                        followUps: {
                            id: string;
                            /** @enum {string} */
                            kind: "need" | "case" | "item";
                        }[];
                        householdId: string;
                        id: string;
                        nodeId: string;
                        reason: string;
                        recordedAt: string;
                        scope: string[];
                        version: number;
                        visitedAt: string;
                        visitor: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
            /** @description Malformed JSON (malformed_json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["MalformedJsonProblem"];
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Payload too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description Unsupported media type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
    getVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countyId: string;
                        findings: string;
                        followUps: {
                            id: string;
                            /** @enum {string} */
                            kind: "need" | "case" | "item";
                        }[];
                        householdId: string;
                        id: string;
                        nodeId: string;
                        reason: string;
                        recordedAt: string;
                        scope: string[];
                        version: number;
                        visitedAt: string;
                        visitor: {
                            id: string;
                            name: string;
                        };
                    };
                };
            };
            /** @description Unauthorized (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnauthorizedProblem"];
                };
            };
            /** @description Forbidden (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ForbiddenProblem"];
                };
            };
            /** @description Not found (not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["NotFoundProblem"];
                };
            };
            /** @description Conflict (conflict) | Invalid transition (invalid_transition) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ConflictProblem"] | components["schemas"]["InvalidTransitionProblem"];
                };
            };
            /** @description Invalid input (invalid_input) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["InvalidInputProblem"];
                };
            };
            /** @description Storage error (storage_error) | Internal error (internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StorageErrorProblem"] | components["schemas"]["InternalErrorProblem"];
                };
            };
        };
    };
}
