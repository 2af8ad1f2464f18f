/*! <paingraph-recommendations>: PainGraph's embeddable treatment-recommendation widget (MIT). README: "Embedding the widget". */
// Plain ES2020, no dependencies, no build step. Reads through cacheable GET requests with fixed query text;
// the JSDoc types refer to paingraph.types.ts, generated from the schema (npm run codegen), for the type-check test.
(() => {
  "use strict";
  const TAG = "paingraph-recommendations";
  /** @typedef {import("./paingraph.types").PainGraphRecommendationsQuery["recommendTreatments"]} Result */
  /** @typedef {import("./paingraph.types").CitedFragment} Cited */
  /** @typedef {import("./paingraph.types").PainGraphRecommendationsQueryVariables} Variables */
  /** @typedef {import("./paingraph.types").Strength} Strength */
  if (!window.customElements || customElements.get(TAG)) return;

  // The API that served this script; an `endpoint` attribute overrides it.
  const script = document.currentScript;
  const DEFAULT_ENDPOINT = new URL(
    "/graphql",
    script instanceof HTMLScriptElement && script.src ? script.src : location.href,
  ).href;

  // prettier-ignore
  const QUERY = /* GraphQL */ `
    query PainGraphRecommendations($input: RecommendTreatmentsInput!) {
      recommendTreatments(input: $input) {
        conditions { condition { id name } phase }
        items {
          rank
          conflict
          treatment { id name modalities { id name } }
          deliveredBy { basis provider { id name } }
          supporting { ...Cited }
          opposing { ...Cited }
          warnings { ...Cited condition { id } }
          precautions { id kind statement factorText drugs source yearText }
        }
        excluded { reason treatment { id name } recommendations { ...Cited } }
        dataRelease { version }
        disclaimer
      }
    }
    fragment Cited on Recommendation {
      id rawGrade strength statement
      guideline { id publisher year title url doi }
    }
  `;
  const QUERY_TEXT = QUERY.replace(/\s+/g, " ").trim();
  const TIMEOUT_MS = 15000;
  const STRENGTH_LABEL = { STRONG: "Strong", CONDITIONAL: "Conditional", UNGRADED: "Ungraded" };
  /** @type {Strength[]} */
  const STRENGTH_ORDER = ["UNGRADED", "CONDITIONAL", "STRONG"];
  const PHASE_LABEL = {
    ACUTE: "acute pain",
    SUBACUTE: "subacute pain",
    CHRONIC: "chronic pain",
    ANY: "acute or chronic pain",
  };
  const INVASIVENESS = ["non-invasive only", "at most a needle or injection", "at most a procedure", ""];
  const BASIS = { CITED: "named by a cited source", CONVENTION: "usual US practice" };

  const CSS = `
:host{--_fg:var(--paingraph-fg,#1f2933);--_muted:var(--paingraph-muted,#4b5563);--_bg:var(--paingraph-bg,#fff);
--_border:var(--paingraph-border,#cbd2d9);--_accent:var(--paingraph-accent,#0b57a4);--_radius:var(--paingraph-radius,8px);
display:block;container-type:inline-size;color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);
border-radius:var(--_radius);padding:var(--paingraph-padding,1rem 1.25rem);
font:var(--paingraph-font-size,1rem)/1.5 var(--paingraph-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif)}
:host([hidden]){display:none}
*{box-sizing:border-box}
h2{font-size:1.2em;margin:0;line-height:1.3}
h3{font-size:1em;margin:1.25em 0 .5em}
h4{font-size:.8em;margin:.75em 0 .25em;text-transform:uppercase;letter-spacing:.04em;color:var(--_muted)}
p{margin:.25em 0}
a{color:var(--_accent);text-underline-offset:2px}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px;border-radius:4px}
section:focus{outline:none}
.muted,.stmt{color:var(--_muted)}
.sub{font-size:.9em}
ol,ul{list-style:none;margin:0;padding:0}
.items{margin-top:.75em;border-top:1px solid var(--_border)}
.items>li{border-bottom:1px solid var(--_border)}
.items summary{display:grid;grid-template-columns:2em 1fr auto;gap:.15em .6em;align-items:baseline;padding:.6em .25em}
summary{cursor:pointer;list-style:none}
summary::-webkit-details-marker{display:none}
.items summary:hover .name{text-decoration:underline}
.rank{font-weight:700;color:var(--_muted);text-align:right}
.name{font-weight:600}
.badges{display:flex;flex-wrap:wrap;gap:.3em;justify-content:flex-end}
.meta{grid-column:2/-1;font-size:.875em;color:var(--_muted)}
.chev{display:inline-block;transition:transform .15s}
details[open] .chev{transform:rotate(90deg)}
.badge{display:inline-block;padding:.05em .55em;border-radius:999px;font-size:.78em;font-weight:600;white-space:nowrap;
background:var(--_b);color:var(--_c)}
.strong{--_b:var(--paingraph-strong-bg,#d1fae5);--_c:var(--paingraph-strong-fg,#065f46)}
.conditional{--_b:var(--paingraph-conditional-bg,#fef3c7);--_c:var(--paingraph-conditional-fg,#7c2d12)}
.ungraded{--_b:var(--paingraph-ungraded-bg,#e5e7eb);--_c:var(--paingraph-ungraded-fg,#374151)}
.against{--_b:var(--paingraph-against-bg,#fee2e2);--_c:var(--paingraph-against-fg,#991b1b)}
.body{padding:0 .25em .9em 2.6em;font-size:.92em}
.cites li{margin:.35em 0}
.grade{font-style:italic}
.stmt{display:block;font-size:.92em}
.warn{--_accent:#0b57a4;margin-top:.6em;padding:.45em .7em;border-left:4px solid var(--paingraph-warn,#b45309);background:var(--paingraph-warn-bg,#fffbeb);color:#1f2933}
.boxed{border-left-color:var(--paingraph-boxed,#991b1b);background:var(--paingraph-boxed-bg,#fef2f2)}
.prec{margin-top:.6em}.prec summary{font-weight:600;color:var(--_muted)}.prec li{margin:.35em 0}
.not{margin-top:1em}
.not summary{padding:.25em}
.not h3{display:inline;margin:0}
.not h3::before{content:"›";display:inline-block;margin-right:.4em;transition:transform .15s}
.not[open] h3::before{transform:rotate(90deg)}
.not li{margin:.4em 0 .4em 1.1em}
.disclaimer{margin-top:1em;padding-top:.75em;border-top:1px solid var(--_border);font-size:.85em;color:var(--_muted)}
.sk{height:2.6em;margin:.5em 0;border-radius:6px;background:linear-gradient(90deg,var(--_border) 0,transparent 60%,var(--_border));opacity:.5}
.error{padding:.75em 1em;border-radius:6px;background:#fee2e2;color:#7f1d1d}
button{font:inherit;margin-top:.5em;padding:.3em .9em;border-radius:6px;border:1px solid currentColor;background:#fff;color:#7f1d1d;cursor:pointer}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@container (max-width:28rem){summary{grid-template-columns:1.6em 1fr}.badges{grid-column:2;justify-content:flex-start}.body{padding-left:.25em}}
@media (prefers-reduced-motion:reduce){.chev,.not h3::before{transition:none}}`;

  /** @type {CSSStyleSheet | null} */
  let sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  } catch {
    sheet = null; // No constructable stylesheets: a <style> element is rendered instead.
  }

  /** @param {unknown} value */
  const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  /** A link to the guideline (its page, else its DOI), or plain text when it has neither. @param {Cited["guideline"]} g */
  const cite = (g) => {
    // "National Institute for Health and Care Excellence (NICE)" reads as "NICE"; the title says the rest.
    const publisher = g.publisher.replace(/[^()/]*\(([A-Z][A-Za-z&.-]*)\)/g, "$1").trim();
    const label = esc(g.year ? `${publisher} ${g.year}` : publisher);
    const url = g.url || (g.doi ? `https://doi.org/${g.doi}` : "");
    return /^https?:\/\//i.test(url)
      ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer" title="${esc(g.title)}">${label}<span class="sr"> (${esc(g.title)}, opens in a new tab)</span></a>`
      : `<cite title="${esc(g.title)}">${label}</cite>`;
  };

  /** @param {readonly Cited[]} recs */
  const citations = (recs) =>
    `<ul class="cites">${recs
      .map(
        (r) =>
          `<li>${cite(r.guideline)}${r.rawGrade ? ` <span class="grade">${esc(r.rawGrade)}</span>` : ""}` +
          `<span class="stmt">${esc(r.statement)}</span></li>`,
      )
      .join("")}</ul>`;

  /** @param {Result["items"][number]} item @param {number} index @param {Set<string>} requested */
  const renderItem = (item, index, requested) => {
    const best =
      STRENGTH_ORDER[Math.max(0, ...item.supporting.map((r) => STRENGTH_ORDER.indexOf(r.strength)))];
    const providers = new Map(item.deliveredBy.map((d) => [d.provider.id, d]));
    const who = [...providers.values()]
      .map((d) => `<span title="${esc(BASIS[d.basis])}">${esc(d.provider.name)}</span>`)
      .join(", ");
    const modalities = item.treatment.modalities.map((m) => esc(m.name)).join(", ");
    return (
      `<li part="item"><details${index === 0 ? " open" : ""}><summary>` +
      `<span class="rank"><span class="sr">Rank </span>${item.rank}</span>` +
      `<span class="name"><span class="chev" aria-hidden="true">›</span> ${esc(item.treatment.name)}</span>` +
      `<span class="badges"><span class="badge ${best.toLowerCase()}" part="badge" data-strength="${best}">` +
      `${STRENGTH_LABEL[best]}<span class="sr"> evidence</span></span>` +
      (item.conflict ? `<span class="badge against" part="badge">Guidelines disagree</span>` : "") +
      (item.precautions.some((p) => p.kind === "BOXED_WARNING")
        ? `<span class="badge against" part="badge">FDA boxed warning</span>`
        : "") +
      `</span><span class="meta">${modalities}${who ? ` · Delivered by ${who}` : ""}</span></summary>` +
      `<div class="body"><h4>Supporting guidelines</h4>${citations(item.supporting)}` +
      (item.opposing.length ? `<h4>Guidelines against</h4>${citations(item.opposing)}` : "") +
      warningsOf(item, requested)
        .map(
          (w) => `<p class="warn" role="note"><b>Warning</b> (${cite(w.guideline)}): ${esc(w.statement)}</p>`,
        )
        .join("") +
      precautionsOf(item) +
      `</div></details></li>`
    );
  };

  /**
   * Boxed warnings in full; every other safety statement collapsed (they show only where they apply to everyone,
   * since the widget sends no patient factors).
   * @param {Result["items"][number]} item
   */
  const precautionsOf = (item) => {
    /** @param {Result["items"][number]["precautions"][number]} p */
    const about = (p) => `${p.drugs.length ? `${esc(p.drugs.join(", "))}: ` : ""}${esc(p.statement)}`;
    /** @param {Result["items"][number]["precautions"][number]} p */
    const source = (p) => `${esc(p.source)}, ${esc(p.yearText)}`;
    const boxed = item.precautions.filter((p) => p.kind === "BOXED_WARNING");
    const other = item.precautions.filter((p) => p.kind !== "BOXED_WARNING");
    return (
      boxed
        .map(
          (p) =>
            `<p class="warn boxed" role="note" part="boxed-warning"><b>FDA boxed warning</b> (${source(p)}): ${about(p)}</p>`,
        )
        .join("") +
      (other.length
        ? `<details class="prec" part="precautions"><summary>Precautions (${other.length})</summary><ul>${other
            .map((p) => `<li>${about(p)} <span class="muted">(${source(p)})</span></li>`)
            .join("")}</ul></details>`
        : "")
    );
  };

  /**
   * One warning per guideline, the one about a requested condition when there is one (a regulator often
   * words the same warning once per body site).
   * @param {Result["items"][number]} item @param {Set<string>} requested
   */
  const warningsOf = (item, requested) => {
    const byGuideline = new Map();
    for (const w of item.warnings) {
      const kept = byGuideline.get(w.guideline.id);
      if (!kept || (!requested.has(kept.condition.id) && requested.has(w.condition.id))) {
        byGuideline.set(w.guideline.id, w);
      }
    }
    return [...byGuideline.values()];
  };

  /** @param {Result} result @param {Variables["input"]} input */
  const renderResult = (result, input) => {
    const names = result.conditions.map((c) => esc(c.condition.name)).join(" and ");
    const phases = [...new Set(result.conditions.map((c) => PHASE_LABEL[c.phase]))].join(", ");
    const filters = [
      input.excludeOpioids ? "no opioids" : "",
      INVASIVENESS[input.maxInvasiveness ?? 3],
    ].filter(Boolean);
    const against = result.excluded.filter((e) => e.reason === "RECOMMENDED_AGAINST");
    const filtered = result.excluded.filter(
      (e) => e.reason === "OPIOID_EXCLUDED" || e.reason === "TOO_INVASIVE",
    );
    const count = result.items.length;
    const requested = new Set(result.conditions.map((c) => c.condition.id));
    return (
      `<h2 id="pg-title" part="heading">Treatments for ${names}</h2>` +
      `<p class="sub muted">${esc(phases)} · best guideline evidence first${filters.length ? ` · ${filters.join(", ")}` : ""}</p>` +
      `<p class="sr" role="status">${count} ranked treatment${count === 1 ? "" : "s"} for ${names}.</p>` +
      (count
        ? `<ol class="items" role="list" aria-labelledby="pg-title">${result.items.map((item, i) => renderItem(item, i, requested)).join("")}</ol>`
        : `<p class="empty" part="empty">No treatment with guideline support matches these filters.</p>`) +
      (filtered.length
        ? `<p class="muted sub">${filtered.length} more left out by the filters (${filters.join(", ")}).</p>`
        : "") +
      (against.length
        ? `<details class="not"${against.length <= 4 ? " open" : ""}><summary><h3>Not recommended by guidelines ` +
          `<span class="muted">(${against.length})</span></h3></summary><ul role="list">${against
            .map(
              (e) =>
                `<li><span class="badge against">Not recommended</span> <b>${esc(e.treatment.name)}</b> <span class="muted">(${[
                  ...new Map(e.recommendations.map((r) => [r.guideline.id, r.guideline])).values(),
                ]
                  .map(cite)
                  .join(", ")})</span></li>`,
            )
            .join("")}</ul></details>`
        : "") +
      `<p class="disclaimer" role="note" part="disclaimer">${esc(result.disclaimer)}` +
      ` <span>Source: PainGraph${result.dataRelease ? `, data release ${result.dataRelease.version}` : ""}.</span></p>`
    );
  };

  class WidgetError extends Error {}

  class PainGraphRecommendations extends HTMLElement {
    static get observedAttributes() {
      return ["condition", "exclude-opioids", "max-invasiveness", "limit", "endpoint"];
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      if (sheet) root.adoptedStyleSheets = [sheet];
      this._style = sheet ? "" : `<style>${CSS}</style>`;
      /** @type {AbortController | null} */
      this._request = null;
      this._queued = false;
      root.addEventListener("click", (event) => {
        if (event.target instanceof Element && event.target.closest("[data-retry]")) this.refresh();
      });
      root.addEventListener("keydown", (event) => this._onKey(/** @type {KeyboardEvent} */ (event)));
    }

    connectedCallback() {
      this._schedule();
    }

    disconnectedCallback() {
      if (this._request) this._request.abort();
      this._request = null;
    }

    attributeChangedCallback() {
      this._schedule();
    }

    /** Loads again (also what the error state's "Try again" does). */
    refresh() {
      return this._load();
    }

    _schedule() {
      if (this._queued) return;
      this._queued = true;
      queueMicrotask(() => {
        this._queued = false;
        if (this.isConnected) this._load();
      });
    }

    /**
     * Arrow keys, Home and End move between the treatments; Enter and Space open one (native <details>).
     * @param {KeyboardEvent} event
     */
    _onKey(event) {
      const all = /** @type {HTMLElement[]} */ ([
        ...(this.shadowRoot?.querySelectorAll(".items summary") ?? []),
      ]);
      const at = all.indexOf(/** @type {HTMLElement} */ (event.target));
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
      if (at < 0 || to === undefined) return;
      event.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, to))].focus();
    }

    /** @param {"loading" | "ready" | "empty" | "error"} state @param {string} html */
    _render(state, html) {
      const root = /** @type {ShadowRoot} */ (this.shadowRoot);
      const hadFocus = root.activeElement !== null;
      this.setAttribute("data-state", state);
      root.innerHTML = `${this._style}<section part="container" tabindex="-1" aria-labelledby="pg-title" aria-busy="${state === "loading"}">${html}</section>`;
      // Keep keyboard focus in the widget when its content is replaced (e.g. after "Try again").
      const target = root.querySelector("[data-retry]") || root.querySelector("section");
      if (hadFocus && target instanceof HTMLElement) target.focus();
    }

    _input() {
      const conditions = (this.getAttribute("condition") || "").split(/[\s,]+/).filter(Boolean);
      const ids = conditions.filter((c) => c.includes(":"));
      const codes = conditions.filter((c) => !c.includes(":"));
      const invasiveness = Number.parseInt(this.getAttribute("max-invasiveness") ?? "", 10);
      const limit = Number.parseInt(this.getAttribute("limit") ?? "", 10);
      const opioids = this.getAttribute("exclude-opioids");
      return {
        conditions,
        /** @type {Variables["input"]} */
        input: {
          ...(ids.length ? { conditionIds: ids } : {}),
          ...(codes.length ? { conditionCodes: codes.map((code) => ({ system: "ICD10CM", code })) } : {}),
          excludeOpioids: opioids !== null && opioids !== "false",
          ...(invasiveness >= 0 && invasiveness <= 3 ? { maxInvasiveness: invasiveness } : {}),
          first: limit >= 1 && limit <= 50 ? limit : 5,
        },
      };
    }

    async _load() {
      const { conditions, input } = this._input();
      if (this._request) this._request.abort();
      const request = (this._request = new AbortController());
      if (!conditions.length)
        return this._fail("Set the condition attribute to a condition id or an ICD-10-CM code.");
      this._render(
        "loading",
        `<h2 id="pg-title" part="heading">Treatments</h2><p role="status" class="muted">Loading treatments…</p>` +
          `<div class="sk"></div><div class="sk"></div><div class="sk"></div>`,
      );
      const timer = setTimeout(() => request.abort(), TIMEOUT_MS);
      try {
        const url = new URL(this.getAttribute("endpoint") || DEFAULT_ENDPOINT, location.href);
        url.searchParams.set("query", QUERY_TEXT);
        url.searchParams.set("variables", JSON.stringify({ input }));
        const response = await fetch(url.href, {
          // A custom header makes the GET non-simple: the API's CSRF prevention requires it.
          headers: {
            accept: "application/graphql-response+json, application/json",
            "apollo-require-preflight": "true",
          },
          credentials: "omit",
          signal: request.signal,
        });
        /** @type {{ data?: { recommendTreatments: Result } | null, errors?: Array<{ message: string, extensions?: { code?: string, argumentName?: string } }> } | null} */
        const body = await response.json().catch(() => null);
        if (request !== this._request) return;
        const error = body && body.errors && body.errors[0];
        if (error) {
          const unknownCondition = /^input\.condition/.test(error.extensions?.argumentName ?? "");
          throw new WidgetError(
            unknownCondition
              ? `No condition matches “${conditions.join(", ")}”.`
              : `The PainGraph service answered with an error (${error.extensions?.code ?? response.status}).`,
          );
        }
        if (!response.ok || !body?.data)
          throw new WidgetError(`The PainGraph service answered HTTP ${response.status}.`);
        const result = body.data.recommendTreatments;
        this._render(result.items.length ? "ready" : "empty", renderResult(result, input));
        this.dispatchEvent(
          new CustomEvent("paingraph-load", { detail: result, bubbles: true, composed: true }),
        );
      } catch (error) {
        if (request !== this._request) return;
        this._fail(
          error instanceof WidgetError
            ? error.message
            : request.signal.aborted
              ? "The PainGraph service took too long to answer."
              : "The PainGraph service could not be reached.",
        );
      } finally {
        clearTimeout(timer);
      }
    }

    /** @param {string} message */
    _fail(message) {
      this._render(
        "error",
        `<h2 id="pg-title" part="heading">Treatments</h2><div class="error" role="alert" part="error">` +
          `<p>${esc(message)}</p><button type="button" data-retry>Try again</button></div>`,
      );
      this.dispatchEvent(
        new CustomEvent("paingraph-error", { detail: { message }, bubbles: true, composed: true }),
      );
    }
  }

  customElements.define(TAG, PainGraphRecommendations);
})();
