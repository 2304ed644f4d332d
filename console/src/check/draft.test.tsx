import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import CheckPage from "./CheckPage";
import { keepForSignIn, signIn, takeInterrupted } from "./draft";
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

const RESTORED = /You are signed in again; what you typed is back/;

/** `/console/me` for someone else signing in on the same tab. */
const someoneElse = () => {
  const other = me(["investigator"], "bcso");
  return { ...other, body: { ...other.body, subject: "u-2", username: "bcso.investigator" } };
};

function typedForm() {
  const form = emptyCheck("Dana Officer");
  form.purpose = "surveillance APD-26-9";
  form.selectors = [{ ...emptySelector(), number: "(505) 555-0166" }];
  return form;
}

const posts = (calls: ReturnType<typeof fakeApi>) => calls.filter((c) => c.method === "POST");

/** Types a check, sends it into an ended session, and comes back from the sign-in's redirect. */
async function interruptedCheck() {
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
  return user;
}

describe("a check the end of a session interrupts", () => {
  it("comes back to the same user after the sign-in, and is sent only when they press Check", async () => {
    const user = await interruptedCheck();
    expect(JSON.parse(sessionStorage.getItem("taskforce.check.interrupted") ?? "{}")).toMatchObject(
      {
        subject: "u-1",
      },
    );

    // Back from the sign-in as the same user, on a fresh page.
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": { status: 200, body: { hits: [], checkId: "chk-2" } },
    });
    renderAt("/check", "/check", <CheckPage />);
    expect(await screen.findByText(RESTORED)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/Purpose/).value).toBe(
      "arrest warrant BCSO-26-1",
    );
    expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("(505) 555-0177");
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByRole("heading", { name: "No conflict found" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByRole("heading", { name: "No conflict found" })).toBeTruthy();
    // One check, the one the user asked for: none was sent by itself before (or after) the click.
    expect(posts(calls).map((c) => c.body)).toEqual([
      {
        selectors: [{ phone: { number: "(505) 555-0177", defaultRegionCode: "US" } }],
        purpose: "arrest warrant BCSO-26-1",
      },
    ]);
  });

  it("is discarded, unseen and unsent, when someone else signs in on the tab", async () => {
    const user = await interruptedCheck();

    const calls = fakeApi({
      "GET /console/me": someoneElse(),
      "POST /api/v1/checks": { status: 200, body: { hits: [], checkId: "chk-3" } },
    });
    renderAt("/check", "/check", <CheckPage />);
    await waitFor(() => {
      expect(sessionStorage.length).toBe(0);
    });
    expect(screen.queryByText(RESTORED)).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>(/Purpose/).value).toBe("");
    expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("");
    expect(document.body.textContent).not.toContain("BCSO-26-1");

    await user.type(screen.getByLabelText(/Purpose/), "surveillance BCSO-26-4");
    await user.type(screen.getByLabelText("Phone number"), "(505) 555-0100");
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByRole("heading", { name: "No conflict found" })).toBeTruthy();
    expect(posts(calls).map((c) => c.body)).toEqual([
      {
        selectors: [{ phone: { number: "(505) 555-0100", defaultRegionCode: "US" } }],
        purpose: "surveillance BCSO-26-4",
      },
    ]);
    expect(screen.queryByText(RESTORED)).toBeNull();
  });

  it("ignores a draft that names no one", async () => {
    fakeApi({ "GET /console/me": me(["investigator"]) });
    const form = typedForm();
    sessionStorage.setItem("taskforce.check.interrupted", JSON.stringify({ form }));
    renderAt("/check", "/check", <CheckPage />);
    await waitFor(() => {
      expect(sessionStorage.length).toBe(0);
    });
    expect(screen.queryByText(RESTORED)).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("");
  });

  it("ignores what it cannot read back", async () => {
    fakeApi({ "GET /console/me": me(["investigator"]) });
    sessionStorage.setItem("taskforce.check.interrupted", "{not json");
    renderAt("/check", "/check", <CheckPage />);
    expect(await screen.findByLabelText(/Purpose/)).toBeTruthy();
    await waitFor(() => {
      expect(sessionStorage.length).toBe(0);
    });
    expect(screen.queryByText(RESTORED)).toBeNull();
  });
});

describe("the draft in storage", () => {
  it("goes back only to the subject who typed it, and only once", () => {
    const form = typedForm();
    keepForSignIn({ subject: "u-1", form });
    expect(takeInterrupted("u-1")).toEqual({ subject: "u-1", form });
    expect(takeInterrupted("u-1")).toBeUndefined();
    keepForSignIn({ subject: "u-1", form });
    expect(takeInterrupted("u-2")).toBeUndefined();
    expect(takeInterrupted("u-1")).toBeUndefined();
    keepForSignIn({ subject: "u-1", form });
    expect(takeInterrupted("")).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });
});
