// Copy the front-end libraries the web view uses from node_modules into the Python package
// (src/newsgraph/web/static/vendor/), so the wheel serves them and nothing is fetched at run time.
// Usage: cd web && npm ci && npm run build   (then commit the vendor folder)
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const dest = join(here, "..", "src", "newsgraph", "web", "static", "vendor");

// package -> files to copy (relative to the package folder)
const FILES = {
  cytoscape: ["dist/cytoscape.min.js", "LICENSE"],
  uplot: ["dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE"],
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  "world-atlas": ["countries-110m.json", "LICENSE"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"],
};

rmSync(dest, { recursive: true, force: true });
const manifest = {};
for (const [pkg, files] of Object.entries(FILES)) {
  const root = join(modules, pkg);
  const { version, license } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  mkdirSync(join(dest, pkg), { recursive: true });
  const sums = {};
  for (const f of files) {
    const name = f.split("/").pop();
    copyFileSync(join(root, f), join(dest, pkg, name));
    sums[name] = createHash("sha256").update(readFileSync(join(root, f))).digest("hex");
  }
  manifest[pkg] = { version, license, files: sums };
}
writeFileSync(join(dest, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`vendored ${Object.keys(manifest).length} packages into ${dest}`);
