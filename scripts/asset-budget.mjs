// The size of what a browser downloads to run the portal's islands, as
// served (brotli, quality 11, as `make release` precompresses it), against
// the budget of issue 15: the WebAssembly at most 400,000 bytes. Prints the
// raw, gzip and brotli sizes of the script, the WebAssembly and the
// stylesheet under the given pkg directory, and exits with 1 when the
// WebAssembly is over the budget (`make test` and `make release` run it).
//
//   node scripts/asset-budget.mjs target/site/pkg
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = 400_000;
const dir = process.argv[2] ?? 'target/site/pkg';

const served = readdirSync(dir).filter((name) => ['.wasm', '.js', '.css'].includes(extname(name)));
let wasm;
for (const name of served.sort()) {
  const raw = readFileSync(join(dir, name));
  const brotli = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  const gzip = gzipSync(raw, { level: 9 }).length;
  console.log(`  ${name.padEnd(20)} ${String(raw.length).padStart(9)} raw ${String(gzip).padStart(9)} gzip ${String(brotli).padStart(9)} brotli`);
  if (extname(name) === '.wasm') wasm = { name, brotli };
}
if (!wasm) {
  console.error(`no WebAssembly in ${dir}: build the site first`);
  process.exit(1);
}
const verdict = wasm.brotli <= BUDGET ? 'within' : 'OVER';
console.log(`  WebAssembly as served: ${wasm.brotli} bytes brotli, ${verdict} the budget of ${BUDGET}`);
process.exit(wasm.brotli <= BUDGET ? 0 : 1);
