/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The widget in a real browser (Debian's Chromium through playwright-core). A third-party site on another port
 * embeds it, so CORS (an allow-list naming that site), CSRF prevention (preflighted GETs) and HTTP caching behave
 * as in real embedding. The rendering is compared with the API's own answer. Screenshots go to tests/artifacts/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/config";
import {
  browserAvailable,
  closedPort,
  launchChromium,
  startStaticSite,
  type StaticSite,
} from "../support/browser";
import { seedTestGraph } from "../support/graph";
import {
  citationHref,
  type Cited,
  focused,
  readWidget,
  STRENGTHS,
  waitForWidgets,
} from "../support/widget-page";
import { startTestServer, type TestServer } from "../support/server";

const ARTIFACTS = path.join(PROJECT_ROOT, "tests/artifacts");
const DEMO = readFileSync(path.join(PROJECT_ROOT, "widget/index.html"), "utf8");
const SCRIPT = readFileSync(path.join(PROJECT_ROOT, "widget/paingraph.js"), "utf8");
const QUERY = /\/\* GraphQL \*\/ `([^`]*)`/.exec(SCRIPT)![1]!;
const HTML = "text/html; charset=utf-8";

interface ApiResult {
  conditions: Array<{ condition: { name: string } }>;
  items: Array<{
    rank: number;
    conflict: boolean;
    treatment: { name: string; modalities: Array<{ name: string }> };
    deliveredBy: Array<{ provider: { name: string } }>;
    supporting: Cited[];
    opposing: Cited[];
    precautions: Array<{ kind: string; statement: string }>;
  }>;
  excluded: Array<{ reason: string; treatment: { name: string } }>;
  disclaimer: string;
}

/** WCAG contrast ratio of two rgb()/rgba() colours (alpha ignored: backgrounds here are opaque). */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** GET /graphql and preflight counts from the API's own metrics: what actually reached the server. */
async function graphqlRequests(server: TestServer): Promise<{ get: number; options: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const count = (method: string) =>
    text
      .split("\n")
      .filter((line) => line.startsWith("paingraph_http_requests_total{"))
      .filter((line) => line.includes('route="/graphql"') && line.includes(`method="${method}"`))
      .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
  return { get: count("GET"), options: count("OPTIONS") };
}

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the widget in Chromium, embedded by a third-party site", () => {
  let server: TestServer;
  let site: StaticSite;
  let otherSite: StaticSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(url: string, width = 1200, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  /** The API's own answer for the same input, through a plain POST. */
  async function apiAnswer(input: Record<string, unknown>): Promise<ApiResult> {
    const { body } = await server.graphql<{ recommendTreatments: ApiResult }>(QUERY, { input });
    expect(body.errors).toBeUndefined();
    return body.data!.recommendTreatments;
  }

  beforeAll(async () => {
    [site, otherSite] = await Promise.all([startStaticSite(), startStaticSite()]);
    // Only the first site may read the API's answers: the second proves the browser enforces CORS.
    server = await startTestServer({ CORS_ORIGINS: site.origin, RATE_LIMIT_ENABLED: "false" });
    // Files run in any order and some leave other graphs behind: each file loads the data it reads.
    await seedTestGraph(server.connection.database);
    const api = server.url;
    // As the README tells site owners: the script from the API, so the widget calls the API that served it.
    const embedded = DEMO.replace('src="paingraph.js"', `src="${api}/widget/paingraph.js"`).replace(
      'src="demo.js"',
      `src="${api}/widget/demo.js"`,
    );
    site.pages.set("/", { type: HTML, body: embedded });
    otherSite.pages.set("/", { type: HTML, body: embedded });
    // A site hosting its own copy of the script, pointing each element at the API with `endpoint`.
    site.pages.set("/self-hosted.html", {
      type: HTML,
      body: DEMO.replace(
        /<paingraph-recommendations(?=\s)/g,
        `<paingraph-recommendations endpoint="${api}/graphql"`,
      ),
    });
    site.pages.set("/paingraph.js", { type: "text/javascript; charset=utf-8", body: SCRIPT });
    const down = await closedPort();
    site.pages.set("/states.html", {
      type: HTML,
      body: `<!doctype html><html lang="en"><head><title>states</title></head><body>
        <paingraph-recommendations id="unknown" condition="Z99.9" loading="eager"></paingraph-recommendations>
        <paingraph-recommendations id="empty" condition="M96.1" max-invasiveness="0" loading="eager"></paingraph-recommendations>
        <paingraph-recommendations id="down" condition="M79.7" endpoint="http://127.0.0.1:${down}/graphql" loading="eager"></paingraph-recommendations>
        <paingraph-recommendations id="unset" loading="eager"></paingraph-recommendations>
        <script src="${api}/widget/paingraph.js"></script></body></html>`,
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await Promise.all([site?.close(), otherSite?.close(), server?.close()]);
  });

  it("renders what the API answers: names, order, strength, modality, who delivers, citations, disclaimer", async () => {
    const page = await open(`${site.origin}/`);
    await waitForWidgets(page);

    const expected = await apiAnswer({
      conditionCodes: [{ system: "ICD10CM", code: "M79.7" }],
      excludeOpioids: true,
      maxInvasiveness: 1,
      first: 5,
    });
    const shown = await readWidget(page, "fibromyalgia");
    expect(shown.state).toBe("ready");
    expect(shown.heading).toBe("Treatments for Fibromyalgia");
    expect(shown.items.map((item) => [item.rank, item.name])).toEqual(
      expected.items.map((item) => [String(item.rank), item.treatment.name]),
    );
    expected.items.forEach((item, index) => {
      const row = shown.items[index]!;
      const best = STRENGTHS[Math.max(...item.supporting.map((r) => STRENGTHS.indexOf(r.strength)))];
      expect(row.strength).toBe(best);
      for (const modality of item.treatment.modalities) expect(row.meta).toContain(modality.name);
      for (const delivery of item.deliveredBy) expect(row.meta).toContain(delivery.provider.name);
      expect(row.supporting).toEqual(item.supporting.map(citationHref).filter(Boolean));
    });
    expect(shown.disclaimer.startsWith(expected.disclaimer)).toBe(true);

    // The picture in the README (docs/widget.png is a reviewed copy of it).
    await page.locator(".grid").screenshot({ path: path.join(ARTIFACTS, "widget.png") });
  });

  it("shows conflicts, citations against and treatments not recommended, for a condition given by id", async () => {
    const page = await open(`${site.origin}/`);
    await waitForWidgets(page);
    const expected = await apiAnswer({ conditionIds: ["condition:chronic-low-back-pain"], first: 12 });
    const shown = await readWidget(page, "low-back");
    expect(shown.items.map((item) => item.name)).toEqual(expected.items.map((item) => item.treatment.name));
    expect(shown.items.map((item) => item.conflict)).toEqual(expected.items.map((item) => item.conflict));
    expect(shown.items.some((item) => item.conflict)).toBe(true);
    expected.items.forEach((item, index) => {
      expect(shown.items[index]!.opposing).toEqual(item.opposing.map(citationHref).filter(Boolean));
    });
    expect(shown.notRecommended).toEqual(
      expected.excluded.filter((e) => e.reason === "RECOMMENDED_AGAINST").map((e) => e.treatment.name),
    );
    expect(shown.notRecommended.length).toBeGreaterThan(0);
  });

  it("shows each item's boxed warnings in full and its other precautions collapsed, as the API answers", async () => {
    const page = await open(`${site.origin}/`);
    await waitForWidgets(page);
    const expected = await apiAnswer({ conditionIds: ["condition:chronic-low-back-pain"], first: 12 });
    const shown = await page.evaluate(() =>
      [...document.getElementById("low-back")!.shadowRoot!.querySelectorAll(".items > li")].map((li) => ({
        badge: (li.querySelector(".badges")?.textContent ?? "").includes("FDA boxed warning"),
        boxed: [...li.querySelectorAll(".body > .boxed")].map((p) => p.textContent ?? ""),
        collapsed: li.querySelector(".prec") ? !li.querySelector(".prec")!.hasAttribute("open") : null,
        others: li.querySelectorAll(".prec li").length,
      })),
    );
    expect(shown).toHaveLength(expected.items.length);
    expected.items.forEach((item, index) => {
      const boxed = item.precautions.filter((p) => p.kind === "BOXED_WARNING");
      const others = item.precautions.length - boxed.length;
      expect(shown[index]!.badge).toBe(boxed.length > 0);
      expect(shown[index]!.boxed).toHaveLength(boxed.length);
      boxed.forEach((p, i) => expect(shown[index]!.boxed[i]).toContain(p.statement));
      expect(shown[index]!.others).toBe(others);
      expect(shown[index]!.collapsed).toBe(others > 0 ? true : null);
    });
    // NSAIDs carry the FDA's cardiovascular and GI boxed warnings (P001, P003) whatever the patient.
    expect(shown.some((item) => item.boxed.length >= 2)).toBe(true);
  });

  it("reads through preflighted GETs that CORS allows for the site, and the browser caches them", async () => {
    const before = await graphqlRequests(server);
    // Tall enough for the demo's three elements to load at once (each loads when near the viewport).
    const context = await browser.newContext({ viewport: { width: 1200, height: 3000 } });
    contexts.push(context);
    const page = await context.newPage();
    type Read = {
      url: URL;
      method: string;
      headers: Record<string, string>;
      response: Record<string, string>;
    };
    const reads: Array<Promise<Read>> = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === new URL(server.url).origin && url.pathname === "/graphql") {
        const request = response.request();
        reads.push(
          Promise.all([request.allHeaders(), response.allHeaders()]).then(([headers, answer]) => ({
            url,
            method: request.method(),
            headers,
            response: answer,
          })),
        );
      }
    });
    await page.goto(`${site.origin}/`);
    await waitForWidgets(page);

    const gets = (await Promise.all(reads)).filter((read) => read.method === "GET");
    expect(gets.length).toBe(3);
    for (const { url, headers, response } of gets) {
      expect(url.searchParams.get("query")).toContain("query PainGraphRecommendations(");
      expect(JSON.parse(url.searchParams.get("variables")!)).toHaveProperty("input");
      expect(headers).toMatchObject({ origin: site.origin, "apollo-require-preflight": "true" });
      expect(headers.referer).toBeUndefined(); // the host page's address stays with the host (referrerPolicy)
      expect(response).toMatchObject({
        "access-control-allow-origin": site.origin,
        "cache-control": "max-age=60, public",
      });
      expect(response.vary).toContain("Origin");
    }
    const loaded = await graphqlRequests(server);
    expect(loaded.get - before.get).toBe(3);
    expect(loaded.options - before.options).toBe(3); // one CORS preflight per distinct request

    // A second element asking the same question is answered from the browser's HTTP cache.
    await page.evaluate(() => {
      const again = document.createElement("paingraph-recommendations");
      again.id = "again";
      again.setAttribute("condition", "M79.7");
      again.setAttribute("exclude-opioids", "");
      again.setAttribute("max-invasiveness", "1");
      document.querySelector("main")!.append(again);
    });
    await waitForWidgets(page);
    expect((await readWidget(page, "again")).items).toEqual((await readWidget(page, "fibromyalgia")).items);
    expect(await graphqlRequests(server)).toEqual(loaded);
  });

  it("works from a self-hosted copy of the script with the endpoint attribute", async () => {
    const requested: string[] = [];
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${site.origin}/self-hosted.html`);
    await waitForWidgets(page);
    expect((await readWidget(page, "fibromyalgia")).state).toBe("ready");
    expect((await readWidget(page, "low-back")).state).toBe("ready");
    expect(requested).toContain(`${site.origin}/paingraph.js`);
    expect(requested.some((url) => url.startsWith(`${server.url}/graphql?`))).toBe(true);
  });

  it("cannot read the API from a site outside CORS_ORIGINS, and says so", async () => {
    const page = await open(`${otherSite.origin}/`);
    await waitForWidgets(page);
    const shown = await readWidget(page, "fibromyalgia");
    expect(shown.state).toBe("error");
    const alert = await page.locator("#fibromyalgia [role=alert]").textContent();
    expect(alert).toContain("The PainGraph service could not be reached.");
  });

  it("shows clear loading, empty and error states, and retries from the keyboard", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // Record every state change with what the element showed at that moment.
    await page.addInitScript(() => {
      const log: string[][] = [];
      (window as unknown as { stateLog: string[][] }).stateLog = log;
      new MutationObserver((records) => {
        for (const record of records) {
          const element = record.target as HTMLElement;
          const root = element.shadowRoot;
          log.push([
            element.id,
            element.getAttribute("data-state") ?? "",
            root?.querySelector("[role=status], [role=alert]")?.textContent?.trim() ?? "",
            root?.querySelector("section")?.getAttribute("aria-busy") ?? "",
          ]);
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
    });
    await page.goto(`${site.origin}/states.html`);
    await waitForWidgets(page);
    const log = () => page.evaluate(() => (window as unknown as { stateLog: string[][] }).stateLog);

    expect((await log()).filter(([id]) => id === "empty")).toEqual([
      ["empty", "loading", "Loading treatments…", "true"],
      ["empty", "empty", expect.stringContaining("0 ranked treatments"), "false"],
    ]);
    expect(await page.locator("#empty .empty").textContent()).toBe(
      "No treatment with guideline support matches these filters.",
    );
    expect(await page.locator("#unknown [role=alert]").textContent()).toContain(
      "No condition matches “Z99.9”.",
    );
    expect(await page.locator("#down [role=alert]").textContent()).toContain(
      "The PainGraph service could not be reached.",
    );
    expect(await page.locator("#unset [role=alert]").textContent()).toContain("Set the condition attribute");

    await page.locator("#unknown button").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { stateLog: string[][] }).stateLog.filter(([id]) => id === "unknown").length >=
        4,
    );
    expect((await log()).filter(([id]) => id === "unknown").map(([, state]) => state)).toEqual([
      "loading",
      "error",
      "loading",
      "error",
    ]);
    // Focus stays on the retry button across the re-render, so a keyboard user can try again at once.
    expect(await focused(page)).toMatchObject({ host: "unknown", tag: "BUTTON" });
  });

  it("is keyboard navigable: Tab into a treatment and its citations, arrows between treatments", async () => {
    const page = await open(`${site.origin}/`);
    await waitForWidgets(page);
    const names = (await readWidget(page, "fibromyalgia")).items.map((item) => item.name);

    // From the heading just before the fibromyalgia element (the picker and the first element come earlier).
    await page.locator("#more").focus();
    await page.keyboard.press("Tab");
    const first = await focused(page);
    expect(first).toMatchObject({ host: "fibromyalgia", tag: "SUMMARY", open: true, outline: "solid 3px" });
    expect(first.text).toContain(names[0]);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A", href: expect.stringMatching(/^https:\/\//) });
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ArrowDown");
    const second = await focused(page);
    expect(second).toMatchObject({ tag: "SUMMARY", open: false });
    expect(second.text).toContain(names[1]);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "SUMMARY", open: true });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A" });
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("End");
    expect((await focused(page)).text).toContain(names[names.length - 1]);
    await page.keyboard.press("Home");
    expect((await focused(page)).text).toContain(names[0]);
  });

  it("exposes ARIA roles and names, with text contrast of at least 4.5:1 in both themes", async () => {
    const page = await open(`${site.origin}/`);
    await waitForWidgets(page);
    const tree = await page.locator("#fibromyalgia").ariaSnapshot();
    expect(tree).toContain('- region "Treatments for Fibromyalgia"');
    expect(tree).toContain('- heading "Treatments for Fibromyalgia" [level=2]');
    expect(tree).toContain('- list "Treatments for Fibromyalgia"');
    expect(tree).toContain("- status: 5 ranked treatments for Fibromyalgia.");
    expect(tree).toContain("- note:");
    expect(tree).toMatch(/- link "EULAR 2016 \(.+, opens in a new tab\)"/);

    for (const id of ["fibromyalgia", "low-back"]) {
      const pairs = await page.evaluate((hostId) => {
        const host = document.getElementById(hostId)!;
        const root = host.shadowRoot!;
        const background = getComputedStyle(host).backgroundColor;
        const pick = (selector: string) => [...root.querySelectorAll(selector)].slice(0, 3);
        const pairsOf = (selector: string, ownBackground: boolean) =>
          pick(selector).map((element) => [
            selector,
            getComputedStyle(element).color,
            ownBackground ? getComputedStyle(element).backgroundColor : background,
          ]);
        return [
          ...pairsOf(".title", false),
          ...pairsOf(".name", false),
          ...pairsOf(".meta", false),
          ...pairsOf(".sub", false),
          ...pairsOf(".body a", false),
          ...pairsOf(".disclaimer", false),
          ...pairsOf(".badge", true),
          ...pairsOf(".warn", true),
        ];
      }, id);
      expect(pairs.length).toBeGreaterThan(8);
      for (const [selector, foreground, background] of pairs) {
        expect([id, selector, contrast(foreground!, background!) >= 4.5]).toEqual([id, selector, true]);
      }
    }
  });

  it("fits a 360-pixel phone screen without sideways scrolling", async () => {
    const page = await open(`${site.origin}/`, 360, 800);
    await waitForWidgets(page);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widgets: [...document.querySelectorAll("paingraph-recommendations")].map((element) => {
        const host = element.getBoundingClientRect();
        const inner = [...element.shadowRoot!.querySelectorAll(".items summary, .badge, .body")];
        return Math.max(0, ...inner.map((child) => child.getBoundingClientRect().right - host.right));
      }),
    }));
    expect(overflow.page).toBeLessThanOrEqual(360);
    expect(overflow.widgets).toEqual([0, 0, 0]);
    await page.locator("#fibromyalgia").screenshot({ path: path.join(ARTIFACTS, "widget-phone.png") });
  });

  it("serves Apollo Sandbox at /graphql to a browser, configured for this endpoint", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // The Sandbox's script comes from Apollo's CDN, which these machines cannot reach: record and refuse it.
    const external: string[] = [];
    await page.route(
      (url) => url.hostname !== "127.0.0.1",
      (route) => {
        external.push(route.request().url());
        return route.abort();
      },
    );
    const response = await page.goto(`${server.url}/graphql`, { waitUntil: "domcontentloaded" });
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await page.title()).toBe("Apollo Server");
    expect(await page.locator("#embeddableSandbox").count()).toBe(1);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(
      /script-src 'self' 'nonce-[0-9a-f]+' [^;]*https:\/\/embeddable-sandbox\.cdn\.apollographql\.com/,
    );

    const config = await page.evaluate(() => {
      const globals = window as unknown as {
        initialEndpoint: string;
        embeddedSandboxConfig: Record<string, unknown>;
      };
      return { endpoint: globals.initialEndpoint, ...globals.embeddedSandboxConfig };
    });
    expect(config).toMatchObject({
      endpoint: `${server.url}/graphql`,
      target: "#embeddableSandbox",
      initialState: { includeCookies: false },
      endpointIsEditable: false,
    });
    expect(external.some((url) => url.startsWith("https://embeddable-sandbox.cdn.apollographql.com/"))).toBe(
      true,
    );
    expect(await page.locator(".fallback").textContent()).toContain("Apollo Sandbox cannot be loaded");
  });
});
