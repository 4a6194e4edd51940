/**
 * The matching use cases. Each loads every entity it references (the need, the people and
 * volunteers it names, the node, a reward's account) and passes it through the kernel's one
 * scope check (`Access`) in the county of the thing acted on, then runs its command through
 * the kernel's pipeline (`Commands.run`) with its decider: the need's lifecycle, a profile,
 * a team, the county's configuration. The follow-on effects of a need's decision — the
 * volunteers' loads and histories, and its reward — are pure functions of (before, after,
 * events) applied by the pipeline in the same unit of work. A command that changes nothing
 * writes nothing.
 *
 * Who may do what:
 * - **post**: `matching.post` at the node the need concerns (for someone else:
 *   `matching.manage` there, and the person in scope);
 * - **claim**: `matching.claim` there, for oneself, with a volunteer profile — never one's
 *   own need, nor a need whose reward one attached;
 * - **assign, reassign, rank, dispatch**: `matching.dispatch` on the need's node, volunteers
 *   the actor can see;
 * - **release, visit, report done**: the volunteer on the need, or `matching.dispatch`;
 * - **confirm, reopen**: the requester or `matching.dispatch` — not whoever did the work;
 * - **cancel**: the requester or `matching.manage`; **close**: `matching.dispatch`;
 * - **attach a reward**: `points.award` under the earning rule at the need's node;
 * - **expire**: the system actor only (the expiry run needs `matching.manage`);
 * - **profiles and teams**: `matching.manage` at the profile's current home and new home
 *   (and over the person), or the volunteer for their own profile.
 *
 * Rewards: a reward from the requester's own account is held by the requester when the need
 * is posted, paid out in shares as its holder's own consent when the need is confirmed, and
 * released (as the holder) when it is cancelled or expires. A reward under an earning rule is
 * awarded by the actor who attached it (its `awardedBy`, who must still be allowed to award
 * at the need's node), never by the system actor on a caller's behalf.
 *
 * @since 0.3.0
 */
import { Context, Effect, Layer } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import { Directory } from "../kernel/directory.js"
import type { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, StorageError } from "../kernel/errors.js"
import { Identity } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import type { Page, PageRequest } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { GridStore } from "../grid/store.js"
import { Points } from "../points/service.js"
import type {
  ConfigureMatching,
  CreateTeam,
  MatchingConfig,
  Need,
  NeedCommand,
  NeedId,
  NeedState,
  NeedStatus,
  PersonRef,
  PostNeed,
  SaveVolunteer,
  Team,
  Volunteer
} from "./model.js"
import { NeedScorer } from "./ranking.js"
import { makeConfiguration } from "./service/configuration.js"
import { type Deps, makeKit } from "./service/kit.js"
import { makeNeeds } from "./service/needs.js"
import { makeVolunteers } from "./service/volunteers.js"
import { MatchingStore } from "./store.js"
import type { ClaimBoardItem, DispatchReport, ExpiryReport, RankingView, WishCard } from "./views.js"

export { matchingConfigDecider } from "./service/configuration.js"
export { type ProfileFields, teamDecider, type VolunteerCommand, type VolunteerEvent, volunteerDecider } from "./service/volunteers.js"

/**
 * Every error a matching use case can fail with.
 *
 * @category errors
 * @since 0.3.0
 */
export type MatchingError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, MatchingError>

/**
 * Filters of a staff listing of needs.
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedFilter extends PageRequest {
  readonly state?: NeedState | undefined
  readonly status?: NeedStatus | undefined
  readonly category?: string | undefined
}

/**
 * The matching use cases.
 *
 * @category services
 * @since 0.3.0
 */
export class Matching extends Context.Service<Matching, {
  /** A county's configuration, or the defaults: for the county's staff (`county.config.read`). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<MatchingConfig>
  /** Changes a county's configuration (`matching.manage` on the county), validated by {@link ConfigureMatching}. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureMatching) => Fx<MatchingConfig>
  /** Posts a need (`matching.post` at its node); the requester is the actor unless staff name a person of their scope. */
  readonly post: (actor: Actor, command: PostNeed) => Fx<Need>
  /** Runs one command on a need. A retried identical confirmation changes nothing: the reward is paid once. */
  readonly execute: (actor: Actor, id: NeedId, command: NeedCommand) => Fx<Need>
  /** One need, for staff, its requester, its volunteers and claimers of its subtree. */
  readonly get: (actor: Actor, id: NeedId) => Fx<Need>
  /** Needs below a node, a page at a time (`matching.read`). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: NeedFilter) => Fx<Page<Need>>
  /** Creates or replaces a person's volunteer profile, keeping its load, history and teams. */
  readonly saveVolunteer: (actor: Actor, command: SaveVolunteer) => Fx<Volunteer>
  /** One profile: the volunteer, or staff of their home. */
  readonly getVolunteer: (actor: Actor, personId: PersonRef) => Fx<Volunteer>
  /** Profiles whose home lies below a node (`matching.read`). */
  readonly listVolunteers: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<Volunteer>>
  /** Creates a volunteer team (`matching.manage` at its home, over every member and their profile). */
  readonly createTeam: (actor: Actor, command: CreateTeam) => Fx<Team>
  /** The teams of a county (`matching.read` on the county). */
  readonly listTeams: (actor: Actor, countyId: GridNodeId) => Fx<ReadonlyArray<Team>>
  /** Ranks the volunteers the actor can see for one need, with the breakdown of each score (`matching.dispatch`). */
  readonly rank: (actor: Actor, id: NeedId, options?: { readonly limit?: number | undefined }) => Fx<RankingView>
  /** Batch dispatch (派单) of the open needs below a node to the volunteers the actor can see; `dryRun` plans without assigning. */
  readonly dispatch: (actor: Actor, rootId: GridNodeId, options?: { readonly dryRun?: boolean | undefined }) => Fx<DispatchReport>
  /** The actor's claim board: open needs of their community, nearest first, titles redacted. */
  readonly claimBoard: (actor: Actor, options?: { readonly limit?: number | undefined }) => Fx<ReadonlyArray<ClaimBoardItem>>
  /** The public wish board (心愿墙) of a subtree: open and fulfilled needs, titles redacted, requesters masked; no actor needed. */
  readonly wishBoard: (rootId: GridNodeId, page?: PageRequest) => Fx<Page<WishCard>>
  /** Expires every need past due below a node, as the system actor (`matching.manage` there). */
  readonly expireOverdue: (actor: Actor, rootId: GridNodeId) => Fx<ExpiryReport>
}>()("@mulin/core/matching/Matching") {
  /**
   * The use cases over the ports and the points ledger, with the kernel (`Access`,
   * `Identity`, `Commands`) provided. The scorer is read once, when the layer is built.
   *
   * @category layers
   * @since 0.3.0
   */
  static readonly layer: Layer.Layer<Matching, never, MatchingStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator | Points> = Layer.effect(
    Matching,
    Effect.gen(function*() {
      return makeMatching({
        store: yield* MatchingStore,
        grid: yield* GridStore,
        directory: yield* Directory,
        ids: yield* IdGenerator,
        points: yield* Points,
        access: yield* Access,
        commands: yield* Commands,
        identity: yield* Identity,
        scorer: yield* NeedScorer
      })
    })
  ).pipe(Layer.provide(layerKernel))
}

/** The use cases, each part built once over the shared loads and checks. */
const makeMatching = (deps: Deps): Matching["Service"] => {
  const kit = makeKit(deps)
  return Matching.of({
    ...makeConfiguration(kit),
    ...makeNeeds(kit),
    ...makeVolunteers(kit)
  })
}
