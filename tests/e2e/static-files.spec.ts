import { expect, test, type Page, type Response, type TestInfo } from "@playwright/test";
import { ADMIN, L1_AGENT, loginAsStaff } from "./helpers";

/** Tailwind 4's indigo-800 in sRGB: the header's "Tierdesk", the icons' square and the manifest's theme colour. */
const BRAND = "#372aac";

/** public/'s files, what they must be served as, and a check of their bytes. */
const STATIC_FILES: { path: string; type: RegExp; body: (bytes: Buffer) => void }[] = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)/, body: (b) => expect([...b.subarray(0, 4)]).toEqual([0, 0, 1, 0]) },
  { path: "/icon.svg", type: /^image\/svg\+xml/, body: (b) => expect(b.toString()).toContain("<svg") },
  { path: "/logo.svg", type: /^image\/svg\+xml/, body: (b) => expect(b.toString()).toContain("<svg") },
  { path: "/apple-touch-icon.png", type: /^image\/png/, body: (b) => expect(pngSize(b)).toEqual({ width: 180, height: 180 }) },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json/, body: (b) => expect(() => JSON.parse(b.toString())).not.toThrow() },
  { path: "/robots.txt", type: /^text\/plain/, body: (b) => expect(b.toString()).toMatch(/^User-agent: \*$[\s\S]*^Disallow: \/$/m) },
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every same-site response while `run` runs: the paths asked for, and those that failed (4xx/5xx). */
async function watchResponses(page: Page, origin: string, run: () => Promise<void>): Promise<{ paths: string[]; failed: string[] }> {
  const paths: string[] = [];
  const failed: string[] = [];
  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== origin) return;
    paths.push(url.pathname);
    if (response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
  };
  page.on("response", onResponse);
  try {
    await run();
  } finally {
    page.off("response", onResponse);
  }
  return { paths, failed };
}

/** Notes in the report which icons the browser fetched by itself (headless Chromium may fetch none). */
function noteIconRequests(testInfo: TestInfo, paths: string[]): void {
  const icons = paths.filter((path) => /^\/(favicon\.ico|icon\.svg|apple-touch-icon\.png)$/.test(path));
  testInfo.annotations.push({ type: "icon requests", description: icons.length ? icons.join(", ") : "none" });
}

/** The `<head>` links every page carries (app/layout.tsx's metadata and viewport). */
async function expectHeadLinks(page: Page): Promise<void> {
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="icon"][href="/icon.svg"]')).toHaveAttribute("type", "image/svg+xml");
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", BRAND);
}

/** The logo image inside `scope` has loaded (the policy let it through) and is decoration beside the name. */
async function expectLogo(page: Page, scope: "banner" | "main"): Promise<void> {
  const logo = page.getByRole(scope).locator('img[src="/logo.svg"]');
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute("alt", "");
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

/** The colour an element's text is painted in, as #rrggbb (Tailwind 4 writes colours in oklch). */
function paintedColour(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((element) => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(element).color;
    context.fillRect(0, 0, 1, 1);
    const rgb = Array.from(context.getImageData(0, 0, 1, 1).data.subarray(0, 3));
    return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  });
}

/** The mark does not push Sign out off the brand's row (on a phone only the links take the next row). */
async function expectSignOutBesideLogo(page: Page, width: number): Promise<void> {
  const logoBox = await page.getByRole("banner").locator('img[src="/logo.svg"]').boundingBox();
  const signOutBox = await page.getByRole("button", { name: "Sign out" }).boundingBox();
  expect(signOutBox!.y, `Sign out on the first row at ${width} px`).toBeLessThan(logoBox!.y + logoBox!.height);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe("static files in public/", () => {
  for (const file of STATIC_FILES) {
    test(`${file.path} is served as it is`, async ({ request }) => {
      const response = await request.get(file.path);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(file.type);
      file.body(await response.body());
      // Served without the proxy (its matcher leaves public/'s files alone): pages get a policy, these do not need one.
      expect(response.headers()["content-security-policy"]).toBeUndefined();
    });
  }

  test("pages still go through the proxy: /login has its Content-Security-Policy", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  });

  test("the manifest names the desk, starts at the queue and lists icons that load", async ({ request }) => {
    const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: "Tierdesk", start_url: "/queue", display: "standalone", theme_color: BRAND });
    expect(manifest.short_name.length).toBeGreaterThan(0);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    const anyPurpose = manifest.icons.filter((icon) => (icon.purpose ?? "any").split(" ").includes("any"));
    expect(anyPurpose.map((icon) => icon.sizes).sort()).toEqual(["192x192", "512x512"]);
    for (const icon of manifest.icons) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^image\/png/);
      const [width, height] = icon.sizes.split("x").map(Number);
      expect(pngSize(await response.body()), icon.src).toEqual({ width, height });
    }
  });

  test("the sign-in page shows the logo, links the manifest and icons, and asks for nothing that is missing", async ({ page, baseURL }, testInfo) => {
    const { paths, failed } = await watchResponses(page, new URL(String(baseURL)).origin, async () => {
      await page.goto("/login");
      await page.waitForLoadState("networkidle");
    });
    expect(failed).toEqual([]);
    expect(paths).toContain("/logo.svg");
    noteIconRequests(testInfo, paths);
    await expectHeadLinks(page);
    await expectLogo(page, "main");
    // The name is still text: the heading reads "Tierdesk", not the image.
    await expect(page.getByRole("heading", { level: 1, name: "Tierdesk", exact: true })).toBeVisible();
    expect(await paintedColour(page, "h1")).toBe(BRAND);
    // The icon the browser would show in its tab answers, whichever of the two it picks.
    for (const path of ["/favicon.ico", "/icon.svg"]) expect((await page.request.get(path)).status()).toBe(200);

    for (const width of [360, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`login-${width}.png`) });
    }
  });

  test("a staff page shows the logo in the header and links the manifest and icons", async ({ page, baseURL }, testInfo) => {
    const { paths, failed } = await watchResponses(page, new URL(String(baseURL)).origin, async () => {
      await loginAsStaff(page, L1_AGENT);
      await page.waitForLoadState("networkidle");
    });
    expect(failed).toEqual([]);
    noteIconRequests(testInfo, paths);
    await expectHeadLinks(page);
    await expectLogo(page, "banner");
    await expect(page.getByRole("banner")).toContainText("Tierdesk");
    expect(await paintedColour(page, "header span.font-bold")).toBe(BRAND);

    for (const width of [360, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoSidewaysScroll(page);
      await expectSignOutBesideLogo(page, width);
      await page.getByRole("banner").screenshot({ path: testInfo.outputPath(`queue-header-${width}.png`) });
      await page.screenshot({ path: testInfo.outputPath(`queue-${width}.png`) });
    }
  });

  test("the admin pages' longer name still leaves Sign out on the brand's row at 360 px (the name truncates)", async ({ page }, testInfo) => {
    await loginAsStaff(page, ADMIN);
    await expectLogo(page, "banner");
    await page.setViewportSize({ width: 360, height: 800 });
    // No sideways-scroll check here: the admin pages' own links and tables are wider than a phone today.
    await expectSignOutBesideLogo(page, 360);
    await expect(page.getByRole("banner").getByTitle(`${ADMIN.name} · admin`)).toBeVisible();
    await page.getByRole("banner").screenshot({ path: testInfo.outputPath("admin-header-360.png") });
  });
});
