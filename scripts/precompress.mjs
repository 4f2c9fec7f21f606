// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside
// every compressible file under the given directories, once at build time,
// so the server sends them as they are (server/src/http/mod.rs,
// `static_files`) instead of compressing on every request. Files already
// compressed (fonts in WOFF2, images) are left alone. Prints each file's
// raw, gzip and brotli size as JSON lines for the release's size report.
//
//   node scripts/precompress.mjs target/site/pkg target/site/dkfds
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.svg', '.json', '.html', '.txt', '.map']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* files(path);
    } else if (COMPRESSIBLE.has(extname(name))) {
      yield path;
    }
  }
}

for (const dir of process.argv.slice(2)) {
  for (const path of files(dir)) {
    const raw = readFileSync(path);
    const brotli = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gzip = gzipSync(raw, { level: 9 });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzip);
    console.log(JSON.stringify({ file: path, raw: raw.length, gzip: gzip.length, brotli: brotli.length }));
  }
}
