// Generates TypeScript types from committed OpenAPI documents with openapi-typescript and
// type-checks a typed openapi-fetch client for each, as a frontend team would use them.
//   node check.mjs <out-dir> <name>=<spec path> [<name>=<spec path> ...]
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import openapiTS, { astToString } from "openapi-typescript";

const [outDir, ...specs] = process.argv.slice(2);
if (!outDir || specs.length === 0) {
  console.error("usage: node check.mjs <out-dir> <name>=<spec> ...");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const files = [];
for (const arg of specs) {
  const [name, spec] = arg.split("=");
  const ast = await openapiTS(new URL(`file://${path.resolve(spec)}`));
  fs.writeFileSync(path.join(outDir, `${name}.d.ts`), astToString(ast));
  const client = path.join(outDir, `${name}-client.ts`);
  fs.writeFileSync(client, `import createClient from "openapi-fetch";
import type { paths } from "./${name}";

export const client = createClient<paths>({ baseUrl: "http://127.0.0.1" });
`);
  files.push(client);
}
const tsc = path.join(path.dirname(new URL(import.meta.url).pathname), "node_modules", "typescript", "bin", "tsc");
execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
  "--moduleResolution", "nodenext", "--skipLibCheck", "false", ...files], { stdio: "inherit" });
console.log(`type-checked ${files.length} client(s)`);
