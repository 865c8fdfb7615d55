// Writes dist/cijing.html: the whole page in one file (stylesheet, wasm-bindgen
// glue and the wasm as base64, inlined), which opens by double-click from
// file:// and works offline. Segmentation settings other than the default
// need the worker files next to it, which file:// cannot load; the page says
// so and keeps the default segmentation. Your own texts need that worker
// too, and a PDF the PDF reader (pdf.js, a module import): this page is
// given no importer, so adding a PDF says it needs the served app (dist/).
// Inline by design: this one file is not for a strict-CSP server (serve
// dist/ there).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = process.argv[2] ?? 'dist';
// The split-out panels' loader (__wasm_split.js, scripts/build.sh) is
// inlined before the glue, its modules as base64 answered without a fetch.
const splitFiles = readdirSync(dist).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
const splitJs = readFileSync(`${dist}/__wasm_split.js`, 'utf8');
const splitExports = [...splitJs.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
const splitCode = splitJs
  .replace(/^import \{ initSync \} from "\.\/cijing\.js";?\s*$/m, '')
  .replace(/^export const /gm, 'const ')
  .replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    if (!splitFiles.includes(name)) throw new Error(`__wasm_split.js loads ${name}, which is not in ${dist}`);
    return `Promise.resolve(splitModule(${JSON.stringify(name)}))`;
  });
if (/import\.meta|^import |fetch\(/m.test(splitCode)) throw new Error('cannot inline __wasm_split.js: an import or fetch is left');
const splitModules = Object.fromEntries(splitFiles.map((f) => [f, readFileSync(`${dist}/${f}`).toString('base64')]));
const split = `const splitModules = ${JSON.stringify(splitModules)};
function splitModule(name) {
  const bytes = Uint8Array.from(atob(splitModules[name]), (c) => c.charCodeAt(0));
  return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
}
${splitCode}
const __wasm_split = { ${splitExports.join(', ')} };`;
const glue = readFileSync(`${dist}/cijing.js`, 'utf8')
  .replace(/^import \* as (\w+) from "\.\/__wasm_split\.js";?\s*$/gm, 'const $1 = __wasm_split;')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [^;]+;?\s*$/gm, '')
  .replace(/^export (function|class|const|let) /gm, '$1 ');
if (/^import /m.test(glue)) throw new Error('cannot inline cijing.js: it imports a module');
const wasm = readFileSync(`${dist}/cijing_bg.wasm`).toString('base64');
const css = readFileSync(`${dist}/style/main.css`, 'utf8');
if (glue.includes('</script') || split.includes('</script') || css.includes('</style')) throw new Error('cannot inline: a closing tag inside the script or the stylesheet');

const html = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>词镜 cijing — Chinese corpus analysis in one file</title>
<style>
${css}
</style>
</head>
<body>
<div id="loading" class="loading" role="status">正在加载… Loading…</div>
<div id="app"></div>
<script type="module">
${split}
${glue}
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
__wbg_init({ module_or_path: bytes }).then(() => startPage(new URL('.', location.href).href));
</script>
</body>
</html>
`;
writeFileSync(`${dist}/cijing.html`, html);
console.log(`[build] ${dist}/cijing.html: ${(html.length / 1024).toFixed(0)} KiB`);
