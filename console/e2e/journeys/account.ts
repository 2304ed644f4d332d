import { expect, test } from "@playwright/test";
import { expectAccessible, shot, signIn } from "../support";

/** The theme follows the system until chosen, then is the user's; sign-out ends both sessions. */
export function themeAndSignOut(): void {
  test("dark theme: follows the system until chosen, then kept for that user; sign-out ends the session", async ({
    browser,
  }) => {
    const page = await signIn(browser, "hsi.investigator");
    const theme = () => page.evaluate(() => document.documentElement.dataset["theme"]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(await theme()).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(await theme()).toBe("light");

    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await theme()).toBe("dark");
    await page.reload();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(await theme()).toBe("dark");
    await expectAccessible(page, "my work, dark theme");
    await shot(page, "my-work-dark");

    // Sign-out ends the gateway's session and Keycloak's: the next visit asks for the password.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.locator("#kc-login")).toBeVisible();
    const me = await page.request.get("/console/me");
    expect(me.status()).toBe(401);
    const api = await page.request.get("/api/v1/cases");
    expect(api.status()).toBe(401);
    await page.goto("/");
    await expect(page.locator("#kc-login")).toBeVisible();

    // Another user in the same browser has a theme of their own.
    await page.locator("#username").fill("apd.investigator");
    await page.locator("#password").fill("Taskforce-Demo-2026!");
    await page.locator("#kc-login").click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Carlos Rivera");
    expect(await theme()).toBe("light");
    await page.context().close();
  });
}
