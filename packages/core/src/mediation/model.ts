/**
 * The mediation context's schemas (矛盾调解): the case with its parties and its record of
 * the "listen once, deliberate three times, publish three times" method (一听三议三公开)
 * (`case.ts`), the commands that move a case along and the events they cause
 * (`commands.ts`), a county's mediation configuration (`config.ts`) and the periods
 * statistics cover (`period.ts`).
 *
 * @since 0.2.0
 */
export * from "./case.js"
export * from "./commands.js"
export * from "./config.js"
export * from "./period.js"
