import { defineConfig } from "@playwright/test";

// The console's browser journeys: Debian's Chromium (never a browser download) against a running
// local stack — local/'s ConsoleBrowserJourneyTest starts one and runs `npm run journeys`.
const out = process.env["TASKFORCE_E2E_OUT"] ?? "../target/browser-journeys";

export default defineConfig({
  testDir: ".",
  testMatch: "*.journey.ts",
  // The journeys build on each other (a registration, then the other agency's check) and share
  // one stack: one worker, in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: `${out}/results`,
  reporter: [["list"]],
  use: {
    baseURL: process.env["TASKFORCE_URL"] ?? "http://127.0.0.1:8080",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env["CHROMIUM"] ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "off",
  },
});
