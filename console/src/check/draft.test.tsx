import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import CheckPage from "./CheckPage";
import { keepForSignIn, signIn } from "./draft";
import { emptyCheck, emptySelector } from "./model";

const sessionEnded = {
  status: 401,
  body: {
    error: {
      code: 401,
      status: "UNAUTHENTICATED",
      message: "your sign-in has ended; sign in again",
      details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SESSION_ENDED" }],
    },
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe("a check the end of a session interrupts", () => {
  it("keeps what was typed for the sign-in, then brings it back and carries on once", async () => {
    fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": sessionEnded,
    });
    const away = vi.spyOn(signIn, "again").mockImplementation(() => undefined);
    const user = userEvent.setup();
    const first = renderAt("/check", "/check", <CheckPage />);
    await user.type(screen.getByLabelText(/Purpose/), "arrest warrant BCSO-26-1");
    await user.type(screen.getByLabelText("Phone number"), "(505) 555-0177");
    await user.click(screen.getByRole("button", { name: "Check" }));
    await waitFor(() => {
      expect(away).toHaveBeenCalledTimes(1);
    });
    expect(sessionStorage.length).toBe(1);
    first.unmount();

    // Back from the sign-in, on a fresh page.
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": { status: 200, body: { hits: [], checkId: "chk-2" } },
    });
    renderAt("/check", "/check", <CheckPage />);
    expect(
      await screen.findByText("You are signed in again; what you typed is back."),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Purpose/).value).toBe(
      "arrest warrant BCSO-26-1",
    );
    expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("(505) 555-0177");
    expect(await screen.findByRole("heading", { name: "No conflict found" })).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([
      {
        selectors: [{ phone: { number: "(505) 555-0177", defaultRegionCode: "US" } }],
        purpose: "arrest warrant BCSO-26-1",
      },
    ]);
    expect(sessionStorage.length).toBe(0);
  });

  it("brings back an interrupted registration without sending it again by itself", async () => {
    const calls = fakeApi({ "GET /console/me": me(["investigator"]) });
    const form = emptyCheck("Dana Officer");
    form.purpose = "surveillance APD-26-9";
    form.selectors = [{ ...emptySelector(), number: "(505) 555-0166" }];
    keepForSignIn({ form, register: true });
    renderAt("/check", "/check", <CheckPage />);
    expect(await screen.findByText(/signed in again/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("(505) 555-0166");
    expect(sessionStorage.length).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("ignores what it cannot read back", async () => {
    fakeApi({ "GET /console/me": me(["investigator"]) });
    sessionStorage.setItem("taskforce.check.interrupted", "{not json");
    renderAt("/check", "/check", <CheckPage />);
    expect(await screen.findByLabelText(/Purpose/)).toBeTruthy();
    expect(screen.queryByText(/signed in again/)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
