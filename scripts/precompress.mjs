// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside
// every compressible file under the given directories, once at build time,
// so the server sends them as they are (server/src/http/static_assets.rs)
// instead of compressing on every request. Files already
// compressed (fonts in WOFF2, images) are left alone. Prints each file's
// raw, gzip and brotli size as JSON lines for the release's size report.
//
//   node scripts/precompress.mjs target/site/pkg target/site/dkfds
//   node scripts/precompress.mjs --clean target/site
//
// `--clean` removes every `.br` and `.gz` copy instead: a development build
// writes new files beside copies of an older release build, which the
// server would otherwise send in their place.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function* copies(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* copies(path);
    } else if (name.endsWith('.br') || name.endsWith('.gz')) {
      yield path;
    }
  }
}

const args = process.argv.slice(2);
if (args[0] === '--clean') {
  for (const dir of args.slice(1)) {
    for (const path of [...copies(dir)]) {
      rmSync(path);
    }
  }
  process.exit(0);
}

for (const dir of args) {
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
