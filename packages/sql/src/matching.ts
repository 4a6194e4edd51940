/**
 * Matching's rows: needs, volunteers' profiles and teams, each whole as its schema's encoded
 * JSON in `doc`.
 */
import { MatchingConfig, Need, Team, Volunteer } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const encodeNeed = Schema.encodeSync(Need)
const decodeNeed = Schema.decodeUnknownSync(Need)
const encodeVolunteer = Schema.encodeSync(Volunteer)
const decodeVolunteer = Schema.decodeUnknownSync(Volunteer)
const encodeTeam = Schema.encodeSync(Team)
const decodeTeam = Schema.decodeUnknownSync(Team)

/**
 * The table of needs (微心愿).
 *
 * @category matching
 * @since 0.5.0
 */
export const matchingNeeds = documentShape({
  table: "matching_needs",
  entity: "need",
  id: (n: Need) => n.id,
  row: (n) => ({
    id: n.id,
    county_id: n.countyId,
    path: toPath(n.scope),
    state: n.state,
    status: n.status,
    category: n.category,
    due_at: n.dueAt,
    version: n.version,
    doc: JSON.stringify(encodeNeed(n))
  }),
  decode: (doc) => decodeNeed(JSON.parse(doc))
})

/**
 * The table of volunteers' profiles, keyed by the person.
 *
 * @category matching
 * @since 0.5.0
 */
export const matchingVolunteers = documentShape({
  table: "matching_volunteers",
  key: "person_id",
  entity: "volunteer",
  id: (v: Volunteer) => v.personId,
  row: (v) => ({ person_id: v.personId, county_id: v.countyId, path: toPath(v.homeScope), version: v.version, doc: JSON.stringify(encodeVolunteer(v)) }),
  decode: (doc) => decodeVolunteer(JSON.parse(doc))
})

/**
 * The table of volunteer teams.
 *
 * @category matching
 * @since 0.5.0
 */
export const matchingTeams = documentShape({
  table: "matching_teams",
  entity: "volunteer team",
  id: (t: Team) => t.id,
  row: (t) => ({ id: t.id, county_id: t.countyId, version: t.version, doc: JSON.stringify(encodeTeam(t)) }),
  decode: (doc) => decodeTeam(JSON.parse(doc))
})

/**
 * The table of the counties' matching configurations.
 *
 * @category matching
 * @since 0.5.0
 */
export const matchingConfigs = configShape("matching_configs", "matching configuration", MatchingConfig)
