/**
 * The ledger's deciders. Every points command runs through the kernel's pipeline
 * (`Commands.run`) with one of them: pure `decide` and `evolve`, the time, new codes and
 * what was read coming in through the context. The follow-on effects of a hold (its
 * transfers, a service's stock) are pure functions of the events, applied by the pipeline.
 *
 * The hold lifecycle ({@link holdTransitions} is the table as data, for docs and tests):
 *
 * ```
 *   (none) ──place──▶ pending ──fulfil (right code)──▶ posted        (an order)
 *                       │ │ └──pay (shares ≤ held)──▶ posted          (a reward)
 *                       │ ├──fulfil (wrong code) / reissue──▶ pending (counted; locks after the limit)
 *                       │ ├──cancel / release──▶ voided
 *                       │ └──expire (after timeoutAt)──▶ expired
 * ```
 *
 * @since 0.2.0
 */
export * from "./machine/catalog.js"
export * from "./machine/holds.js"
export * from "./machine/ledger.js"
