/**
 * Mediation's rows: each case whole as JSON in `doc`, beside the columns the queries need
 * (the path for subtree ranges, the running deadline for the overdue scan, the statistics
 * facts for `GROUP BY`).
 */
import { levelBit, MediationCase, MediationConfig } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const maskOf = (levels: ReadonlyArray<keyof typeof levelBit>): number => levels.reduce((m, l) => m | levelBit[l], 0)

// A case reaches the store as the decider made it, from validated input; every read decodes
// it with all its checks, so writing skips them.
const encodeCaseChecked = Schema.encodeSync(MediationCase)
const encodeCase = (c: MediationCase) => encodeCaseChecked(c, { disableChecks: true })
const decodeCase = Schema.decodeUnknownSync(MediationCase)

/**
 * The row of a case.
 *
 * @category mediation
 * @since 0.5.0
 */
export const caseRow = (c: MediationCase) => ({
  id: c.id,
  county_id: c.countyId,
  node_id: c.nodeId,
  path: toPath(c.scope),
  category: c.category,
  state: c.state,
  status: c.status,
  level: c.level,
  department: c.department?.code ?? null,
  disclosed: c.disclosedAt === null ? 0 : 1,
  due_kind: c.deadline?.kind ?? null,
  due_at: c.deadline?.dueAt ?? null,
  reported_at: c.reportedAt,
  reached: maskOf(c.reachedLevels),
  missed: maskOf(c.missedLevels),
  responded: c.respondedAt === null ? 0 : 1,
  ratings: c.ratings.length,
  satisfied: c.ratings.filter((r) => r.rating !== "unsatisfied").length,
  resolve_hours: c.resolvedAt === null ? null : Math.round((Date.parse(c.resolvedAt) - Date.parse(c.reportedAt)) / 60_000) / 60,
  version: c.version,
  doc: JSON.stringify(encodeCase(c))
})

/**
 * A row of `mediation_cases`.
 *
 * @category mediation
 * @since 0.5.0
 */
export type CaseRow = ReturnType<typeof caseRow>

/**
 * The table of mediation cases.
 *
 * @category mediation
 * @since 0.5.0
 */
export const mediationCases = documentShape({
  table: "mediation_cases",
  entity: "mediation case",
  id: (c: MediationCase) => c.id,
  row: caseRow,
  decode: (doc) => decodeCase(JSON.parse(doc))
})

/**
 * The table of the counties' mediation configurations.
 *
 * @category mediation
 * @since 0.5.0
 */
export const mediationConfigs = configShape("mediation_configs", "mediation configuration", MediationConfig)
