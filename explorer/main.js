/*
 * The offline explorer: GraphiQL from npm, bundled by scripts/build-explorer.ts and served by the API at /explorer.
 * Everything it loads (script, styles, editor workers, icon font) comes from this origin: it works behind a firewall.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";

/** The page carries its settings as JSON (src/http/explorer.ts): the endpoint and the example operations. */
const settings = JSON.parse(document.getElementById("explorer-settings").textContent);

// Monaco runs its language services in web workers: ours are bundled beside this script, never fetched from a CDN.
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const name = label === "json" || label === "graphql" ? label : "editor";
    return new Worker(new URL(`${name}.worker.js`, document.baseURI), { name: `${name} worker` });
  },
};

/** A plain POST per operation: no cookies (the data is public), JSON in and out. */
async function fetcher(params, options) {
  const response = await fetch(settings.endpoint, {
    method: "POST",
    credentials: "omit",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(options && options.headers),
    },
    body: JSON.stringify(params),
  });
  return response.json();
}

/** True until GraphiQL has saved the user's own tabs in this browser. */
function firstVisit() {
  try {
    return localStorage.getItem("graphiql:tabState") === null;
  } catch {
    return true; // Storage disabled: every visit starts from the examples.
  }
}

const [first] = settings.examples;
createRoot(document.getElementById("explorer")).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: settings.examples,
    // GraphiQL fills the first tab's editors from these, not from defaultTabs: without them its variables are empty.
    ...(firstVisit() ? { initialQuery: first.query, initialVariables: first.variables } : {}),
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }),
);
