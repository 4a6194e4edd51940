/**
 * Pure mediation policy besides the state machine: the seed configuration, deadlines and
 * what is overdue, the masking of a case into its public disclosure, the event payloads
 * the log may carry, and the statistics.
 *
 * @since 0.2.0
 */
import { conflict, type Conflict } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskHouseNumber, maskIdCard, maskName, maskPhone } from "../kernel/masking.js"
import type { Instant } from "../kernel/time.js"
import { type CaseEvent, statusOf } from "./machine.js"
import {
  type CaseState,
  CaseStateLabels,
  type Category,
  type DeadlineKind,
  type Deadlines,
  type HandlingLevel,
  HandlingLevel as HandlingLevelSchema,
  type MediationCase,
  type MediationConfig,
  type Rating,
  RoundLabels
} from "./model.js"
import { levelBit, type StatsFacts, type StatsGroup } from "./store.js"
import type { CaseSummary, Disclosure, MediationStatistics, OverdueCase } from "./views.js"

// ---------------------------------------------------------------------------
// Configuration

/**
 * The categories every county starts from.
 *
 * @category constructors
 * @since 0.2.0
 */
export const defaultCategories: ReadonlyArray<Category> = [
  { key: "noise", nameZh: "噪音扰民", nameEn: "noise" },
  { key: "water_leak", nameZh: "漏水渗水", nameEn: "water leaks" },
  { key: "parking", nameZh: "停车纠纷", nameEn: "parking" },
  { key: "property_fee", nameZh: "物业费", nameEn: "property fees" },
  { key: "pets", nameZh: "宠物饲养", nameEn: "pets" },
  { key: "boundary", nameZh: "占道与边界", nameEn: "boundaries and shared space" },
  { key: "family", nameZh: "家庭矛盾", nameEn: "family" },
  { key: "other", nameZh: "其他", nameEn: "other" }
]

/**
 * The seed deadlines: accept within 1 day, first hearing within 3 days, agreement within 15
 * days of acceptance; a failed mediation goes to the street within 1 day; the street has 10
 * days and a department 20.
 *
 * @category constructors
 * @since 0.2.0
 */
export const defaultDeadlines: Deadlines = {
  acceptHours: 24,
  firstHearingHours: 72,
  agreementHours: 15 * 24,
  escalationHours: 24,
  streetHours: 10 * 24,
  departmentHours: 20 * 24
}

/**
 * A county's configuration before it sets its own.
 *
 * @category constructors
 * @since 0.2.0
 */
export const defaultMediationConfig = (countyId: GridNodeId): MediationConfig => ({
  countyId,
  categories: defaultCategories,
  deadlines: defaultDeadlines,
  reopenWindowDays: 90,
  streetLevel: "street",
  streetSupervisors: [],
  departments: [],
  defaultDepartment: null,
  version: 0,
  updatedAt: null
})

// ---------------------------------------------------------------------------
// Deadlines

/**
 * The key of the deadline a case runs against now: a case is escalated at most once per key.
 *
 * @category rules
 * @since 0.2.0
 */
export const deadlineKey = (deadline: { readonly kind: DeadlineKind; readonly dueAt: Instant }): string => `${deadline.kind}@${deadline.dueAt}`

/**
 * The conflict a store answers when a case was already escalated for a deadline.
 *
 * @category constructors
 * @since 0.2.0
 */
export const alreadyEscalated = (id: string, key: string): Conflict =>
  conflict("already_escalated", `mediation case ${id} was already escalated for the deadline ${key}`, `调解案件 ${id} 已因期限 ${key} 督办过`)

/**
 * Where a case that missed `kind` while at `level` is escalated: the street for the
 * community's deadlines, a department for the street's; `null` for a department's.
 *
 * @category rules
 * @since 0.2.0
 */
export const escalationTarget = (level: HandlingLevel, _kind: DeadlineKind): "street" | "department" | null =>
  level === "community" ? "street" : level === "street" ? "department" : null

/**
 * The department a case of `category` goes to automatically, if any.
 *
 * @category rules
 * @since 0.2.0
 */
export const departmentFor = (config: MediationConfig, category: string): string | null =>
  config.departments.find((d) => d.categories.includes(category))?.code ?? config.defaultDepartment

/**
 * Whether a case is past its current deadline at `now`.
 *
 * @category predicates
 * @since 0.2.0
 */
export const isOverdue = (c: Pick<MediationCase, "deadline">, now: Instant): boolean => c.deadline !== null && c.deadline.dueAt < now

/**
 * An overdue row as the overdue list shows it.
 *
 * @category rules
 * @since 0.2.0
 */
export const overdueView = (
  row: { readonly id: OverdueCase["id"]; readonly countyId: GridNodeId; readonly nodeId: GridNodeId; readonly category: string; readonly state: CaseState; readonly level: HandlingLevel; readonly kind: DeadlineKind; readonly dueAt: Instant },
  now: Instant
): OverdueCase => ({
  id: row.id,
  countyId: row.countyId,
  nodeId: row.nodeId,
  category: row.category,
  state: row.state,
  level: row.level,
  deadline: row.kind,
  dueAt: row.dueAt,
  hoursOverdue: Math.round((Date.parse(now) - Date.parse(row.dueAt)) / 36_000) / 100,
  escalatesTo: escalationTarget(row.level, row.kind)
})

// ---------------------------------------------------------------------------
// Views and masking

/**
 * A case in a staff listing: the title with the case's personal data masked, nothing else
 * personal.
 *
 * @category rules
 * @since 0.2.0
 */
export const caseSummary = (c: MediationCase): CaseSummary => ({
  id: c.id,
  countyId: c.countyId,
  nodeId: c.nodeId,
  placeName: c.placeName,
  category: c.category,
  title: makeRedactor(c)(c.title),
  state: c.state,
  status: c.status,
  level: c.level,
  department: c.department?.code ?? null,
  dueAt: c.deadline?.dueAt ?? null,
  reportedAt: c.reportedAt,
  version: c.version
})

/**
 * Replaces, in free text, every personal value of the case (parties' names, phones, ID-card
 * numbers, house numbers; staff names) by its mask. Longer values are replaced first, so a
 * name inside another is not half-masked.
 *
 * @category masking
 * @since 0.2.0
 */
export const makeRedactor = (c: Pick<MediationCase, "parties" | "mediators" | "escalations" | "supervisor">): (text: string) => string => {
  const pairs: Array<readonly [string, string]> = []
  for (const p of c.parties) {
    pairs.push([p.name, maskName(p.name)])
    if (p.phone !== null) pairs.push([p.phone, maskPhone(p.phone)])
    if (p.idCardNumber !== null) pairs.push([p.idCardNumber, maskIdCard(p.idCardNumber)])
    if (p.houseNumber !== null) pairs.push([p.houseNumber, maskHouseNumber(p.houseNumber)])
  }
  for (const s of [...c.mediators, ...c.escalations.map((e) => e.supervisor), ...(c.supervisor === null ? [] : [c.supervisor])]) {
    if (Array.from(s.name).length >= 2) pairs.push([s.name, maskName(s.name)])
  }
  pairs.sort((a, b) => b[0].length - a[0].length)
  return (text) => pairs.reduce((t, [value, mask]) => (value.length === 0 ? t : t.split(value).join(mask)), text)
}

const stepLabels: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  reported: { en: "reported", zh: "群众反映" },
  accepted: { en: "accepted, mediators assigned", zh: "受理并指派调解员" },
  declined: { en: "declined", zh: "不予受理" },
  statement_recorded: { en: "a party was heard", zh: "一听：听取当事人陈述" },
  round_recorded: { en: "a round of deliberation", zh: "三议：协商议事" },
  agreement_recorded: { en: "agreement reached", zh: "达成调解协议" },
  no_agreement_recorded: { en: "mediation failed", zh: "调解未成" },
  escalated: { en: "escalated for supervision", zh: "上报督办" },
  resolved: { en: "resolved", zh: "办结" },
  disclosed: { en: "published", zh: "三公开" },
  rated: { en: "rated by the parties", zh: "满意度评价" },
  closed: { en: "closed", zh: "结案" },
  withdrawn: { en: "withdrawn", zh: "撤回" },
  reopened: { en: "reopened: agreement broken", zh: "协议未履行，重新调解" }
}

const ratingOrder: ReadonlyArray<Rating> = ["satisfied", "basically_satisfied", "unsatisfied"]

/**
 * The public disclosure (三公开) of a case: topic, process and result, with every personal
 * field masked and only publishable statements. `disclosedAt` is when it was published.
 *
 * @category masking
 * @since 0.2.0
 */
export const buildDisclosure = (c: MediationCase, config: Pick<MediationConfig, "categories">): Disclosure => {
  const redact = makeRedactor(c)
  const category = config.categories.find((k) => k.key === c.category)
  const partyName = (i: number) => {
    const p = c.parties[i]
    return p === undefined ? "" : maskName(p.name)
  }
  const counts = new Map<Rating, number>()
  for (const r of c.ratings) counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1)
  return {
    caseId: c.id,
    countyId: c.countyId,
    nodeId: c.nodeId,
    placeName: c.placeName,
    category: { key: c.category, nameZh: category?.nameZh ?? c.category, nameEn: category?.nameEn ?? c.category },
    topic: redact(c.title),
    parties: c.parties.map((p) => ({
      side: p.side,
      name: maskName(p.name),
      phone: p.phone === null ? null : maskPhone(p.phone),
      idCardNumber: p.idCardNumber === null ? null : maskIdCard(p.idCardNumber),
      houseNumber: p.houseNumber === null ? null : maskHouseNumber(p.houseNumber)
    })),
    mediators: c.mediators.map((m) => maskName(m.name)),
    process: c.history.map((h) => ({ step: h.step, label: stepLabels[h.step] ?? { en: h.step, zh: h.step }, at: h.at, level: h.level })),
    statements: c.statements.filter((s) => s.publishable).map((s) => ({ party: partyName(s.party), text: redact(s.text), at: s.at })),
    rounds: c.rounds.map((r) => ({ round: r.round, label: RoundLabels[r.round], participants: r.participants.map(redact), outcome: redact(r.outcome), at: r.at })),
    escalations: c.escalations.map((e) => ({ level: e.level, to: e.toName, deadline: e.deadline, supervisor: maskName(e.supervisor.name), at: e.at })),
    result: {
      state: c.state,
      label: CaseStateLabels[c.state],
      level: c.resolution?.level ?? c.level,
      agreement: c.agreement === null ? null : redact(c.agreement.terms),
      outcome: c.resolution === null ? null : redact(c.resolution.outcome),
      resolvedAt: c.resolvedAt
    },
    satisfaction: { ratings: c.ratings.length, byRating: ratingOrder.map((rating) => ({ rating, count: counts.get(rating) ?? 0 })) },
    disclosedAt: c.disclosedAt ?? c.updatedAt
  }
}

/**
 * What the event log may carry of an event: ids, states, levels, counts and times — never
 * a name, phone, ID-card number, house number or free text that could hold one.
 *
 * @category masking
 * @since 0.2.0
 */
export const logPayload = (event: CaseEvent): Record<string, unknown> => {
  switch (event.type) {
    case "reported":
      return { nodeId: event.initial.nodeId, category: event.initial.category, parties: event.initial.parties.length, attachments: event.initial.attachments.length, deadline: event.initial.deadline }
    case "accepted":
      return { mediators: event.mediators.map((m) => m.id), deadline: event.deadline }
    case "declined":
      return { referred: event.referredTo !== null }
    case "statement_recorded":
      return { party: event.statement.party, publishable: event.statement.publishable, deadline: event.deadline }
    case "round_recorded":
      return { round: event.round.round, participants: event.round.participants.length }
    case "agreement_recorded":
      return { consents: event.agreement.consents.length }
    case "no_agreement_recorded":
      return { deadline: event.deadline }
    case "escalated":
      return { level: event.escalation.level, to: event.escalation.to, deadline: event.escalation.deadline, supervisor: event.escalation.supervisor.id, missed: event.escalation.missed }
    case "resolved":
      return {}
    case "disclosed":
      return {}
    case "rated":
      return { ratings: event.ratings.map((r) => ({ party: r.party, rating: r.rating })) }
    case "closed":
      return {}
    case "withdrawn":
      return {}
    case "reopened":
      return { deadline: event.deadline }
  }
}

// ---------------------------------------------------------------------------
// Statistics

const maskOf = (levels: ReadonlyArray<HandlingLevel>): number => levels.reduce((m, l) => m | levelBit[l], 0)

const satisfiedRatings = (r: Rating) => r !== "unsatisfied"

/**
 * The statistics facts of some cases, grouped as a store returns them. The in-memory store
 * uses it; SQL stores compute the same groups with `GROUP BY`.
 *
 * @category rules
 * @since 0.2.0
 */
export const statsFactsOf = (cases: Iterable<MediationCase>): StatsFacts => {
  const groups = new Map<string, { -readonly [K in keyof StatsGroup]: StatsGroup[K] }>()
  const resolveHours: Array<number> = []
  for (const c of cases) {
    const reached = maskOf(c.reachedLevels)
    const missed = maskOf(c.missedLevels)
    const key = `${c.category}|${c.state}|${c.level}|${reached}|${missed}`
    let g = groups.get(key)
    if (g === undefined) {
      g = { category: c.category, state: c.state, level: c.level, reached, missed, cases: 0, responded: 0, ratings: 0, satisfied: 0 }
      groups.set(key, g)
    }
    g.cases++
    if (c.respondedAt !== null) g.responded++
    g.ratings += c.ratings.length
    g.satisfied += c.ratings.filter((r) => satisfiedRatings(r.rating)).length
    if (c.resolvedAt !== null) resolveHours.push(hoursBetween(c.reportedAt, c.resolvedAt))
  }
  return { groups: [...groups.values()], resolveHours }
}

/**
 * Hours between two instants, to the minute.
 *
 * @category rules
 * @since 0.2.0
 */
export const hoursBetween = (from: Instant, to: Instant): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000) / 60

const percent = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count / of) * 10000) / 100)
const rate = (count: number, of: number) => ({ count, of, percent: percent(count, of) })

/** The states a resolved case can be in. */
const resolvedStates: ReadonlySet<CaseState> = new Set(["resolved", "disclosed", "rated", "closed"])

/**
 * The statistics of a subtree and period from its facts.
 *
 * @category rules
 * @since 0.2.0
 */
export const computeStatistics = (input: {
  readonly rootId: GridNodeId
  readonly from: Instant | null
  readonly to: Instant | null
  readonly facts: StatsFacts
  readonly categories: ReadonlyArray<Category>
}): MediationStatistics => {
  const byCategory = new Map<string, number>()
  const byState = new Map<CaseState, number>()
  const byLevel = new Map<HandlingLevel, number>()
  let cases = 0
  let open = 0
  let responded = 0
  let declined = 0
  let resolved = 0
  let ratings = 0
  let satisfied = 0
  const reached = { community: 0, street: 0, department: 0 }
  const onTime = { community: 0, street: 0, department: 0 }
  for (const g of input.facts.groups) {
    cases += g.cases
    if (statusOf(g.state) === "open") open += g.cases
    byCategory.set(g.category, (byCategory.get(g.category) ?? 0) + g.cases)
    byState.set(g.state, (byState.get(g.state) ?? 0) + g.cases)
    byLevel.set(g.level, (byLevel.get(g.level) ?? 0) + g.cases)
    responded += g.responded
    if (g.state === "declined") declined += g.cases
    if (resolvedStates.has(g.state)) resolved += g.cases
    ratings += g.ratings
    satisfied += g.satisfied
    for (const level of HandlingLevelSchema.literals) {
      if ((g.reached & levelBit[level]) === 0) continue
      reached[level] += g.cases
      if ((g.missed & levelBit[level]) === 0) onTime[level] += g.cases
    }
  }
  const hours = Float64Array.from(input.facts.resolveHours).sort()
  const mid = hours.length >> 1
  const median = hours.length === 0 ? null : hours.length % 2 === 1 ? hours[mid]! : Math.round(((hours[mid - 1]! + hours[mid]!) / 2) * 100) / 100
  const labelled = [...byCategory].map(([category, count]) => {
    const c = input.categories.find((k) => k.key === category)
    return { category, nameZh: c?.nameZh ?? category, nameEn: c?.nameEn ?? category, count }
  })
  const order = (key: string) => {
    const i = input.categories.findIndex((k) => k.key === key)
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  return {
    rootId: input.rootId,
    from: input.from,
    to: input.to,
    cases,
    open,
    byCategory: labelled.sort((a, b) => order(a.category) - order(b.category) || (a.category < b.category ? -1 : 1)),
    byState: (Object.keys(CaseStateLabels) as Array<CaseState>).filter((s) => byState.has(s)).map((state) => ({ state, count: byState.get(state)! })),
    byLevel: HandlingLevelSchema.literals.filter((l) => byLevel.has(l)).map((level) => ({ level, count: byLevel.get(level)! })),
    responseRate: rate(responded, cases),
    resolutionRate: rate(resolved, responded - declined),
    satisfactionRate: rate(satisfied, ratings),
    medianHoursToResolve: median,
    onTime: HandlingLevelSchema.literals.map((level) => ({ level, reached: reached[level], onTime: onTime[level], percent: percent(onTime[level], reached[level]) }))
  }
}
