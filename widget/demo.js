/*! The widget demo's condition picker (MIT): type a condition, pick it, and the widget below ranks its treatments. */
// A combobox (WAI-ARIA Authoring Practices, "list autocomplete") backed by the API's `suggest`, which completes
// names, lay terms, brand names and misspellings from the second letter. Plain ES2020, like the widget.
(() => {
  "use strict";
  const script = document.currentScript;
  const ENDPOINT = new URL(
    "/graphql",
    script instanceof HTMLScriptElement && script.src ? script.src : location.href,
  ).href;
  // Safelisted by npm run safelist (it reads the GraphQL-marked template), for PERSISTED_QUERIES_ONLY servers.
  const SUGGEST = /* GraphQL */ `query DemoSuggest($prefix: String!) {
    suggest(prefix: $prefix, types: [CONDITION], first: 8) { matchedText node { ... on Condition { id name } } }
  }`.replace(/\s+/g, " ");
  const DEBOUNCE_MS = 120;

  const input = document.getElementById("condition-input");
  const list = document.getElementById("condition-options");
  const status = document.getElementById("condition-status");
  const widget = document.getElementById("picked");
  if (!(input instanceof HTMLInputElement) || !list || !status || !widget) return;

  /** @type {Array<{ id: string, name: string, matched: string }>} */
  let options = [];
  let active = -1;
  /** @type {AbortController | null} */
  let request = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @param {unknown} value */
  const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const render = () => {
    list.innerHTML = options
      .map(
        (option, index) =>
          `<li role="option" id="condition-option-${index}" data-index="${index}" aria-selected="${index === active}">` +
          `${esc(option.name)}${option.matched && option.matched !== option.name ? ` <small>(${esc(option.matched)})</small>` : ""}</li>`,
      )
      .join("");
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `condition-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
    status.textContent =
      input.value.trim().length < 2
        ? ""
        : options.length
          ? `${options.length} suggestion${options.length === 1 ? "" : "s"}: use the up and down arrows, then Enter.`
          : "No condition matches.";
  };

  /** @param {string} prefix */
  const suggest = async (prefix) => {
    if (request) request.abort();
    if (prefix.length < 2) {
      options = [];
      return render();
    }
    const ownRequest = (request = new AbortController());
    const url = new URL(ENDPOINT);
    url.searchParams.set("query", SUGGEST);
    url.searchParams.set("variables", JSON.stringify({ prefix }));
    try {
      const response = await fetch(url.href, {
        headers: { accept: "application/json", "apollo-require-preflight": "true" },
        credentials: "omit",
        referrerPolicy: "no-referrer",
        signal: ownRequest.signal,
      });
      /** @type {{ data?: { suggest: Array<{ matchedText: string | null, node: { id?: string, name?: string } }> } }} */
      const body = await response.json();
      if (ownRequest !== request) return;
      options = (body.data?.suggest ?? [])
        .filter((hit) => hit.node.id && hit.node.name)
        .map((hit) => ({
          id: String(hit.node.id),
          name: String(hit.node.name),
          matched: hit.matchedText ?? "",
        }));
      active = -1;
      render();
    } catch {
      if (ownRequest === request) status.textContent = "Suggestions are unavailable.";
    }
  };

  /** @param {number} index */
  const pick = (index) => {
    const option = options[index];
    if (!option) return;
    input.value = option.name;
    widget.setAttribute("condition", option.id);
    close();
    status.textContent = `${option.name} picked: its treatments are below.`;
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input.value.trim()), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + options.length) % options.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  // mousedown, not click: it comes before the input's blur closes the list.
  list.addEventListener("mousedown", (event) => {
    const item = event.target instanceof Element ? event.target.closest("[data-index]") : null;
    if (!item) return;
    event.preventDefault();
    pick(Number(item.getAttribute("data-index")));
  });
})();
