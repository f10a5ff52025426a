// Run snippets under Pyodide with the in-page runner's engine, for the test suite.
//
//   node [--experimental-wasm-stack-switching] tests/pyodide/run_snippets.mjs \
//        [--lang en|zh] [--timeout SECONDS] [--spec SPEC.json] [FILE ...]
//
// --spec names a JSON file ("-" for stdin) holding an array of
//   {"path": "snippets/x.py", "argv": ["--n", "3"]}      (argv optional)
// Its entries run first, then each FILE with no arguments, in order, all in
// one Pyodide loaded once.  Node's --experimental-wasm-stack-switching turns
// on JSPI (the engine then blocks for real in asyncio.run and time.sleep).
//
// Each snippet runs as __main__ with __file__ = its absolute path and its
// directory (mounted into Pyodide at the same path) as the current directory.
// --timeout cancels a run after SECONDS (it ends with KeyboardInterrupt, as
// Ctrl-C would; a loop that never awaits or sleeps cannot be cancelled).
//
// stdout gets one JSON object per line and per snippet, nothing else:
//   {"path": <as given>, "output": <stdout and stderr interleaved as written>,
//    "status": "ok"|"error", "exception": <type name>|null,
//    "elapsed_ms": <number>, "jspi": true|false}
// A snippet that cannot be read gives status "error" with its error's name.
// Pyodide's own messages go to stderr.  Exit status: 0 once every snippet
// ran (whatever its status), 2 for a usage error.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const runnerDir = join(root, "docs/overrides/assets/runner");

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { lang: { type: "string", default: "en" }, timeout: { type: "string" }, spec: { type: "string" } },
  });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const { lang, timeout, spec } = args.values;
const jobs = [
  ...(spec ? JSON.parse(readFileSync(spec === "-" ? 0 : spec, "utf8")) : []),
  ...args.positionals.map((path) => ({ path })),
];
if (jobs.length === 0) {
  process.stderr.write("usage: run_snippets.mjs [--lang en|zh] [--timeout SECONDS] [--spec SPEC.json] FILE...\n");
  process.exit(2);
}

const { loadPyodide } = await import(join(root, "node_modules/pyodide/pyodide.mjs"));
const { createEngine } = await import(join(runnerDir, "engine.mjs"));
const engine = await createEngine({
  loadPyodide,
  shim: readFileSync(join(runnerDir, "shim.py"), "utf8"),
  log: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
});

const mounted = new Set();
for (const { path, argv = [] } of jobs) {
  const filename = resolve(path);
  const cwd = dirname(filename);
  let output = "";
  const collect = (text) => {
    output += text;
  };
  let result;
  try {
    const code = readFileSync(filename, "utf8");
    if (!mounted.has(cwd)) {
      engine.pyodide.mountNodeFS(cwd, cwd);
      mounted.add(cwd);
    }
    const timer = timeout && setTimeout(() => engine.cancel(), Number(timeout) * 1000);
    result = await engine.run(code, { filename, argv, cwd, lang, onStdout: collect, onStderr: collect });
    clearTimeout(timer);
  } catch (error) {
    output += `${error.message}\n`;
    result = { status: "error", exception: error.code ?? error.name, elapsedMs: 0 };
  }
  const line = {
    path,
    output,
    status: result.status,
    exception: result.exception,
    elapsed_ms: Math.round(result.elapsedMs * 10) / 10,
    jspi: engine.jspi,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
