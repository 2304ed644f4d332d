import { expect, test } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { percentile, screenshots, signIn } from "../support";

/** The check form from the keyboard alone. */
export function keyboardOnly(): void {
  test("the check form works from the keyboard alone", async ({ browser }) => {
    const page = await signIn(browser, "usao.investigator", "/check");
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}#${el.id}:${el.textContent}` : "";
      });
    await page.keyboard.press("Tab");
    expect(await focused()).toContain("Skip to content");
    await page.keyboard.press("Enter");
    const tabTo = async (want: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        if (want.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${want}`);
    };
    await tabTo(/^input#purpose:/);
    await page.keyboard.type("arrest warrant USAO-2026-88");
    await tabTo(/^input#selector-0-number:/);
    await page.keyboard.type("(505) 555-0142");
    await tabTo(/^button#:Check$/);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /^\d+ conflicts? found$/ })).toBeVisible();
    await expect(page.getByTestId("whom-to-call").first()).toBeVisible();
    await page.context().close();
  });
}

/** The check screen's speed: ready to type, and a check until its answer is on screen. */
export function figures(): void {
  test("figures: the check screen ready to type, and a check until its answer is on screen", async ({
    browser,
  }) => {
    const page = await signIn(browser, "usao.investigator");
    const cdp = await page.context().newCDPSession(page);
    // The gateway limits calls without a bearer token per client address (10/s, burst 20), and the
    // console's pages, files and session calls are such calls: the loads and checks are paced below
    // that, so the figures measure the console and not the limiter.
    const readyToType = async (cold: boolean) => {
      await page.waitForTimeout(2_000);
      if (cold) await cdp.send("Network.clearBrowserCache");
      await page.goto("/check", { waitUntil: "commit" });
      const handle = await page.waitForFunction(
        () => {
          const purpose = document.querySelector<HTMLInputElement>("#purpose");
          const name = document.querySelector<HTMLInputElement>("#contact-name");
          return purpose && !purpose.disabled && name?.value ? performance.now() : false;
        },
        undefined,
        { polling: "raf" },
      );
      return (await handle.jsonValue()) as number;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) cold.push(await readyToType(true));
    for (let i = 0; i < 5; i++) warm.push(await readyToType(false));
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);

    await page
      .getByLabel("Purpose (recorded in the audit trail)")
      .fill("pre-raid check USAO-2026-91");
    await page.getByLabel("Phone number").fill("(505) 555-0142");
    const timings: number[] = [];
    for (let i = 0; i < 100; i++) {
      await page.waitForTimeout(150);
      timings.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const button = [...document.querySelectorAll("button")].find(
                (b) => b.textContent === "Check",
              );
              if (!button) throw new Error("no Check button");
              let sawPending = false;
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (button.textContent === "Checking…") sawPending = true;
                else if (document.querySelector('[role="alert"]')) {
                  observer.disconnect();
                  reject(new Error(document.querySelector('[role="alert"]')?.textContent ?? ""));
                } else if (sawPending && document.querySelector("#answer-heading")) {
                  observer.disconnect();
                  // On screen: the frame after the answer's render.
                  requestAnimationFrame(() => {
                    resolve(performance.now() - started);
                  });
                }
              });
              observer.observe(document.body, {
                subtree: true,
                childList: true,
                characterData: true,
              });
              button.click();
            }),
        ),
      );
    }
    await expect(page.getByRole("heading", { name: /^\d+ conflicts? found$/ })).toBeVisible();
    timings.sort((a, b) => a - b);
    const lines = [
      `check screen ready to type, cold cache (5 loads): median ${percentile(cold, 50).toFixed(0)} ms, max ${percentile(cold, 100).toFixed(0)} ms`,
      `check screen ready to type, warm cache (5 loads): median ${percentile(warm, 50).toFixed(0)} ms, max ${percentile(warm, 100).toFixed(0)} ms`,
      `check submitted until its answer is on screen (100 checks, one phone with hits): p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${percentile(timings, 100).toFixed(1)} ms`,
    ];
    for (const line of lines) console.log(`console figures: ${line}`);
    writeFileSync(`${screenshots}/../figures.txt`, `${lines.join("\n")}\n`);
    await page.context().close();
  });
}
