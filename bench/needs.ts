/**
 * An open need as the benchmarks store it directly (posted, nobody assigned yet): the fields
 * a benchmark varies, and the rest as a fresh post leaves them.
 */
import type { Need } from "@mulin/core"

/** What a benchmark chooses of an open need. */
export type OpenNeedFields = Pick<Need, "id" | "countyId" | "nodeId" | "scope" | "category" | "requiredSkills" | "requester" | "urgency" | "dueAt" | "slots" | "title">

/** An open micro-wish posted and last changed at `at`, version 1. */
export const openNeed = (fields: OpenNeedFields, at: string): Need => ({
  ...fields,
  kind: "micro_wish",
  publicTitle: fields.title,
  description: "",
  reward: null,
  state: "open",
  status: "open",
  assignees: [],
  visits: [],
  helpers: [],
  doneAt: null,
  confirmation: null,
  paid: [],
  reason: null,
  postedAt: at,
  respondedAt: null,
  closedAt: null,
  version: 1,
  updatedAt: at
})
