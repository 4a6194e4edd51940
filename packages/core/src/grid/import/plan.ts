/**
 * The plan of an import, made by a pure function of the decoded rows and what the store
 * holds: every reference resolved (a node named by its path is in nodes.csv or stored), the
 * actor's permission checked on every node named, and for every node, household, person
 * and assignment whether it is created, updated (with its new data) or left unchanged.
 * New ids and the writes are the apply step's.
 *
 * @internal
 */
import { Result, Schema } from "effect"
import { Forbidden, fieldIssues, forbidden } from "../../kernel/errors.js"
import type { GridNodeId, ResidentId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import { type Assignment, defaultLevels, type GridNode, type Household, LevelTemplate, type Person, type Resident } from "../model.js"
import { checkLevelKey, type Decoded, type NodeRow, type PathRef, type ResidentRow } from "./decode.js"
import type { ImportCounts, ImportFile, ImportRejected } from "./format.js"
import { rejected } from "./issues.js"
import { assignmentKey, type Existing, householdKey } from "./load.js"

/** A node named by the files or found in the store. */
export interface NodeRef {
  readonly key: string
  readonly code: string
  readonly depth: number
  readonly level: string
  readonly parent: NodeRef | undefined
  /** The stored node, when it exists. */
  readonly existing: GridNode | undefined
  /** The node row, when the files name it in nodes.csv. */
  readonly row: NodeRow | undefined
  /** The node after the import: the stored one, its update, or (once applied) the new one. */
  node: GridNode | undefined
  /** The path of ids, root first, the node itself last (events' scope); set for a new node once applied. */
  scope: ReadonlyArray<GridNodeId> | undefined
  allowed: boolean | undefined
}

/** What becomes of a household: created, left as stored, or updated to these residents (those without an id are new). */
export type HouseholdChange = "new" | "same" | { readonly stored: Household; readonly residents: ReadonlyArray<Resident | ResidentRow> }

/** What becomes of a person: created, left as stored, or updated (registered at the row's node). */
export type PersonChange = "new" | "same" | { readonly stored: Person; readonly name: string; readonly phone: string | null }

/** What becomes of an assignment: created, left as stored, or updated to this. */
export type AssignmentChange = "new" | "same" | Assignment

/** The operations of an import. The arrays of households, people and assignments run parallel to the decoded rows. */
export interface ImportPlan {
  readonly countyCode: string
  /** The county's level template: stored, or the one a new county gets. */
  readonly levels: LevelTemplate
  /** The county's root node. */
  readonly county: NodeRef
  readonly countyCreated: boolean
  /** Nodes to create, the county first when it is new, parents before children. */
  readonly newNodes: ReadonlyArray<NodeRef>
  readonly updatedNodes: ReadonlyArray<{ readonly before: GridNode; readonly after: GridNode }>
  readonly households: { readonly units: ReadonlyArray<NodeRef>; readonly changes: ReadonlyArray<HouseholdChange> }
  readonly people: { readonly nodes: ReadonlyArray<NodeRef>; readonly changes: ReadonlyArray<PersonChange> }
  readonly assignments: { readonly nodes: ReadonlyArray<NodeRef>; readonly changes: ReadonlyArray<AssignmentChange> }
  /** The stored people the files name, by code. */
  readonly storedPeople: ReadonlyMap<string, Person>
  readonly counts: {
    readonly nodes: ImportCounts
    readonly households: ImportCounts
    /** Residents in the households created or updated. */
    readonly residents: number
    readonly people: ImportCounts
    readonly assignments: ImportCounts
  }
}

/** What a plan needs besides the rows and the store's contents. */
export interface PlanContext {
  /** Whether the actor may do the action at a node with this path (root first, the node last; `[]` for the whole store). */
  readonly can: (action: "grid.import" | "county.create", path: ReadonlyArray<GridNodeId>) => boolean
  /** When the import runs: the `updatedAt` of what it changes. */
  readonly at: Instant
  /** The level template of a county the import creates, as given (decoded here). */
  readonly levels?: unknown
}

const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

const sameResident = (a: Resident, b: Resident): boolean =>
  a.id === b.id && a.name === b.name && a.phone === b.phone && a.idCardNumber === b.idCardNumber && a.relation === b.relation && a.partyMember === b.partyMember

/**
 * Whether the rows describe exactly the stored residents, in the same order (the common
 * case of a re-import, checked without allocating).
 */
const unchangedResidents = (stored: ReadonlyArray<Resident>, rows: ReadonlyArray<ResidentRow>): boolean => {
  if (stored.length !== rows.length) return false
  for (let j = 0; j < rows.length; j++) {
    const p = stored[j]!
    const r = rows[j]!
    if (
      p.name !== r.name ||
      (r.idCardNumber === undefined ? false : (r.idCardNumber ?? null) !== p.idCardNumber) ||
      (r.phone !== undefined && (r.phone ?? null) !== p.phone) ||
      (r.relation !== undefined && (r.relation ?? "other") !== p.relation) ||
      (r.partyMember !== undefined && r.partyMember !== p.partyMember)
    ) return false
  }
  return true
}

/** A household's residents after the update: a resident keeps their id when the same person (same ID card, else same name) stays. */
const householdChange = (stored: Household, rows: ReadonlyArray<ResidentRow>): HouseholdChange => {
  if (unchangedResidents(stored.residents, rows)) return "same"
  const used = new Set<ResidentId>()
  const next: Array<Resident | ResidentRow> = []
  let same = stored.residents.length === rows.length
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!
    const kept = stored.residents.find((p) => !used.has(p.id) && (r.idCardNumber != null ? p.idCardNumber === r.idCardNumber : p.name === r.name))
    if (kept === undefined) {
      next.push(r)
      same = false
      continue
    }
    used.add(kept.id)
    const merged: Resident = {
      id: kept.id,
      name: r.name,
      phone: r.phone === undefined ? kept.phone : r.phone,
      idCardNumber: r.idCardNumber === undefined ? kept.idCardNumber : r.idCardNumber,
      relation: r.relation === undefined ? kept.relation : r.relation ?? "other",
      partyMember: r.partyMember ?? kept.partyMember
    }
    if (same && !sameResident(merged, stored.residents[j]!)) same = false
    next.push(merged)
  }
  return same ? "same" : { stored, residents: next }
}

const zero = (): { created: number; updated: number; unchanged: number } => ({ created: 0, updated: 0, unchanged: 0 })

/**
 * Plans an import: the operations that bring the store to what the decoded rows describe,
 * or every problem found ({@link ImportRejected}; those of decoding included), or
 * `Forbidden` when the actor may not import at a node the rows name. Pure: it reads its
 * arguments and changes none of them.
 */
export const plan = (decoded: Decoded, existing: Existing, context: PlanContext): Result.Result<ImportPlan, ImportRejected | Forbidden> => {
  const issues = decoded.issues.copy()
  const badNodeKeys = new Set(decoded.badNodeKeys)
  const countyCode = decoded.countyCode
  if (countyCode === undefined) {
    if (issues.total === 0) issues.add("nodes.csv", 1, "", "the files hold no rows to import", "文件中没有可导入的数据行")
    return Result.fail(rejected(issues))
  }
  const { at, can } = context
  const existingCounty = existing.county
  let levels = existingCounty?.levels ?? defaultLevels
  if (existingCounty === undefined && context.levels !== undefined) {
    const decodedLevels = Schema.decodeUnknownResult(LevelTemplate)(context.levels)
    if (Result.isSuccess(decodedLevels)) levels = decodedLevels.success
    else {
      for (const i of fieldIssues(decodedLevels.failure.issue, ["levels"])) issues.add("nodes.csv", 1, "level", `the levels option: ${i.path}: ${i.message}`, `levels 选项：${i.path}：${i.messageZh}`)
      return Result.fail(rejected(issues))
    }
  }
  const unitDepth = levels.length - 1

  // Nodes: parents, levels, existing matches.
  const refs = new Map<string, NodeRef>()
  const refOf = (key: string): NodeRef | undefined => {
    const r = refs.get(key)
    if (r !== undefined) return r
    const stored = existing.nodes.get(key)
    if (stored === undefined) return undefined
    const slash = key.lastIndexOf("/")
    const parent = slash < 0 ? undefined : refOf(key.slice(0, slash))
    const made: NodeRef = { key, code: stored.code, depth: stored.depth, level: stored.level, parent, existing: stored, row: undefined, node: stored, scope: pathOf(stored), allowed: undefined }
    refs.set(key, made)
    return made
  }
  const levelIndex = (raw: string): number => {
    const lower = raw.toLowerCase()
    return levels.findIndex((l) => l.key === lower || l.nameZh === raw || l.nameEn.toLowerCase() === lower)
  }
  const levelList = levels.map((l) => `${l.key} (${l.nameZh})`).join(", ")
  const levelListZh = levels.map((l) => `${l.nameZh}（${l.key}）`).join("、")

  const countyRow = decoded.nodes.find((n) => n.path.segments.length === 1)
  let countyRef: NodeRef | undefined = refOf(countyCode)
  if (countyRow !== undefined) {
    if (countyRow.level !== undefined && levelIndex(countyRow.level) !== 0) {
      issues.add("nodes.csv", countyRow.row, "level", `the county's level must be ${levels[0]!.key}`, `区县的层级必须是 ${levels[0]!.nameZh}`)
    }
    if (countyRef === undefined) {
      countyRef = { key: countyCode, code: countyCode, depth: 0, level: levels[0]!.key, parent: undefined, existing: undefined, row: countyRow, node: undefined, scope: undefined, allowed: undefined }
      refs.set(countyCode, countyRef)
    } else {
      refs.set(countyCode, (countyRef = { ...countyRef, row: countyRow }))
    }
  } else if (countyRef === undefined && !badNodeKeys.has(countyCode)) {
    const first = decoded.countyRow!
    issues.add(first.file, first.row, first.file === "nodes.csv" ? "path" : first.file === "households.csv" ? "unit_path" : "node_path",
      `county ${countyCode} does not exist: add a row with the path ${countyCode} and the county's name to nodes.csv`,
      `区县 ${countyCode} 不存在：请在 nodes.csv 中增加一行，路径为 ${countyCode}，并填写区县名称`)
  }
  // Without the county no reference can be checked: report what was found so far.
  if (countyRef === undefined) return Result.fail(rejected(issues))

  const nodeRows = decoded.nodes.filter((n) => n.path.segments.length > 1).sort((a, b) => a.path.segments.length - b.path.segments.length)
  for (const r of nodeRows) {
    const key = r.path.key
    const parentKey = key.slice(0, key.lastIndexOf("/"))
    const parent = refOf(parentKey)
    if (parent === undefined) {
      badNodeKeys.add(key)
      if (!badNodeKeys.has(parentKey)) {
        issues.add("nodes.csv", r.row, "path", `the parent ${parentKey} is neither in nodes.csv nor stored`, `上级 ${parentKey} 既不在 nodes.csv 中，也不在库中`)
      }
      continue
    }
    const stored = existing.nodes.get(key)
    let depth: number
    if (r.level === undefined) {
      depth = stored?.depth ?? parent.depth + 1
      if (depth >= levels.length) {
        badNodeKeys.add(key)
        issues.add("nodes.csv", r.row, "path", `the parent ${parentKey} is at the smallest level (${parent.level}) and cannot have children`, `上级 ${parentKey} 已是最小层级（${parent.level}），不能再有下级`)
        continue
      }
    } else {
      depth = levelIndex(r.level)
      if (depth < 0) {
        const k = checkLevelKey(r.level)
        const why = k.ok ? "" : `${k.message}; `
        const whyZh = k.ok ? "" : `${k.messageZh}；`
        badNodeKeys.add(key)
        issues.add("nodes.csv", r.row, "level", `${why}must be one of this county's levels: ${levelList}`, `${whyZh}必须是本区县的层级之一：${levelListZh}`)
        continue
      }
      if (depth <= parent.depth) {
        badNodeKeys.add(key)
        issues.add("nodes.csv", r.row, "level", `must be deeper than the parent's level ${parent.level}`, `必须比上级节点的层级（${parent.level}）更低`)
        continue
      }
      if (stored !== undefined && stored.depth !== depth) {
        badNodeKeys.add(key)
        issues.add("nodes.csv", r.row, "level", `the stored node is at level ${stored.level}: an import cannot change a node's level`, `库中该节点的层级为 ${stored.level}：导入不能修改节点层级`)
        continue
      }
    }
    refs.set(key, {
      key,
      code: r.path.segments[r.path.segments.length - 1]!,
      depth,
      level: levels[depth]!.key,
      parent,
      existing: stored,
      row: r,
      node: stored,
      scope: stored === undefined ? undefined : pathOf(stored),
      allowed: undefined
    })
  }

  /** The node a row of another file names, or undefined with an issue. */
  const target = (file: ImportFile, row: number, column: string, p: PathRef): NodeRef | undefined => {
    const ref = refOf(p.key)
    if (ref === undefined && !badNodeKeys.has(p.key)) {
      issues.add(file, row, column, `${p.key} is neither in nodes.csv nor stored`, `${p.key} 既不在 nodes.csv 中，也不在库中`)
    }
    return ref
  }

  // Permissions: grid.import on every node named (a new node: on its nearest stored ancestor).
  let denied: { readonly file: ImportFile; readonly row: number; readonly key: string } | undefined
  let deniedCount = 0
  const allowed = (ref: NodeRef): boolean => {
    if (ref.allowed !== undefined) return ref.allowed
    const result = ref.existing !== undefined
      ? can("grid.import", pathOf(ref.existing))
      : ref.parent === undefined
      ? can("county.create", []) && can("grid.import", [])
      : allowed(ref.parent)
    ref.allowed = result
    return result
  }
  const authorise = (file: ImportFile, row: number, ref: NodeRef) => {
    if (allowed(ref)) return
    deniedCount++
    denied ??= { file, row, key: ref.key }
  }
  if (countyRef.row !== undefined) authorise("nodes.csv", countyRef.row.row, countyRef)
  for (const r of nodeRows) {
    const ref = refs.get(r.path.key)
    if (ref !== undefined) authorise("nodes.csv", r.row, ref)
  }

  // Households: their unit must be at the smallest level.
  const householdUnits: Array<NodeRef> = new Array(decoded.households.length)
  const smallest = levels[unitDepth]!
  for (let i = 0; i < decoded.households.length; i++) {
    const h = decoded.households[i]!
    const unit = target("households.csv", h.row, "unit_path", h.unit)
    if (unit === undefined) continue
    if (unit.depth !== unitDepth) {
      issues.add("households.csv", h.row, "unit_path",
        `${h.unit.key} is a ${unit.level}: households belong to the smallest level (${smallest.key})`,
        `${h.unit.key} 的层级是 ${unit.level}：住户只能挂在最小层级（${smallest.nameZh}）上`)
      continue
    }
    authorise("households.csv", h.row, unit)
    householdUnits[i] = unit
  }

  // People: their node; moving a stored person touches the node they are registered at now, too.
  const personNodes: Array<NodeRef> = new Array(decoded.people.length)
  for (let i = 0; i < decoded.people.length; i++) {
    const p = decoded.people[i]!
    const node = target("people.csv", p.row, "node_path", p.node)
    if (node === undefined) continue
    authorise("people.csv", p.row, node)
    personNodes[i] = node
  }
  const filePeople = new Set<string>()
  for (const p of decoded.people) {
    filePeople.add(p.code)
    const stored = existing.people.get(p.code)
    const from = stored === undefined ? undefined : existing.nodesById.get(stored.nodeId)
    if (from !== undefined && !can("grid.import", pathOf(from))) {
      deniedCount++
      denied ??= { file: "people.csv", row: p.row, key: from.name }
    }
  }

  // Assignments: the person is in people.csv or stored; the node exists.
  const assignmentNodes: Array<NodeRef> = new Array(decoded.assignments.length)
  for (let i = 0; i < decoded.assignments.length; i++) {
    const a = decoded.assignments[i]!
    if (!filePeople.has(a.personCode) && !existing.people.has(a.personCode)) {
      issues.add("assignments.csv", a.row, "person_code", `person ${a.personCode} is neither in people.csv nor stored`, `人员 ${a.personCode} 既不在 people.csv 中，也不在库中`)
    }
    const node = target("assignments.csv", a.row, "node_path", a.node)
    if (node === undefined) continue
    authorise("assignments.csv", a.row, node)
    assignmentNodes[i] = node
  }

  if (denied !== undefined) {
    const more = deniedCount > 1 ? ` and ${deniedCount - 1} more row(s)` : ""
    const moreZh = deniedCount > 1 ? `等 ${deniedCount} 行` : ""
    const base = forbidden(countyRef.existing === undefined && denied.key === countyCode ? "county.create" : "grid.import", denied.key)
    return Result.fail(new Forbidden({
      action: base.action,
      message: `${base.message} (${denied.file} row ${denied.row}${more})`,
      messageZh: `${base.messageZh}（${denied.file} 第 ${denied.row} 行${moreZh}）`
    }))
  }
  if (issues.total > 0) return Result.fail(rejected(issues))

  // Nodes: the county first, then parents before children.
  const nodeCounts = zero()
  const newNodes: Array<NodeRef> = []
  const updatedNodes: Array<{ readonly before: GridNode; readonly after: GridNode }> = []
  for (const ref of [countyRef, ...nodeRows.map((r) => refs.get(r.path.key)).filter((r): r is NodeRef => r !== undefined)]) {
    if (ref.existing === undefined) {
      newNodes.push(ref)
      continue
    }
    const r = ref.row
    if (r === undefined) continue
    const e = ref.existing
    const party = r.party === undefined ? e.partyOrganisation : r.party
    if (r.name === e.name && party === e.partyOrganisation) {
      nodeCounts.unchanged++
      continue
    }
    const after: GridNode = { ...e, name: r.name, partyOrganisation: party, version: e.version + 1, updatedAt: at }
    ref.node = after
    updatedNodes.push({ before: e, after })
  }
  nodeCounts.created = newNodes.length
  nodeCounts.updated = updatedNodes.length

  // Households: matched by unit and door number.
  const householdCounts = zero()
  let residents = 0
  const householdChanges: Array<HouseholdChange> = new Array(decoded.households.length)
  for (let i = 0; i < decoded.households.length; i++) {
    const group = decoded.households[i]!
    const unit = householdUnits[i]!.existing
    const stored = unit === undefined || existing.households.size === 0 ? undefined : existing.households.get(householdKey(unit.id, group.door))
    const change = stored === undefined ? "new" : householdChange(stored, group.residents)
    householdChanges[i] = change
    if (change === "same") householdCounts.unchanged++
    else if (change === "new") {
      householdCounts.created++
      residents += group.residents.length
    } else {
      householdCounts.updated++
      residents += change.residents.length
    }
  }

  // People: matched by code.
  const peopleCounts = zero()
  const personChanges: Array<PersonChange> = new Array(decoded.people.length)
  for (let i = 0; i < decoded.people.length; i++) {
    const row = decoded.people[i]!
    const node = personNodes[i]!
    const stored = existing.people.get(row.code)
    if (stored === undefined) {
      personChanges[i] = "new"
      peopleCounts.created++
      continue
    }
    const phone = row.phone === undefined ? stored.phone : row.phone
    if (stored.name === row.name && stored.phone === phone && node.existing !== undefined && stored.nodeId === node.existing.id) {
      personChanges[i] = "same"
      peopleCounts.unchanged++
      continue
    }
    personChanges[i] = { stored, name: row.name, phone }
    peopleCounts.updated++
  }

  // Assignments: matched by person, node, role and start date.
  const assignmentCounts = zero()
  const assignmentChanges: Array<AssignmentChange> = new Array(decoded.assignments.length)
  for (let i = 0; i < decoded.assignments.length; i++) {
    const row = decoded.assignments[i]!
    const person = existing.people.get(row.personCode)
    const node = assignmentNodes[i]!.existing
    const stored = person === undefined || node === undefined ? undefined : existing.assignments.get(assignmentKey(person.id, node.id, row.role, row.startDate))
    if (stored === undefined) {
      assignmentChanges[i] = "new"
      assignmentCounts.created++
      continue
    }
    const endDate = row.endDate === undefined ? stored.endDate : row.endDate
    if (endDate === stored.endDate) {
      assignmentChanges[i] = "same"
      assignmentCounts.unchanged++
      continue
    }
    assignmentChanges[i] = { ...stored, endDate, version: stored.version + 1, updatedAt: at }
    assignmentCounts.updated++
  }

  return Result.succeed({
    countyCode,
    levels,
    county: countyRef,
    countyCreated: countyRef.existing === undefined,
    newNodes,
    updatedNodes,
    households: { units: householdUnits, changes: householdChanges },
    people: { nodes: personNodes, changes: personChanges },
    assignments: { nodes: assignmentNodes, changes: assignmentChanges },
    storedPeople: existing.people,
    counts: { nodes: nodeCounts, households: householdCounts, residents, people: peopleCounts, assignments: assignmentCounts }
  })
}
