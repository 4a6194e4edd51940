/**
 * Pure mediation policy besides the state machine: the seed configuration, deadlines and
 * what is overdue, the masking of a case's free text into its publication when it is
 * disclosed and the public disclosure built from it, the event payloads the log may carry,
 * and the statistics.
 *
 * @since 0.2.0
 */
import type { Recorded } from "../kernel/decider.js"
import { conflict, type Conflict } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { redactorFor, redactText } from "../kernel/redact.js"
import type { Instant } from "../kernel/time.js"
import type { Category, Labels } from "../kernel/vocabulary.js"
import { statusOf } from "./machine.js"
import {
  type CaseEvent,
  type CaseState,
  CaseStateLabels,
  type MediationConfigEvent,
  type DeadlineKind,
  type Deadlines,
  type HandlingLevel,
  HandlingLevel as HandlingLevelSchema,
  type MediationCase,
  type MediationConfig,
  RoundRole as RoundRoleSchema,
  type RoundRole as RoundRoleType,
  RoundRoleLabels,
  PartySideLabels,
  type Publication,
  type Rating,
  type RoundParticipant,
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

/** The names a case itself holds: external parties' names and house numbers, round participants' names. */
const namesOnCase = (c: Pick<MediationCase, "parties" | "rounds">): Array<string> => {
  const names: Array<string> = []
  for (const p of c.parties) {
    if (p.kind !== "external") continue
    names.push(p.name)
    if (p.houseNumber !== null) names.push(p.houseNumber)
  }
  for (const r of c.rounds) for (const p of r.participants) if (p.name !== null) names.push(p.name)
  return names
}

/**
 * A case in a staff listing: its topic masked with what the case itself holds (external
 * parties' names, participants' names, every digit run of 7 digits or more); nothing
 * else personal.
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
  title: redactText(c.title, namesOnCase(c)),
  state: c.state,
  status: c.status,
  level: c.level,
  department: c.department?.code ?? null,
  dueAt: c.deadline?.dueAt ?? null,
  reportedAt: c.reportedAt,
  version: c.version
})

/**
 * The redactor of a case's public text: the given names (the people involved, the
 * residents and people around the place) and the names the case holds, and every digit
 * run of 7 digits or more in any spelling.
 *
 * @category masking
 * @since 0.2.0
 */
export const makeRedactor = (c: Pick<MediationCase, "parties" | "rounds">, names: Iterable<string> = []): (text: string) => string =>
  redactorFor([...names, ...namesOnCase(c)])

const countByRole = (participants: ReadonlyArray<RoundParticipant>): Array<{ readonly role: RoundRoleType; readonly count: number }> => {
  const counts = new Map<RoundRoleType, number>()
  for (const p of participants) counts.set(p.role, (counts.get(p.role) ?? 0) + 1)
  return RoundRoleSchema.literals.filter((r) => counts.has(r)).map((role) => ({ role, count: counts.get(role)! }))
}

/**
 * What a disclosure publishes of a case's free text, masked once, when the case is
 * disclosed: the topic, the publishable statements (attributed by side), each round's
 * outcome (participants counted by role), the agreement's terms and the outcome.
 *
 * @category masking
 * @since 0.4.0
 */
export const publicationOf = (c: MediationCase, config: Pick<MediationConfig, "categories">, names: Iterable<string>): Publication => {
  const redact = makeRedactor(c, names)
  const category = config.categories.find((k) => k.key === c.category)
  return {
    category: { key: c.category, nameZh: category?.nameZh ?? c.category, nameEn: category?.nameEn ?? c.category },
    place: redact(c.placeName),
    topic: redact(c.title),
    statements: c.statements.filter((s) => s.publishable).map((s) => redact(s.text)),
    outcomes: c.rounds.map((r) => redact(r.outcome)),
    agreement: c.agreement === null ? null : redact(c.agreement.terms),
    outcome: c.resolution === null ? null : redact(c.resolution.outcome)
  }
}

const stepLabels: Labels<string> = {
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
 * The public disclosure (三公开) of a disclosed case, or `undefined` when it is not
 * disclosed. Its text is the {@link Publication} masked when it was disclosed; the rest is
 * structure without personal data: parties by side, mediators counted, the process as
 * steps and dates, escalations by street or department, the result and the ratings counted.
 *
 * @category masking
 * @since 0.2.0
 */
export const buildDisclosure = (c: MediationCase): Disclosure | undefined => {
  const p = c.publication
  if (p === null || c.disclosedAt === null) return undefined
  const counts = new Map<Rating, number>()
  for (const r of c.ratings) counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1)
  return {
    caseId: c.id,
    countyId: c.countyId,
    nodeId: c.nodeId,
    placeName: p.place,
    category: p.category,
    topic: p.topic,
    parties: c.parties.map((x) => ({ side: x.side, label: PartySideLabels[x.side] })),
    mediators: c.mediators.length,
    process: c.history.map((h) => ({ step: h.step, label: stepLabels[h.step] ?? { en: h.step, zh: h.step }, at: h.at, level: h.level })),
    statements: c.statements.filter((s) => s.publishable).flatMap((s, i) => {
      const side = c.parties[s.party]?.side ?? "other"
      const text = p.statements[i]
      return text === undefined ? [] : [{ side, label: PartySideLabels[side], text, at: s.at }]
    }),
    rounds: c.rounds.flatMap((r, i) => {
      const outcome = p.outcomes[i]
      if (outcome === undefined) return []
      const participants = countByRole(r.participants).map((x) => ({ role: x.role, label: RoundRoleLabels[x.role], count: x.count }))
      return [{ round: r.round, label: RoundLabels[r.round], participants, outcome, at: r.at }]
    }),
    escalations: c.escalations.map((e) => ({ level: e.level, to: e.toName, deadline: e.deadline, at: e.at })),
    result: {
      state: c.state,
      label: CaseStateLabels[c.state],
      level: c.resolution?.level ?? c.level,
      agreement: p.agreement,
      outcome: p.outcome,
      resolvedAt: c.resolvedAt
    },
    satisfaction: { ratings: c.ratings.length, byRating: ratingOrder.map((rating) => ({ rating, count: counts.get(rating) ?? 0 })) },
    disclosedAt: c.disclosedAt
  }
}

/**
 * What the event log carries of a case event (its feed payload, described by
 * `MediationFeedEvents`): ids of places, states, levels, counts and times — never a name,
 * a person's id, a phone, an ID-card or house number, or free text that could hold one.
 *
 * @category masking
 * @since 0.2.0
 */
export const logPayload = (event: CaseEvent): Record<string, unknown> => {
  switch (event.type) {
    case "reported":
      return { nodeId: event.initial.nodeId, category: event.initial.category, parties: event.initial.parties.length, attachments: event.initial.attachments.length, deadline: event.initial.deadline }
    case "accepted":
      return { mediators: event.mediators.length, deadline: event.deadline }
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
      return {
        level: event.escalation.level,
        to: event.escalation.to,
        deadline: event.escalation.deadline,
        supervisedBy: event.escalation.supervisor === null ? "system" : "person",
        missed: event.escalation.missed
      }
    case "resolved":
    case "disclosed":
    case "closed":
    case "withdrawn":
      return {}
    case "rated":
      return { ratings: event.ratings.map((r) => ({ party: r.party, rating: r.rating })) }
    case "reopened":
      return { deadline: event.deadline }
  }
}

/**
 * How a case event reads in the log: `mediation.case.<type>`, scoped to the case's place,
 * with its {@link logPayload}.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordCaseEvent = (event: CaseEvent, after: MediationCase): Recorded => ({
  type: `mediation.case.${event.type}`,
  scope: after.scope,
  payload: logPayload(event)
})

/**
 * How a configuration change reads in the log: `mediation.config.changed`, scoped to the
 * county, naming the parts that changed.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordMediationConfigEvent = (event: MediationConfigEvent, after: MediationConfig): Recorded => ({
  type: "mediation.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

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

const countByCategory = (facts: StatsFacts): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const g of facts.groups) counts.set(g.category, (counts.get(g.category) ?? 0) + g.cases)
  return counts
}

/** The change from `before` to `after` in percent, one decimal, signed (`+12.5%`); `null` when there was nothing before. */
const changeInPercent = (before: number, after: number): string | null => {
  if (before === 0) return null
  const change = Math.round(((after - before) / before) * 1000) / 10
  return `${change > 0 ? "+" : ""}${change.toFixed(1)}%`
}

/**
 * The statistics of a subtree and period from its facts, and, when the period is closed,
 * from the facts of the same period a year earlier (`lastYear`, in the county's calendar).
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
  readonly lastYear?: { readonly from: Instant; readonly to: Instant; readonly facts: StatsFacts } | null | undefined
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
  const before = input.lastYear === null || input.lastYear === undefined ? null : countByCategory(input.lastYear.facts)
  if (before !== null) for (const category of before.keys()) if (!byCategory.has(category)) byCategory.set(category, 0)
  const labelled = [...byCategory].map(([category, count]) => {
    const c = input.categories.find((k) => k.key === category)
    const lastYear = before === null ? null : before.get(category) ?? 0
    return { category, nameZh: c?.nameZh ?? category, nameEn: c?.nameEn ?? category, count, lastYear, change: lastYear === null ? null : changeInPercent(lastYear, count) }
  })
  const lastYearCases = before === null ? 0 : [...before.values()].reduce((a, b) => a + b, 0)
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
    lastYear: input.lastYear === null || input.lastYear === undefined
      ? null
      : { from: input.lastYear.from, to: input.lastYear.to, cases: lastYearCases, change: changeInPercent(lastYearCases, cases) },
    onTime: HandlingLevelSchema.literals.map((level) => ({ level, reached: reached[level], onTime: onTime[level], percent: percent(onTime[level], reached[level]) }))
  }
}
