import { describe, expect, it } from "vitest";
import { STATUSES } from "./types";

// The console's copy of the gateway's OpenAPI (kept equal to what the gateway serves).
const api = Object.values(
  import.meta.glob("../../openapi.json", { eager: true, import: "default" }),
)[0] as {
  components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
};

describe("tip statuses", () => {
  it("labels every status the API can answer, CONVERTING included", () => {
    const statuses = api.components.schemas["taskforce.intake.v1.Tip"]?.properties["status"]?.enum;
    expect(statuses).toContain("TIP_STATUS_CONVERTING");
    const unlabelled = (statuses ?? []).filter(
      (s) => s !== "TIP_STATUS_UNSPECIFIED" && !STATUSES[s],
    );
    expect(unlabelled).toEqual([]);
    expect(STATUSES["TIP_STATUS_CONVERTING"]).toBe("being opened as a case");
  });
});
