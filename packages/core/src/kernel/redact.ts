/**
 * Redaction of free text before it is published (三公开, 晾晒, the wish board). Masking the
 * parties' fields is not enough: people type phones and names into titles, statements and
 * outcomes. Every public view is built from text that went through {@link redactText}:
 *
 * - **numbers**: any run of digits (ASCII, full-width or any other script) joined only by
 *   spaces, punctuation or symbols that holds 7 digits or more is masked digit by digit,
 *   with a trailing `X` of an ID-card number. That catches phones and ID-card numbers in
 *   any spacing or punctuation (`134 1177 1502`, `（177-0007-8387）`, `３７０８…`); it also
 *   masks long amounts and dates written in digits, which public text can do without.
 * - **names**: every name of the people involved, and of the residents and people
 *   registered around the place (`Directory.namesAround`), is replaced by its masked form
 *   (`许建` → `许*`), also when spaces or punctuation were put between its characters.
 *
 * Redaction runs when the public text is made (on publish), so the public reads stay cheap.
 *
 * @since 0.4.0
 */
import { maskName } from "./masking.js"

const DIGIT = /\p{Nd}/u
const JOINER = /[\p{P}\p{S}\p{Z}\s]/u
const MIN_DIGITS = 7

/** Masks every digit run of at least {@link MIN_DIGITS} digits. */
const maskNumbers = (text: string): string => {
  const chars = Array.from(text)
  const out = chars.slice()
  let i = 0
  while (i < chars.length) {
    if (!DIGIT.test(chars[i]!)) {
      i++
      continue
    }
    // A run: digits, joined by spaces/punctuation/symbols, ending on a digit (or an ID card's X).
    const digitsAt: Array<number> = []
    let j = i
    let lastDigit = i
    while (j < chars.length) {
      const c = chars[j]!
      if (DIGIT.test(c)) {
        digitsAt.push(j)
        lastDigit = j
        j++
      } else if (JOINER.test(c)) {
        j++
      } else break
    }
    if (digitsAt.length >= MIN_DIGITS) {
      for (const k of digitsAt) out[k] = "*"
      const next = chars[lastDigit + 1]
      if (next === "X" || next === "x" || next === "Ｘ" || next === "ｘ") out[lastDigit + 1] = "*"
    }
    i = lastDigit + 1
  }
  return out.join("")
}

interface NameIndex {
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>>
}

const indexNames = (names: Iterable<string>): NameIndex => {
  const byFirst = new Map<string, Array<ReadonlyArray<string>>>()
  const seen = new Set<string>()
  for (const raw of names) {
    const name = Array.from(raw.trim()).filter((c) => !JOINER.test(c))
    if (name.length < 2) continue
    const key = name.join("")
    if (seen.has(key)) continue
    seen.add(key)
    const list = byFirst.get(name[0]!) ?? []
    list.push(name)
    byFirst.set(name[0]!, list)
  }
  // Longest first, so 欧阳娜娜 is masked before 欧阳.
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length)
  return { byFirst }
}

/** The end (exclusive) of `name` matched at `at`, allowing joiners between its characters; -1 when it does not match. */
const matchAt = (chars: ReadonlyArray<string>, at: number, name: ReadonlyArray<string>): number => {
  let j = at
  for (let k = 0; k < name.length; k++) {
    if (k > 0) while (j < chars.length && JOINER.test(chars[j]!) && chars[j] !== name[k]) j++
    if (chars[j] !== name[k]) return -1
    j++
  }
  return j
}

const maskNames = (text: string, index: NameIndex): string => {
  if (index.byFirst.size === 0) return text
  const chars = Array.from(text)
  let out = ""
  let i = 0
  while (i < chars.length) {
    const candidates = index.byFirst.get(chars[i]!)
    let matched = false
    if (candidates !== undefined) {
      for (const name of candidates) {
        const end = matchAt(chars, i, name)
        if (end !== -1) {
          out += maskName(name.join(""))
          i = end
          matched = true
          break
        }
      }
    }
    if (!matched) out += chars[i++]!
  }
  return out
}

/**
 * Makes free text fit to publish: numbers of 7 digits or more and the given names masked.
 *
 * @category masking
 * @since 0.4.0
 */
export const redactText = (text: string, names: Iterable<string> = []): string => maskNumbers(maskNames(text, indexNames(names)))

/**
 * A redactor bound to one set of names, for publishing several texts of one place.
 *
 * @category masking
 * @since 0.4.0
 */
export const redactorFor = (names: Iterable<string>): (text: string) => string => {
  const index = indexNames(names)
  return (text) => maskNumbers(maskNames(text, index))
}
