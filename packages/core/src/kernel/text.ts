/**
 * The shared vocabulary of input: text, codes, phone and ID-card numbers. Every context
 * builds its schemas from these, so one rule holds at every boundary (HTTP body, CSV cell,
 * configuration, stored row):
 *
 * - text is NFC and carries no control character, lone surrogate, bidirectional override
 *   or zero-width character (`Text` is one line; `Prose` may hold line breaks);
 * - codes are ASCII letters, digits, `_`, `.` and `-`;
 * - a phone number is a mainland mobile or landline number in ASCII digits;
 * - an ID-card number has a real region, a real birth date that is not in the future, and
 *   the right check character.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

// C0 and C1 controls, DEL; the line and paragraph separators.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u
// Same, but line feed and tab allowed (and carriage return, as part of CRLF only).
const CONTROL_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]|\r(?!\n)/u
// Bidirectional marks, embeddings, overrides and isolates.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
// Zero-width and invisible formatting characters, the byte-order mark and the replacement character.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF\uFFFD]/u

const wellFormed = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) return false
  }
  return true
}

/**
 * Whether every character of `s` is printable ASCII, the middle dot of transcribed names
 * (U+00B7) or a CJK unified ideograph (U+4E00–U+9FFF): such text passes every rule of
 * {@link textProblem} (none of these is a control, bidirectional, invisible or surrogate
 * character, and each is its own NFC form), so one scan settles most names and addresses.
 */
const plainText = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || c === 0xb7)) return false
  }
  return true
}

/**
 * Why `s` is not acceptable text, or `undefined` when it is. Exposed so that CSV readers
 * and other hand-written decoders apply the same rule as the schemas.
 *
 * @category predicates
 * @since 0.4.0
 */
export const textProblem = (s: string, multiline: boolean): { readonly en: string; readonly zh: string } | undefined => {
  if (plainText(s)) return undefined
  if (!wellFormed(s)) return { en: "must be valid Unicode (no lone surrogate)", zh: "必须是有效的 Unicode 文本（不能含孤立代理项）" }
  if ((multiline ? CONTROL_PROSE : CONTROL).test(s)) {
    return multiline
      ? { en: "must not contain control characters", zh: "不能包含控制字符" }
      : { en: "must be one line without control characters", zh: "必须是单行文本，不能包含换行或控制字符" }
  }
  if (BIDI.test(s)) return { en: "must not contain bidirectional control characters", zh: "不能包含双向文本控制字符" }
  if (INVISIBLE.test(s)) return { en: "must not contain zero-width or invisible characters", zh: "不能包含零宽或不可见字符" }
  if (s.normalize("NFC") !== s) return { en: "must be in Unicode normal form C (NFC)", zh: "必须是 Unicode NFC 规范化形式" }
  return undefined
}

const bounded = (max: number) => [
  Schema.makeFilter((s: string) => s.trim().length > 0 && s === s.trim(), rule(
    "must not be empty nor start or end with spaces",
    "不能为空，且首尾不能有空格"
  )),
  Schema.makeFilter((s: string) => s.length <= max || Array.from(s).length <= max, rule(
    `must be at most ${max} characters`,
    `长度不能超过 ${max} 个字符`
  ))
] as const

const characterRules = (multiline: boolean) => [
  Schema.makeFilter((s: string) => wellFormed(s), rule("must be valid Unicode (no lone surrogate)", "必须是有效的 Unicode 文本（不能含孤立代理项）")),
  multiline
    ? Schema.makeFilter((s: string) => !CONTROL_PROSE.test(s), rule("must not contain control characters", "不能包含控制字符"))
    : Schema.makeFilter((s: string) => !CONTROL.test(s), rule("must be one line without control characters", "必须是单行文本，不能包含换行或控制字符")),
  Schema.makeFilter((s: string) => !BIDI.test(s), rule("must not contain bidirectional control characters", "不能包含双向文本控制字符")),
  Schema.makeFilter((s: string) => !INVISIBLE.test(s), rule("must not contain zero-width or invisible characters", "不能包含零宽或不可见字符")),
  Schema.makeFilter((s: string) => s.normalize("NFC") === s, rule("must be in Unicode normal form C (NFC)", "必须是 Unicode NFC 规范化形式"))
] as const

/**
 * One line of text, at most `max` characters, trimmed, NFC, without control, bidirectional
 * or zero-width characters: names, titles, labels.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Text = (max: number) => Schema.String.check(...bounded(max), ...characterRules(false))

/**
 * Free text of at most `max` characters that may span lines (descriptions, statements,
 * minutes), with the same character rules as {@link Text}.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Prose = (max: number) => Schema.String.check(...bounded(max), ...characterRules(true))

/**
 * A code a county keys things by (a node's code, a door number, a staff number): 1 to 40
 * ASCII letters, digits, `_`, `.` or `-`.
 *
 * @category schemas
 * @since 0.4.0
 */
export const Code = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9_.\-]{1,40}$/u, rule(
    "must be 1 to 40 ASCII letters, digits, _, . or -",
    "必须是 1 到 40 个 ASCII 字母、数字、_、. 或 -"
  ))
)

const PHONE = /^(\+86)?(1[3-9]\d{9}|0\d{9,11})$/u

/**
 * Whether `s` is a phone number by the rule of {@link Phone}, without decoding through the
 * schema (for hand-written decoders of many rows, such as the grid import).
 *
 * @category predicates
 * @since 0.5.0
 */
export const isPhoneNumber = (s: string): boolean => PHONE.test(s)

/**
 * A mainland China mobile or landline number in ASCII digits (with an optional leading `+86`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Phone = Schema.String.check(
  Schema.isPattern(PHONE, rule(
    "must be a phone number: 11-digit mobile (13812341234) or landline with area code (05373211234)",
    "必须是电话号码：11 位手机号（13812341234）或带区号的座机（05373211234）"
  ))
)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = "10X98765432"
/** Province-level region codes (GB/T 2260), the first two digits of an ID-card number. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83, 91
])
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ID_SHAPE = { en: "must be 17 digits and a check digit or X", zh: "必须是 17 位数字加一位校验位（数字或 X）" }
const ID_REGION = { en: "must start with a real region code", zh: "前两位必须是有效的行政区划代码" }
const ID_BIRTH = { en: "must carry a real birth date", zh: "出生日期必须真实存在" }
const ID_FUTURE = { en: "must not carry a birth date in the future", zh: "出生日期不能晚于今天" }
const ID_CHECK_DIGIT = { en: "has a wrong check digit", zh: "校验位不正确" }

/** The number written by the ASCII digits `s[from, from + length)`. */
const digitsAt = (s: string, from: number, length: number): number => {
  let n = 0
  for (let i = from; i < from + length; i++) n = n * 10 + s.charCodeAt(i) - 48
  return n
}
/** `YYYY-MM-DD` as the integer YYYYMMDD (the last one read is kept: callers pass the same day). */
let dayText = ""
let dayNumber = 0
const dayAsNumber = (iso: string): number => {
  if (iso !== dayText) {
    dayNumber = digitsAt(iso, 0, 4) * 10_000 + digitsAt(iso, 5, 2) * 100 + digitsAt(iso, 8, 2)
    dayText = iso
  }
  return dayNumber
}

/**
 * Why `s` is not a resident ID-card number (GB 11643), or `undefined` when it is: 17 ASCII
 * digits and a check character, a known province code, a real birth date from 1900 up to
 * `todayIso` (default: today, UTC), and the right check character.
 *
 * @category predicates
 * @since 0.4.0
 */
export const idCardProblem = (s: string, todayIso?: string): { readonly en: string; readonly zh: string } | undefined => {
  // The shape and the check sum in one pass over the characters.
  if (s.length !== 18) return ID_SHAPE
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const digit = s.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return ID_SHAPE
    sum += digit * ID_WEIGHTS[i]!
  }
  const last = s.charCodeAt(17)
  if (last !== 88 && (last < 48 || last > 57)) return ID_SHAPE
  if (!PROVINCES.has(digitsAt(s, 0, 2))) return ID_REGION
  // The birth date, YYYYMMDD at 6..13, checked with integers (leap years by the Gregorian rule).
  const year = digitsAt(s, 6, 4)
  const month = digitsAt(s, 10, 2)
  const day = digitsAt(s, 12, 2)
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return ID_BIRTH
  if (year * 10_000 + month * 100 + day > dayAsNumber(todayIso ?? new Date().toISOString().slice(0, 10))) return ID_FUTURE
  if (ID_CHECK.charCodeAt(sum % 11) !== last) return ID_CHECK_DIGIT
  return undefined
}

/**
 * GB 11643 check: region, birth date and check character.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isValidIdCard = (s: string): boolean => idCardProblem(s) === undefined

/**
 * An 18-character resident identity card number: a real region and birth date and a valid
 * check digit.
 *
 * @category schemas
 * @since 0.1.0
 */
export const IdCardNumber = Schema.String.check(
  Schema.makeFilter((s: string) => isValidIdCard(s), rule(
    "must be an 18-character ID-card number with a real region, a real birth date and a valid check digit",
    "必须是 18 位身份证号：行政区划与出生日期真实，校验位正确"
  ))
)
