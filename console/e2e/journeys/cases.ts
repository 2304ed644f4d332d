import { expect, test } from "@playwright/test";
import { expectAccessible, shot, signIn } from "../support";

/** The joint case as its commander, its advocate and investigators of other agencies see it. */
export function jointCase(): void {
  test("a commander opens the joint case: subjects' deconfliction states and the timeline", async ({
    browser,
  }) => {
    const page = await signIn(browser, "ago.commander", "/cases");
    await expectAccessible(page, "cases");
    await shot(page, "cases");
    await page.getByRole("link", { name: /Operation Desert Lantern/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Operation Desert Lantern");
    await expectAccessible(page, "case overview");

    await page.getByRole("tab", { name: "Subjects" }).click();
    const subjects = page.getByRole("tabpanel");
    await expect(subjects).toContainText("Jesús Ortega-Ramírez");
    await expect(subjects).toContainText("Ortega's work phone");
    await shot(page, "case-subjects");
    await page.getByRole("tab", { name: "Timeline" }).click();
    await expect(page.getByRole("tabpanel").locator("li").first()).toBeVisible();
    await expect(page.getByRole("tab", { name: "Victims" })).toHaveCount(0);
    await expectAccessible(page, "case timeline");
    await page.context().close();
  });

  test("the victims tab: the advocate sees it, another agency's investigator on the case sees the count, one not on the case sees nothing", async ({
    browser,
  }) => {
    const advocate = await signIn(browser, "crisis.advocate", "/cases");
    await advocate.getByRole("link", { name: /Operation Desert Lantern/ }).click();
    await advocate.getByRole("tab", { name: "Victims" }).click();
    await expect(advocate.getByRole("tabpanel")).toContainText("V-1 (demo)");
    await expectAccessible(advocate, "case victims");
    const caseUrl = new URL(advocate.url()).pathname;
    await advocate.context().close();

    const hsi = await signIn(browser, "hsi.investigator", caseUrl);
    await expect(hsi.getByRole("heading", { level: 1 })).toContainText("Operation Desert Lantern");
    await expect(hsi.getByTestId("victim-count")).toContainText("1 victim(s) recorded");
    await expect(hsi.getByRole("tab", { name: "Victims" })).toHaveCount(0);
    await expect(hsi.locator("body")).not.toContainText("V-1 (demo)");
    await hsi.context().close();

    const fbi = await signIn(browser, "fbi.investigator", caseUrl);
    await expect(fbi.getByRole("heading", { level: 1 })).toHaveText("Case not found");
    await expect(fbi.locator("body")).not.toContainText("Desert Lantern");
    await expectAccessible(fbi, "case not found");
    await fbi.context().close();
  });
}
