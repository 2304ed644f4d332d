import { expect, test } from "@playwright/test";
import { expectAccessible, localDateTime, shot, signIn } from "../support";

/** An operation placed on the map, by pointer, keys and typed coordinates. */
export function operationOnTheMap(): void {
  test("an operation placed on the map is accepted at once, with whom to call", async ({
    browser,
  }) => {
    const page = await signIn(browser, "apd.investigator", "/operations");
    await expectAccessible(page, "plan an operation");
    const map = page.getByTestId("map-svg");
    const box = await map.boundingBox();
    if (!box) throw new Error("the map is not on screen");
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const latitude = page.getByLabel("Latitude", { exact: true });
    const longitude = page.getByLabel("Longitude", { exact: true });
    await expect(latitude).toHaveValue(/^35\.08/);
    await expect(longitude).toHaveValue(/^-106\.65/);
    await expect(page.getByTestId("map-marker")).toHaveCount(1);
    // From the keyboard: the arrow keys move the point north.
    const before = Number(await latitude.inputValue());
    await page.getByRole("application", { name: "Map of the operation's place" }).press("ArrowUp");
    expect(Number(await latitude.inputValue())).toBeGreaterThan(before);

    // The exact place typed, a block from the FBI's warrant and the Sheriff's surveillance.
    await latitude.fill("35.0810");
    await longitude.fill("-106.6062");
    await page.getByLabel("Radius (metres)").fill("200");
    await page.getByLabel("Starts", { exact: true }).fill(localDateTime(20));
    await page.getByLabel("Ends", { exact: true }).fill(localDateTime(30));
    await page.getByLabel("On-scene contact: phone").fill("+15055550177");
    await page.getByLabel("Case reference (optional)").fill("APD-2026-0412");
    await page.getByRole("button", { name: "Register operation" }).click();
    await expect(page.getByText(/^Accepted with \d+ conflicts?/)).toBeVisible();
    await expect(page.getByTestId("whom-to-call").first()).toContainText(/Brandt|Sandoval/);
    await expectAccessible(page, "operation accepted with conflicts");
    await shot(page, "operation-map");
    await page.context().close();
  });
}
