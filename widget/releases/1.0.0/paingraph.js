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
  /** @typedef {import("./paingraph.types").Phase} Phase */
  /** @typedef {import("./paingraph.types").TreatmentIntent} TreatmentIntent */
  /** @typedef {import("./paingraph.types").Jurisdiction} Jurisdiction */
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
        }
        excluded { reason treatment { id name } recommendations { ...Cited } }
        intentUsed
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
  /** The widget's own version; released copies are served, unchanged forever, at /widget/<version>/paingraph.js. */
  const VERSION = "1.0.0";
  const TIMEOUT_MS = 15000;
  /** @type {Strength[]} */
  const STRENGTH_ORDER = ["UNGRADED", "CONDITIONAL", "STRONG"];

  /**
   * Every string the widget shows, per language; `{name}` marks a value filled in. Guideline statements, names and
   * grades come from the API in the guidelines' own words and are never translated. An empty `disclaimer` shows the
   * API's own text.
   */
  const STRINGS = {
    en: {
      treatments: "Treatments",
      treatmentsFor: "Treatments for {conditions}",
      and: " and ",
      bestFirst: "best guideline evidence first",
      loading: "Loading treatments…",
      rankedOne: "1 ranked treatment for {conditions}.",
      rankedMany: "{count} ranked treatments for {conditions}.",
      empty: "No treatment with guideline support matches these filters.",
      filteredOut: "{count} more left out by the filters ({filters}).",
      rank: "Rank",
      evidence: "evidence",
      strong: "Strong",
      conditional: "Conditional",
      ungraded: "Ungraded",
      disagree: "Guidelines disagree",
      deliveredBy: "Delivered by {providers}",
      basisCited: "named by a cited source",
      basisConvention: "usual US practice",
      supporting: "Supporting guidelines",
      against: "Guidelines against",
      warning: "Warning",
      notRecommendedHeading: "Not recommended by guidelines",
      notRecommended: "Not recommended",
      newTab: "opens in a new tab",
      source: "Source: PainGraph",
      sourceRelease: "Source: PainGraph, data release {version}.",
      disclaimer: "",
      phaseAcute: "acute pain",
      phaseSubacute: "subacute pain",
      phaseChronic: "chronic pain",
      phaseAny: "acute or chronic pain",
      noOpioids: "no opioids",
      invasiveness0: "non-invasive only",
      invasiveness1: "at most a needle or injection",
      invasiveness2: "at most a procedure",
      minStrong: "strong evidence only",
      minConditional: "conditional evidence or stronger",
      jurisdictions: "guidelines from {list}",
      guidelinesChosen: "chosen guidelines only",
      intentAcute: "stopping an attack",
      intentPreventive: "preventing attacks",
      tried: "{count} already tried left out",
      superseded: "superseded guidelines included",
      setCondition: "Set the condition attribute to a condition id or an ICD-10-CM code.",
      badAttribute: "The {attribute} attribute cannot be “{value}”: use {allowed}.",
      badStrings: "The strings attribute is not a JSON object.",
      noCondition: "No condition matches “{conditions}”.",
      serviceError: "The PainGraph service answered with an error ({code}).",
      httpError: "The PainGraph service answered HTTP {status}.",
      timeout: "The PainGraph service took too long to answer.",
      unreachable: "The PainGraph service could not be reached.",
      tryAgain: "Try again",
    },
    es: {
      treatments: "Tratamientos",
      treatmentsFor: "Tratamientos para {conditions}",
      and: " y ",
      bestFirst: "primero la mejor evidencia de las guías",
      loading: "Cargando tratamientos…",
      rankedOne: "1 tratamiento ordenado para {conditions}.",
      rankedMany: "{count} tratamientos ordenados para {conditions}.",
      empty: "Ningún tratamiento respaldado por las guías cumple estos filtros.",
      filteredOut: "{count} más excluidos por los filtros ({filters}).",
      rank: "Puesto",
      evidence: "evidencia",
      strong: "Fuerte",
      conditional: "Condicional",
      ungraded: "Sin grado",
      disagree: "Las guías discrepan",
      deliveredBy: "Lo aplica: {providers}",
      basisCited: "según una fuente citada",
      basisConvention: "práctica habitual en EE. UU.",
      supporting: "Guías a favor",
      against: "Guías en contra",
      warning: "Advertencia",
      notRecommendedHeading: "No recomendados por las guías",
      notRecommended: "No recomendado",
      newTab: "se abre en una pestaña nueva",
      source: "Fuente: PainGraph",
      sourceRelease: "Fuente: PainGraph, versión de datos {version}.",
      disclaimer:
        "PainGraph ordena los tratamientos según lo que dicen las guías publicadas; informa y no prescribe. No es " +
        "consejo médico: las guías discrepan y el tratamiento adecuado depende de cada persona. Hable de cualquier " +
        "tratamiento con un profesional sanitario cualificado.",
      phaseAcute: "dolor agudo",
      phaseSubacute: "dolor subagudo",
      phaseChronic: "dolor crónico",
      phaseAny: "dolor agudo o crónico",
      noOpioids: "sin opioides",
      invasiveness0: "solo no invasivos",
      invasiveness1: "como mucho una aguja o inyección",
      invasiveness2: "como mucho un procedimiento",
      minStrong: "solo evidencia fuerte",
      minConditional: "evidencia condicional o más fuerte",
      jurisdictions: "guías de {list}",
      guidelinesChosen: "solo las guías elegidas",
      intentAcute: "para detener una crisis",
      intentPreventive: "para prevenir crisis",
      tried: "{count} ya probados excluidos",
      superseded: "incluye guías reemplazadas",
      setCondition: "Indique en el atributo condition un id de condición o un código CIE-10-MC.",
      badAttribute: "El atributo {attribute} no puede ser «{value}»: use {allowed}.",
      badStrings: "El atributo strings no es un objeto JSON.",
      noCondition: "Ninguna condición coincide con «{conditions}».",
      serviceError: "El servicio PainGraph respondió con un error ({code}).",
      httpError: "El servicio PainGraph respondió HTTP {status}.",
      timeout: "El servicio PainGraph tardó demasiado en responder.",
      unreachable: "No se pudo contactar con el servicio PainGraph.",
      tryAgain: "Reintentar",
    },
  };
  /** @typedef {typeof STRINGS.en} Strings */
  /** @typedef {keyof Strings} StringKey */

  /**
   * The filters the element's attributes set, each with the values it accepts.
   * @type {{ phase: Phase[], intent: TreatmentIntent[], "min-strength": Strength[], jurisdictions: Jurisdiction[] }}
   */
  const ENUMS = {
    phase: ["ACUTE", "SUBACUTE", "CHRONIC", "ANY"],
    intent: ["ACUTE", "PREVENTIVE"],
    "min-strength": ["STRONG", "CONDITIONAL", "UNGRADED"],
    jurisdictions: ["US", "UK", "CA", "EU", "INTERNATIONAL"],
  };

  /** A list attribute: values separated by commas or spaces. @param {string | null} value */
  const listOf = (value) => (value || "").split(/[\s,]+/).filter(Boolean);

  /** @param {string} template @param {Record<string, string | number>} values */
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

  class AttributeError extends Error {}

  const CSS = `
:host{--_fg:var(--paingraph-fg,#1f2933);--_muted:var(--paingraph-muted,#4b5563);--_bg:var(--paingraph-bg,#fff);
--_border:var(--paingraph-border,#cbd2d9);--_accent:var(--paingraph-accent,#0b57a4);--_radius:var(--paingraph-radius,8px);
display:block;container-type:inline-size;color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);
border-radius:var(--_radius);padding:var(--paingraph-padding,1rem 1.25rem);
font:var(--paingraph-font-size,1rem)/1.5 var(--paingraph-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif)}
:host([hidden]){display:none}
*{box-sizing:border-box}
.title{font-size:1.2em;margin:0;line-height:1.3}
.section{font-size:1em;margin:1.25em 0 .5em}
.label{font-size:.8em;margin:.75em 0 .25em;text-transform:uppercase;letter-spacing:.04em;color:var(--_muted)}
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
.warn{--_accent:var(--paingraph-warn-link,#0b57a4);margin-top:.6em;padding:.45em .7em;border-left:4px solid var(--paingraph-warn,#b45309);
background:var(--paingraph-warn-bg,#fffbeb);color:var(--paingraph-warn-fg,#1f2933)}
.not{margin-top:1em}
.not summary{padding:.25em}
.not .section{display:inline;margin:0}
.not .section::before{content:"›";display:inline-block;margin-right:.4em;transition:transform .15s}
.not[open] .section::before{transform:rotate(90deg)}
.not li{margin:.4em 0 .4em 1.1em}
.disclaimer{margin-top:1em;padding-top:.75em;border-top:1px solid var(--_border);font-size:.85em;color:var(--_muted)}
.sk{height:2.6em;margin:.5em 0;border-radius:6px;background:linear-gradient(90deg,var(--_border) 0,transparent 60%,var(--_border));opacity:.5}
.error{--_e:var(--paingraph-error-fg,#7f1d1d);padding:.75em 1em;border-radius:6px;background:var(--paingraph-error-bg,#fee2e2);
color:var(--_e);border:1px solid var(--paingraph-error-border,transparent)}
button{font:inherit;margin-top:.5em;padding:.3em .9em;border-radius:6px;border:1px solid currentColor;
background:var(--paingraph-error-button-bg,#fff);color:var(--_e);cursor:pointer}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@container (max-width:28rem){summary{grid-template-columns:1.6em 1fr}.badges{grid-column:2;justify-content:flex-start}.body{padding-left:.25em}}
@media (prefers-reduced-motion:reduce){.chev,.not .section::before{transition:none}}`;

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

  /**
   * What one element renders with: its strings, and its heading levels (title, section, label).
   * @typedef {{ t: Strings, h: [number, number, number] }} View
   */

  /** @param {number} level @param {string} className @param {string} html @param {string} [attributes] */
  const heading = (level, className, html, attributes = "") =>
    `<h${level} class="${className}"${attributes}>${html}</h${level}>`;

  /**
   * A link to the guideline (its page, else its DOI), or plain text when it has neither.
   * @param {Cited["guideline"]} g @param {View} view
   */
  const cite = (g, { t }) => {
    // "National Institute for Health and Care Excellence (NICE)" reads as "NICE"; the title says the rest.
    const publisher = g.publisher.replace(/[^()/]*\(([A-Z][A-Za-z&.-]*)\)/g, "$1").trim();
    const label = esc(g.year ? `${publisher} ${g.year}` : publisher);
    const url = g.url || (g.doi ? `https://doi.org/${g.doi}` : "");
    return /^https?:\/\//i.test(url)
      ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer" title="${esc(g.title)}">${label}<span class="sr"> (${esc(g.title)}, ${esc(t.newTab)})</span></a>`
      : `<cite title="${esc(g.title)}">${label}</cite>`;
  };

  /** @param {readonly Cited[]} recs @param {View} view */
  const citations = (recs, view) =>
    `<ul class="cites" part="citations">${recs
      .map(
        (r) =>
          `<li part="citation">${cite(r.guideline, view)}${r.rawGrade ? ` <span class="grade">${esc(r.rawGrade)}</span>` : ""}` +
          `<span class="stmt">${esc(r.statement)}</span></li>`,
      )
      .join("")}</ul>`;

  /** @param {Strength} strength @param {Strings} t */
  const strengthLabel = (strength, t) =>
    ({ STRONG: t.strong, CONDITIONAL: t.conditional, UNGRADED: t.ungraded })[strength];

  /**
   * @param {Result["items"][number]} item @param {number} index @param {Set<string>} requested @param {View} view
   */
  const renderItem = (item, index, requested, view) => {
    const { t, h } = view;
    const best =
      STRENGTH_ORDER[Math.max(0, ...item.supporting.map((r) => STRENGTH_ORDER.indexOf(r.strength)))];
    const providers = new Map(item.deliveredBy.map((d) => [d.provider.id, d]));
    const who = [...providers.values()]
      .map(
        (d) =>
          `<span title="${esc(d.basis === "CITED" ? t.basisCited : t.basisConvention)}">${esc(d.provider.name)}</span>`,
      )
      .join(", ");
    const modalities = item.treatment.modalities.map((m) => esc(m.name)).join(", ");
    return (
      `<li part="item"><details${index === 0 ? " open" : ""}><summary>` +
      `<span class="rank"><span class="sr">${esc(t.rank)} </span>${item.rank}</span>` +
      `<span class="name"><span class="chev" aria-hidden="true">›</span> ${esc(item.treatment.name)}</span>` +
      `<span class="badges"><span class="badge ${best.toLowerCase()}" part="badge" data-strength="${best}">` +
      `${esc(strengthLabel(best, t))}<span class="sr"> ${esc(t.evidence)}</span></span>` +
      (item.conflict ? `<span class="badge against" part="badge">${esc(t.disagree)}</span>` : "") +
      `</span><span class="meta">${modalities}${who ? ` · ${fill(esc(t.deliveredBy), { providers: who })}` : ""}</span></summary>` +
      `<div class="body">${heading(h[2], "label", esc(t.supporting))}${citations(item.supporting, view)}` +
      (item.opposing.length
        ? `${heading(h[2], "label", esc(t.against))}${citations(item.opposing, view)}`
        : "") +
      warningsOf(item, requested)
        .map(
          (w) =>
            `<p class="warn" role="note" part="warning"><b>${esc(t.warning)}</b> (${cite(w.guideline, view)}): ${esc(w.statement)}</p>`,
        )
        .join("") +
      `</div></details></li>`
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

  /**
   * The filters in force, in words; the intent only when the API used one (the request has an attack disorder).
   * @param {Variables["input"]} input @param {Result["intentUsed"]} intent @param {Strings} t
   */
  const filtersOf = (input, intent, t) =>
    [
      intent === "ACUTE" ? t.intentAcute : intent === "PREVENTIVE" ? t.intentPreventive : "",
      input.excludeOpioids ? t.noOpioids : "",
      input.maxInvasiveness === 0 ? t.invasiveness0 : "",
      input.maxInvasiveness === 1 ? t.invasiveness1 : "",
      input.maxInvasiveness === 2 ? t.invasiveness2 : "",
      input.minStrength === "STRONG" ? t.minStrong : "",
      input.minStrength === "CONDITIONAL" ? t.minConditional : "",
      input.jurisdictions ? fill(t.jurisdictions, { list: input.jurisdictions.join(", ") }) : "",
      input.guidelineIds ? t.guidelinesChosen : "",
      input.excludeTreatmentIds ? fill(t.tried, { count: input.excludeTreatmentIds.length }) : "",
      input.includeSuperseded ? t.superseded : "",
    ].filter(Boolean);

  /** Why a treatment counts as "left out by the filters". */
  const FILTERED = ["OPIOID_EXCLUDED", "TOO_INVASIVE", "BELOW_MIN_STRENGTH", "ALREADY_TRIED"];

  /** @param {Result} result @param {Variables["input"]} input @param {View} view */
  const renderResult = (result, input, view) => {
    const { t, h } = view;
    const names = result.conditions.map((c) => esc(c.condition.name)).join(esc(t.and));
    const phaseLabel = {
      ACUTE: t.phaseAcute,
      SUBACUTE: t.phaseSubacute,
      CHRONIC: t.phaseChronic,
      ANY: t.phaseAny,
    };
    const phases = [...new Set(result.conditions.map((c) => phaseLabel[c.phase]))].join(", ");
    const filters = filtersOf(input, result.intentUsed, t);
    const against = result.excluded.filter((e) => e.reason === "RECOMMENDED_AGAINST");
    const filtered = result.excluded.filter((e) => FILTERED.includes(e.reason));
    const count = result.items.length;
    const requested = new Set(result.conditions.map((c) => c.condition.id));
    const release = result.dataRelease;
    return (
      heading(
        h[0],
        "title",
        fill(esc(t.treatmentsFor), { conditions: names }),
        ' id="pg-title" part="heading"',
      ) +
      `<p class="sub muted">${esc([phases, t.bestFirst, ...filters].filter(Boolean).join(" · "))}</p>` +
      `<p class="sr" role="status">${fill(esc(count === 1 ? t.rankedOne : t.rankedMany), { count, conditions: names })}</p>` +
      (count
        ? `<ol class="items" role="list" aria-labelledby="pg-title">${result.items.map((item, i) => renderItem(item, i, requested, view)).join("")}</ol>`
        : `<p class="empty" part="empty">${esc(t.empty)}</p>`) +
      (filtered.length
        ? `<p class="muted sub">${esc(fill(t.filteredOut, { count: filtered.length, filters: filters.join(", ") }))}</p>`
        : "") +
      (against.length
        ? `<details class="not" part="not-recommended"${against.length <= 4 ? " open" : ""}><summary>` +
          heading(
            h[1],
            "section",
            `${esc(t.notRecommendedHeading)} <span class="muted">(${against.length})</span>`,
          ) +
          `</summary><ul role="list">${against
            .map(
              (e) =>
                `<li><span class="badge against">${esc(t.notRecommended)}</span> <b>${esc(e.treatment.name)}</b> <span class="muted">(${[
                  ...new Map(e.recommendations.map((r) => [r.guideline.id, r.guideline])).values(),
                ]
                  .map((g) => cite(g, view))
                  .join(", ")})</span></li>`,
            )
            .join("")}</ul></details>`
        : "") +
      `<p class="disclaimer" role="note" part="disclaimer">${esc(t.disclaimer || result.disclaimer)}` +
      ` <span>${esc(release ? fill(t.sourceRelease, { version: release.version }) : `${t.source}.`)}</span></p>`
    );
  };

  class WidgetError extends Error {}

  class PainGraphRecommendations extends HTMLElement {
    static get observedAttributes() {
      return [
        "condition",
        "phase",
        "intent",
        "exclude-opioids",
        "max-invasiveness",
        "min-strength",
        "jurisdictions",
        "guidelines",
        "exclude-treatments",
        "include-superseded",
        "limit",
        "endpoint",
        "lang",
        "heading-level",
        "strings",
        "loading",
      ];
    }

    /** The version of this script (also in its URL, /widget/<version>/paingraph.js). */
    static get version() {
      return VERSION;
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      if (sheet) root.adoptedStyleSheets = [sheet];
      this._style = sheet ? "" : `<style>${CSS}</style>`;
      /** @type {AbortController | null} */
      this._request = null;
      this._queued = false;
      /** @type {Partial<Strings>} */
      this._strings = {};
      /** @type {IntersectionObserver | null} */
      this._observer = null;
      // Until it is near the viewport, an element asks nothing of the API (lazy loading, like <img loading=lazy>).
      this._visible = false;
      root.addEventListener("click", (event) => {
        if (event.target instanceof Element && event.target.closest("[data-retry]")) this.refresh();
      });
      root.addEventListener("keydown", (event) => this._onKey(/** @type {KeyboardEvent} */ (event)));
    }

    /**
     * Strings that replace the built-in ones for any language (a partial table: see docs/widget.md for the keys);
     * the `strings` attribute takes the same object as JSON. The property wins over the attribute.
     * @returns {Partial<Strings>}
     */
    get strings() {
      return this._strings;
    }

    /** @param {Partial<Strings> | null | undefined} value */
    set strings(value) {
      this._strings = value && typeof value === "object" ? { ...value } : {};
      this._schedule();
    }

    connectedCallback() {
      if (this._visible || this.getAttribute("loading") === "eager" || !window.IntersectionObserver) {
        this._visible = true;
        return this._schedule();
      }
      this.setAttribute("data-state", "idle");
      this._observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this._visible = true;
          this._stopObserving();
          this._schedule();
        },
        { rootMargin: "200px" },
      );
      this._observer.observe(this);
    }

    disconnectedCallback() {
      this._stopObserving();
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

    _stopObserving() {
      if (this._observer) this._observer.disconnect();
      this._observer = null;
    }

    _schedule() {
      if (this._queued || !this._visible) return;
      this._queued = true;
      queueMicrotask(() => {
        this._queued = false;
        if (this.isConnected) this._load();
      });
    }

    /** The language (the element's lang, else the nearest ancestor's) and the strings to show. @returns {View} */
    _view() {
      const lang = (this.closest("[lang]")?.getAttribute("lang") || "en").toLowerCase().split("-")[0];
      /** @type {Strings} */
      const table = lang === "es" ? STRINGS.es : STRINGS.en;
      /** @type {Partial<Strings>} */
      let fromAttribute = {};
      const json = this.getAttribute("strings");
      if (json) {
        let parsed = null;
        try {
          parsed = JSON.parse(json);
        } catch {
          parsed = null;
        }
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
          throw new AttributeError(table.badStrings);
        fromAttribute = parsed;
      }
      /** @type {Strings} */
      const t = { ...table };
      for (const overrides of [fromAttribute, this._strings]) {
        for (const [key, value] of Object.entries(overrides)) {
          if (key in t && typeof value === "string") t[/** @type {StringKey} */ (key)] = value;
        }
      }
      const level = Number.parseInt(this.getAttribute("heading-level") ?? "", 10);
      const top = level >= 1 && level <= 6 ? level : 2;
      return { t, h: [top, Math.min(top + 1, 6), Math.min(top + 2, 6)] };
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

    /**
     * One of an attribute's allowed values (any case), or undefined when it is not set.
     * @template {keyof typeof ENUMS} A @param {A} name @param {Strings} t
     * @returns {(typeof ENUMS)[A][number] | undefined}
     */
    _enum(name, t) {
      const value = this.getAttribute(name);
      if (value === null || value.trim() === "") return undefined;
      const found = ENUMS[name].find((allowed) => allowed === value.trim().toUpperCase());
      if (!found) throw this._badAttribute(name, value, ENUMS[name].join(", ").toLowerCase(), t);
      return found;
    }

    /** @param {string} name @param {number} min @param {number} max @param {Strings} t */
    _integer(name, min, max, t) {
      const value = this.getAttribute(name);
      if (value === null || value.trim() === "") return undefined;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max)
        throw this._badAttribute(name, value, `${min}–${max}`, t);
      return number;
    }

    /** @param {string} name */
    _flag(name) {
      const value = this.getAttribute(name);
      return value !== null && value !== "false";
    }

    /** @param {string} name @param {string} value @param {string} allowed @param {Strings} t */
    _badAttribute(name, value, allowed, t) {
      return new AttributeError(fill(t.badAttribute, { attribute: name, value, allowed }));
    }

    /** @param {Strings} t */
    _input(t) {
      const conditions = listOf(this.getAttribute("condition"));
      const ids = conditions.filter((c) => c.includes(":"));
      const codes = conditions.filter((c) => !c.includes(":"));
      const jurisdictions = listOf(this.getAttribute("jurisdictions")).map((code) => {
        const found = ENUMS.jurisdictions.find((allowed) => allowed === code.toUpperCase());
        if (!found) throw this._badAttribute("jurisdictions", code, ENUMS.jurisdictions.join(", "), t);
        return found;
      });
      const phase = this._enum("phase", t);
      const intent = this._enum("intent", t);
      const minStrength = this._enum("min-strength", t);
      const maxInvasiveness = this._integer("max-invasiveness", 0, 3, t);
      const limit = this._integer("limit", 1, 50, t);
      const guidelines = listOf(this.getAttribute("guidelines"));
      const tried = listOf(this.getAttribute("exclude-treatments"));
      return {
        conditions,
        /** @type {Variables["input"]} */
        input: {
          ...(ids.length ? { conditionIds: ids } : {}),
          ...(codes.length ? { conditionCodes: codes.map((code) => ({ system: "ICD10CM", code })) } : {}),
          ...(phase ? { phase } : {}),
          ...(intent ? { intent } : {}),
          excludeOpioids: this._flag("exclude-opioids"),
          ...(maxInvasiveness !== undefined ? { maxInvasiveness } : {}),
          ...(minStrength ? { minStrength } : {}),
          ...(jurisdictions.length ? { jurisdictions } : {}),
          ...(guidelines.length ? { guidelineIds: guidelines } : {}),
          ...(tried.length ? { excludeTreatmentIds: tried } : {}),
          ...(this._flag("include-superseded") ? { includeSuperseded: true } : {}),
          first: limit ?? 5,
        },
      };
    }

    async _load() {
      if (this._request) this._request.abort();
      const request = (this._request = new AbortController());
      /** @type {View} */
      let view;
      /** @type {ReturnType<PainGraphRecommendations["_input"]>} */
      let asked;
      try {
        view = this._view();
        asked = this._input(view.t);
      } catch (error) {
        if (!(error instanceof AttributeError)) throw error;
        return this._fail(error.message, this._fallbackView());
      }
      const { t, h } = view;
      const { conditions, input } = asked;
      if (!conditions.length) return this._fail(t.setCondition, view);
      this._render(
        "loading",
        heading(h[0], "title", esc(t.treatments), ' id="pg-title" part="heading"') +
          `<p role="status" class="muted">${esc(t.loading)}</p>` +
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
          // The host page's address is none of the API's business (docs/widget.md, "Privacy").
          referrerPolicy: "no-referrer",
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
              ? fill(t.noCondition, { conditions: conditions.join(", ") })
              : fill(t.serviceError, { code: error.extensions?.code ?? response.status }),
          );
        }
        if (!response.ok || !body?.data)
          throw new WidgetError(fill(t.httpError, { status: response.status }));
        const result = body.data.recommendTreatments;
        this._render(result.items.length ? "ready" : "empty", renderResult(result, input, view));
        this.dispatchEvent(
          new CustomEvent("paingraph-load", { detail: result, bubbles: true, composed: true }),
        );
      } catch (error) {
        if (request !== this._request) return;
        this._fail(
          error instanceof WidgetError ? error.message : request.signal.aborted ? t.timeout : t.unreachable,
          view,
        );
      } finally {
        clearTimeout(timer);
      }
    }

    /** The built-in strings of the element's language, for errors in the attributes that set the strings. */
    _fallbackView() {
      const lang = (this.closest("[lang]")?.getAttribute("lang") || "en").toLowerCase().split("-")[0];
      /** @type {View} */
      const view = { t: lang === "es" ? STRINGS.es : STRINGS.en, h: [2, 3, 4] };
      return view;
    }

    /** @param {string} message @param {View} view */
    _fail(message, { t, h }) {
      this._render(
        "error",
        heading(h[0], "title", esc(t.treatments), ' id="pg-title" part="heading"') +
          `<div class="error" role="alert" part="error">` +
          `<p>${esc(message)}</p><button type="button" data-retry>${esc(t.tryAgain)}</button></div>`,
      );
      this.dispatchEvent(
        new CustomEvent("paingraph-error", { detail: { message }, bubbles: true, composed: true }),
      );
    }
  }

  customElements.define(TAG, PainGraphRecommendations);
})();
