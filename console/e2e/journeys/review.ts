import { expect, test } from "@playwright/test";
import { expectAccessible, shot, signIn } from "../support";

/** A watch officer confirms a possible match; an investigator is not offered the queue. */
export function reviewQueue(): void {
  test("a watch officer confirms a possible match in the review queue", async ({ browser }) => {
    const page = await signIn(browser, "ago.watch");
    await page.getByRole("link", { name: "Review queue" }).first().click();
    await expect(page).toHaveURL(/\/review$/);
    const card = page.locator("article").filter({ hasText: "Ortega" }).first();
    await expect(card.getByRole("table")).toContainText("person Jesus Ortega");
    await expect(card.getByRole("table")).toContainText("Ramírez");
    await expectAccessible(page, "review queue");
    await shot(page, "review-queue");
    await card.getByLabel("Decision note").fill("same man: NNPD's warrant photo matches HSI's");
    await card.getByRole("button", { name: "Confirm match" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Confirmed: conflict" })).toBeVisible();
    await page.context().close();

    // An investigator is not a watch officer: the queue is not theirs.
    const investigator = await signIn(browser, "nnpd.investigator", "/review");
    await expect(investigator.getByRole("link", { name: "Review queue" })).toHaveCount(0);
    await expect(investigator.getByText("worked by the task force's watch officers")).toBeVisible();
    await investigator.context().close();
  });
}
