/**
 * The places context's pure policy: the seed's kinds of places, "open now" in the county's
 * time zone, the feed projection of events, and the coverage of a subtree's communities.
 *
 * @since 0.5.0
 */
import { DateTime } from "effect"
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import { minutesOf, type OpeningRange, type PlaceEvent, type PlaceKind, type PlacesConfig, type PlacesConfigEvent, type ServicePlace } from "./model.js"
import type { CommunityCoverage, KindCoverage, PlaceCoverage, PublicPlace } from "./views.js"

/**
 * The kinds of places the seed names, every county's default.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultPlaceKinds: ReadonlyArray<PlaceKind> = [
  { code: "party_service_centre", labelZh: "党群服务中心", labelEn: "Party and public service centre" },
  { code: "neighbourhood_centre", labelZh: "邻里中心", labelEn: "Neighbourhood centre" },
  { code: "yanxinyuan_point", labelZh: "兖新苑服务点", labelEn: "Yanxinyuan service point" },
  { code: "red_sail_station", labelZh: "红帆驿站", labelEn: "Red Sail station" },
  { code: "talk_point", labelZh: "街坊说事点", labelEn: "Neighbours' talk point" },
  { code: "council_hall", labelZh: "居民议事厅", labelEn: "Residents' council hall" },
  { code: "mediation_room", labelZh: "矛盾调解室", labelEn: "Mediation room" }
]

/**
 * A county's configuration before it saved one: the seed's kinds, version 0.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultPlacesConfig = (countyId: GridNodeId): PlacesConfig => ({ countyId, kinds: defaultPlaceKinds, version: 0, updatedAt: null })

/**
 * The ISO weekday (1 Monday … 7 Sunday) and minute of the day of an instant in a time zone.
 *
 * @category rules
 * @since 0.5.0
 */
export const localClock = (at: Instant | number, zone: string): { readonly day: number; readonly minute: number } => {
  const ms = typeof at === "number" ? at : Date.parse(at)
  const parts = DateTime.toParts(DateTime.makeZonedUnsafe(ms, { timeZone: DateTime.zoneMakeNamedUnsafe(zone) }))
  return { day: parts.weekDay === 0 ? 7 : parts.weekDay, minute: parts.hour * 60 + parts.minute }
}

/**
 * Whether a place with these hours is open at an instant, read in the county's time zone:
 * its status is `open` and one of its ranges holds the local time (`from` included, `to`
 * excluded).
 *
 * @category rules
 * @since 0.5.0
 */
export const isOpenAt = (place: { readonly status: ServicePlace["status"]; readonly hours: ReadonlyArray<OpeningRange> }, at: Instant | number, zone: string): boolean => {
  if (place.status !== "open" || place.hours.length === 0) return false
  const { day, minute } = localClock(at, zone)
  return place.hours.some((r) => r.day === day && minutesOf(r.from) <= minute && minute < minutesOf(r.to))
}

/**
 * A place as anyone may see it: no contact, no reason for a closure.
 *
 * @category rules
 * @since 0.5.0
 */
export const publicPlace = (place: ServicePlace, at: Instant | number, zone: string): PublicPlace => ({
  id: place.id,
  nodeId: place.nodeId,
  kind: place.kind,
  name: place.name,
  address: place.address,
  hours: place.hours,
  services: place.services,
  capacity: place.capacity,
  status: place.status,
  openNow: isOpenAt(place, at, zone)
})

/**
 * How a place event reads in the log: its scope is the place's node path, its payload
 * carries neither the contact nor free text.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordPlaceEvent = (event: PlaceEvent, after: ServicePlace): Recorded => {
  const scope = after.scope
  switch (event.type) {
    case "registered":
      return { type: "places.place.registered", scope, payload: { kind: after.kind, nodeId: after.nodeId } }
    case "updated":
      return { type: "places.place.updated", scope, payload: { changed: Object.keys(event.changes).sort() } }
    case "closed":
      return { type: "places.place.closed", scope, payload: {} }
    case "reopened":
      return { type: "places.place.reopened", scope, payload: {} }
    case "archived":
      return { type: "places.place.archived", scope, payload: {} }
  }
}

/**
 * How a configuration change reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordPlacesConfigEvent = (event: PlacesConfigEvent, after: PlacesConfig): Recorded => ({
  type: "places.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

/**
 * The coverage of a subtree's communities: per community, how many live places of each
 * kind lie at it or below it, and which kinds it lacks; per kind, how many places and how
 * many communities have one. A place counts for a community when the community is on its
 * path.
 *
 * @category rules
 * @since 0.5.0
 */
export const coverageOf = (
  rootId: GridNodeId,
  kinds: ReadonlyArray<PlaceKind>,
  communities: ReadonlyArray<{ readonly id: GridNodeId; readonly name: string }>,
  places: ReadonlyArray<Pick<ServicePlace, "kind" | "scope" | "status">>
): PlaceCoverage => {
  const index = new Map(communities.map((c, i) => [c.id, i]))
  const counts = communities.map(() => new Map<string, number>())
  const total = new Map<string, number>()
  for (const p of places) {
    if (p.status === "archived") continue
    total.set(p.kind, (total.get(p.kind) ?? 0) + 1)
    for (const node of p.scope) {
      const i = index.get(node)
      if (i !== undefined) counts[i]!.set(p.kind, (counts[i]!.get(p.kind) ?? 0) + 1)
    }
  }
  const rows: Array<CommunityCoverage> = communities.map((c, i) => ({
    nodeId: c.id,
    name: c.name,
    counts: Object.fromEntries(kinds.map((k) => [k.code, counts[i]!.get(k.code) ?? 0])),
    missing: kinds.filter((k) => (counts[i]!.get(k.code) ?? 0) === 0).map((k) => k.code)
  }))
  const byKind: Array<KindCoverage> = kinds.map((k) => ({
    code: k.code,
    labelZh: k.labelZh,
    labelEn: k.labelEn,
    places: total.get(k.code) ?? 0,
    communitiesWith: rows.filter((r) => (r.counts[k.code] ?? 0) > 0).length,
    communitiesWithout: rows.filter((r) => (r.counts[k.code] ?? 0) === 0).length
  }))
  return { rootId, communities: rows, kinds: byKind }
}
