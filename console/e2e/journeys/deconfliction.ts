import { expect, test } from "@playwright/test";
import { checkPhone, expectAccessible, shot, signIn } from "../support";

// Whose phone FBI registers first, its case reference (never shown to another agency) and BCSO's
// contact.
const PHONE = "(505) 555-0188";
const FBI_CASE = "FBI-ABQ-2026-0411";
const BCSO_CONTACT = "Det. Ray Montoya";

/**
 * FBI checks and registers a phone; BCSO checks it and is told whom to call; FBI acknowledges the
 * conflict.
 */
export function checkRegisterAndConflict(): void {
  test("an investigator checks a phone before acting, then registers it", async ({ browser }) => {
    const page = await signIn(browser, "fbi.investigator", "/check");
    await expectAccessible(page, "check before acting");
    await checkPhone(page, PHONE, "search warrant FBI-ABQ-2026-0411");
    await expect(page.getByRole("heading", { name: "No conflict found" })).toBeVisible();

    await expect(page.getByLabel("Whom to call: name")).toHaveValue("Michael Brandt");
    await page.getByLabel("Whom to call: phone").fill("+15055550155");
    await page.getByLabel("Case reference (optional)").fill(FBI_CASE);
    await page.getByRole("button", { name: "Register what I checked" }).click();
    await expect(page.getByText(/^Registered: /)).toBeVisible();
    await shot(page, "check-registered");
    await page.context().close();
  });

  test("a second agency checks the same phone: whom to call, never the case; then a conflict", async ({
    browser,
  }) => {
    const page = await signIn(browser, "bcso.investigator", "/check");
    await checkPhone(page, "505.555.0188", "buy-bust BCSO-26-7710");
    await expect(page.getByRole("heading", { name: "1 conflict found" })).toBeVisible();
    const whom = page.getByTestId("whom-to-call");
    await expect(whom).toContainText("Michael Brandt");
    await expect(whom).toContainText("+15055550155");
    await expect(page.locator("body")).not.toContainText(FBI_CASE);
    await expectAccessible(page, "check answer with a hit");
    await shot(page, "check-whom-to-call");

    await page.getByLabel("Whom to call: name").fill(BCSO_CONTACT);
    await page.getByLabel("Whom to call: phone").fill("+15055550199");
    await page.getByRole("button", { name: "Register what I checked" }).click();
    await expect(page.getByText(/^Registered: /)).toBeVisible();

    await page.getByRole("link", { name: "Conflicts" }).click();
    const card = page.locator("article").filter({ hasText: "target conflict" });
    await expect(card.filter({ hasText: "Michael Brandt" })).toHaveCount(1);
    await expect(page.locator("body")).not.toContainText(FBI_CASE);
    await expectAccessible(page, "conflicts");
    await page.context().close();
  });

  test("the first agency sees the conflict on My work and acknowledges it", async ({ browser }) => {
    const page = await signIn(browser, "fbi.investigator");
    const toAcknowledge = page.getByRole("region", { name: "Conflicts to acknowledge" });
    await expect(toAcknowledge).toContainText("target conflict");
    await expectAccessible(page, "my work");
    await shot(page, "my-work");

    await page.goto("/conflicts?kind=CONFLICT_KIND_TARGET");
    const card = page.locator("article").filter({ hasText: BCSO_CONTACT });
    await expect(card).toHaveCount(1);
    await shot(page, "conflicts");
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await expect(card.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await expect(card.locator("li").filter({ hasText: "Michael Brandt" })).toContainText(
      /· acknowledged /,
    );

    await page.goto("/");
    await expect(toAcknowledge).not.toContainText("target conflict");
    await page.context().close();
  });
}

/** FBI renews the registration of the first journey, then withdraws it. */
export function renewAndWithdraw(): void {
  test("the first agency renews its registration, then withdraws it", async ({ browser }) => {
    const page = await signIn(browser, "fbi.investigator", "/registrations");
    const row = page.getByRole("row").filter({ hasText: "555-0188" });
    await expect(row).toContainText(FBI_CASE);
    await expect(row).toContainText(/in 1[78]\d days/);
    await expectAccessible(page, "registrations");
    await shot(page, "registrations");
    await row.getByRole("button", { name: /^Renew / }).click();
    await expect(row.getByRole("status")).toHaveText("Renewed.");

    await row.getByRole("button", { name: /^Withdraw .*…$/ }).click();
    await row.getByLabel("Reason").fill("suspect arrested");
    await row.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect(row).toHaveCount(0);
    await page.getByLabel("Status").selectOption("REGISTRATION_STATUS_WITHDRAWN");
    expect(new URL(page.url()).searchParams.get("status")).toBe("REGISTRATION_STATUS_WITHDRAWN");
    await expect(row).toContainText("withdrawn — suspect arrested");
    await page.context().close();
  });
}
