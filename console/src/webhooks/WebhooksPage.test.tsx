import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import WebhooksPage, { newSecret } from "./WebhooksPage";

const hook = {
  subscriptionId: "wh-1",
  url: "https://rms.bcso.example/hooks",
  kinds: ["NOTIFICATION_KIND_TARGET_CONFLICT"],
  enabled: true,
  health: "WEBHOOK_HEALTH_HEALTHY",
  etag: "4",
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("webhook endpoints", () => {
  it("adds one with a secret made in the browser and shown once", async () => {
    let listed: unknown[] = [];
    const calls = fakeApi({
      "GET /console/me": me(["admin"], "bcso"),
      "GET /api/v1/webhooks": () => ({ status: 200, body: { subscriptions: listed } }),
      "POST /api/v1/webhooks": () => {
        listed = [hook];
        return { status: 200, body: { subscription: hook } };
      },
    });
    const user = userEvent.setup();
    renderAt("/webhooks", "/webhooks", <WebhooksPage />);
    expect(await screen.findByText("No endpoints yet.")).toBeTruthy();
    await user.type(screen.getByLabelText("URL (https)"), "https://rms.bcso.example/hooks");
    await user.click(screen.getByLabelText("target conflicts"));
    await user.click(screen.getByRole("button", { name: "Add endpoint" }));

    const secret = await screen.findByTestId("webhook-secret");
    const sent = calls.find((c) => c.method === "POST")?.body as Record<string, unknown>;
    expect(sent).toEqual({
      url: "https://rms.bcso.example/hooks",
      kinds: ["NOTIFICATION_KIND_TARGET_CONFLICT"],
      secret: secret.textContent,
      enabled: true,
    });
    expect(secret.textContent).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(
      await screen.findByRole("cell", { name: "https://rms.bcso.example/hooks" }),
    ).toBeTruthy();
    // Never listed back: once dismissed, the secret is nowhere on the page.
    await user.click(screen.getByRole("button", { name: "I have stored it" }));
    expect(document.body.textContent).not.toContain(String(sent["secret"]));
  });

  it("turns one off with its etag, and deletes one", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["admin"], "bcso"),
      "GET /api/v1/webhooks": { status: 200, body: { subscriptions: [hook] } },
      "PATCH /api/v1/webhooks/wh-1": { status: 200, body: { subscription: hook } },
      "DELETE /api/v1/webhooks/wh-1": { status: 200, body: {} },
    });
    vi.spyOn(window, "confirm").mockReturnValue(true);
    const user = userEvent.setup();
    renderAt("/webhooks", "/webhooks", <WebhooksPage />);
    await user.click(
      await screen.findByRole("button", { name: "Turn off https://rms.bcso.example/hooks" }),
    );
    await waitFor(() => {
      expect(calls.some((c) => c.method === "PATCH")).toBe(true);
    });
    const patch = calls.find((c) => c.method === "PATCH");
    expect(patch?.url.searchParams.get("updateMask")).toBe("enabled");
    expect(patch?.body).toEqual({ enabled: false, etag: "4" });

    await user.click(screen.getByRole("button", { name: "Delete https://rms.bcso.example/hooks" }));
    await waitFor(() => {
      expect(calls.find((c) => c.method === "DELETE")?.url.searchParams.get("etag")).toBe("4");
    });
  });

  it("is for administrators only", async () => {
    const calls = fakeApi({ "GET /console/me": me(["investigator"]) });
    renderAt("/webhooks", "/webhooks", <WebhooksPage />);
    expect(await screen.findByText(/managed by your agency's administrators/)).toBeTruthy();
    expect(calls.some((c) => c.url.pathname === "/api/v1/webhooks")).toBe(false);
  });

  it("makes a different 256-bit secret each time", () => {
    const a = newSecret();
    expect(a).toHaveLength(43);
    expect(newSecret()).not.toBe(a);
  });
});
