/**
 * Migration `0010_mediation_people`: mediation cases and configurations written before
 * 0.4.0 take the shape of 0.4.0, in place.
 *
 * - Staff were `{ id, name }` with free ids; they are people of the county now. An id that
 *   is a person of the case's county stays (as the `PersonId`); any other is dropped (it
 *   could not sign in any more): a mediator leaves the list, a supervisor becomes the
 *   system, a department's member of staff leaves the registry.
 * - Parties were typed in: each becomes an external party with what was typed.
 * - Who acted on a case is kept from now on (`actedBy`); for earlier cases it starts with
 *   the reporter when they are a person of the county.
 * - Round participants were free text: a known body (党组织, 物业, 业委会, 议事会, 社区,
 *   当事人, 调解, 部门) becomes its role; anything else a participant of role `other` with
 *   that name.
 * - A case disclosed before gets its publication: its free text masked with every digit
 *   run of 7 digits or more and the names of every person and resident of its county, its
 *   parties, its former staff and its participants, so the public board keeps showing it
 *   without personal data.
 *
 * The shapes written here are those of 0.4.0 and stay so: later versions migrate from them.
 */
import { redactorFor } from "@mulin/core"
import type BetterSqlite3 from "better-sqlite3"

type Json = Record<string, unknown>
interface OldStaff {
  readonly id: string
  readonly name: string
}

const ROLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/当事人/u, "party"],
  [/党/u, "party_organisation"],
  [/物业/u, "property_company"],
  [/业委会|业主委员会/u, "owners_committee"],
  [/议事会/u, "residents_council"],
  [/调解/u, "mediator"],
  [/部门|局$|委员会$/u, "department"],
  [/社区|居委会/u, "community"]
]

const participantOf = (text: string): { role: string; name: string | null } => {
  for (const [pattern, role] of ROLES) if (pattern.test(text)) return { role, name: null }
  return { role: "other", name: Array.from(text).slice(0, 40).join("").trim() }
}

const isStaff = (x: unknown): x is OldStaff =>
  typeof x === "object" && x !== null && typeof (x as OldStaff).id === "string" && typeof (x as OldStaff).name === "string"

/** Runs the migration on an open database, inside the migration's transaction. */
export const migrateMediationPeople = (db: BetterSqlite3.Database): void => {
  const peopleOf = new Map<string, Map<string, string>>()
  const people = (countyId: string): Map<string, string> => {
    let found = peopleOf.get(countyId)
    if (found === undefined) {
      found = new Map((db.prepare("SELECT id, name FROM people WHERE county_id = ?").all(countyId) as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]))
      peopleOf.set(countyId, found)
    }
    return found
  }
  const residentsOf = (countyId: string): Array<string> =>
    (db.prepare("SELECT residents FROM households WHERE county_id = ?").all(countyId) as Array<{ residents: string }>)
      .flatMap((r) => (JSON.parse(r.residents) as Array<{ name: string }>).map((x) => x.name))
  const person = (countyId: string, staff: unknown): string | null => {
    const id = isStaff(staff) ? staff.id : typeof staff === "string" ? staff : null
    return id !== null && people(countyId).has(id) ? id : null
  }

  const configs = new Map<string, Json>()
  for (const row of db.prepare("SELECT county_id, config FROM mediation_configs").all() as Array<{ county_id: string; config: string }>) {
    const config = JSON.parse(row.config) as Json
    const supervisors = (config["streetSupervisors"] as Array<{ streetId: string; supervisor: unknown }> | undefined) ?? []
    config["streetSupervisors"] = supervisors.flatMap((s) => {
      const id = person(row.county_id, s.supervisor)
      return id === null ? [] : [{ streetId: s.streetId, supervisor: id }]
    })
    config["departments"] = ((config["departments"] as Array<Json> | undefined) ?? []).map((d) => ({
      ...d,
      staff: [...new Set(((d["staff"] as Array<unknown> | undefined) ?? []).flatMap((s) => person(row.county_id, s) ?? []))],
      supervisor: person(row.county_id, d["supervisor"])
    }))
    configs.set(row.county_id, config)
    db.prepare("UPDATE mediation_configs SET config = ? WHERE county_id = ?").run(JSON.stringify(config), row.county_id)
  }

  const namesOfCounty = new Map<string, Array<string>>()
  const update = db.prepare("UPDATE mediation_cases SET doc = ? WHERE id = ?")
  for (const row of db.prepare("SELECT id, county_id, doc FROM mediation_cases").all() as Array<{ id: string; county_id: string; doc: string }>) {
    const c = JSON.parse(row.doc) as Json
    if (Array.isArray(c["parties"]) && (c["parties"] as Array<Json>).every((p) => p["kind"] !== undefined) && "publication" in c && "actedBy" in c) continue
    const county = row.county_id
    const formerStaff: Array<string> = []
    const staffId = (s: unknown): string | null => {
      if (isStaff(s)) formerStaff.push(s.name)
      return person(county, s)
    }
    const parties = ((c["parties"] as Array<Json> | undefined) ?? []).map((p) => (p["kind"] === undefined ? { kind: "external", ...p } : p))
    const mediators = ((c["mediators"] as Array<unknown> | undefined) ?? []).flatMap((m) => staffId(m) ?? [])
    const supervisor = staffId(c["supervisor"])
    const escalations = ((c["escalations"] as Array<Json> | undefined) ?? []).map((e) => ({ ...e, supervisor: staffId(e["supervisor"]) }))
    const typed: Array<string> = []
    const rounds = ((c["rounds"] as Array<Json> | undefined) ?? []).map((r): Json => ({
      ...r,
      participants: ((r["participants"] as Array<unknown> | undefined) ?? []).map((p) => {
        if (typeof p !== "string") return p
        typed.push(p)
        return participantOf(p)
      })
    }))
    const reporter = (c["reportedBy"] as { id?: unknown } | undefined)?.id
    const actedBy = typeof reporter === "string" && people(county).has(reporter) ? [reporter] : []
    const next: Json = { ...c, parties, mediators, supervisor, escalations, rounds, actedBy, publication: null }
    if (c["disclosedAt"] !== null && c["disclosedAt"] !== undefined) {
      let around = namesOfCounty.get(county)
      if (around === undefined) namesOfCounty.set(county, (around = [...people(county).values(), ...residentsOf(county)]))
      const partyNames = parties.flatMap((p) => [p["name"], p["houseNumber"]].filter((x): x is string => typeof x === "string"))
      const redact = redactorFor([...around, ...partyNames, ...formerStaff, ...typed])
      const categories = ((configs.get(county)?.["categories"] as Array<{ key: string; nameZh: string; nameEn: string }> | undefined) ?? [])
      const category = categories.find((k) => k.key === c["category"])
      const statements = (c["statements"] as Array<{ text: string; publishable: boolean }> | undefined) ?? []
      const agreement = c["agreement"] as { terms: string } | null
      const resolution = c["resolution"] as { outcome: string } | null
      next["publication"] = {
        category: { key: c["category"], nameZh: category?.nameZh ?? c["category"], nameEn: category?.nameEn ?? c["category"] },
        place: redact(String(c["placeName"])),
        topic: redact(String(c["title"])),
        statements: statements.filter((s) => s.publishable).map((s) => redact(s.text)),
        outcomes: rounds.map((r) => redact(String(r["outcome"]))),
        agreement: agreement === null ? null : redact(agreement.terms),
        outcome: resolution === null ? null : redact(resolution.outcome)
      }
    }
    update.run(JSON.stringify(next), row.id)
  }
}
