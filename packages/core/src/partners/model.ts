/**
 * The partners context's schemas (睦邻合伙人): organisations that serve the grid — merchants,
 * clinics, social organisations, units (机关企事业单位, also the employers of party members)
 * and local talents (新能人) — with the nodes they serve, their staff as people of the grid,
 * the merchant accounts they keep in the points ledger, and the services they provided.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { redactText } from "../kernel/redact.js"
import { Text } from "../kernel/text.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { AccountId, ServiceId } from "../points/model/ledger.js"

const says = (en: string, zh: string) => ({ message: en, messageZh: zh }) as Schema.Annotations.Filter
const opt = Schema.optionalKey

/**
 * A partner organisation's id: `org_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const PartnerId = Schema.String.check(idCheck("org", { en: "a partner organisation", zh: "睦邻合伙人" })).pipe(Schema.brand("PartnerId"))
/** @category ids @since 0.5.0 */
export type PartnerId = typeof PartnerId.Type

/**
 * A provided service's id: `pvd_` and a ULID.
 *
 * @category ids
 * @since 0.5.0
 */
export const ProvisionId = Schema.String.check(idCheck("pvd", { en: "a provided service", zh: "合伙人服务记录" })).pipe(Schema.brand("ProvisionId"))
/** @category ids @since 0.5.0 */
export type ProvisionId = typeof ProvisionId.Type

/** @category constructors @since 0.5.0 */
export const newPartnerId: Effect.Effect<PartnerId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `org_${u}` as PartnerId))
/** @category constructors @since 0.5.0 */
export const newProvisionId: Effect.Effect<ProvisionId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `pvd_${u}` as ProvisionId))

/**
 * An organisation's public name or a service's title: one line, without a phone or ID-card
 * number.
 *
 * @category schemas
 * @since 0.5.0
 */
export const OrganisationName = Text(60).check(Schema.makeFilter((s: string) => redactText(s) === s, says(
  "must not contain a phone or ID-card number (7 digits or more)",
  "不能包含电话号码或身份证号（7 位及以上数字）"
)))

/**
 * The kinds of partner: `merchant` (商户), `clinic` (诊所), `social_organisation` (社会组织),
 * `unit` (机关企事业单位, where party members work) and `talent` (新能人).
 *
 * @category models
 * @since 0.5.0
 */
export const PartnerType = Schema.Literals(["merchant", "clinic", "social_organisation", "unit", "talent"])
/** @category models @since 0.5.0 */
export type PartnerType = typeof PartnerType.Type

/**
 * A partner's status: serving, or withdrawn (with the instant).
 *
 * @category models
 * @since 0.5.0
 */
export const PartnerStatus = Schema.Literals(["active", "withdrawn"])
/** @category models @since 0.5.0 */
export type PartnerStatus = typeof PartnerStatus.Type

/**
 * One of a partner's staff: a person of the grid with their role in the organisation
 * (店长, 医生, 负责人, …). The name is personal data.
 *
 * @category models
 * @since 0.5.0
 */
export const PartnerStaff = Schema.Struct({ personId: PersonId, name: Text(60), role: Text(30) })
/** @category models @since 0.5.0 */
export type PartnerStaff = typeof PartnerStaff.Type

const ServedNodes = Schema.Array(GridNodeId).check(Schema.isMaxLength(100, says("must list at most 100 nodes", "最多 100 个节点")))

/**
 * One withdrawal of a partner: when, and when it was reinstated (`null`: not yet).
 *
 * @category models
 * @since 0.5.0
 */
export const PartnerWithdrawal = Schema.Struct({ withdrawnAt: Instant, reinstatedAt: Schema.NullOr(Instant) })
/** @category models @since 0.5.0 */
export type PartnerWithdrawal = typeof PartnerWithdrawal.Type

/**
 * A partner organisation registered at a grid node (`scope` is that node's path, the node
 * last), serving the nodes in `serves`.
 *
 * @category models
 * @since 0.5.0
 */
export const Partner = Schema.Struct({
  id: PartnerId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  type: PartnerType,
  name: OrganisationName,
  serves: Schema.Array(GridNodeId),
  staff: Schema.Array(PartnerStaff),
  /** The points ledger's merchant accounts it keeps: its catalog items count as its services. */
  merchantAccountIds: Schema.Array(AccountId),
  status: PartnerStatus,
  createdAt: Instant,
  updatedAt: Instant,
  withdrawnAt: Schema.NullOr(Instant),
  /**
   * Its past withdrawals, oldest first, each with when it was reinstated (`null`: still
   * withdrawn). Absent on partners never withdrawn since it was kept.
   */
  withdrawals: Schema.optionalKey(Schema.Array(PartnerWithdrawal)),
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export interface Partner extends Schema.Schema.Type<typeof Partner> {}

/**
 * What a partner provided: a free service given (`free`, recorded by staff or the partner's
 * own staff) or an order of one of its catalog items confirmed with the pickup code
 * (`redemption`, recorded when the ledger posts it). `scope` is where it was provided.
 *
 * @category models
 * @since 0.5.0
 */
export const Provision = Schema.Struct({
  id: ProvisionId,
  countyId: GridNodeId,
  partnerId: PartnerId,
  partnerType: PartnerType,
  nodeId: GridNodeId,
  scope: Schema.Array(GridNodeId),
  kind: Schema.Literals(["free", "redemption"]),
  title: OrganisationName,
  serviceId: Schema.NullOr(ServiceId),
  /** People served. */
  people: Schema.Int,
  /** Points the orders paid (0 for a free service). */
  points: Schema.Int,
  providedAt: Instant
})
/** @category models @since 0.5.0 */
export type Provision = typeof Provision.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Register a partner at a node (`partners.manage` there); every served node lies in the
 * caller's scope and county.
 *
 * @category commands
 * @since 0.5.0
 */
export const RegisterPartner = Schema.Struct({ nodeId: GridNodeId, type: PartnerType, name: OrganisationName, serves: opt(ServedNodes) })
/** @category commands @since 0.5.0 */
export type RegisterPartner = typeof RegisterPartner.Type

const version = opt(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, says("must be a version (0 or more)", "必须是版本号（不小于 0）"))))

/** @category commands @since 0.5.0 */
export const UpdatePartner = Schema.TaggedStruct("Update", { name: opt(OrganisationName), serves: opt(ServedNodes), expectedVersion: version })
/** @category commands @since 0.5.0 */
export const AddPartnerStaff = Schema.TaggedStruct("AddStaff", { personId: PersonId, role: Text(30), expectedVersion: version })
/** @category commands @since 0.5.0 */
export const RemovePartnerStaff = Schema.TaggedStruct("RemoveStaff", { personId: PersonId, expectedVersion: version })
/**
 * Link one of the ledger's merchant accounts (of the same county, at a node in the caller's
 * scope): the partner may then list free services (0 points) on it.
 *
 * @category commands
 * @since 0.5.0
 */
export const LinkMerchantAccount = Schema.TaggedStruct("LinkMerchant", { merchantAccountId: AccountId, expectedVersion: version })
/** @category commands @since 0.5.0 */
export const WithdrawPartner = Schema.TaggedStruct("Withdraw", { expectedVersion: version })
/** @category commands @since 0.5.0 */
export const ReinstatePartner = Schema.TaggedStruct("Reinstate", { expectedVersion: version })

/**
 * A command on an existing partner.
 *
 * @category commands
 * @since 0.5.0
 */
export const PartnerCommand = Schema.Union([UpdatePartner, AddPartnerStaff, RemovePartnerStaff, LinkMerchantAccount, WithdrawPartner, ReinstatePartner])
/** @category commands @since 0.5.0 */
export type PartnerCommand = typeof PartnerCommand.Type

/**
 * Record a free service a partner gave at a node (on a day of the county's calendar, today
 * when absent), to `people` people (1 when absent).
 *
 * @category commands
 * @since 0.5.0
 */
export const RecordProvision = Schema.Struct({
  nodeId: GridNodeId,
  title: OrganisationName,
  serviceId: opt(ServiceId),
  people: opt(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10_000 }, says("must be a number of people from 1 to 10000", "必须是 1 到 10000 之间的人数")))),
  providedOn: opt(CalendarDate)
})
/** @category commands @since 0.5.0 */
export type RecordProvision = typeof RecordProvision.Type

// ---------------------------------------------------------------------------
// Events

const when = { at: Instant, actor: ActorRef }

/**
 * What happened to a partner.
 *
 * @category events
 * @since 0.5.0
 */
export const PartnerEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("registered"), ...when, partner: Partner }),
  Schema.Struct({ type: Schema.Literal("updated"), ...when, name: opt(OrganisationName), serves: opt(Schema.Array(GridNodeId)) }),
  Schema.Struct({ type: Schema.Literal("staffAdded"), ...when, staff: PartnerStaff }),
  Schema.Struct({ type: Schema.Literal("staffRemoved"), ...when, personId: PersonId }),
  Schema.Struct({ type: Schema.Literal("merchantLinked"), ...when, merchantAccountId: AccountId }),
  Schema.Struct({ type: Schema.Literal("withdrawn"), ...when }),
  Schema.Struct({ type: Schema.Literal("reinstated"), ...when })
])
/** @category events @since 0.5.0 */
export type PartnerEvent = typeof PartnerEvent.Type

/**
 * The partners events as the feed shows them: types and counts, never a staff member.
 *
 * @category schemas
 * @since 0.5.0
 */
export const PartnersFeedEvents = [
  feedEvent("partners.organisation.registered", { type: PartnerType, nodeId: GridNodeId }),
  feedEvent("partners.organisation.updated", { changed: Schema.Array(Schema.String) }),
  feedEvent("partners.organisation.withdrawn", { type: PartnerType }),
  feedEvent("partners.organisation.reinstated", { type: PartnerType }),
  feedEvent("partners.service.provided", { partnerId: PartnerId, kind: Schema.Literals(["free", "redemption"]), people: Schema.Int, points: Schema.Int })
] as const
