/**
 * A seeded generator of demo counties in the shape of Yanzhou district, Jining, Shandong
 * (兖州区): one district, about 12 streets and towns, 100 communities and villages, 350
 * grids with their party branches (红色网格党支部), buildings and units scaled to the
 * household count (about 22 households a building, 2 to 4 units a building), households
 * of 1 to 5 residents with plausible names, valid ID-card numbers and mobile numbers, and
 * the people who serve them: a secretary per community, a grid worker per grid, a building
 * leader per building and party members on duty (包保党员) on every grid.
 *
 * With `gaps: true` some buildings have no current leader and some grids have no party
 * member or no party organisation, so a coverage report has something to show. The same
 * options always give the same records.
 *
 * The records feed `GridImport` directly (no CSV text is built), or are written as the
 * four CSV files of `examples/county-import`. All names are invented.
 *
 * @since 0.1.0
 */
import { writeCsv } from "../grid/csv.js"
import { type AssignmentRecord, type HouseholdRecord, importColumns, type ImportFile, type NodeRecord, type PersonRecord } from "../grid/import.js"

/**
 * Options of {@link generateCounty}.
 *
 * @category models
 * @since 0.1.0
 */
export interface GenerateCountyOptions {
  /** How many households (住户). */
  readonly households: number
  /** Seed of the pseudo-random sequence. Default 1. */
  readonly seed?: number | undefined
  /** Leave some buildings without a leader and some grids without a party member or organisation. Default `false`. */
  readonly gaps?: boolean | undefined
}

/**
 * The import records of a generated county and what they hold.
 *
 * @category models
 * @since 0.1.0
 */
export interface GeneratedCounty {
  readonly code: string
  readonly name: string
  readonly nodes: ReadonlyArray<NodeRecord>
  /** One record per resident. */
  readonly households: ReadonlyArray<HouseholdRecord>
  readonly people: ReadonlyArray<PersonRecord>
  readonly assignments: ReadonlyArray<AssignmentRecord>
  readonly stats: {
    readonly streets: number
    readonly communities: number
    readonly grids: number
    readonly buildings: number
    readonly units: number
    readonly households: number
    readonly residents: number
    readonly people: number
    readonly assignments: number
    /** Buildings with no current building leader (some have one whose term ended). */
    readonly buildingsWithoutLeader: number
    readonly gridsWithoutPartyMember: number
    readonly gridsWithoutPartyOrganisation: number
  }
}

// ---------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast 32-bit generator; returns floats in [0, 1). */
const makeRandom = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Random = ReturnType<typeof makeRandom>

const pick = <A>(rand: Random, xs: ReadonlyArray<A>): A => xs[Math.floor(rand() * xs.length)]!
/** Picks with a bias towards the front of the list (common surnames first). */
const pickSkewed = <A>(rand: Random, xs: ReadonlyArray<A>): A => {
  const r = rand()
  return xs[Math.floor(r * r * xs.length)]!
}
const between = (rand: Random, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1))

/** Splits `total` into `parts` positive counts of uneven size (largest remainder). */
const split = (rand: Random, total: number, parts: number, spread = 0.6): Array<number> => {
  const counts = new Array<number>(parts).fill(1)
  const rest = total - parts
  if (rest <= 0) return counts
  const weights = Array.from({ length: parts }, () => 1 - spread / 2 + rand() * spread)
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * rest)
  let given = 0
  for (let i = 0; i < parts; i++) {
    const f = Math.floor(exact[i]!)
    counts[i]! += f
    given += f
  }
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (let j = 0; j < rest - given; j++) counts[order[j % parts]![1]]!++
  return counts
}

// ---------------------------------------------------------------------------
// Names

const SURNAMES = Array.from("王李张刘陈杨孔赵黄周吴徐孙颜孟朱高林何郭马罗梁宋郑谢韩唐冯于董曹程袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝白崔康毛邱秦江史顾侯邵龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢岳齐")
const MALE = Array.from("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国峰亮成东海志文庆春永福德兴安祥振庆广玉传金光立新")
const FEMALE = Array.from("芳娜敏静丽艳娟霞秀玲桂英红燕梅琳婷雪倩颖欣佳慧莉萍琴云洁丹蕾晶月凤兰琪璐悦淑爱荣翠美彩")

const givenName = (rand: Random, male: boolean): string => {
  const pool = male ? MALE : FEMALE
  return rand() < 0.65 ? pick(rand, pool) + pick(rand, pool) : pick(rand, pool)
}
const personName = (rand: Random, male: boolean, surname = pickSkewed(rand, SURNAMES)): string => surname + givenName(rand, male)

const STREETS: ReadonlyArray<readonly [string, boolean]> = [
  ["鼓楼街道", true], ["酒仙桥街道", true], ["龙桥街道", true], ["兴隆庄街道", true], ["王因街道", true], ["新兖街道", true],
  ["大安镇", false], ["新驿镇", false], ["颜店镇", false], ["漕河镇", false], ["小孟镇", false], ["黄屯镇", false]
]
const URBAN = ["建设", "幸福", "和平", "文化", "九州", "龙城", "东关", "西关", "南关", "北关", "青莲", "金桥", "富民", "兴华", "明德", "惠民", "新华", "阳光", "古槐", "书院", "泗河", "少陵", "御桥", "天泰", "丰兴", "铁路", "花园", "滨河", "润园", "锦绣", "兴隆", "银河", "荣华", "安康", "永安", "康乐", "振兴", "光明", "红旗", "东方"]
const VILLAGE_PREFIX = ["前", "后", "东", "西", "南", "北", "大", "小", "", "", ""]
const VILLAGE_SUFFIX = ["庄", "家庄", "屯", "营", "楼", "店", "集", "寨", "桥", "洼"]
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"]
const numeral = (n: number): string => NUMERALS[n - 1] ?? String(n)

// ---------------------------------------------------------------------------
// ID cards and phones

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = "10X98765432"
/** Where residents were born: mostly Yanzhou, some from neighbouring counties. */
const REGIONS = ["370812", "370812", "370812", "370812", "370812", "370812", "370811", "370881", "370883", "370830", "370826", "370832", "370882", "371302"]
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** Weighted digit sum of a string of digits placed from position `from` of the ID number. */
const weighted = (digits: string, from: number): number => {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * ID_WEIGHTS[from + i]!
  return sum
}
// Pre-computed pieces (and their weighted sums), so that one number costs a few lookups.
const REGION_SUMS = REGIONS.map((r) => weighted(r, 0))
const MONTH_DAYS: Array<{ readonly text: string; readonly sum: number }> = []
for (let m = 1; m <= 12; m++) {
  for (let d = 1; d <= DAYS[m - 1]!; d++) {
    const text = pad(m, 2) + pad(d, 2)
    MONTH_DAYS.push({ text, sum: weighted(text, 10) })
  }
}
const ORDERS = Array.from({ length: 1000 }, (_, n) => {
  const text = pad(n, 3)
  return { text, sum: weighted(text, 14) }
})
const PAD4 = Array.from({ length: 10_000 }, (_, n) => pad(n, 4))

/** A GB 11643 ID-card number with a valid check character (odd order digit: male). */
const idCard = (rand: Random, birthYear: number, male: boolean): string => {
  const region = Math.floor(rand() * REGIONS.length)
  const md = MONTH_DAYS[Math.floor(rand() * MONTH_DAYS.length)]!
  const order = ORDERS[Math.floor(rand() * 500) * 2 + (male ? 1 : 0)]!
  const year = String(birthYear)
  const sum = REGION_SUMS[region]! + weighted(year, 6) + md.sum + order.sum
  return REGIONS[region]! + year + md.text + order.text + ID_CHECK[sum % 11]!
}

const MOBILE = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"]
const mobile = (rand: Random): string => pick(rand, MOBILE) + PAD4[Math.floor(rand() * 10_000)]! + PAD4[Math.floor(rand() * 10_000)]!

/** A date from 1 January of `fromYear` to 30 June of `toYear`. */
const dateBetween = (rand: Random, fromYear: number, toYear: number): string => {
  const year = between(rand, fromYear, toYear)
  const month = between(rand, 1, year === toYear ? 6 : 12)
  return `${year}-${pad(month, 2)}-${pad(between(rand, 1, DAYS[month - 1]!), 2)}`
}

// ---------------------------------------------------------------------------
// The generator

const YES = "是"
const NO = "否"
/** Door numbers 101, 102, 201, 202, …: two flats a floor. */
const DOORS: Array<string> = []
const doorNumber = (h: number): string => (DOORS[h] ??= `${Math.floor(h / 2) + 1}0${(h % 2) + 1}`)

/**
 * Generates the import records of a demo county (兖州区, code 370812) with about
 * `households` households. Deterministic: the same options give the same records. A
 * million households take a few seconds.
 *
 * @category constructors
 * @since 0.1.0
 */
export const generateCounty = (options: GenerateCountyOptions): GeneratedCounty => {
  const total = Math.max(1, Math.floor(options.households))
  const rand = makeRandom(options.seed ?? 1)
  const gaps = options.gaps === true
  const code = "370812"
  const name = "兖州区"

  // The shape: ~22 households a building; ~13 buildings a grid, 3.5 grids a community,
  // 8 communities a street, capped at Yanzhou's 350 grids, 100 communities and 12 streets.
  // Small counties keep a little breadth (square roots) so every level has siblings.
  const buildingCount = Math.max(1, Math.round(total / 22))
  const gridCount = Math.min(350, buildingCount, Math.max(Math.ceil(buildingCount / 13), Math.ceil(Math.sqrt(buildingCount) * 1.6)))
  const communityCount = Math.min(100, gridCount, Math.max(Math.ceil(gridCount / 3.5), Math.ceil(Math.sqrt(gridCount))))
  const streetCount = Math.min(12, communityCount, Math.max(Math.ceil(communityCount / 8.5), Math.ceil(Math.sqrt(communityCount))))

  const gridsPerCommunity = split(rand, gridCount, communityCount)
  const communitiesPerStreet = split(rand, communityCount, streetCount)
  const buildingsPerGrid = split(rand, buildingCount, gridCount)
  const householdsPerBuilding = split(rand, total, buildingCount, 0.8)

  const nodes: Array<NodeRecord> = [{ path: code, name, level: "county", party_organisation: "" }]
  const households: Array<HouseholdRecord> = []
  const people: Array<PersonRecord> = []
  const assignments: Array<AssignmentRecord> = []
  let units = 0
  let residentCount = 0
  let buildingsWithoutLeader = 0
  let gridsWithoutPartyMember = 0
  let gridsWithoutPartyOrganisation = 0
  let personSeq = 0
  const person = (prefix: string, nodePath: string): string => {
    const personCode = `${prefix}${pad(++personSeq, 6)}`
    const male = rand() < 0.55
    people.push({ code: personCode, name: personName(rand, male), phone: mobile(rand), node_path: nodePath })
    return personCode
  }
  const assign = (personCode: string, nodePath: string, role: string, endDate = "") =>
    assignments.push({ person_code: personCode, node_path: nodePath, role, start_date: dateBetween(rand, 2021, endDate === "" ? 2025 : 2023), end_date: endDate })

  // Which grids and buildings get a gap: at least one of each when `gaps`.
  const gapGrids = new Set<number>()
  const orgGapGrids = new Set<number>()
  const gapBuildings = new Set<number>()
  if (gaps) {
    for (let g = 0; g < gridCount; g++) {
      if (rand() < 0.04) gapGrids.add(g)
      if (rand() < 0.06) orgGapGrids.add(g)
    }
    for (let b = 0; b < buildingCount; b++) if (rand() < 0.03) gapBuildings.add(b)
    if (gapGrids.size === 0) gapGrids.add(gridCount - 1)
    if (orgGapGrids.size === 0) orgGapGrids.add(Math.floor(gridCount / 2))
    if (gapBuildings.size === 0) gapBuildings.add(0)
  }

  let gridIndex = 0
  let communityIndex = 0
  let buildingIndex = 0
  const usedCommunityNames = new Set<string>()
  for (let s = 0; s < streetCount; s++) {
    const [streetName, urban] = STREETS[s]!
    const streetPath = `${code}/${pad(s + 1, 3)}`
    nodes.push({ path: streetPath, name: streetName, level: "street", party_organisation: "" })
    for (let c = 0; c < communitiesPerStreet[s]!; c++, communityIndex++) {
      let communityName: string
      do {
        communityName = urban
          ? `${pick(rand, URBAN)}${rand() < 0.3 ? pick(rand, ["东", "西", "南", "北", "新"]) : ""}社区`
          : `${pick(rand, VILLAGE_PREFIX)}${pickSkewed(rand, SURNAMES)}${pick(rand, VILLAGE_SUFFIX)}村`
      } while (usedCommunityNames.has(communityName) && usedCommunityNames.size < 5000)
      usedCommunityNames.add(communityName)
      const communityPath = `${streetPath}/${pad(c + 1, 3)}`
      nodes.push({ path: communityPath, name: communityName, level: "community", party_organisation: "" })
      assign(person("SJ", communityPath), communityPath, "社区书记")

      for (let g = 0; g < gridsPerCommunity[communityIndex]!; g++, gridIndex++) {
        const gridPath = `${communityPath}/G${pad(g + 1, 2)}`
        const gridName = `第${numeral(g + 1)}网格`
        const hasOrg = !orgGapGrids.has(gridIndex)
        if (!hasOrg) gridsWithoutPartyOrganisation++
        nodes.push({ path: gridPath, name: gridName, level: "grid", party_organisation: hasOrg ? `${communityName}${gridName}党支部` : "" })
        assign(person("WG", communityPath), gridPath, "网格员")
        const buildingsHere = buildingsPerGrid[gridIndex]!
        if (gapGrids.has(gridIndex)) gridsWithoutPartyMember++
        else {
          const members = Math.max(1, Math.round(buildingsHere / 3))
          for (let m = 0; m < members; m++) assign(person("DY", communityPath), gridPath, "包保党员")
        }

        for (let b = 0; b < buildingsHere; b++, buildingIndex++) {
          const buildingNo = b + 1
          const buildingPath = `${gridPath}/${buildingNo}`
          nodes.push({ path: buildingPath, name: `${buildingNo}号楼`, level: "building", party_organisation: "" })
          if (gapBuildings.has(buildingIndex)) {
            buildingsWithoutLeader++
            // Half the gaps are a leader whose term has ended.
            if (rand() < 0.5) assign(person("LZ", communityPath), buildingPath, "楼栋长", "2024-12-31")
          } else {
            assign(person("LZ", communityPath), buildingPath, "楼栋长")
          }
          const householdsHere = householdsPerBuilding[buildingIndex]!
          const unitCount = Math.max(1, Math.min(between(rand, 2, 4), householdsHere))
          const base = Math.floor(householdsHere / unitCount)
          const extra = householdsHere % unitCount
          for (let u = 0; u < unitCount; u++) {
            units++
            const unitPath = `${buildingPath}/${u + 1}`
            nodes.push({ path: unitPath, name: `${u + 1}单元`, level: "unit", party_organisation: "" })
            const count = base + (u < extra ? 1 : 0)
            for (let h = 0; h < count; h++) {
              residentCount += addHousehold(rand, households, unitPath, doorNumber(h))
            }
          }
        }
      }
    }
  }

  return {
    code,
    name,
    nodes,
    households,
    people,
    assignments,
    stats: {
      streets: streetCount,
      communities: communityCount,
      grids: gridCount,
      buildings: buildingCount,
      units,
      households: total,
      residents: residentCount,
      people: people.length,
      assignments: assignments.length,
      buildingsWithoutLeader,
      gridsWithoutPartyMember,
      gridsWithoutPartyOrganisation
    }
  }
}

/** Appends the residents of one household; returns how many. */
const addHousehold = (rand: Random, out: Array<HouseholdRecord>, unitPath: string, door: string): number => {
  const r = rand()
  if (r < 0.05) {
    // Tenants sharing a flat.
    const n = between(rand, 1, 2)
    for (let i = 0; i < n; i++) resident(rand, out, unitPath, door, "租户", between(rand, 1985, 2003), rand() < 0.5, undefined)
    return n
  }
  const size = r < 0.17 ? 1 : r < 0.45 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : 5
  const headMale = rand() < 0.7
  const surname = pickSkewed(rand, SURNAMES)
  const headYear = between(rand, 1948, 1998)
  const seen = out.length
  resident(rand, out, unitPath, door, "户主", headYear, headMale, surname, seen)
  if (size >= 2) {
    if (size === 2 && rand() < 0.2) resident(rand, out, unitPath, door, "父母", Math.max(1925, headYear - between(rand, 22, 32)), rand() < 0.4, surname, seen)
    else resident(rand, out, unitPath, door, "配偶", headYear + between(rand, -3, 4), !headMale, undefined, seen)
  }
  const childYear = () => Math.min(2024, headYear + between(rand, 23, 34))
  if (size >= 3) resident(rand, out, unitPath, door, "子女", childYear(), rand() < 0.5, surname, seen)
  if (size >= 4) {
    if (rand() < 0.6) resident(rand, out, unitPath, door, "子女", childYear(), rand() < 0.5, surname, seen)
    else resident(rand, out, unitPath, door, "父母", Math.max(1925, headYear - between(rand, 22, 32)), rand() < 0.4, surname, seen)
  }
  if (size >= 5) resident(rand, out, unitPath, door, "父母", Math.max(1925, headYear - between(rand, 22, 32)), rand() < 0.5, surname, seen)
  return size
}

const resident = (
  rand: Random,
  out: Array<HouseholdRecord>,
  unitPath: string,
  door: string,
  relation: string,
  birthYear: number,
  male: boolean,
  surname: string | undefined,
  /** Index in `out` of the household's first resident. */
  householdStart = out.length
): void => {
  const adult = birthYear <= 2008
  let card = idCard(rand, birthYear, male)
  // Two residents of a household never share a number.
  for (let i = householdStart; i < out.length; i++) {
    if (out[i]!.id_card === card) {
      card = idCard(rand, birthYear, male)
      i = householdStart - 1
    }
  }
  out.push({
    unit_path: unitPath,
    door_number: door,
    name: surname === undefined ? personName(rand, male) : surname + givenName(rand, male),
    phone: adult && rand() < 0.92 ? mobile(rand) : "",
    id_card: card,
    relation,
    party_member: adult && rand() < 0.09 ? YES : NO
  })
}

// ---------------------------------------------------------------------------
// CSV files

const columnsOf = (file: ImportFile): ReadonlyArray<string> => importColumns[file].map((c) => c.name)

const toCsv = (file: ImportFile, records: ReadonlyArray<object>): string => {
  const columns = columnsOf(file)
  const rows: Array<ReadonlyArray<string>> = [columns]
  for (const rec of records as ReadonlyArray<Readonly<Record<string, unknown>>>) {
    rows.push(columns.map((c) => {
      const v = rec[c]
      return v === undefined || v === null ? "" : String(v)
    }))
  }
  return writeCsv(rows, { bom: true })
}

/**
 * The four import files of a generated county as CSV text (UTF-8 with a byte-order mark so
 * that Excel shows the Chinese text, CRLF line endings).
 *
 * @category constructors
 * @since 0.1.0
 */
export const countyCsvFiles = (county: GeneratedCounty): { readonly [F in ImportFile]: string } => ({
  "nodes.csv": toCsv("nodes.csv", county.nodes),
  "households.csv": toCsv("households.csv", county.households),
  "people.csv": toCsv("people.csv", county.people),
  "assignments.csv": toCsv("assignments.csv", county.assignments)
})

/**
 * Writes the four CSV files of a generated county into `dir`. The core runs in browsers
 * too, so the file system comes in as `writeFile`, e.g.
 * `writeCountyCsv(dir, county, (path, text) => fs.promises.writeFile(path, text))`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const writeCountyCsv = async (
  dir: string,
  county: GeneratedCounty,
  writeFile: (path: string, contents: string) => void | Promise<void>
): Promise<ReadonlyArray<string>> => {
  const files = countyCsvFiles(county)
  const base = dir.endsWith("/") ? dir : `${dir}/`
  const written: Array<string> = []
  for (const [file, text] of Object.entries(files)) {
    const path = base + file
    await writeFile(path, text)
    written.push(path)
  }
  return written
}
