/**
 * Measuring helpers shared by every benchmark: repetitions with min/median/max, latency
 * percentiles, memory, and the result file format described in shared/benchmarks.md.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export interface Stats {
  readonly min: number
  readonly median: number
  readonly max: number
}

export interface Result {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly stats?: Stats | Record<string, number>
  readonly baseline?: { readonly name: string; readonly value: number; readonly unit: string }
  readonly ratio?: number
  readonly target?: Record<string, number | string>
  readonly memory?: { readonly rssMiB: number; readonly heapUsedMiB: number; readonly peakRssMiB: number }
  readonly note?: string
  /** A second, looser baseline shown beside the main one, with our ratio to it. */
  readonly reference?: { readonly name: string; readonly value: number; readonly unit: string; readonly ratio: number }
}

export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export const statsOf = (xs: ReadonlyArray<number>): Stats => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) })

/** p-th percentile (0–100) of a sample, nearest rank. */
export const percentile = (xs: Float64Array | ReadonlyArray<number>, p: number): number => {
  const s = Float64Array.from(xs).sort()
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

/** Runs `f` `reps` times after `warmup` runs and returns each run's milliseconds. */
export const repeat = async (reps: number, warmup: number, f: () => unknown | Promise<unknown>): Promise<Array<number>> => {
  for (let i = 0; i < warmup; i++) await f()
  const out: Array<number> = []
  for (let i = 0; i < reps; i++) {
    const t = performance.now()
    await f()
    out.push(performance.now() - t)
  }
  return out
}

/** Per-call latencies (ms) of `calls` invocations of `f`, after `warmup` calls. */
export const latencies = async (calls: number, warmup: number, f: (i: number) => unknown | Promise<unknown>): Promise<Float64Array> => {
  for (let i = 0; i < warmup; i++) await f(i)
  const out = new Float64Array(calls)
  for (let i = 0; i < calls; i++) {
    const t = performance.now()
    await f(i)
    out[i] = performance.now() - t
  }
  return out
}

/** Current RSS and heap, and the peak RSS of the process so far. */
export const memory = () => {
  const m = process.memoryUsage()
  return {
    rssMiB: Math.round(m.rss / 1048576),
    heapUsedMiB: Math.round(m.heapUsed / 1048576),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024)
  }
}

const here = dirname(fileURLToPath(import.meta.url))

/** Writes bench/results/<name>.json and prints a short table. */
export const report = (benchmark: string, results: ReadonlyArray<Result>): void => {
  const file = join(here, "results", `${benchmark}.json`)
  mkdirSync(dirname(file), { recursive: true })
  const cpu = cpus()
  writeFileSync(file, JSON.stringify({
    benchmark,
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpu.length, model: cpu[0]?.model ?? "unknown" },
    results
  }, null, 2) + "\n")
  console.log(`\n${benchmark}`)
  for (const r of results) {
    const ratio = r.ratio === undefined ? "" : `  ratio ${r.ratio.toFixed(2)}`
    const base = r.baseline === undefined ? "" : `  (baseline ${fmt(r.baseline.value)} ${r.baseline.unit}: ${r.baseline.name})`
    const target = r.target === undefined ? "" : `  target ${JSON.stringify(r.target)}`
    const reference = r.reference === undefined ? "" : `\n    reference: ${fmt(r.reference.value)} ${r.reference.unit}, ratio ${r.reference.ratio.toFixed(2)} (${r.reference.name})`
    const note = r.note === undefined ? "" : `\n    ${r.note}`
    console.log(`  ${r.name}: ${fmt(r.value)} ${r.unit}${ratio}${base}${target}${reference}${note}`)
  }
  console.log(`  → ${file}`)
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toPrecision(3))

/** A fresh database file under `bench/tmp` (the file and its WAL removed), and how to remove it again. */
export const scratchDatabase = (name: string): { readonly file: string; readonly remove: () => void } => {
  const file = join(here, "tmp", name)
  mkdirSync(dirname(file), { recursive: true })
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true })
  }
  remove()
  return { file, remove }
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export const seededRandom = (seed: number): () => number => {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The full path (root first) of every node of an outline, by id. */
export const pathsOf = <I extends string>(outline: ReadonlyArray<{ readonly id: I; readonly parentId: I | null }>): ((id: I) => Array<I>) => {
  const byId = new Map(outline.map((n) => [n.id, n]))
  return (id) => {
    const out: Array<I> = []
    for (let n = byId.get(id); n !== undefined; n = n.parentId === null ? undefined : byId.get(n.parentId)) out.unshift(n.id)
    return out
  }
}
