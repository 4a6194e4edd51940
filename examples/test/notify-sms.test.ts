import { describe, expect, it } from "vitest"
import { runNotifySms } from "../notify-sms/main.js"

describe("examples/notify-sms", () => {
  it("delivers a need assigned to a volunteer who chose SMS through the gateway, by person id, with no phone number", async () => {
    const lines: Array<string> = []
    const texts = await runNotifySms((l) => lines.push(l))
    expect(texts).toHaveLength(1)
    expect(texts[0]!.to).toMatch(/^psn_/u)
    expect(texts[0]!.text).toContain("need_demo")
    expect(texts[0]!.key).toMatch(/\.sms$/u)
    expect(texts[0]!.text).not.toMatch(/1[3-9]\d{9}/u)
    expect(lines.join("\n")).toContain("1 delivered")
  })
})
