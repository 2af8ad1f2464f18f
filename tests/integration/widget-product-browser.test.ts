/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The widget as a product, in Debian's Chromium: every filter attribute reaches the API as its input field and the
 * list is the API's answer for it; heading levels; Spanish and overridden strings; themed warning and error
 * colours and parts; lazy loading; the released 1.0.0 URL with its SRI hash; and the demo's condition picker,
 * driven from the keyboard.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/config";
import { browserAvailable, launchChromium, startStaticSite, type StaticSite } from "../support/browser";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";
import { focused, readWidget, waitForWidgets } from "../support/widget-page";

const SCRIPT = readFileSync(path.join(PROJECT_ROOT, "widget/paingraph.js"), "utf8");
const DEMO = readFileSync(path.join(PROJECT_ROOT, "widget/index.html"), "utf8");
const QUERY = /\/\* GraphQL \*\/ `([^`]*)`/.exec(SCRIPT)![1]!;
const HTML = "text/html; charset=utf-8";
const SRI_1_0_0 = "sha384-xgx2p2P7gh5UtKhc4zIXn9NYId7sR0vPFU6rTbK14gBynNJQMfKc36gA+NdMqOQW";

interface Answer {
  intentUsed: string | null;
  items: Array<{ treatment: { id: string; name: string }; supporting: Array<{ guideline: { id: string } }> }>;
  excluded: Array<{ reason: string; treatment: { id: string; name: string } }>;
}

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("the widget's attributes, languages, theming and loading, in Chromium", () => {
  let server: TestServer;
  let site: StaticSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function answer(input: Record<string, unknown>): Promise<Answer> {
    const { body } = await server.graphql<{ recommendTreatments: Answer }>(QUERY, { input });
    expect(body.errors).toBeUndefined();
    return body.data!.recommendTreatments;
  }

  /** Serves `body` (elements) on the site with the API's script, opens it, and records the widget's reads. */
  async function openPage(name: string, body: string, { lang = "en", head = "", script = "" } = {}) {
    site.pages.set(`/${name}.html`, {
      type: HTML,
      body: `<!doctype html><html lang="${lang}"><head><title>${name}</title>${head}</head><body>${body}
        ${script || `<script src="${server.url}/widget/paingraph.js"></script>`}</body></html>`,
    });
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const inputs: Array<Record<string, unknown>> = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.method() === "GET" && url.pathname === "/graphql" && url.searchParams.has("variables")) {
        inputs.push(
          JSON.parse(url.searchParams.get("variables")!).input ??
            JSON.parse(url.searchParams.get("variables")!),
        );
      }
    });
    await page.goto(`${site.origin}/${name}.html`);
    return { page, inputs };
  }

  beforeAll(async () => {
    site = await startStaticSite();
    server = await startTestServer({ CORS_ORIGINS: site.origin, RATE_LIMIT_ENABLED: "false" });
    await seedTestGraph(server.connection.database);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await Promise.all([site?.close(), server?.close()]);
  });

  it("sends every filter attribute as its input field, and shows the API's answer for it", async () => {
    const plain = await answer({ conditionCodes: [{ system: "ICD10CM", code: "M79.7" }], first: 5 });
    const tried = plain.items[0]!.treatment;
    const guideline = plain.items[0]!.supporting[0]!.guideline.id;
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ["strong", `condition="M79.7" min-strength="strong"`, { minStrength: "STRONG" }],
      ["uk", `condition="condition:chronic-low-back-pain" jurisdictions="uk, INTERNATIONAL" limit="8"`, {}],
      ["tried", `condition="M79.7" exclude-treatments="${tried.id}"`, { excludeTreatmentIds: [tried.id] }],
      ["one-guideline", `condition="M79.7" guidelines="${guideline}"`, { guidelineIds: [guideline] }],
      [
        "superseded",
        `condition="condition:migraine" include-superseded phase="chronic" intent="Preventive" limit="3"`,
        {},
      ],
    ];
    const expected: Record<string, Record<string, unknown>> = {
      strong: {
        conditionCodes: [{ system: "ICD10CM", code: "M79.7" }],
        excludeOpioids: false,
        first: 5,
        minStrength: "STRONG",
      },
      uk: {
        conditionIds: ["condition:chronic-low-back-pain"],
        excludeOpioids: false,
        jurisdictions: ["UK", "INTERNATIONAL"],
        first: 8,
      },
      tried: {
        conditionCodes: [{ system: "ICD10CM", code: "M79.7" }],
        excludeOpioids: false,
        excludeTreatmentIds: [tried.id],
        first: 5,
      },
      "one-guideline": {
        conditionCodes: [{ system: "ICD10CM", code: "M79.7" }],
        excludeOpioids: false,
        guidelineIds: [guideline],
        first: 5,
      },
      superseded: {
        conditionIds: ["condition:migraine"],
        phase: "CHRONIC",
        intent: "PREVENTIVE",
        excludeOpioids: false,
        includeSuperseded: true,
        first: 3,
      },
    };
    const body = cases.map(
      ([id, attributes]) =>
        `<paingraph-recommendations id="${id}" ${attributes}></paingraph-recommendations>`,
    );
    const { page, inputs } = await openPage("filters", body.join("\n"));
    await waitForWidgets(page);

    for (const [id] of cases) {
      const input = expected[id]!;
      expect(inputs).toContainEqual(input);
      const api = await answer(input);
      const shown = await readWidget(page, id);
      expect([id, shown.state]).toEqual([id, "ready"]);
      expect([id, shown.items.map((item) => item.name)]).toEqual([
        id,
        api.items.map((item) => item.treatment.name),
      ]);
    }
    // The filters did something: the tried treatment is gone, strong-only is shorter or stronger.
    expect((await readWidget(page, "tried")).items.map((item) => item.name)).not.toContain(tried.name);
    expect((await readWidget(page, "strong")).items.every((item) => item.strength === "STRONG")).toBe(true);
    expect((await readWidget(page, "tried")).subtitle).toContain("1 already tried left out");
    expect((await readWidget(page, "superseded")).subtitle).toContain("preventing attacks");
    expect((await readWidget(page, "uk")).subtitle).toContain("guidelines from UK, INTERNATIONAL");
  });

  it("refuses attribute values it cannot use, naming the attribute, and asks the API nothing", async () => {
    const { page, inputs } = await openPage(
      "bad",
      `<paingraph-recommendations id="strength" condition="M79.7" min-strength="high"></paingraph-recommendations>
       <paingraph-recommendations id="limit" condition="M79.7" limit="0"></paingraph-recommendations>
       <paingraph-recommendations id="where" condition="M79.7" jurisdictions="US,FR"></paingraph-recommendations>
       <paingraph-recommendations id="json" condition="M79.7" strings="[1]"></paingraph-recommendations>`,
    );
    await waitForWidgets(page);
    expect((await readWidget(page, "strength")).alert).toBe(
      "The min-strength attribute cannot be “high”: use strong, conditional, ungraded.",
    );
    expect((await readWidget(page, "limit")).alert).toBe("The limit attribute cannot be “0”: use 1–50.");
    expect((await readWidget(page, "where")).alert).toBe(
      "The jurisdictions attribute cannot be “FR”: use US, UK, CA, EU, INTERNATIONAL.",
    );
    expect((await readWidget(page, "json")).alert).toBe("The strings attribute is not a JSON object.");
    expect(inputs).toEqual([]);
  });

  it("sets the heading levels from heading-level", async () => {
    const { page } = await openPage(
      "headings",
      `<paingraph-recommendations id="h4" condition="condition:chronic-low-back-pain" heading-level="4"></paingraph-recommendations>
       <paingraph-recommendations id="h6" condition="M79.7" heading-level="6"></paingraph-recommendations>`,
    );
    await waitForWidgets(page);
    const levels = (id: string) =>
      page.evaluate((hostId) => {
        const root = document.getElementById(hostId)!.shadowRoot!;
        return ["title", "section", "label"].map((name) => root.querySelector(`.${name}`)?.tagName ?? "");
      }, id);
    expect(await levels("h4")).toEqual(["H4", "H5", "H6"]);
    expect(await levels("h6")).toEqual(["H6", "H6", "H6"]);
    const tree = await page.locator("#h4").ariaSnapshot();
    expect(tree).toContain('- heading "Treatments for Chronic low back pain" [level=4]');
  });

  it("speaks Spanish from lang (its own or inherited), and any string can be overridden", async () => {
    const { page } = await openPage(
      "es",
      `<paingraph-recommendations id="inherited" condition="M79.7"></paingraph-recommendations>
       <paingraph-recommendations id="unknown" condition="Z99.9"></paingraph-recommendations>
       <paingraph-recommendations id="english" lang="en-GB" condition="M79.7"></paingraph-recommendations>
       <paingraph-recommendations id="custom" condition="M79.7"
         strings='{"treatmentsFor": "Opciones para {conditions}", "strong": "Sólida", "nope": "ignored"}'></paingraph-recommendations>`,
      { lang: "es" },
    );
    await waitForWidgets(page);
    const es = await readWidget(page, "inherited");
    expect(es.heading).toBe("Tratamientos para Fibromyalgia");
    expect(es.subtitle).toBe("dolor crónico · primero la mejor evidencia de las guías");
    expect(es.disclaimer).toMatch(
      /^PainGraph ordena los tratamientos según lo que dicen las guías publicadas/,
    );
    expect(es.disclaimer).toContain("Fuente: PainGraph, versión de datos");
    expect(es.items[0]!.badges).toMatch(/^(Fuerte|Condicional) evidencia/);
    const tree = await page.locator("#inherited").ariaSnapshot();
    expect(tree).toContain("- status: 5 tratamientos ordenados para Fibromyalgia.");
    expect(tree).toMatch(/- link ".+, se abre en una pestaña nueva\)"/);
    expect((await readWidget(page, "unknown")).alert).toBe("Ninguna condición coincide con «Z99.9».");
    expect(await page.locator("#unknown button").textContent()).toBe("Reintentar");

    const en = await readWidget(page, "english");
    expect(en.heading).toBe("Treatments for Fibromyalgia");
    expect(en.disclaimer).toMatch(/^PainGraph ranks treatments by what published guidelines say/);

    const custom = await readWidget(page, "custom");
    expect(custom.heading).toBe("Opciones para Fibromyalgia");
    expect(
      custom.items
        .filter((item) => item.strength === "STRONG")
        .every((item) => item.badges.startsWith("Sólida")),
    ).toBe(true);

    // The property wins over the attribute, and setting it reloads the element.
    await page.evaluate(() => {
      const element = document.getElementById("custom") as HTMLElement & { strings: Record<string, string> };
      element.strings = { treatmentsFor: "Qué ayuda con {conditions}" };
    });
    await page.waitForFunction(
      () =>
        document.getElementById("custom")!.shadowRoot!.querySelector(".title")?.textContent ===
        "Qué ayuda con Fibromyalgia",
    );
  });

  it("keeps strings a page set before the script defined the element", async () => {
    const { page } = await openPage(
      "early",
      `<paingraph-recommendations id="early" condition="M79.7"></paingraph-recommendations>
       <script>document.getElementById("early").strings = { treatmentsFor: "Early {conditions}" };</script>`,
    );
    await waitForWidgets(page);
    expect((await readWidget(page, "early")).heading).toBe("Early Fibromyalgia");
  });

  it("takes the warning and error colours and the parts from the host page", async () => {
    const { page } = await openPage(
      "themed",
      `<paingraph-recommendations id="themed" condition="condition:lumbar-radiculopathy" limit="3"></paingraph-recommendations>
       <paingraph-recommendations id="failed" condition="Z99.9"></paingraph-recommendations>`,
      {
        head: `<style>
          paingraph-recommendations { --paingraph-warn: rgb(1, 2, 3); --paingraph-warn-bg: rgb(4, 5, 6);
            --paingraph-warn-fg: rgb(250, 250, 250); --paingraph-error-bg: rgb(7, 8, 9);
            --paingraph-error-fg: rgb(240, 240, 240); --paingraph-error-border: rgb(10, 11, 12); }
          paingraph-recommendations::part(citation) { outline: 2px solid rgb(20, 21, 22); }
          paingraph-recommendations::part(citations) { background-color: rgb(23, 24, 25); }
          paingraph-recommendations::part(warning) { border-top: 3px solid rgb(26, 27, 28); }
          paingraph-recommendations::part(not-recommended) { background-color: rgb(29, 30, 31); }
        </style>`,
      },
    );
    await waitForWidgets(page);
    const styles = await page.evaluate(() => {
      const style = (hostId: string, selector: string) => {
        const element = document.getElementById(hostId)!.shadowRoot!.querySelector(selector);
        return element ? getComputedStyle(element) : null;
      };
      const warning = style("themed", ".warn")!;
      const error = style("failed", ".error")!;
      return {
        warning: [warning.borderLeftColor, warning.backgroundColor, warning.color, warning.borderTopColor],
        error: [error.backgroundColor, error.color, error.borderTopColor],
        button: style("failed", "button")!.color,
        citation: style("themed", ".cites li")!.outlineColor,
        citations: style("themed", ".cites")!.backgroundColor,
        notRecommended: style("themed", ".not")!.backgroundColor,
      };
    });
    expect(styles).toEqual({
      warning: ["rgb(1, 2, 3)", "rgb(4, 5, 6)", "rgb(250, 250, 250)", "rgb(26, 27, 28)"],
      error: ["rgb(7, 8, 9)", "rgb(240, 240, 240)", "rgb(10, 11, 12)"],
      button: "rgb(240, 240, 240)",
      citation: "rgb(20, 21, 22)",
      citations: "rgb(23, 24, 25)",
      notRecommended: "rgb(29, 30, 31)",
    });
  });

  it("loads lazily: nothing is asked until the element comes near the viewport", async () => {
    const { page, inputs } = await openPage(
      "lazy",
      `<paingraph-recommendations id="top" condition="M79.7"></paingraph-recommendations>
       <div style="height: 4000px"></div>
       <paingraph-recommendations id="below" condition="condition:migraine"></paingraph-recommendations>`,
    );
    await page.waitForFunction(() => document.getElementById("top")!.getAttribute("data-state") === "ready");
    await page.waitForTimeout(500);
    expect(await page.locator("#below").getAttribute("data-state")).toBe("idle");
    expect(inputs).toEqual([
      expect.objectContaining({ conditionCodes: [{ system: "ICD10CM", code: "M79.7" }] }),
    ]);
    // Changing an attribute of an off-screen element does not load it either.
    await page.locator("#below").evaluate((element) => element.setAttribute("limit", "3"));
    await page.waitForTimeout(300);
    expect(inputs).toHaveLength(1);
    await page.locator("#below").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.getElementById("below")!.getAttribute("data-state") === "ready",
    );
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toMatchObject({ conditionIds: ["condition:migraine"], first: 3 });
  });

  it("runs version 1.0.0 from its immutable URL with its SRI hash, and refuses a copy whose hash differs", async () => {
    const tag = (integrity: string) =>
      `<script src="${server.url}/widget/1.0.0/paingraph.js" integrity="${integrity}" crossorigin="anonymous"></script>`;
    const good = await openPage(
      "sri",
      `<paingraph-recommendations id="pinned" condition="M79.7"></paingraph-recommendations>`,
      {
        script: tag(SRI_1_0_0),
      },
    );
    await waitForWidgets(good.page);
    expect((await readWidget(good.page, "pinned")).heading).toBe("Treatments for Fibromyalgia");
    expect(
      await good.page.evaluate(
        () => (customElements.get("paingraph-recommendations") as unknown as { version: string }).version,
      ),
    ).toBe("1.0.0");

    const wrong = SRI_1_0_0.replace(/.{4}$/, "AAAA");
    const bad = await openPage(
      "sri-bad",
      `<paingraph-recommendations id="pinned"></paingraph-recommendations>`,
      {
        script: tag(wrong),
      },
    );
    await bad.page.waitForLoadState("load");
    expect(await bad.page.evaluate(() => customElements.get("paingraph-recommendations") === undefined)).toBe(
      true,
    );
  });

  it("demo: type a condition in the picker, choose a suggestion with the keyboard, and see its ranking", async () => {
    const embedded = DEMO.replace('src="paingraph.js"', `src="${server.url}/widget/paingraph.js"`).replace(
      'src="demo.js"',
      `src="${server.url}/widget/demo.js"`,
    );
    site.pages.set("/demo.html", { type: HTML, body: embedded });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page: Page = await context.newPage();
    await page.goto(`${site.origin}/demo.html`);
    await waitForWidgets(page);
    expect((await readWidget(page, "picked")).heading).toBe("Treatments for Migraine");

    const { body } = await server.graphql<{ suggest: Array<{ node: { id?: string; name?: string } }> }>(
      `query ($prefix: String!) { suggest(prefix: $prefix, types: [CONDITION], first: 8) { node { ... on Condition { id name } } } }`,
      { prefix: "fibro" },
    );
    const suggested = body.data!.suggest.map((hit) => hit.node.name);
    expect(suggested[0]).toBe("Fibromyalgia");

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "INPUT" });
    await page.keyboard.press("Control+A");
    await page.keyboard.type("fibro", { delay: 30 });
    const options = page.locator("#condition-options [role=option]");
    await options.first().waitFor();
    expect((await options.allTextContents()).map((text) => text.replace(/ \(.*\)$/, ""))).toEqual(suggested);
    expect(await page.locator("#condition-input").getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#condition-input").getAttribute("aria-activedescendant")).toBe(
      "condition-option-0",
    );
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");

    await page.waitForFunction(
      () =>
        document.getElementById("picked")!.getAttribute("condition") === "condition:fibromyalgia" &&
        document.getElementById("picked")!.getAttribute("data-state") === "ready",
    );
    const shown = await readWidget(page, "picked");
    expect(shown.heading).toBe("Treatments for Fibromyalgia");
    const api = await answer({ conditionIds: ["condition:fibromyalgia"], intent: "PREVENTIVE", first: 5 });
    expect(shown.items.map((item) => item.name)).toEqual(api.items.map((item) => item.treatment.name));
    expect(await page.locator("#condition-input").inputValue()).toBe("Fibromyalgia");
    expect(await page.locator("#condition-options").isHidden()).toBe(true);
    expect(await page.locator("#condition-status").textContent()).toContain("Fibromyalgia picked");
  });
});
