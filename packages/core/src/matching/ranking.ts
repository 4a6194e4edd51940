/**
 * Ranking volunteers for one need: hard filters first (skills, capacity, availability
 * before the due date, the subtree the county allows), then a weighted score whose parts a
 * grid worker can read (skill fit, grid distance, availability, load, fairness over the
 * last 30 days, ratings). The weights are county configuration; a county may plug in its
 * own {@link Scorer} through {@link NeedScorer}.
 *
 * @since 0.3.0
 */
import { Context } from "effect"
import type { Instant } from "../kernel/time.js"
import type { MatchingConfig, Need, Volunteer, Weights } from "./model.js"

/**
 * How near a volunteer lives to a need: same building › same grid › same community › further.
 *
 * @category models
 * @since 0.3.0
 */
export type Proximity = "same_building" | "same_grid" | "same_community" | "further"

/**
 * The parts of a score, each in [0, 1].
 *
 * @category models
 * @since 0.3.0
 */
export type ScoreParts = { readonly [K in keyof Weights]: number }

/**
 * One candidate's score: the total (weighted mean of the parts, in [0, 1]), the parts and
 * a sentence in English and Chinese.
 *
 * @category models
 * @since 0.3.0
 */
export interface CandidateScore {
  readonly personId: string
  readonly name: string
  readonly total: number
  readonly parts: ScoreParts
  readonly proximity: Proximity
  /** Needs the volunteer may still take (maximum concurrent minus load). */
  readonly capacityLeft: number
  readonly explanation: string
  readonly explanationZh: string
}

/**
 * Why a volunteer was filtered out before scoring.
 *
 * @category models
 * @since 0.3.0
 */
export type Rejection = "inactive" | "other_county" | "outside_radius" | "missing_skill" | "at_capacity" | "unavailable_before_due" | "already_on_need" | "own_need"

/**
 * What a scorer is given.
 *
 * @category models
 * @since 0.3.0
 */
export interface ScoreInput {
  readonly need: Need
  readonly volunteer: Volunteer
  readonly config: MatchingConfig
  readonly at: Instant
}

/**
 * A scorer: the parts of a candidate's score. The total is their weighted mean under the
 * county's weights.
 *
 * @category models
 * @since 0.3.0
 */
export type Scorer = (input: ScoreInput) => ScoreParts

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK = 7 * DAY

/**
 * How near `home` (a path, root first) is to `place`, under the county's level depths.
 *
 * @category rules
 * @since 0.3.0
 */
export const proximityOf = (place: ReadonlyArray<string>, home: ReadonlyArray<string>, depths: MatchingConfig["depths"]): Proximity => {
  let common = 0
  while (common < place.length && common < home.length && place[common] === home[common]) common++
  if (common > depths.building) return "same_building"
  if (common > depths.grid) return "same_grid"
  if (common > depths.community) return "same_community"
  return "further"
}

/**
 * The distance part of the score of each proximity.
 *
 * @category rules
 * @since 0.3.0
 */
export const proximityScore: Readonly<Record<Proximity, number>> = { same_building: 1, same_grid: 0.75, same_community: 0.5, further: 0.2 }

const proximityLabel: Readonly<Record<Proximity, { readonly en: string; readonly zh: string }>> = {
  same_building: { en: "same building", zh: "同楼栋" },
  same_grid: { en: "same grid", zh: "同网格" },
  same_community: { en: "same community", zh: "同社区" },
  further: { en: "further away", zh: "较远" }
}

/**
 * Hours the volunteer is available between `at` and the earlier of `dueAt` and a week later;
 * the windows are read in local time `utcOffsetMinutes` ahead of UTC (the county's).
 *
 * @category rules
 * @since 0.3.0
 */
export const availableHours = (v: Volunteer, at: Instant, dueAt: Instant, utcOffsetMinutes = 0): number => {
  const offset = utcOffsetMinutes * 60_000
  const from = Date.parse(at) + offset
  return hoursBetween(v, from, Math.min(Date.parse(dueAt) + offset, from + WEEK))
}

/** Available hours in `[from, until)` (local epoch milliseconds; `until` at most a week later). */
const hoursBetween = (v: Volunteer, from: number, until: number): number => {
  if (!(until > from)) return 0
  // Sunday 00:00 (local) of the week containing `from` (1 January 1970 was a Thursday).
  const day = Math.floor(from / DAY)
  const weekStart = (day - ((day + 4) % 7)) * DAY
  let hours = 0
  for (const w of v.availability) {
    for (let week = 0; week <= WEEK; week += WEEK) {
      const start = weekStart + week + w.day * DAY + w.fromHour * HOUR
      const end = weekStart + week + w.day * DAY + w.toHour * HOUR
      const overlap = Math.min(end, until) - Math.max(start, from)
      if (overlap > 0) hours += overlap / HOUR
    }
  }
  return hours
}

/**
 * The moments one ranking runs at, parsed once: now and the end of the availability window
 * in local time (for the windows), and 30 days ago (for fairness, in UTC like the history).
 */
interface Moments {
  readonly from: number
  readonly until: number
  readonly since: number
}

const momentsOf = (need: Need, at: Instant, utcOffsetMinutes = 0): Moments => {
  const now = Date.parse(at)
  const offset = utcOffsetMinutes * 60_000
  return { from: now + offset, until: Math.min(Date.parse(need.dueAt), now + WEEK) + offset, since: now - 30 * DAY }
}

/**
 * What scoring takes besides the need, the profiles, the configuration and the time: how
 * many to keep, the scorer, and how far the county's local time is ahead of UTC (the
 * availability windows are local).
 *
 * @category models
 * @since 0.4.0
 */
export interface ScoreOptions {
  readonly limit?: number | undefined
  readonly scorer?: Scorer | undefined
  readonly utcOffsetMinutes?: number | undefined
}

/**
 * Why `v` may not take `need`, or `null` when it may (the hard filters).
 *
 * @category rules
 * @since 0.3.0
 */
export const rejectionOf = (need: Need, v: Volunteer, config: MatchingConfig, at: Instant, utcOffsetMinutes = 0): Rejection | null =>
  rejectionAt(need, v, config, momentsOf(need, at, utcOffsetMinutes))

const rejectionAt = (need: Need, v: Volunteer, config: MatchingConfig, m: Moments): Rejection | null => {
  if (!v.active) return "inactive"
  if (v.countyId !== need.countyId) return "other_county"
  const r = config.radiusDepth
  if (r < need.scope.length && v.homeScope[r] !== need.scope[r]) return "outside_radius"
  for (const s of need.requiredSkills) if (!v.skills.some((k) => k.skill === s)) return "missing_skill"
  if (v.load >= v.maxConcurrent) return "at_capacity"
  if (need.assignees.some((a) => a.personId === v.personId)) return "already_on_need"
  if (v.personId === need.requester.id) return "own_need"
  if (hoursBetween(v, m.from, m.until) <= 0) return "unavailable_before_due"
  return null
}

/**
 * How many assignments a volunteer had in the 30 days before `at`.
 *
 * @category rules
 * @since 0.3.0
 */
export const recentCount = (v: Volunteer, at: Instant): number => recentSince(v, Date.parse(at) - 30 * DAY)

const recentSince = (v: Volunteer, since: number): number => {
  let n = 0
  for (const t of v.history.recent) if (Date.parse(t) >= since) n++
  return n
}

/**
 * The default scorer.
 *
 * @category rules
 * @since 0.3.0
 */
export const defaultScorer: Scorer = ({ at, config, need, volunteer }) => defaultParts(need, volunteer, config, momentsOf(need, at))

const defaultParts = (need: Need, v: Volunteer, config: MatchingConfig, m: Moments): ScoreParts => {
  let skill = 0.5
  if (need.requiredSkills.length > 0) {
    let sum = 0
    for (const s of need.requiredSkills) sum += (v.skills.find((k) => k.skill === s)?.level ?? 0) / 5
    skill = sum / need.requiredSkills.length
  }
  const distance = proximityScore[proximityOf(need.scope, v.homeScope, config.depths)]
  const availability = Math.min(1, hoursBetween(v, m.from, m.until) / 8)
  const load = 1 - v.load / v.maxConcurrent
  const fairness = 1 / (1 + recentSince(v, m.since))
  const rating = v.history.ratingCount === 0 ? 0.6 : (v.history.ratingSum / v.history.ratingCount - 1) / 4
  return { skill, distance, availability, load, fairness, rating }
}

/**
 * The scorer in force: {@link defaultScorer} unless one is provided.
 *
 * @category services
 * @since 0.3.0
 */
export const NeedScorer = Context.Reference<Scorer>("@mulin/core/matching/NeedScorer", { defaultValue: () => defaultScorer })

const partNames: ReadonlyArray<readonly [keyof Weights, string, string]> = [
  ["skill", "skill fit", "技能匹配"],
  ["distance", "distance", "距离"],
  ["availability", "availability", "时间"],
  ["load", "current load", "当前负担"],
  ["fairness", "fairness (30 days)", "公平(30天)"],
  ["rating", "ratings", "评价"]
]

/**
 * The weighted mean of the parts under the weights.
 *
 * @category rules
 * @since 0.3.0
 */
export const totalOf = (parts: ScoreParts, weights: Weights): number => {
  const w = weights.skill + weights.distance + weights.availability + weights.load + weights.fairness + weights.rating
  const sum = weights.skill * parts.skill + weights.distance * parts.distance + weights.availability * parts.availability +
    weights.load * parts.load + weights.fairness * parts.fairness + weights.rating * parts.rating
  return w > 0 ? sum / w : 0
}

/**
 * Scores one eligible volunteer for a need, with the readable breakdown.
 *
 * @category rules
 * @since 0.3.0
 */
export const scoreCandidate = (input: ScoreInput, scorer: Scorer = defaultScorer): CandidateScore => explain(input, scorer(input))

/** The candidate's score with its sentence, from its parts. */
const explain = (input: ScoreInput, parts: ScoreParts, total: number = totalOf(parts, input.config.weights)): CandidateScore => {
  const proximity = proximityOf(input.need.scope, input.volunteer.homeScope, input.config.depths)
  const fmt = (x: number) => x.toFixed(2)
  const en = partNames.map(([k, name]) => `${name} ${fmt(parts[k])}×${fmt(input.config.weights[k])}`).join(", ")
  const zh = partNames.map(([k, , name]) => `${name} ${fmt(parts[k])}×${fmt(input.config.weights[k])}`).join("，")
  return {
    personId: input.volunteer.personId,
    name: input.volunteer.name,
    total,
    parts,
    proximity,
    capacityLeft: input.volunteer.maxConcurrent - input.volunteer.load,
    explanation: `score ${fmt(total)} (${proximityLabel[proximity].en}): ${en}`,
    explanationZh: `得分 ${fmt(total)}（${proximityLabel[proximity].zh}）：${zh}`
  }
}

/**
 * The ranking of a need's candidates: the best first (ties by person id), and how many
 * volunteers each hard filter removed.
 *
 * @category models
 * @since 0.3.0
 */
export interface Ranking {
  readonly needId: string
  readonly candidates: ReadonlyArray<CandidateScore>
  readonly considered: number
  readonly rejected: Readonly<Partial<Record<Rejection, number>>>
}

/**
 * A scored candidate before its sentence is written (dispatch writes sentences only for
 * the assignments it makes).
 *
 * @category models
 * @since 0.3.0
 */
export interface ScoredCandidate {
  readonly personId: string
  readonly total: number
  readonly parts: ScoreParts
  readonly input: ScoreInput
}

/**
 * The sentence of a scored candidate.
 *
 * @category rules
 * @since 0.3.0
 */
export const explainCandidate = (c: ScoredCandidate): CandidateScore => explain(c.input, c.parts, c.total)

/**
 * Filters and scores `volunteers` for `need`, best first, keeping the best `limit`,
 * without writing the sentences.
 *
 * @category rules
 * @since 0.3.0
 */
export const scoreCandidates = (
  need: Need,
  volunteers: Iterable<Volunteer>,
  config: MatchingConfig,
  at: Instant,
  options: ScoreOptions = {}
): { readonly candidates: ReadonlyArray<ScoredCandidate>; readonly considered: number; readonly rejected: Readonly<Partial<Record<Rejection, number>>> } => {
  const rejected: Partial<Record<Rejection, number>> = {}
  const scorer = options.scorer ?? defaultScorer
  const m = momentsOf(need, at, options.utcOffsetMinutes)
  // The default scorer runs on the parsed moments, and inputs are made for the kept only.
  const fast = scorer === defaultScorer
  const eligible: Array<{ readonly v: Volunteer; readonly parts: ScoreParts; readonly total: number; readonly personId: string }> = []
  let considered = 0
  for (const v of volunteers) {
    considered++
    const why = rejectionAt(need, v, config, m)
    if (why !== null) {
      rejected[why] = (rejected[why] ?? 0) + 1
      continue
    }
    const parts = fast ? defaultParts(need, v, config, m) : scorer({ need, volunteer: v, config, at })
    eligible.push({ v, parts, total: totalOf(parts, config.weights), personId: v.personId })
  }
  eligible.sort(byScore)
  const kept = options.limit === undefined ? eligible : eligible.slice(0, options.limit)
  return { candidates: kept.map((c) => ({ personId: c.personId, total: c.total, parts: c.parts, input: { need, volunteer: c.v, config, at } })), considered, rejected }
}

/**
 * Ranks `volunteers` for `need`: filters, scores, sorts, keeps the best `limit`, explains each.
 *
 * @category rules
 * @since 0.3.0
 */
export const rankCandidates = (
  need: Need,
  volunteers: Iterable<Volunteer>,
  config: MatchingConfig,
  at: Instant,
  options: ScoreOptions = {}
): Ranking => {
  const { candidates, considered, rejected } = scoreCandidates(need, volunteers, config, at, options)
  return { needId: need.id, candidates: candidates.map(explainCandidate), considered, rejected }
}

/**
 * Best score first, ties by person id.
 *
 * @category rules
 * @since 0.3.0
 */
export const byScore = (a: { readonly total: number; readonly personId: string }, b: { readonly total: number; readonly personId: string }): number =>
  b.total - a.total || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)

/**
 * A volunteer profile with what the default scorer reads made ready once: skill levels by
 * key, recent assignment times as numbers, the rating part. The candidate index keeps one
 * per profile.
 *
 * @category models
 * @since 0.3.0
 */
export interface PreparedVolunteer {
  readonly v: Volunteer
  readonly levels: ReadonlyMap<string, number>
  readonly recentMs: ReadonlyArray<number>
  readonly rating: number
}

/**
 * Prepares a profile for {@link scorePrepared}.
 *
 * @category constructors
 * @since 0.3.0
 */
export const prepareVolunteer = (v: Volunteer): PreparedVolunteer => ({
  v,
  levels: new Map(v.skills.map((k) => [k.skill, k.level])),
  recentMs: v.history.recent.map((t) => Date.parse(t)),
  rating: v.history.ratingCount === 0 ? 0.6 : (v.history.ratingSum / v.history.ratingCount - 1) / 4
})

/**
 * The best `limit` candidates among prepared profiles under the default scorer: the same
 * filters, parts and totals as {@link scoreCandidates}, computed without allocating for the
 * volunteers not kept. `requester` is the requester's own prepared profile when the caller
 * knows it (`null`: not in the pool); otherwise it is looked up in the pool.
 *
 * @category rules
 * @since 0.3.0
 */
export const scorePrepared = (
  need: Need,
  pool: ReadonlyArray<PreparedVolunteer>,
  config: MatchingConfig,
  at: Instant,
  limit: number,
  utcOffsetMinutes = 0,
  requester?: PreparedVolunteer | null
): { readonly candidates: ReadonlyArray<ScoredCandidate>; readonly considered: number; readonly rejected: Readonly<Partial<Record<Rejection, number>>> } => {
  const m = momentsOf(need, at, utcOffsetMinutes)
  // The requester's own profile, when the caller knows it (`null`: none in the pool): one
  // pointer comparison per profile instead of comparing ids that share long prefixes.
  const own = requester === undefined ? pool.find((p) => p.v.personId === need.requester.id) ?? null : requester
  const w = config.weights
  const wSum = w.skill + w.distance + w.availability + w.load + w.fairness + w.rating
  const rejected: Partial<Record<Rejection, number>> = {}
  const reject = (why: Rejection) => {
    rejected[why] = (rejected[why] ?? 0) + 1
  }
  const r = config.radiusDepth
  const place = r < need.scope.length ? need.scope[r] : undefined
  const required = need.requiredSkills
  const d = config.depths
  const keptP: Array<PreparedVolunteer> = []
  const keptT: Array<number> = []
  for (const p of pool) {
    const v = p.v
    if (!v.active) { reject("inactive"); continue }
    if (v.countyId !== need.countyId) { reject("other_county"); continue }
    if (place !== undefined && v.homeScope[r] !== place) { reject("outside_radius"); continue }
    let skillSum = 0
    let missing = false
    for (const s of required) {
      const level = p.levels.get(s)
      if (level === undefined) {
        missing = true
        break
      }
      skillSum += level / 5
    }
    if (missing) { reject("missing_skill"); continue }
    if (v.load >= v.maxConcurrent) { reject("at_capacity"); continue }
    if (need.assignees.length > 0 && need.assignees.some((a) => a.personId === v.personId)) { reject("already_on_need"); continue }
    if (p === own) { reject("own_need"); continue }
    const hours = hoursBetween(v, m.from, m.until)
    if (hours <= 0) { reject("unavailable_before_due"); continue }
    const skill = required.length > 0 ? skillSum / required.length : 0.5
    let common = 0
    const home = v.homeScope
    while (common < need.scope.length && common < home.length && need.scope[common] === home[common]) common++
    const distance = common > d.building ? 1 : common > d.grid ? 0.75 : common > d.community ? 0.5 : 0.2
    let recent = 0
    for (const t of p.recentMs) if (t >= m.since) recent++
    const sum = w.skill * skill + w.distance * distance + w.availability * Math.min(1, hours / 8) +
      w.load * (1 - v.load / v.maxConcurrent) + w.fairness * (1 / (1 + recent)) + w.rating * p.rating
    const total = wSum > 0 ? sum / wSum : 0
    // Insert into the kept list (best first, ties by person id), at most `limit` long.
    let i = keptT.length
    if (i === limit && !(total > keptT[i - 1]! || (total === keptT[i - 1]! && v.personId < keptP[i - 1]!.v.personId))) continue
    while (i > 0 && (total > keptT[i - 1]! || (total === keptT[i - 1]! && v.personId < keptP[i - 1]!.v.personId))) i--
    keptT.splice(i, 0, total)
    keptP.splice(i, 0, p)
    if (keptT.length > limit) {
      keptT.pop()
      keptP.pop()
    }
  }
  return {
    candidates: keptP.map((p, i) => ({ personId: p.v.personId, total: keptT[i]!, parts: defaultParts(need, p.v, config, m), input: { need, volunteer: p.v, config, at } })),
    considered: pool.length,
    rejected
  }
}
