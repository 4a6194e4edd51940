/**
 * The matching deciders besides the need's, given / when / then: volunteer profiles, teams
 * and the county's matching configuration.
 */
import { describe, expect, it } from "vitest"
import {
  type AccountId,
  defaultMatchingConfig,
  type GridNodeId,
  matchingConfigDecider,
  type PersonId,
  type ProfileFields,
  type Team,
  teamDecider,
  volunteerDecider,
  type VolunteerEvent
} from "@mulin/core"
import { given } from "@mulin/core/testing"

const county = "node_01J00000000000000000000000" as GridNodeId
const unit = "node_01J00000000000000000000001" as GridNodeId
const person = "psn_01J00000000000000000000002" as PersonId
const AT = "2026-06-01T08:00:00.000Z"
const LATER = "2026-06-02T08:00:00.000Z"

describe("volunteer decider", () => {
  const profile: ProfileFields = {
    personId: person, countyId: county, name: "志愿者甲", homeNodeId: unit, homeScope: [county, unit],
    skills: [{ skill: "repairs", level: 3 }], availability: [{ day: 1, fromHour: 8, toHour: 12 }], maxConcurrent: 2
  }
  const fresh = { completed: 0, ratingSum: 0, ratingCount: 0, pointsEarned: 0, recent: [] }
  const registered: VolunteerEvent = {
    type: "registered",
    volunteer: { ...profile, tags: [], accountId: null, active: true, teams: [], load: 0, history: fresh, version: 0, updatedAt: AT }
  }
  const team = "team_01J00000000000000000000003" as Team["id"]

  it("registers a profile, active, with no tags, account, teams, load or history", () => {
    given(volunteerDecider).when({ _tag: "Save", profile }, { at: AT }).then([registered])
  })

  it("saves a change keeping the work's load, history and teams; a save that changes nothing is nothing", () => {
    const worked = { ...registered, volunteer: { ...registered.volunteer, load: 1, history: { ...fresh, completed: 4 } } } as VolunteerEvent
    const after = given(volunteerDecider, [worked, { type: "joined_team", teamId: team, at: AT }])
      .when({ _tag: "Save", profile: { ...profile, maxConcurrent: 5 } }, { at: LATER })
      .thenMatches([{ type: "updated", volunteer: { maxConcurrent: 5, load: 1, teams: [team], history: { completed: 4 }, updatedAt: LATER } }])
    expect(after).toMatchObject({ maxConcurrent: 5, load: 1 })
    given(volunteerDecider, [registered]).when({ _tag: "Save", profile }, { at: LATER }).thenNothing()
  })

  it("keeps the stored tags, account and activity when a save leaves them out, and changes them when given", () => {
    const account = "acct_01J00000000000000000000004" as AccountId
    const tagged = { type: "updated", volunteer: { ...registered.volunteer, tags: ["party_member"], accountId: account, active: false } } as VolunteerEvent
    given(volunteerDecider, [registered, tagged]).when({ _tag: "Save", profile }, { at: LATER }).thenNothing()
    given(volunteerDecider, [registered, tagged]).when({ _tag: "Save", profile, active: true, accountId: null }, { at: LATER })
      .thenMatches([{ type: "updated", volunteer: { tags: ["party_member"], accountId: null, active: true } }])
  })

  it("joins a team once; a team for no profile is nothing", () => {
    const after = given(volunteerDecider, [registered]).when({ _tag: "JoinTeam", teamId: team }, { at: LATER }).then([{ type: "joined_team", teamId: team, at: LATER }])
    expect(after).toMatchObject({ teams: [team], updatedAt: LATER })
    given(volunteerDecider, [registered, { type: "joined_team", teamId: team, at: LATER }]).when({ _tag: "JoinTeam", teamId: team }, { at: LATER }).thenNothing()
    given(volunteerDecider).when({ _tag: "JoinTeam", teamId: team }, { at: LATER }).thenNothing()
  })
})

describe("team decider", () => {
  const team: Team = {
    id: "team_01J00000000000000000000003" as Team["id"], countyId: county, name: "维修队", leaderId: person, homeNodeId: unit, homeScope: [county, unit],
    members: [person], version: 0, updatedAt: AT
  }
  it("creates a team once; creating it again is nothing", () => {
    given(teamDecider).when({ _tag: "Create", team }, undefined).then([{ type: "created", team }])
    given(teamDecider, [{ type: "created", team }]).when({ _tag: "Create", team: { ...team, name: "另一队" } }, undefined).thenNothing()
  })
})

describe("matching configuration decider", () => {
  const configure = (changes: Parameters<typeof matchingConfigDecider.decide>[1]["changes"], expectedVersion?: number) =>
    ({ _tag: "Configure" as const, countyId: county, changes, expectedVersion })

  it("merges a change into the defaults, naming what changed", () => {
    const after = given(matchingConfigDecider).when(configure({ radiusDepth: 3 }, 0), { at: AT })
      .then([{ type: "changed", config: { ...defaultMatchingConfig(county), radiusDepth: 3, updatedAt: AT }, changed: ["radiusDepth"] }])
    expect(after).toMatchObject({ radiusDepth: 3, candidatesPerNeed: 10 })
  })

  it("decides nothing for the same values, and refuses a stale expected version", () => {
    given(matchingConfigDecider).when(configure({ radiusDepth: 2, candidatesPerNeed: 10 }), { at: AT }).thenNothing()
    given(matchingConfigDecider).when(configure({ radiusDepth: 3 }, 2), { at: AT }).thenFails("Conflict", { reason: "version_mismatch" })
    given(matchingConfigDecider, [], { ...defaultMatchingConfig(county), version: 4 }).when(configure({ radiusDepth: 3 }, 4), { at: AT }).thenMatches([{ type: "changed" }])
  })

  it("refuses nonsense given to it directly, naming the field, rather than throwing", () => {
    const defaults = defaultMatchingConfig(county)
    given(matchingConfigDecider).when(configure({ weights: { ...defaults.weights, skill: 2 } }), { at: AT }).thenFails("InvalidInput", { issues: [{ path: "weights.skill" }] })
    given(matchingConfigDecider).when(configure({ radiusDepth: -1 }), { at: AT }).thenFails("InvalidInput", { issues: [{ path: "radiusDepth" }] })
    given(matchingConfigDecider).when(configure({ depths: { community: 3, grid: 2, building: 4 } }), { at: AT }).thenFails("InvalidInput")
    given(matchingConfigDecider).when(configure({ categories: [defaults.categories[0]!, defaults.categories[0]!] }), { at: AT }).thenFails("InvalidInput")
  })
})
