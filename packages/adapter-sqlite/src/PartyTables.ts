/**
 * The row types of the tables of partner organisations (migration `0018_partners`) and of
 * party members' registrations (migration `0019_party`), part of {@link Tables}.
 *
 * @since 0.5.0
 */
import type { AccountId, GridNodeId, PartnerId, PartnerStatus, PartnerType, PartyServiceId, PersonId, ProvisionId, RegistrationId, RegistrationStatus } from "@mulin/core"
import type { CountyConfigTable } from "./Tables.js"

/**
 * A partner organisation, whole in `doc`, with its type, status and the instants the
 * active count reads beside the path of its node.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerTable {
  readonly id: PartnerId
  readonly county_id: GridNodeId
  readonly path: string
  readonly type: PartnerType
  readonly status: PartnerStatus
  readonly created_at: string
  readonly withdrawn_at: string | null
  readonly version: number
  readonly doc: string
}

/**
 * A merchant account of the points ledger linked to a partner (one partner per account).
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerMerchantTable {
  readonly account_id: AccountId
  readonly partner_id: PartnerId
}

/**
 * A service a partner provided, whole in `doc`, with the instant beside the path where it
 * was provided. Written once (`version` 1).
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerServiceTable {
  readonly id: ProvisionId
  readonly county_id: GridNodeId
  readonly path: string
  readonly partner_id: PartnerId
  readonly provided_at: string
  readonly version: number
  readonly doc: string
}

/**
 * A party member's registration with a community, whole in `doc`, with the person, the
 * employer, the status and the instants the reports read beside the community's path.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartyRegistrationTable {
  readonly id: RegistrationId
  readonly county_id: GridNodeId
  readonly person_id: PersonId
  readonly path: string
  readonly employer_id: PartnerId
  readonly status: RegistrationStatus
  readonly registered_at: string
  readonly withdrawn_at: string | null
  readonly version: number
  readonly doc: string
}

/**
 * A service a party member gave, whole in `doc`, with the employer and the instant its day
 * starts beside the community's path. Written once (`version` 1).
 *
 * @category models
 * @since 0.5.0
 */
export interface PartyServiceTable {
  readonly id: PartyServiceId
  readonly county_id: GridNodeId
  readonly path: string
  readonly employer_id: PartnerId
  readonly served_at: string
  readonly version: number
  readonly doc: string
}

/**
 * The tables of the partners and party contexts, as part of kysely's database type ({@link Tables}).
 *
 * @category models
 * @since 0.5.0
 */
export interface PartyTables {
  readonly partners: PartnerTable
  readonly partner_merchants: PartnerMerchantTable
  readonly partner_services: PartnerServiceTable
  readonly party_configs: CountyConfigTable
  readonly party_registrations: PartyRegistrationTable
  readonly party_services: PartyServiceTable
}
