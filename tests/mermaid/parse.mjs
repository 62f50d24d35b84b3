// Parses every ```mermaid block of the Markdown files named (and every
// .mmd file) with Mermaid's own parser, as GitHub would before drawing it.
// Prints one line per block; exits 1 on the first that does not parse.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let blocks = 0;
for (const file of process.argv.slice(2)) {
    const text = readFileSync(file, "utf8");
    const found = file.endsWith(".mmd") ? [text] : [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
    for (const src of found) {
        try {
            const r = await mermaid.parse(src);
            blocks++;
            console.log(`${file}: ${r.diagramType}`);
        } catch (e) {
            console.log(`FAIL: ${file}: ${String(e.message || e).split("\n").slice(0, 3).join(" ")}\n${src}`);
            process.exit(1);
        }
    }
}
console.log(`${blocks} Mermaid blocks parsed`);
