/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The gateway serves what this builds from its classpath (console/), so Maven packages
// target/classes/console into the console jar. `npm run dev` proxies the API and the login to a
// gateway on 8080, so the session cookie stays first-party.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "target/classes/console",
    emptyOutDir: true,
    // No inline scripts or styles: the gateway's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/console": "http://127.0.0.1:8080",
      "/oauth2": "http://127.0.0.1:8080",
      "/login": "http://127.0.0.1:8080",
      "/logout": "http://127.0.0.1:8080",
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
