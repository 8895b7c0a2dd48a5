// yaml2json.mjs — build tool: docs/openapi.yaml → build/openapi.json (the server embeds the JSON).
// Uses the `yaml` package from web/node_modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../web/package.json', import.meta.url));
const YAML = require('yaml');
const [src, dst] = process.argv.slice(2);
const doc = YAML.parse(readFileSync(src, 'utf8'));
writeFileSync(dst, JSON.stringify(doc));
