import { expect, test, type Page } from "@playwright/test";
import { checkPhone, PASSWORD, shot, signIn } from "./support";

// Journeys of live updates, restricted registrations and expired sessions, in Chromium against the
// real local stack; after console.journey.ts, on phones of their own.
test.describe.configure({ mode: "serial" });

const LIVE_PHONE = "(505) 555-0133";
const RESTRICTED_PHONE = "(505) 555-0144";
const NEVER_REGISTERED_PHONE = "(505) 555-0145";
const TYPED_PHONE = "(505) 555-0146";

async function register(page: Page, contactPhone: string, disclosure?: string) {
  await page.getByLabel("Whom to call: phone").fill(contactPhone);
  if (disclosure) {
    await page.getByLabel("What the other side may learn").selectOption(disclosure);
  }
  await page.getByRole("button", { name: "Register what I checked" }).click();
  await expect(page.getByText(/^Registered: /)).toBeVisible();
}

test("a conflict another agency causes shows on My work at once, without a reload", async ({
  browser,
}) => {
  const apd = await signIn(browser, "apd.investigator", "/check");
  await checkPhone(apd, LIVE_PHONE, "surveillance APD-2026-0520");
  await expect(apd.getByRole("heading", { name: "No conflict found" })).toBeVisible();
  await register(apd, "+15055550171");

  const stream = apd.waitForResponse(
    (r) => new URL(r.url()).pathname === "/console/events" && r.status() === 200,
  );
  await apd.goto("/");
  await stream;
  const toAcknowledge = apd.getByRole("region", { name: "Conflicts to acknowledge" });
  await expect(apd.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  const before = await toAcknowledge.locator("li").count();
  const inbox = apd.getByRole("region", { name: /^Inbox/ });
  const inboxBefore = await inbox.locator("li").count();
  await apd.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  const bcso = await signIn(browser, "bcso.investigator", "/check");
  await checkPhone(bcso, "505-555-0133", "buy-bust BCSO-26-7801");
  await expect(bcso.getByRole("heading", { name: "1 conflict found" })).toBeVisible();
  await register(bcso, "+15055550172");
  const registered = Date.now();
  await bcso.context().close();

  // Live, not polled: screens poll every 15 s only while no event stream is open.
  await expect(toAcknowledge.locator("li")).toHaveCount(before + 1, { timeout: 8_000 });
  await expect(toAcknowledge).toContainText("target conflict");
  if (inboxBefore < 20) {
    // The inbox shows its newest 20: the conflict's notice (and that APD's phone was searched).
    await expect
      .poll(() => inbox.locator("li").count(), { timeout: 8_000 })
      .toBeGreaterThan(inboxBefore);
  }
  console.log(
    `console figures: a conflict on My work ${Date.now() - registered} ms after it arose`,
  );
  expect(
    await apd.evaluate(
      () => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage,
    ),
  ).toBe(true);
  await shot(apd, "my-work-live");
  await apd.context().close();
});

test("a restricted registration's hit looks exactly like no hit to another agency", async ({
  browser,
}) => {
  const nnpd = await signIn(browser, "nnpd.investigator", "/check");
  await checkPhone(nnpd, RESTRICTED_PHONE, "undercover NNPD-26-0077");
  await expect(nnpd.getByRole("heading", { name: "No conflict found" })).toBeVisible();
  await register(nnpd, "+15055550173", "DISCLOSURE_LEVEL_RESTRICTED");
  await nnpd.context().close();

  const usao = await signIn(browser, "usao.investigator", "/check");
  const answerTo = async (phone: string) => {
    await usao.goto("/check");
    const response = usao.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/checks");
    await checkPhone(usao, phone, "pre-indictment check USAO-2026-101");
    const body = (await (await response).json()) as Record<string, unknown>;
    await expect(usao.getByRole("heading", { name: /found$/ })).toBeVisible();
    return {
      answer: await usao.locator("section.answer").evaluate((e) => e.outerHTML),
      page: await usao.locator("main").innerText(),
      // The audit id of each check differs; everything else must be the same.
      body: JSON.stringify({ ...body, checkId: body["checkId"] ? "an id" : "none" }),
    };
  };
  const restricted = await answerTo(RESTRICTED_PHONE);
  const nothing = await answerTo(NEVER_REGISTERED_PHONE);
  expect(restricted.answer).toContain("No conflict found");
  expect(restricted.answer).toBe(nothing.answer);
  expect(restricted.page).toBe(nothing.page);
  expect(restricted.body).toBe(nothing.body);
  await usao.context().close();
});

test("an expired session keeps what was typed in the check form for the same user, who checks it after sign-in", async ({
  browser,
}) => {
  const page = await signIn(browser, "hsi.investigator", "/check");
  await page.getByLabel("Purpose (recorded in the audit trail)").fill("arrest warrant HSI-26-0311");
  await page.getByLabel("Phone number").fill(TYPED_PHONE);
  await page.getByLabel("Case reference (optional)").fill("HSI-26-0311");
  // The session ends while the form is open: the gateway's and Keycloak's cookies are gone.
  await page.context().clearCookies();

  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.locator("#kc-login")).toBeVisible();
  await page.locator("#username").fill("hsi.investigator");
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#kc-login").click();

  await expect(page.getByText(/You are signed in again; what you typed is back/)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/check");
  await expect(page.getByLabel("Purpose (recorded in the audit trail)")).toHaveValue(
    "arrest warrant HSI-26-0311",
  );
  await expect(page.getByLabel("Phone number")).toHaveValue(TYPED_PHONE);
  await expect(page.getByLabel("Case reference (optional)")).toHaveValue("HSI-26-0311");
  // Nothing is sent by itself: the check runs when the user presses Check again.
  await expect(page.getByRole("heading", { name: "No conflict found" })).toHaveCount(0);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No conflict found" })).toBeVisible();
  // Kept only for the round trip through the sign-in.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.context().close();
});
