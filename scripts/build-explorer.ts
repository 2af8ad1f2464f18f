/**
 * Bundles the offline explorer (explorer/main.js: GraphiQL, React and the Monaco editor's workers, all from npm)
 * into dist/explorer/, which the API serves at /explorer. Run by `npm run build`. esbuild does the bundling: GraphiQL
 * 5 ships ES modules, CSS and worker entry points that a browser cannot load as they are, and esbuild turns them
 * into a few self-contained files in a few seconds with no configuration files or plugins.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../src/config";

export const EXPLORER_OUT_DIR = path.join(PROJECT_ROOT, "dist/explorer");

/** Monaco's language workers, each bundled as a classic worker script named `<label>.worker.js`. */
const WORKERS = {
  "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
  "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
  "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
};

export async function buildExplorer(outdir = EXPLORER_OUT_DIR): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { explorer: "explorer/main.js", ...WORKERS },
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    outdir,
    // The editor's icon font is copied beside the CSS and loaded from this origin.
    loader: { ".ttf": "file" },
    assetNames: "[name]-[hash]",
    define: { "process.env.NODE_ENV": '"production"' },
    // Third-party licence texts are kept, in one file per bundle, and served beside it.
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
  });
  return Object.keys(result.metafile.outputs).map((file) => path.basename(file));
}

if (require.main === module) {
  const started = Date.now();
  buildExplorer().then(
    (files) => console.log(`explorer: ${files.length} files in dist/explorer (${Date.now() - started} ms)`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
