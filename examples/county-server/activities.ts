/**
 * The demo county's activities: a lecture team (宣讲团) and a volunteer team (志愿服务队) in the
 * first community; a 睦邻节 happening now (the demo resident checked in by staff), a 夜校 at
 * the neighbourhood centre next week, a lecture at the council hall and a volunteer service
 * of the team, with the members' hours.
 */
import { Effect, Option } from "effect"
import { Activities, Grid, GridStore, type PersonId, Places, systemActor } from "@mulin/core"

const HOUR = 3_600_000

/** Plans the demo activities as the system, organised by the demo secretary. */
export const seedActivities = (countyCode: string) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const store = yield* GridStore
    const activities = yield* Activities
    const places = yield* Places
    const sys = systemActor("seed")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode))
    const person = (code: string) => Effect.map(store.findPersonByCode(county.id, code), (p) => Option.getOrThrow(p).id as PersonId)
    const community = yield* grid.findNode(sys, `${countyCode}/001/001`)
    const secretary = yield* person("DEMO-SECRETARY")
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()
    const placeOf = (kind: string) =>
      Effect.map(places.list(sys, community.id, { kind }), (page) => page.items[0]?.id)

    const lecturers = yield* activities.formTeam(sys, { nodeId: community.id, kind: "lecture", name: "第一社区百姓宣讲团", leaderId: yield* person("DEMO-MEMBER"), memberIds: [secretary], topics: ["民法典", "防范电信诈骗"] })
    const volunteers = yield* activities.formTeam(sys, { nodeId: community.id, kind: "volunteer", name: "红帆志愿服务队", leaderId: yield* person("DEMO-VOLUNTEER"), memberIds: [yield* person("DEMO-LEADER")] })

    const festival = yield* activities.plan(sys, { nodeId: community.id, kind: "neighbourhood_festival", title: "第一社区睦邻节", organiserId: secretary, startsAt: at(-0.5), endsAt: at(3), capacity: 200 })
    const resident = yield* person("DEMO-RESIDENT")
    yield* activities.execute(sys, festival.id, { _tag: "Register", personId: resident })
    yield* activities.execute(sys, festival.id, { _tag: "CheckIn", personId: resident })

    const centre = yield* placeOf("neighbourhood_centre")
    yield* activities.plan(sys, { nodeId: community.id, ...(centre === undefined ? {} : { placeId: centre }), kind: "night_school", title: "夜校：智能手机使用", organiserId: secretary, startsAt: at(7 * 24), endsAt: at(7 * 24 + 2), capacity: 30 })
    const hall = yield* placeOf("council_hall")
    yield* activities.plan(sys, { nodeId: community.id, ...(hall === undefined ? {} : { placeId: hall }), kind: "lecture", topic: "民法典与邻里生活", teamId: lecturers.id, title: "宣讲：民法典进社区", organiserId: secretary, startsAt: at(3 * 24), endsAt: at(3 * 24 + 1.5) })
    const service = yield* activities.plan(sys, { nodeId: community.id, kind: "volunteer_service", teamId: volunteers.id, title: "红帆驿站助老服务", organiserId: secretary, startsAt: at(-1), endsAt: at(1) })
    yield* activities.execute(sys, service.id, { _tag: "RecordHours", hours: volunteers.members.map((m) => ({ personId: m.personId, hours: 2 })) })
  })
