/**
 * The in-memory candidate index: volunteers grouped by the ancestor at the county's
 * radius depth (the subtree a need may draw from) and, inside it, by skill. Ranking a need
 * scans only the volunteers of its subtree who hold its rarest required skill, instead of
 * the whole county.
 *
 * @since 0.3.0
 */
import type { Instant } from "../kernel/time.js"
import type { MatchingConfig, Need, Volunteer } from "./model.js"
import {
  defaultScorer,
  explainCandidate,
  type PreparedVolunteer,
  prepareVolunteer,
  rankCandidates,
  type Ranking,
  type ScoredCandidate,
  type ScoreOptions,
  scoreCandidates,
  scorePrepared
} from "./ranking.js"

const ANY = "*"

/**
 * An index of volunteer profiles for ranking and dispatch.
 *
 * @category models
 * @since 0.3.0
 */
export class CandidateIndex {
  private readonly byPlace = new Map<string, Map<string, Array<PreparedVolunteer>>>()
  private readonly byGrid = new Map<string, Map<string, Array<PreparedVolunteer>>>()
  private readonly byPerson = new Map<string, PreparedVolunteer>()
  /** How many profiles the index holds. */
  size = 0

  /**
   * Indexes `volunteers` under `config`'s radius depth.
   *
   * @category constructors
   * @since 0.3.0
   */
  constructor(readonly config: MatchingConfig, volunteers: Iterable<Volunteer> = []) {
    for (const v of volunteers) this.add(v)
  }

  /**
   * Adds one profile.
   *
   * @category mutations
   * @since 0.3.0
   */
  add(v: Volunteer): void {
    const prepared = prepareVolunteer(v)
    this.byPerson.set(v.personId, prepared)
    const keys = [ANY, ...new Set(v.skills.map((s) => s.skill))]
    const file = (map: Map<string, Map<string, Array<PreparedVolunteer>>>, place: string) => {
      let bySkill = map.get(place)
      if (bySkill === undefined) map.set(place, (bySkill = new Map()))
      for (const key of keys) {
        const list = bySkill.get(key)
        if (list === undefined) bySkill.set(key, [prepared])
        else list.push(prepared)
      }
    }
    file(this.byPlace, v.homeScope[this.config.radiusDepth] ?? v.homeScope[v.homeScope.length - 1] ?? "")
    const grid = v.homeScope[this.config.depths.grid]
    if (grid !== undefined) file(this.byGrid, grid)
    this.size++
  }

  /**
   * The profiles that may possibly take `need`: in its subtree and holding its rarest
   * required skill (the hard filters still run on them).
   *
   * @category getters
   * @since 0.3.0
   */
  pool(need: Need): ReadonlyArray<Volunteer> {
    return this.preparedPool(need).map((p) => p.v)
  }

  private preparedPool(need: Need): ReadonlyArray<PreparedVolunteer> {
    const r = this.config.radiusDepth
    if (r >= need.scope.length) {
      const all: Array<PreparedVolunteer> = []
      for (const bySkill of this.byPlace.values()) all.push(...(bySkill.get(ANY) ?? []))
      return all
    }
    return rarest(this.byPlace.get(need.scope[r]!), need)
  }

  /** The profiles of the need's own grid holding its rarest skill (dispatch's first, narrower pool). */
  private gridPool(need: Need): ReadonlyArray<PreparedVolunteer> | undefined {
    const g = this.config.depths.grid
    if (g >= need.scope.length || g < this.config.radiusDepth) return undefined
    return rarest(this.byGrid.get(need.scope[g]!), need)
  }

  /**
   * Ranks the candidates of `need`.
   *
   * @category getters
   * @since 0.3.0
   */
  rank(need: Need, at: Instant, options: ScoreOptions = {}): Ranking {
    if (options.scorer !== undefined && options.scorer !== defaultScorer) return rankCandidates(need, this.pool(need), this.config, at, options)
    const pool = this.preparedPool(need)
    const scored = scorePrepared(need, pool, this.config, at, options.limit ?? pool.length, options.utcOffsetMinutes, this.byPerson.get(need.requester.id) ?? null)
    return { needId: need.id, candidates: scored.candidates.map(explainCandidate), considered: scored.considered, rejected: scored.rejected }
  }

  /**
   * The best candidates of `need`, scored but not explained (for dispatch).
   *
   * @category getters
   * @since 0.3.0
   */
  score(need: Need, at: Instant, options: ScoreOptions = {}): ReadonlyArray<ScoredCandidate> {
    if (options.scorer !== undefined && options.scorer !== defaultScorer) return scoreCandidates(need, this.pool(need), this.config, at, options).candidates
    // Grid locality first: a need whose own grid holds enough eligible candidates draws from it alone.
    const limit = options.limit
    const local = limit === undefined ? undefined : this.gridPool(need)
    if (local !== undefined && limit !== undefined) {
      const near = scorePrepared(need, local, this.config, at, limit, options.utcOffsetMinutes, this.byPerson.get(need.requester.id) ?? null).candidates
      if (near.length === limit) return near
    }
    const pool = this.preparedPool(need)
    return scorePrepared(need, pool, this.config, at, limit ?? pool.length, options.utcOffsetMinutes, this.byPerson.get(need.requester.id) ?? null).candidates
  }
}

const rarest = (bySkill: ReadonlyMap<string, ReadonlyArray<PreparedVolunteer>> | undefined, need: Need): ReadonlyArray<PreparedVolunteer> => {
  if (bySkill === undefined) return []
  let best = bySkill.get(ANY) ?? []
  for (const s of need.requiredSkills) {
    const list = bySkill.get(s) ?? []
    if (list.length < best.length) best = list
  }
  return best
}
