/**
 * The decider of the service catalog: publishing and changing a service.
 *
 * @since 0.4.0
 */
import { Result, Schema } from "effect"
import type { Decider } from "../../kernel/decider.js"
import { conflict, invalidTransition, staleVersion } from "../../kernel/errors.js"
import type { Instant } from "../../kernel/time.js"
import { CatalogService, type UpdateService } from "../model.js"
import type { LedgerError } from "./ledger.js"

/**
 * What happened to a catalog service.
 *
 * @category models
 * @since 0.4.0
 */
export const ServiceEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("ServicePublished"), service: CatalogService }),
  Schema.Struct({ type: Schema.Literal("ServiceUpdated"), service: CatalogService })
])
/** @category models @since 0.4.0 */
export type ServiceEvent = typeof ServiceEvent.Type

/**
 * Changes to a catalog service (its stock is a counter the holds move, not changed here).
 *
 * @category models
 * @since 0.4.0
 */
export type ServiceCommand =
  | { readonly _tag: "Publish"; readonly service: CatalogService }
  | { readonly _tag: "Update"; readonly changes: Omit<UpdateService, "expectedVersion">; readonly expectedVersion?: number | undefined }

const sameService = (a: CatalogService, b: CatalogService) =>
  a.title === b.title && a.description === b.description && a.pricePoints === b.pricePoints && a.cashFen === b.cashFen && a.stock === b.stock &&
  a.dailyCapacity === b.dailyCapacity && a.status === b.status

/**
 * Publishing and changing a service; a change that changes nothing writes nothing.
 *
 * @category rules
 * @since 0.4.0
 */
export const serviceDecider: Decider<CatalogService, ServiceCommand, ServiceEvent, { readonly at: Instant }, LedgerError> = {
  decide: (state, command, ctx) => {
    if (command._tag === "Publish") {
      return state === undefined ? Result.succeed([{ type: "ServicePublished", service: command.service }]) : Result.fail(conflict("duplicate_id", `service ${state.id} already exists`, `服务 ${state.id} 已存在`))
    }
    if (state === undefined) return Result.fail(invalidTransition("service", "none", "update"))
    if (command.expectedVersion !== undefined && command.expectedVersion !== state.version) return Result.fail(staleVersion("service", state.id, command.expectedVersion, state.version))
    const c = command.changes
    const next: CatalogService = {
      ...state,
      title: c.title ?? state.title,
      description: c.description ?? state.description,
      pricePoints: c.pricePoints ?? state.pricePoints,
      cashFen: c.cashFen ?? state.cashFen,
      stock: c.stock === undefined ? state.stock : c.stock,
      dailyCapacity: c.dailyCapacity === undefined ? state.dailyCapacity : c.dailyCapacity,
      status: c.status ?? state.status,
      updatedAt: ctx.at
    }
    return sameService(state, next) ? Result.succeed([]) : Result.succeed([{ type: "ServiceUpdated", service: next }])
  },
  evolve: (_, e) => e.service
}
