/**
 * The subpath entries of `@mulin/core` read as namespaces, and the flat root exports the
 * very same values.
 */
import * as Core from "@mulin/core"
import * as Activities from "@mulin/core/activities"
import * as Deliberation from "@mulin/core/deliberation"
import * as FollowUp from "@mulin/core/followup"
import * as Grid from "@mulin/core/grid"
import * as Jobs from "@mulin/core/jobs"
import * as Kernel from "@mulin/core/kernel"
import * as Matching from "@mulin/core/matching"
import * as Mediation from "@mulin/core/mediation"
import * as Memory from "@mulin/core/memory"
import * as Notifications from "@mulin/core/notifications"
import * as Places from "@mulin/core/places"
import * as Points from "@mulin/core/points"
import * as Reports from "@mulin/core/reports"
import * as Testing from "@mulin/core/testing"
import * as Visits from "@mulin/core/visits"
import { describe, expect, it } from "vitest"

const contexts = { Kernel, Grid, Points, Matching, Mediation, Deliberation, Places, Activities, Visits, Reports, FollowUp, Notifications, Jobs }

describe("@mulin/core's subpaths", () => {
  it("read as namespaces: each context's service and store under its own name", () => {
    expect(Grid.Grid).toBe(Core.Grid)
    expect(Points.Points).toBe(Core.Points)
    expect(Points.PointsStore).toBe(Core.PointsStore)
    expect(Matching.Matching).toBe(Core.Matching)
    expect(Mediation.Mediation).toBe(Core.Mediation)
    expect(Deliberation.Deliberation).toBe(Core.Deliberation)
    expect(FollowUp.FollowUp).toBe(Core.FollowUp)
    expect(FollowUp.FollowUpStore).toBe(Core.FollowUpStore)
    expect(Jobs.Jobs).toBe(Core.Jobs)
    expect(Jobs.JobsStore).toBe(Core.JobsStore)
    expect(Notifications.Notifications).toBe(Core.Notifications)
    expect(Notifications.NotificationStore).toBe(Core.NotificationStore)
    expect(Places.Places).toBe(Core.Places)
    expect(Places.PlacesStore).toBe(Core.PlacesStore)
    expect(Activities.Activities).toBe(Core.Activities)
    expect(Activities.ActivitiesStore).toBe(Core.ActivitiesStore)
    expect(Visits.Visits).toBe(Core.Visits)
    expect(Visits.VisitsStore).toBe(Core.VisitsStore)
    expect(Reports.Reports).toBe(Core.Reports)
    expect(Reports.ReportsStore).toBe(Core.ReportsStore)
    expect(Kernel.Commands).toBe(Core.Commands)
    expect(Kernel.Access).toBe(Core.Access)
  })

  it("export nothing the flat root lacks, each name the very same value", () => {
    for (const [entry, ns] of Object.entries(contexts)) {
      const names = Object.keys(ns)
      expect(names.length, entry).toBeGreaterThan(0)
      for (const name of names) {
        // A name two entries both export would be ambiguous, and so absent, in the flat root.
        expect(name in Core, `${entry}.${name} is not in @mulin/core`).toBe(true)
        expect(Core[name as keyof typeof Core], `${entry}.${name}`).toBe(ns[name as keyof typeof ns])
      }
    }
  })

  it("the in-memory store is one module, re-exported by @mulin/core/testing", () => {
    expect(Object.keys(Memory)).toContain("layerMemory")
    for (const name of Object.keys(Memory)) expect(Testing[name as keyof typeof Testing], name).toBe(Memory[name as keyof typeof Memory])
  })
})
