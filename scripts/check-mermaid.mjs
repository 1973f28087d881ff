#!/usr/bin/env node
// Parses every ```mermaid block of the given Markdown files with the real mermaid library, in a
// jsdom window (mermaid's sanitizer needs a DOM), and exits 1 on any parse error:
//   node scripts/check-mermaid.mjs FILE...
// Prints one line per diagram: the file, the block's line and "ok" or the parser's message.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'Node']) {
  if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value: name === 'window' ? dom.window : dom.window[name], configurable: true });
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split('\n').length + 1;
    try {
      await mermaid.parse(match[1]);
      console.log(`${file}:${line}: ok`);
    } catch (error) {
      failed++;
      console.log(`${file}:${line}: ${String(error.message ?? error).split('\n').join(' ')}`);
    }
  }
}
process.exit(failed ? 1 : 0);
