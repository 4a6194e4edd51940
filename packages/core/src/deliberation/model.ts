/**
 * The deliberation context's schemas (议事会 · 圆桌会 · 接待日): sessions and items with
 * their lifecycle (`item.ts`), the commands that move them, the events they cause and the
 * feed's view of those (`commands.ts`), and a county's deliberation configuration
 * (`config.ts`).
 *
 * @since 0.3.0
 */
export * from "./commands.js"
export * from "./config.js"
export * from "./item.js"
