import { expect, type Browser, type Page } from "@playwright/test";
import axe from "axe-core";
import { mkdirSync } from "node:fs";

/** Every demo user's password in the development realm (README, "Two commands"). */
export const PASSWORD = "Taskforce-Demo-2026!";

const out = process.env["TASKFORCE_E2E_OUT"] ?? "target/browser-journeys";
export const screenshots = `${out}/screenshots`;
mkdirSync(screenshots, { recursive: true });

/**
 * Signs a demo user in as a person would: the console sends the browser to Keycloak's own login
 * page, the user types name and password there, and Keycloak sends the browser back. Each user
 * gets a browser context of their own (own cookies, own Keycloak session).
 */
export async function signIn(browser: Browser, username: string, path = "/"): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.locator("#kc-login")).toBeVisible();
  expect(new URL(page.url()).port).toBe("8180");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#kc-login").click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(path.split("?")[0]);
  return page;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core run inside the page (injected through the DevTools protocol, which the page's strict
 * CSP does not govern): no serious or critical violation on this screen.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  const installed = await page.evaluate(() => "axe" in window);
  if (!installed) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter(
    (v: AxeViolation) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id} (${v.impact ?? ""}): ${v.help} at ${JSON.stringify(v.nodes)}`),
    `axe-core on ${screen}`,
  ).toEqual([]);
}

/** A full-page screenshot of a main screen, for the README. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

/** A datetime-local value `hours` from now, in the browser's (= this machine's) time zone. */
export function localDateTime(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
}

/** Fills the check form's purpose and phone, and checks. */
export async function checkPhone(page: Page, number: string, purpose: string): Promise<void> {
  await page.getByLabel("Purpose (recorded in the audit trail)").fill(purpose);
  await page.getByLabel("Phone number").fill(number);
  await page.getByRole("button", { name: "Check", exact: true }).click();
}
