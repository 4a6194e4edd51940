/**
 * Volunteers' profiles (能力资源清单) and teams (志愿服务队): saved by the volunteer or by
 * staff of the profile's current and new home, read by staff of their home, and their
 * deciders (a save that changes nothing writes nothing; a team is created once).
 *
 * @since 0.4.0
 */
import { Effect, Result } from "effect"
import type { Actor } from "../../kernel/actor.js"
import type { Decider, Recorded } from "../../kernel/decider.js"
import { pathOf } from "../../kernel/directory.js"
import { invalidField, notFound } from "../../kernel/errors.js"
import { type Instant, now } from "../../kernel/time.js"
import type { AccountId } from "../../points/model.js"
import { newTeamId, type PersonRef, type Team, type Volunteer } from "../model.js"
import type { Matching, MatchingError } from "../service.js"
import type { Kit } from "./kit.js"

/**
 * The fields of a volunteer's profile a save sets: everything but what the service keeps
 * itself (teams, load, history, version) and what a save may leave as stored.
 *
 * @category models
 * @since 0.4.0
 */
export type ProfileFields = Omit<Volunteer, "teams" | "load" | "history" | "version" | "updatedAt" | "tags" | "accountId" | "active">

/**
 * What can be asked of a volunteer's profile. A save's `tags`, `accountId` and `active` keep
 * the stored values when absent.
 *
 * @category models
 * @since 0.4.0
 */
export type VolunteerCommand =
  | {
    readonly _tag: "Save"
    readonly profile: ProfileFields
    readonly tags?: Volunteer["tags"] | undefined
    readonly accountId?: Volunteer["accountId"] | undefined
    readonly active?: boolean | undefined
  }
  | { readonly _tag: "JoinTeam"; readonly teamId: Team["id"] }

/**
 * What happened to a profile.
 *
 * @category models
 * @since 0.4.0
 */
export type VolunteerEvent =
  | { readonly type: "registered" | "updated"; readonly volunteer: Volunteer }
  | { readonly type: "joined_team"; readonly teamId: Team["id"]; readonly at: Instant }

const profileKey = (v: Omit<Volunteer, "teams" | "load" | "history" | "version" | "updatedAt">) =>
  JSON.stringify([v.countyId, v.name, v.homeNodeId, v.homeScope, v.skills, v.availability, v.maxConcurrent, v.tags, v.accountId, v.active])

/**
 * A profile: saved (a save that changes nothing writes nothing), and joined to teams. Its
 * load and history are the work's, kept by the follow-on effects of needs.
 *
 * @category rules
 * @since 0.4.0
 */
export const volunteerDecider: Decider<Volunteer, VolunteerCommand, VolunteerEvent, { readonly at: Instant }, MatchingError> = {
  decide: (state, command, ctx) => {
    if (command._tag === "JoinTeam") {
      return Result.succeed(state === undefined || state.teams.includes(command.teamId) ? [] : [{ type: "joined_team", teamId: command.teamId, at: ctx.at }])
    }
    const fields = {
      ...command.profile,
      tags: command.tags ?? state?.tags ?? [],
      accountId: command.accountId !== undefined ? command.accountId : state?.accountId ?? null,
      active: command.active ?? state?.active ?? true
    }
    if (state !== undefined && profileKey(state) === profileKey(fields)) return Result.succeed([])
    const volunteer: Volunteer = {
      ...fields,
      teams: state?.teams ?? [],
      load: state?.load ?? 0,
      history: state?.history ?? { completed: 0, ratingSum: 0, ratingCount: 0, pointsEarned: 0, recent: [] },
      version: 0,
      updatedAt: ctx.at
    }
    return Result.succeed([{ type: state === undefined ? "registered" : "updated", volunteer }])
  },
  evolve: (state, e) => (e.type === "joined_team" ? { ...state!, teams: [...state!.teams, e.teamId], updatedAt: e.at } : e.volunteer)
}

/**
 * A team, created once.
 *
 * @category rules
 * @since 0.4.0
 */
export const teamDecider: Decider<Team, { readonly _tag: "Create"; readonly team: Team }, { readonly type: "created"; readonly team: Team }, unknown, MatchingError> = {
  decide: (state, command) => Result.succeed(state === undefined ? [{ type: "created", team: command.team }] : []),
  evolve: (_, e) => e.team
}
/** The use cases of profiles and teams. */
export const makeVolunteers = (kit: Kit): Pick<Matching["Service"], "saveVolunteer" | "getVolunteer" | "listVolunteers" | "createTeam" | "listTeams"> => {
  const { access, commands, fresh, limitOf, personOf, points, store, volunteerTarget } = kit

  /** Runs one command on a volunteer's profile through the pipeline. */
  const runVolunteer = (actor: Actor, personId: PersonRef, command: VolunteerCommand, authorize: (v: Volunteer | undefined) => Effect.Effect<void, MatchingError>) =>
    commands.run({
      actor,
      aggregate: "volunteer",
      id: personId,
      decider: volunteerDecider,
      command,
      load: Effect.map(store.getVolunteers([personId]), (vs) => vs[0]),
      authorize,
      context: (_, at) => Effect.succeed({ at }),
      save: (next, expected) => store.saveVolunteer(next, expected),
      record: (e, after): Recorded =>
        e.type === "joined_team"
          ? { type: "matching.volunteer.joined_team", scope: after.homeScope, payload: { teamId: e.teamId } }
          : { type: `matching.volunteer.${e.type}`, scope: after.homeScope, payload: { skills: after.skills.map((s) => s.skill), maxConcurrent: after.maxConcurrent } }
    })

  return {
    saveVolunteer: (actor, command) =>
      Effect.gen(function*() {
        const self = command.personId === actor.id
        const person = yield* personOf(actor, command.personId, "matching.manage", { involved: self })
        const home = yield* access.at(actor, self ? "matching.claim" : "matching.manage", command.homeNodeId, { county: person.countyId, live: true })
        const accountId: AccountId | null = command.accountId ?? null
        if (accountId !== null) {
          const account = yield* points.getAccount(actor, accountId)
          if (account.kind !== "person" || account.ownerId !== command.personId || account.countyId !== person.countyId) {
            return yield* Effect.fail(invalidField("accountId", "must be the volunteer's own person account in their county", "必须是该志愿者本人在本区县的个人积分账户"))
          }
        }
        const profile: ProfileFields = {
          personId: command.personId,
          countyId: person.countyId,
          name: person.name,
          homeNodeId: home.id,
          homeScope: pathOf(home),
          skills: command.skills,
          availability: command.availability,
          maxConcurrent: command.maxConcurrent
        }
        const save: VolunteerCommand = { _tag: "Save", profile, tags: command.tags, accountId: command.accountId === undefined ? undefined : accountId, active: command.active }
        const result = yield* runVolunteer(actor, command.personId, save, (existing) =>
          existing === undefined
            ? Effect.void
            // The profile's current home as well as the new one.
            : Effect.asVoid(access.check(actor, self ? "matching.claim" : "matching.manage", volunteerTarget(existing), { county: existing.countyId, involved: self })))
        return result.state
      }),

    getVolunteer: (actor, personId) =>
      Effect.gen(function*() {
        const [v] = yield* store.getVolunteers([personId])
        if (v === undefined) return yield* Effect.fail(notFound("volunteer", personId))
        yield* access.check(actor, "matching.read", volunteerTarget(v), { read: "matching.read", involved: v.personId === actor.id })
        return v
      }),

    listVolunteers: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "matching.read", rootId)
        return yield* store.listVolunteers({ scope: pathOf(root), after: page?.after, limit: limitOf(page) })
      }),

    createTeam: (actor, command) =>
      Effect.gen(function*() {
        const home = yield* access.at(actor, "matching.manage", command.homeNodeId, { live: true })
        const people = [...new Set([command.leaderId, ...command.members])]
        // Every member a person of the actor's scope and county, and their profile too.
        for (const id of people) yield* personOf(actor, id, "matching.manage", { county: home.countyId })
        const profiles = yield* store.getVolunteers(people)
        yield* access.checkAll(actor, "matching.manage", profiles.map(volunteerTarget), { county: home.countyId })
        const team: Team = { id: yield* fresh(newTeamId), countyId: home.countyId, name: command.name, leaderId: command.leaderId, homeNodeId: home.id, homeScope: pathOf(home), members: people, version: 0, updatedAt: yield* now }
        const result = yield* commands.run({
          actor,
          aggregate: "volunteer team",
          id: team.id,
          decider: teamDecider,
          command: { _tag: "Create", team },
          load: Effect.succeed<Team | undefined>(undefined),
          authorize: () => Effect.void,
          context: () => Effect.void,
          save: (next) => store.saveTeam(next, 0),
          record: (e): Recorded => ({ type: "matching.team.created", scope: e.team.homeScope, payload: { members: e.team.members.length } }),
          followOn: (_, after) => Effect.forEach(profiles, (v) => runVolunteer(actor, v.personId, { _tag: "JoinTeam", teamId: after.id }, () => Effect.void), { discard: true })
        })
        return result.state
      }),

    listTeams: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "matching.read", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        return yield* store.listTeams(countyId)
      }),
  }
}
