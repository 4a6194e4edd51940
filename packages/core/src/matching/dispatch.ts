/**
 * Batch dispatch (派单): assign open needs to volunteers so that the total value is the
 * largest possible under every volunteer's remaining capacity and every need's free
 * slots. The value of an assignment is its score plus an urgency bonus larger than any
 * score difference, so the most urgent needs are served first.
 *
 * The bipartite graph is pruned first — each need keeps its best `candidatesPerNeed`
 * eligible volunteers from the {@link CandidateIndex} (its subtree, its rarest skill) —
 * then split into connected components (needs of one community rarely share volunteers
 * with another's), and each component is solved exactly as a min-cost flow by successive
 * shortest paths. On an unpruned graph the result is the true optimum, which the tests
 * check against {@link exhaustiveDispatch} on random small instances.
 *
 * @since 0.3.0
 */
import type { Instant } from "../kernel/time.js"
import { CandidateIndex } from "./candidates.js"
import type { MatchingConfig, Need, Urgency, Volunteer } from "./model.js"
import { explainCandidate, type ScoredCandidate, type Scorer } from "./ranking.js"

/**
 * The bonus added to the value of an assignment per urgency: one level of urgency is
 * worth more than any difference of score (scores lie in [0, 1]).
 *
 * @category rules
 * @since 0.3.0
 */
export const urgencyBonus: Readonly<Record<Urgency, number>> = { low: 0, normal: 1, high: 2, critical: 3 }

/**
 * The integer value (micro-units) of assigning a candidate to a need; integers keep the
 * flow exact.
 *
 * @category rules
 * @since 0.3.0
 */
export const assignmentValue = (need: Need, score: number): number => Math.round((score + urgencyBonus[need.urgency]) * 1_000_000)

/**
 * One assignment of a dispatch plan, with its explanation.
 *
 * @category models
 * @since 0.3.0
 */
export interface PlannedAssignment {
  readonly needId: string
  readonly personId: string
  readonly score: number
  readonly value: number
  /** The candidate's rank for this need (1 = best) among those kept. */
  readonly rank: number
  readonly explanation: string
  readonly explanationZh: string
}

/**
 * A dispatch plan: the assignments (most urgent needs first), their total value, and the
 * needs left without anyone.
 *
 * @category models
 * @since 0.3.0
 */
export interface DispatchPlan {
  readonly assignments: ReadonlyArray<PlannedAssignment>
  readonly total: number
  readonly unassigned: ReadonlyArray<string>
}

/**
 * The pruned bipartite graph a dispatch solves: for each need its free slots and kept
 * candidates, for each volunteer its remaining capacity.
 *
 * @category models
 * @since 0.3.0
 */
export interface DispatchGraph {
  readonly needs: ReadonlyArray<Need>
  readonly slots: ReadonlyArray<number>
  readonly candidates: ReadonlyArray<ReadonlyArray<ScoredCandidate>>
  readonly capacity: ReadonlyMap<string, number>
}

const urgencyRank: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, normal: 2, low: 3 }

/**
 * Most urgent first, then earliest due, then id.
 *
 * @category rules
 * @since 0.3.0
 */
export const byUrgency = (a: Need, b: Need): number =>
  urgencyRank[a.urgency] - urgencyRank[b.urgency] || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Builds the pruned graph of a dispatch.
 *
 * @category constructors
 * @since 0.3.0
 */
export const dispatchGraph = (
  needs: ReadonlyArray<Need>,
  volunteers: Iterable<Volunteer> | CandidateIndex,
  config: MatchingConfig,
  at: Instant,
  scorer?: Scorer,
  utcOffsetMinutes = 0
): DispatchGraph => {
  const index = volunteers instanceof CandidateIndex ? volunteers : new CandidateIndex(config, volunteers)
  const sorted = needs.filter((n) => n.assignees.length < n.slots).sort(byUrgency)
  // Scored grid by grid and skill by skill, so that one pool's profiles stay in the cache.
  const g = config.depths.grid
  const key = (n: Need) => `${n.scope[g] ?? ""}|${n.requiredSkills[0] ?? ""}`
  const order = sorted.map((n, i) => [key(n), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
  const candidates: Array<ReadonlyArray<ScoredCandidate>> = new Array(sorted.length)
  for (const [, i] of order) candidates[i] = index.score(sorted[i]!, at, { limit: config.candidatesPerNeed, scorer, utcOffsetMinutes })
  const capacity = new Map<string, number>()
  for (const list of candidates) {
    for (const c of list) if (!capacity.has(c.personId)) capacity.set(c.personId, c.input.volunteer.maxConcurrent - c.input.volunteer.load)
  }
  return { needs: sorted, slots: sorted.map((n) => n.slots - n.assignees.length), candidates, capacity }
}

/**
 * Solves a dispatch graph exactly: a maximum-value assignment under slots and capacities.
 *
 * @category rules
 * @since 0.3.0
 */
export const solveDispatch = (graph: DispatchGraph): DispatchPlan => {
  const { candidates, capacity, needs, slots } = graph
  // Union-find over needs and volunteers: each connected component is solved alone.
  const volIndex = new Map<string, number>()
  for (const p of capacity.keys()) volIndex.set(p, volIndex.size)
  const N = needs.length
  const parent = Array.from({ length: N + volIndex.size }, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  for (let i = 0; i < N; i++) for (const c of candidates[i]!) parent[find(i)] = find(N + volIndex.get(c.personId)!)
  const components = new Map<number, Array<number>>()
  for (let i = 0; i < N; i++) {
    if (candidates[i]!.length === 0 || slots[i]! <= 0) continue
    const root = find(i)
    const list = components.get(root)
    if (list === undefined) components.set(root, [i])
    else list.push(i)
  }
  const chosen: Array<Array<number>> = Array.from({ length: N }, () => [])
  for (const members of components.values()) solveComponent(members, graph, chosen)
  const assignments: Array<PlannedAssignment> = []
  const unassigned: Array<string> = []
  let total = 0
  for (let i = 0; i < N; i++) {
    if (chosen[i]!.length === 0) unassigned.push(needs[i]!.id)
    for (const k of chosen[i]!.sort((a, b) => a - b)) {
      const c = explainCandidate(candidates[i]![k]!)
      const value = assignmentValue(needs[i]!, c.total)
      total += value
      const of = candidates[i]!.length
      assignments.push({
        needId: needs[i]!.id,
        personId: c.personId,
        score: c.total,
        value,
        rank: k + 1,
        explanation: `${needs[i]!.urgency} need; candidate ${k + 1} of ${of}; ${c.explanation}`,
        explanationZh: `紧急程度 ${needs[i]!.urgency}；${of} 名候选人中第 ${k + 1} 名；${c.explanationZh}`
      })
    }
  }
  return { assignments, total, unassigned }
}

/** Successive shortest paths (Bellman-Ford with a queue) on one component. */
const solveComponent = (members: ReadonlyArray<number>, graph: DispatchGraph, chosen: Array<Array<number>>): void => {
  const vols = new Map<string, number>()
  for (const i of members) for (const c of graph.candidates[i]!) if (!vols.has(c.personId)) vols.set(c.personId, vols.size)
  const n = members.length
  const S = 0
  const T = 1 + n + vols.size
  const V = T + 1
  // Edge arrays: to, capacity, cost; edge e and e^1 are a pair.
  const to: Array<number> = []
  const cap: Array<number> = []
  const cost: Array<number> = []
  const head = new Int32Array(V).fill(-1)
  const next: Array<number> = []
  const add = (u: number, v: number, c: number, w: number): number => {
    const e = to.length
    to.push(v, u)
    cap.push(c, 0)
    cost.push(w, -w)
    next.push(head[u]!, head[v]!)
    head[u] = e
    head[v] = e + 1
    return e
  }
  const pairEdges: Array<Array<readonly [number, number]>> = []
  members.forEach((i, j) => {
    add(S, 1 + j, graph.slots[i]!, 0)
    const list: Array<readonly [number, number]> = []
    graph.candidates[i]!.forEach((c, k) => {
      list.push([add(1 + j, 1 + n + vols.get(c.personId)!, 1, -assignmentValue(graph.needs[i]!, c.total)), k])
    })
    pairEdges.push(list)
  })
  for (const [p, idx] of vols) add(1 + n + idx, T, Math.max(0, graph.capacity.get(p) ?? 0), 0)

  const dist = new Float64Array(V)
  const inQueue = new Uint8Array(V)
  const via = new Int32Array(V)
  const queue = new Int32Array(V + 1)
  for (;;) {
    dist.fill(Infinity)
    via.fill(-1)
    dist[S] = 0
    let qh = 0
    let qt = 0
    queue[qt++] = S
    inQueue[S] = 1
    while (qh !== qt) {
      const u = queue[qh]!
      qh = (qh + 1) % queue.length
      inQueue[u] = 0
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue
        const v = to[e]!
        const d = dist[u]! + cost[e]!
        if (d < dist[v]!) {
          dist[v] = d
          via[v] = e
          if (inQueue[v] === 0) {
            inQueue[v] = 1
            queue[qt] = v
            qt = (qt + 1) % queue.length
          }
        }
      }
    }
    if (!(dist[T]! < 0)) break
    let push = Infinity
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!)
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push
      cap[via[v]! ^ 1]! += push
    }
  }
  members.forEach((i, j) => {
    for (const [e, k] of pairEdges[j]!) if (cap[e] === 0) chosen[i]!.push(k)
  })
}

/**
 * Plans a dispatch of `needs` to `volunteers`: prune, split, solve exactly.
 *
 * @category rules
 * @since 0.3.0
 */
export const planDispatch = (
  needs: ReadonlyArray<Need>,
  volunteers: Iterable<Volunteer> | CandidateIndex,
  config: MatchingConfig,
  at: Instant,
  scorer?: Scorer
): DispatchPlan => solveDispatch(dispatchGraph(needs, volunteers, config, at, scorer))

/**
 * The greedy baseline: needs most urgent first, each takes its best candidates that still
 * have capacity. Used by the benchmark and the tests to compare totals.
 *
 * @category rules
 * @since 0.3.0
 */
export const greedyDispatch = (graph: DispatchGraph): number => {
  const left = new Map(graph.capacity)
  let total = 0
  graph.needs.forEach((need, i) => {
    let free = graph.slots[i]!
    for (const c of graph.candidates[i]!) {
      if (free === 0) break
      const cap = left.get(c.personId) ?? 0
      if (cap <= 0) continue
      left.set(c.personId, cap - 1)
      free--
      total += assignmentValue(need, c.total)
    }
  })
  return total
}

/**
 * The optimum of a small dispatch graph by exhaustive search over every need's choice of
 * volunteers (memoised on the remaining capacities): the reference the flow is tested
 * against. Exponential: for a handful of needs and volunteers only.
 *
 * @category rules
 * @since 0.3.0
 */
export const exhaustiveDispatch = (graph: DispatchGraph): number => {
  const people = [...graph.capacity.keys()]
  const idx = new Map(people.map((p, i) => [p, i]))
  const memo = new Map<string, number>()
  const best = (i: number, caps: ReadonlyArray<number>): number => {
    if (i === graph.needs.length) return 0
    const key = `${i}|${caps.join(",")}`
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    const list = graph.candidates[i]!
    let result = 0
    // Every subset of the candidates of size ≤ slots, within capacity.
    const pick = (k: number, left: number, c: Array<number>, value: number) => {
      if (k === list.length || left === 0) {
        result = Math.max(result, value + best(i + 1, c))
        return
      }
      pick(k + 1, left, c, value)
      const p = idx.get(list[k]!.personId)!
      if (c[p]! > 0) {
        c[p]!--
        pick(k + 1, left - 1, c, value + assignmentValue(graph.needs[i]!, list[k]!.total))
        c[p]!++
      }
    }
    pick(0, graph.slots[i]!, [...caps], 0)
    memo.set(key, result)
    return result
  }
  return best(0, people.map((p) => Math.max(0, graph.capacity.get(p)!)))
}
