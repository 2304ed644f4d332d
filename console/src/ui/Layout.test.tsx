import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import { Layout } from "./Layout";

afterEach(() => {
  vi.unstubAllGlobals();
});

const tooMany = {
  status: 429,
  body: {
    error: {
      code: 429,
      status: "RESOURCE_EXHAUSTED",
      message: "too many requests from address:127.0.0.1; retry in 1 s",
      details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMITED" }],
    },
  },
};

describe("the console's frame", () => {
  it("offers to sign in when there is no session", async () => {
    fakeApi({
      "GET /console/me": {
        status: 401,
        body: { error: { code: 401, status: "UNAUTHENTICATED", message: "sign in first" } },
      },
    });
    renderAt("/", "/", <Layout />);
    const signIn = await screen.findByRole("link", { name: "Sign in" });
    expect(signIn.getAttribute("href")).toBe("/oauth2/authorization/keycloak");
  });

  it("does not take a rate-limited answer for being signed out: it asks again", async () => {
    let calls = 0;
    fakeApi({
      "GET /console/me": () => (++calls === 1 ? tooMany : me(["investigator"])),
    });
    renderAt("/", "/", <Layout />);
    expect((await screen.findByTestId("signed-in-as", {}, { timeout: 4000 })).textContent).toBe(
      "Dana Officer · apd",
    );
    expect(calls).toBe(2);
    expect(screen.queryByRole("link", { name: "Sign in" })).toBeNull();
  });
});
