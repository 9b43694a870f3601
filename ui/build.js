// The one build step: copy the libraries from node_modules into the served folder, so the page
// loads nothing from the internet, and axe-core, which only the browser tests inject, beside it
// in a folder that is not served. Run by `make setup` after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const folders = {
  // ui/static/vendor/: served at /assets/vendor/.
  [join(here, "static", "vendor")]: [
    ["node_modules/chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
    ["node_modules/chart.js/LICENSE.md", "chart.js-LICENSE.md"],
    ["node_modules/chartjs-plugin-datalabels/dist/chartjs-plugin-datalabels.min.js", "chartjs-plugin-datalabels.min.js"],
    ["node_modules/chartjs-plugin-datalabels/LICENSE.md", "chartjs-plugin-datalabels-LICENSE.md"],
  ],
  // ui/test-vendor/: read by tests/ui, never served.
  [join(here, "test-vendor")]: [
    ["node_modules/axe-core/axe.min.js", "axe.min.js"],
    ["node_modules/axe-core/LICENSE", "axe-core-LICENSE"],
  ],
};

let copied = 0;
for (const [folder, files] of Object.entries(folders)) {
  mkdirSync(folder, { recursive: true });
  for (const [from, to] of files) {
    copyFileSync(join(here, from), join(folder, to));
    copied += 1;
  }
}
console.log(`vendored ${copied} files into ${Object.keys(folders).join(" and ")}`);
