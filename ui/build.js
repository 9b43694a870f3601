// The one build step: copy the chart library from node_modules into the served folder, so the
// page loads nothing from the internet. Run by `make setup` after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "static", "vendor");
const files = [
  ["node_modules/chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
  ["node_modules/chart.js/LICENSE.md", "chart.js-LICENSE.md"],
];

mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(here, from), join(vendor, to));
}
console.log(`vendored ${files.length} files into ${vendor}`);
