import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import OperationPage from "./OperationPage";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const signedIn = (map?: object) => {
  const user = me(["investigator"]);
  return { ...user, body: { ...user.body, ...(map ? { map } : {}) } };
};

function open(map?: object) {
  const calls = fakeApi({
    "GET /console/me": signedIn(map),
    "GET /api/v1/events": { status: 200, body: {} },
  });
  renderAt("/operations", "/operations", <OperationPage />);
  return calls;
}

describe("the operations map's background", () => {
  it("without a tile server it is the offline background: grid and scale, no images", async () => {
    const calls = open();
    await waitFor(() => {
      expect(calls.some((c) => c.url.pathname === "/console/me")).toBe(true);
    });
    expect(screen.getByText(/Offline map: coordinates and scale, no street tiles/)).toBeTruthy();
    expect(screen.queryAllByTestId("map-tile")).toHaveLength(0);
    expect(screen.queryByTestId("map-attribution")).toBeNull();
    expect(screen.getByTestId("map-svg").querySelectorAll("line.map-grid").length).toBeGreaterThan(
      0,
    );
    // The gateway is the only one asked.
    expect(calls.every((c) => c.url.origin === "http://console.test")).toBe(true);
  });

  it("with one it draws the server's tiles under the grid, with their attribution", async () => {
    open({
      tileUrl: "https://tiles.test/osm/{z}/{x}/{y}.png",
      attribution: "© OpenStreetMap contributors",
      maxZoom: 19,
    });
    const tiles = await screen.findAllByTestId("map-tile");
    expect(tiles.length).toBeGreaterThan(1);
    for (const tile of tiles) {
      expect(tile.getAttribute("href")).toMatch(/^https:\/\/tiles\.test\/osm\/14\/\d+\/\d+\.png$/);
    }
    // Albuquerque's tile at zoom 14 (x = 3338) is among them.
    expect(tiles.some((t) => t.getAttribute("href")?.includes("/14/3338/"))).toBe(true);
    expect(screen.getByTestId("map-attribution").textContent).toBe(
      "Map: © OpenStreetMap contributors",
    );
    expect(screen.getByText(/Street map with coordinates and scale/)).toBeTruthy();
    // Tiles first, then the grid: circles and lines stay on top.
    const svg = screen.getByTestId("map-svg");
    const order = Array.from(svg.children).map((c) => c.tagName.toLowerCase());
    expect(order.indexOf("image")).toBeLessThan(order.lastIndexOf("g"));
  });
});
