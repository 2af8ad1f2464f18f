/// <reference lib="dom" />
/**
 * The offline explorer at /explorer: GraphiQL bundled from npm (dist/explorer, written by `npm run build`) and
 * served by the API. In Debian's Chromium with every request to anywhere but this machine refused, it opens with
 * the example operations, shows the schema docs and runs a query; and nothing outside the machine was ever asked.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { EXPLORER_CSP } from "../../src/http/explorer";
import { browserAvailable, launchChromium } from "../support/browser";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

/** The response pane as text (Monaco renders spaces as no-break spaces; \s matches both). */
const responseText = (page: Page) =>
  page.evaluate(() => (document.querySelector(".graphiql-response")?.textContent ?? "").replace(/\s+/g, " "));

describe("the /explorer route", () => {
  let server: TestServer;
  let noSandbox: TestServer;
  beforeAll(async () => {
    // The production profile: the explorer stays on there, like the Sandbox.
    [server, noSandbox] = await Promise.all([
      startTestServer({ NODE_ENV: "production" }),
      startTestServer({ SANDBOX: "false" }),
    ]);
  });
  afterAll(() => Promise.all([server?.close(), noSandbox?.close()]));

  it("serves the page with a CSP that lets it load nothing from another origin", async () => {
    const redirect = await fetch(`${server.url}/explorer`, { redirect: "manual" });
    expect([redirect.status, redirect.headers.get("location")]).toEqual([308, "/explorer/"]);
    const response = await fetch(`${server.url}/explorer/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).not.toMatch(/https?:|\*/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('<script src="explorer.js"></script>');
  });

  it("serves the bundle from the fixed list, gzipped, and 404 for anything else", async () => {
    const script = await fetch(`${server.url}/explorer/explorer.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("content-encoding")).toBe("gzip");
    expect((await script.text()).length).toBeGreaterThan(100_000);
    for (const name of ["graphql.worker.js", "editor.worker.js", "json.worker.js", "explorer.css"]) {
      expect([name, (await fetch(`${server.url}/explorer/${name}`)).status]).toEqual([name, 200]);
    }
    for (const probe of ["../package.json", "%2e%2e/package.json", "nope.js", "main.js"]) {
      expect([probe, (await fetch(`${server.url}/explorer/${probe}`)).status]).toEqual([probe, 404]);
    }
  });

  it("is off with the Sandbox (SANDBOX=false)", async () => {
    expect((await fetch(`${noSandbox.url}/explorer/`)).status).toBe(404);
  });
});

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the explorer in Chromium, with every request off this machine refused", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const refused: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_ENABLED: "false" });
    await seedTestGraph(server.connection.database);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.on("request", (request) => requested.push(request.url()));
    await context.route(
      (url) => url.hostname !== "127.0.0.1",
      (route) => {
        refused.push(route.request().url());
        return route.abort("blockedbyclient");
      },
    );
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function openExplorer(): Promise<Page> {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${server.url}/explorer/`);
    await page.locator(".graphiql-container").waitFor({ timeout: 60_000 });
    return page;
  }

  it("opens with the recommendation and picker examples, shows the schema docs and runs a query", async () => {
    const page = await openExplorer();
    const tabs = page.locator(".graphiql-tab");
    await expect(tabs.allTextContents()).resolves.toEqual([
      expect.stringContaining("RecommendTreatments"),
      expect.stringContaining("SuggestConditions"),
    ]);

    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Query", { exact: true }).click();
    await docs.getByText("recommendTreatments", { exact: true }).waitFor();
    expect(await docs.textContent()).toContain("PainGraph informs; it does not prescribe");

    const { body } = await server.graphql<{
      recommendTreatments: { items: Array<{ treatment: { name: string } }> };
    }>(
      `query ($code: String!) { recommendTreatments(input: { conditionCodes: [{ system: ICD10CM, code: $code }],
        excludeOpioids: true, maxInvasiveness: 1, first: 5 }) { items { treatment { name } } } }`,
      { code: "M79.7" },
    );
    const first = body.data!.recommendTreatments.items[0]!.treatment.name;
    await page.getByRole("button", { name: /^Execute query/ }).click();
    await page.waitForFunction(
      (name) =>
        document.querySelector(".graphiql-response")?.textContent?.replace(/\s+/g, " ").includes(name),
      first,
    );
    expect(await responseText(page)).toContain('"name": "Fibromyalgia"');

    // The picker example: two operations in one tab; the run button asks which.
    await tabs.filter({ hasText: "SuggestConditions" }).click();
    // GraphiQL parses the tab's operations after the switch; until then the button would run at once, unnamed.
    const chooser = page.locator('button.graphiql-execute-button[aria-haspopup="menu"]');
    await chooser.waitFor();
    await chooser.click();
    await page.getByRole("menuitem", { name: "SuggestConditions" }).click();
    await page.waitForFunction(() =>
      document.querySelector(".graphiql-response")?.textContent?.replace(/\s+/g, " ").includes('"suggest"'),
    );
    expect(await responseText(page)).toContain('"id": "condition:fibromyalgia"');
    await page.close();
  });

  it("asked nothing of any other machine, and the browser reported no blocked load or script error", () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(refused).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    // A CSP violation shows up as a console error ("Refused to load ..."): none may happen.
    expect(problems).toEqual([]);
  });
});
