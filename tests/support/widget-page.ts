/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** Reading the widget in a browser page the way a test reads a page: what each element shows, and its focus. */
import type { Page } from "playwright-core";

export interface Cited {
  rawGrade: string;
  strength: string;
  guideline: { id: string; url: string | null; doi: string | null };
}

export interface Rendered {
  state: string | null;
  heading: string;
  headingTag: string;
  subtitle: string;
  items: Array<{
    rank: string;
    name: string;
    strength: string;
    badges: string;
    conflict: boolean;
    meta: string;
    supporting: string[];
    opposing: string[];
  }>;
  notRecommended: string[];
  alert: string;
  disclaimer: string;
}

export const STRENGTHS = ["UNGRADED", "CONDITIONAL", "STRONG"];

/** Where the widget links a citation: the guideline's page, else its DOI. */
export const citationHref = ({ guideline }: Cited) =>
  guideline.url ?? (guideline.doi ? new URL(`https://doi.org/${guideline.doi}`).href : null);

/** What the widget shows in one element's shadow root. */
export function readWidget(page: Page, id: string): Promise<Rendered> {
  return page.evaluate((hostId) => {
    const host = document.getElementById(hostId)!;
    const root = host.shadowRoot!;
    const text = (element: Element | null) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
    const links = (list: Element | undefined) =>
      [...(list?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href") ?? "");
    const title = root.querySelector(".title");
    return {
      state: host.getAttribute("data-state"),
      heading: text(title),
      headingTag: title?.tagName ?? "",
      subtitle: text(root.querySelector(".sub")),
      items: [...root.querySelectorAll(".items > li")].map((li) => {
        const lists = [...li.querySelectorAll(".body > ul.cites")];
        const labels = [...li.querySelectorAll(".body > .label")].map(text);
        return {
          rank: text(li.querySelector(".rank")).replace(/^\D+ /, ""),
          name: text(li.querySelector(".name")).replace(/^› /, ""),
          strength: li.querySelector<HTMLElement>("[data-strength]")?.dataset.strength ?? "",
          badges: text(li.querySelector(".badges")),
          conflict: li.querySelectorAll(".badges .against").length > 0,
          meta: text(li.querySelector(".meta")),
          supporting: links(lists[0]),
          opposing: labels.length > 1 ? links(lists[1]) : [],
        };
      }),
      notRecommended: [...root.querySelectorAll(".not li b")].map(text),
      alert: text(root.querySelector("[role=alert] p")),
      disclaimer: text(root.querySelector(".disclaimer")),
    };
  }, id);
}

/** Waits until every element has an answer, scrolling each into view first: they load lazily. */
export async function waitForWidgets(page: Page): Promise<void> {
  const elements = page.locator("paingraph-recommendations");
  const count = await elements.count();
  for (let index = 0; index < count; index++) {
    const element = elements.nth(index);
    await element.scrollIntoViewIfNeeded();
    await element.evaluate(
      (host) =>
        new Promise<void>((resolve) => {
          const done = () => ["ready", "empty", "error"].includes(host.getAttribute("data-state") ?? "");
          if (done()) return resolve();
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(host, { attributes: true, attributeFilter: ["data-state"] });
        }),
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The element holding keyboard focus, looking through the widget's shadow root. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const host = document.activeElement;
    const element = host?.shadowRoot?.activeElement ?? host;
    const style = element ? getComputedStyle(element) : null;
    return {
      host: host?.id ?? "",
      tag: element?.tagName ?? "",
      text: (element?.textContent ?? "").replace(/\s+/g, " ").trim(),
      href: element?.getAttribute("href") ?? null,
      open: element?.parentElement?.hasAttribute("open") ?? false,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
    };
  });
}
