/**
 * Masking of personal information (PIPL): what a published view or an actor without the
 * right to see personal data gets instead of the real value.
 *
 * @since 0.1.0
 */

/**
 * `张三` → `张*`, `欧阳娜娜` → `欧***`: the first character stays.
 *
 * @category masking
 * @since 0.1.0
 */
export const maskName = (name: string): string => {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ""
  return chars[0]! + "*".repeat(Math.max(1, chars.length - 1))
}

/**
 * `13812341234` → `138****1234`; shorter numbers keep only their last two digits.
 *
 * @category masking
 * @since 0.1.0
 */
export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/\s+/g, "")
  if (digits.length >= 11) return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`
  if (digits.length <= 2) return "*".repeat(digits.length)
  return "*".repeat(digits.length - 2) + digits.slice(-2)
}

/**
 * `370882199001011234` → `3708**********1234`.
 *
 * @category masking
 * @since 0.1.0
 */
export const maskIdCard = (id: string): string =>
  id.length <= 8 ? "*".repeat(id.length) : `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`

/**
 * `3-2-501` → `3-2-***`: building and unit stay, the door number goes.
 *
 * @category masking
 * @since 0.1.0
 */
export const maskHouseNumber = (door: string): string => {
  const parts = door.split(/([-－#号室])/u)
  const last = parts.length - 1
  return parts.map((p, i) => (i === last ? "*".repeat(Math.max(3, Array.from(p).length)) : p)).join("")
}
