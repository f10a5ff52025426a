// Run snippets under Pyodide with the in-page runner's engine, for the test suite.
//
//   node [--experimental-wasm-stack-switching] tests/pyodide/run_snippets.mjs \
//        [--lang en|zh] [--timeout SECONDS] [--svg en|zh] [--no-timeline] [--barrier DIR:N]
//        [--stdlib ZIP] [--spec SPEC.json] [FILE ...]
//
// --spec names a JSON file ("-" for stdin) holding an array of
//   {"path": "snippets/x.py", "argv": ["--n", "3"]}      (argv optional)
// Its entries run first, then each FILE with no arguments, in order, all in
// one Pyodide loaded once.  Node's --experimental-wasm-stack-switching turns
// on JSPI, as in Chromium: the module body then blocks for real in
// asyncio.run and time.sleep, where without it the engine rewrites the code.
//
// Each snippet runs as __main__ in its own directory (mounted into Pyodide at
// the same path) by its bare name, as `cd DIR && python NAME` would: __file__
// and its traceback frames say NAME.
// --no-timeline runs without recording task timelines (the benchmark compares).
// --stdlib loads Python's standard library from ZIP, as the site serves it compiled
// (asyncdocs.stdlib), instead of Pyodide's own python_stdlib.zip.
// --barrier DIR:N makes N harnesses started together wait for each other to load;
// with --share they then share out the jobs they were all given: each runs the next
// job no harness of its kind (JSPI or not) has claimed yet (a file in DIR says so).
// --timeout cancels a run after SECONDS: it ends with KeyboardInterrupt, as
// Ctrl-C would, at its next await (a loop that never awaits, or time.sleep in
// a task, which busy-waits, delays that).
//
// stdout gets one JSON object per line and per snippet, nothing else:
//   {"path": <as given>, "output": <stdout and stderr interleaved as written>,
//    "status": "ok"|"error", "exception": <type name>|null,
//    "elapsed_ms": <the run's wall time>,
//    "waits": <readings taken every 25 ms while the run could take them (when the
//              thread was free) and whenever it printed: [ms since it began, lines printed
//              in full, ms its thread had been ready to run but waited for a CPU so far
//              (Linux's /proc/thread-self/schedstat)], ...; [] where that is not available>,
//    "jspi": true|false,
//    "timeline": <the run's task timeline, see src/asynctimeline.py>|null,
//    "svg": <that timeline drawn in the language of --svg LANG> (only with --svg)}
// A snippet that cannot be read gives status "error" with its error's name.
// Pyodide's own messages go to stderr.  Exit status: 0 once every snippet
// ran (whatever its status), 1 if the engine failed to start or a run never
// ended, 2 for a usage error.

import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const runnerDir = join(root, "docs/overrides/assets/runner");

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string", default: "en" },
      timeout: { type: "string" },
      spec: { type: "string" },
      svg: { type: "string" },
      "no-timeline": { type: "boolean" },
      barrier: { type: "string" },
      share: { type: "boolean" },
      stdlib: { type: "string" },
    },
  });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const { lang, timeout, spec, svg: svgLang, "no-timeline": noTimeline, barrier, share, stdlib } = args.values;
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
const log = (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
let engine;
try {
  engine = await createEngine({
    loadPyodide,
    stdLibURL: stdlib && resolve(stdlib),
    shim: readFileSync(join(runnerDir, "shim.py"), "utf8"),
    timeline: readFileSync(join(root, "src/asynctimeline.py"), "utf8"),
    log,
  });
} catch (error) {
  log(`run_snippets: the engine did not start: ${error.message}`); // not the stack: it quotes minified Pyodide
  process.exit(1);
}

if (noTimeline) engine.pyodide.runPython("import _runner_shim; _runner_shim.RECORD = False");

// --barrier DIR:N: harnesses started together wait until all N have loaded Pyodide (a
// few CPU-seconds each) before running anything, so no run is timed while others load.
if (barrier) {
  const [dir, parties] = [barrier.slice(0, barrier.lastIndexOf(":")), Number(barrier.split(":").pop())];
  writeFileSync(join(dir, `ready-${process.pid}`), "");
  const deadline = Date.now() + 120_000;
  while (readdirSync(dir).filter((name) => name.startsWith("ready-")).length < parties && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Node exits when nothing is left to wait for, as when a run's promise can
// never settle: say so rather than end quietly with snippets missing.
let done = 0;
let claimed = 0; // jobs this harness took on (all of them, unless they are shared out)
process.on("exit", () => {
  if (done < claimed) {
    process.stderr.write(`run_snippets: stopped after ${done} of ${jobs.length} snippets: a run never finished\n`);
    process.exitCode = 1;
  }
});

// Snippets see their folders at the same paths: mount the outermost ones
// (a folder inside a mounted one is there already).
const mounted = [];
const folders = [...new Set(jobs.map(({ path }) => dirname(resolve(path))))].sort((a, b) => a.length - b.length);
for (const folder of folders) {
  if (existsSync(folder) && !mounted.some((m) => folder === m || folder.startsWith(m + sep))) {
    engine.pyodide.mountNodeFS(folder, folder);
    mounted.push(folder);
  }
}

// How long this thread (Pyodide runs on Node's main thread) has been ready to run but
// kept waiting for a CPU, in ms: the second field of Linux's schedstat, or null where it
// cannot be read. A busy machine makes a run's durations longer by about this much (see
// asyncdocs.compare).
const schedstat = "/proc/thread-self/schedstat"; // read on this very thread
const waitedSoFar = () => {
  try {
    const waited = Number(readFileSync(schedstat, "utf8").split(" ")[1]) / 1e6;
    return Number.isFinite(waited) ? waited : null;
  } catch {
    return null; // not Linux, or a kernel without scheduler statistics
  }
};
const WATCH_MS = 25; // asyncdocs.compare.WATCH_INTERVAL

// Readings of a run's wait for a CPU: [ms since it began, lines printed, ms waited].
const watch = () => {
  const began = performance.now();
  const base = waitedSoFar();
  const readings = [];
  let lines = 0;
  const read = () => {
    const when = performance.now() - began;
    const waited = waitedSoFar();
    if (base === null || waited === null) return;
    const round = (ms) => Math.round(ms * 10) / 10;
    readings.push([round(when), lines, round(Math.max(0, waited - base))]);
  };
  // unref: a run that can never end must still let Node exit and say so (the "exit"
  // handler above)
  const timer = setInterval(read, WATCH_MS).unref();
  read();
  return {
    readings,
    printed(text) {
      const added = text.split("\n").length - 1;
      lines += added;
      const last = readings.at(-1);
      // A program that prints line after line is read once every 5 ms at most: the
      // reading of less than 5 ms ago counts these lines too.
      if (last && performance.now() - began - last[0] < WATCH_MS / 5) last[1] = lines;
      else read();
    },
    stop() {
      clearInterval(timer);
      read();
    },
  };
};

const claimDir = barrier?.slice(0, barrier.lastIndexOf(":"));
const mine = (index) => {
  if (!share || !claimDir) return true;
  try {
    closeSync(openSync(join(claimDir, `claim-${engine.jspi ? "jspi" : "plain"}-${index}`), "wx"));
    return true;
  } catch {
    return false; // another harness runs it
  }
};

for (const [index, { path, argv = [] }] of jobs.entries()) {
  if (!mine(index)) continue;
  claimed += 1;
  const cwd = dirname(resolve(path));
  const filename = basename(path);
  let output = "";
  let watching = null;
  const collect = (text) => {
    output += text;
    watching?.printed(text);
  };
  let result;
  let timer;
  try {
    const code = readFileSync(join(cwd, filename), "utf8");
    timer = timeout && setTimeout(() => engine.cancel(), Number(timeout) * 1000);
    watching = watch();
    result = await engine.run(code, { filename, argv, cwd, lang, onStdout: collect, onStderr: collect });
  } catch (error) {
    output += `${error.message}\n`;
    result = { status: "error", exception: error.code === "ENOENT" ? "FileNotFoundError" : error.name, elapsedMs: 0 };
  } finally {
    clearTimeout(timer);
  }
  const line = {
    path,
    output,
    status: result.status,
    exception: result.exception,
    elapsed_ms: Math.round(result.elapsedMs * 10) / 10,
    waits: watching ? (watching.stop(), watching.readings) : [],
    jspi: engine.jspi,
    timeline: result.timeline ? JSON.parse(result.timeline) : null,
  };
  if (result.timeline && svgLang) line.svg = engine.timelineSvg(result.timeline, svgLang);
  process.stdout.write(`${JSON.stringify(line)}\n`);
  done += 1;
}

// A run may leave a JavaScript timer behind (a cancelled asyncio timer still holds its
// setTimeout): don't wait for it, once all output has been handed over.
await new Promise((resolve) => process.stdout.write("", resolve));
process.exit();
