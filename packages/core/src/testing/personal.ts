/**
 * Generated personal data for property tests: names, phones and ID-card numbers that pass
 * Mulin's own input rules, and ways of writing them into free text that a careless or
 * hostile user might use (spaces, dashes, brackets, full-width digits).
 *
 * @since 0.4.0
 */
import * as fc from "fast-check"

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = "10X98765432"
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * A two- to four-character Chinese name (a common or a two-character surname).
 *
 * @category arbitraries
 * @since 0.4.0
 */
export const arbitraryName: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马", "诸葛", "上官", "慕容"),
  fc.string({ unit: fc.constantFrom(..."芃翀婕骁晗玥骞彧璟瑄珩昶伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂"), minLength: 1, maxLength: 2 })
).map(([surname, given]) => surname + given)

/**
 * An 11-digit mainland mobile number.
 *
 * @category arbitraries
 * @since 0.4.0
 */
export const arbitraryMobile: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom("3", "5", "7", "8", "9"),
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 9, maxLength: 9 })
).map(([second, rest]) => `1${second}${rest}`)

/**
 * A valid 18-character ID-card number: a real region, a real birth date and the right check character.
 *
 * @category arbitraries
 * @since 0.4.0
 */
export const arbitraryIdCard: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom("110101", "310104", "370812", "370882", "141023", "440305", "510107"),
  fc.integer({ min: 1940, max: 2015 }),
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 31 }),
  fc.integer({ min: 0, max: 999 })
).map(([region, year, month, day, order]) => {
  const d = Math.min(day, DAYS[month - 1]!)
  const body = `${region}${year}${String(month).padStart(2, "0")}${String(d).padStart(2, "0")}${String(order).padStart(3, "0")}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!
  return body + ID_CHECK[sum % 11]!
})

const FULL_WIDTH = "０１２３４５６７８９"

/**
 * A way of writing a number into text: as is, grouped by spaces or dashes, in brackets,
 * dotted, or in full-width digits.
 *
 * @category arbitraries
 * @since 0.4.0
 */
export const arbitrarySpelling: fc.Arbitrary<(digits: string) => string> = fc.constantFrom(
  (d: string) => d,
  (d: string) => d.replace(/^(\d{3})(\d{4})(\d+)$/u, "$1 $2 $3"),
  (d: string) => d.replace(/^(\d{3})(\d{4})(\d+)$/u, "$1-$2-$3"),
  (d: string) => `（${d}）`,
  (d: string) => d.split("").join("."),
  (d: string) => d.split("").join(" "),
  (d: string) => Array.from(d, (c) => (c >= "0" && c <= "9" ? FULL_WIDTH[Number(c)]! : c)).join("")
)

/**
 * A resident's personal data and a sentence that quotes it, spelled one of the ways above.
 *
 * @category arbitraries
 * @since 0.4.0
 */
export const arbitraryPersonalText: fc.Arbitrary<{ readonly name: string; readonly phone: string; readonly idCard: string; readonly text: string }> = fc
  .record({ name: arbitraryName, phone: arbitraryMobile, idCard: arbitraryIdCard, spellPhone: arbitrarySpelling, spellId: arbitrarySpelling, template: fc.integer({ min: 0, max: 3 }) })
  .map(({ idCard, name, phone, spellId, spellPhone, template }) => {
    const p = spellPhone(phone)
    const id = spellId(idCard)
    const text = [
      `${name}（${p}）反映楼道堆物`,
      `联系${name}，电话${p}，身份证${id}`,
      `邻居${name}说：有事打${p}`,
      `${name}的证件号${id}，手机${p}`
    ][template]!
    return { name, phone, idCard, text }
  })
