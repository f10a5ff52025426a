// The in-page runner's module Web Worker: one Pyodide per tab, started by
// runner.js on the first Run (or a prefetch), running one snippet at a time
// with engine.mjs.  Loading Pyodide here keeps the page responsive (on the
// main thread it would freeze it for seconds), and a run that never yields
// (`while True: pass`) can be stopped by terminating the worker.
//
// Messages in (from runner.js):
//   {type: "init", indexURL}            load Pyodide from indexURL (ends in "/")
//   {type: "run", id, code, filename, argv, dir, files: [{name, url} or {name, text}],
//          lang, width, collect}        queued; may come while Pyodide loads; width:
//                                       the timeline's box in px (a phone's is narrow);
//                                       collect: a file the run writes, sent back with
//                                       "done" (an exercise's Check: results.json)
//   {type: "cancel", id}                cancel that run (like Ctrl-C), or drop it
//                                       if it has not started
// Messages out:
//   {type: "ready", jspi, loadMs}       or {type: "failed", message}
//   {type: "start", id}                 the run begins (its files are in place)
//   {type: "alive", id}                 every ALIVE_MS while the run gives the worker's
//                                       event loop a turn (a Check's watchdog: a program
//                                       that never yields stops these)
//   {type: "cancelling", id}            the run was asked to cancel: its code yields (a
//                                       program that never yields holds this worker, and
//                                       the page ends it instead)
//   {type: "output", id, chunks: [["out"|"err", text], ...], dropped}
//   {type: "done", id, status, exception, exitCode, elapsedMs, fatal, dropped, timeline,
//          collected}                   timeline: the run's task timeline as SVG markup
//                                       (labelled in the run's lang), or null; collected:
//                                       the text of the `collect` file, or null
//
// Each run gets a fresh folder, /home/pyodide/<dir>, holding the editor's code
// as <filename> and the snippet's companion files (fetched once, then cached),
// and runs there as `python <filename> ARGS` would.  Output is sent as it is
// written, batched only when it floods (over BURST messages in FLUSH_MS, or
// FLUSH_CHARS waiting), and capped at LIMIT characters a run
// (stderr gets ERROR_ROOM more, so a traceback after a flood still shows); what
// is cut is counted in `dropped`.

const LIMIT = 200_000;
const ERROR_ROOM = 20_000;
const FLUSH_MS = 30;
const BURST = 20;
const FLUSH_CHARS = 64 * 1024;
const HOME = "/home/pyodide";
const ALIVE_MS = 500;
const WARM_UP = `import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print(end="")\n\nasyncio.run(main())\n`;

let engine = null;
let loading = null; // resolves once Pyodide is loaded (or failed to)
let work = Promise.resolve(); // runs, one after another
let waiting = 0; // runs received and not started yet
let current = null; // id of the run in progress
const cancelled = new Set(); // ids of runs stopped before they started
const fetched = new Map(); // companion file URL -> its bytes (a promise)

addEventListener("message", ({ data }) => {
  if (data.type === "init") loading = init(data);
  else if (data.type === "run") {
    waiting += 1;
    for (const { url } of data.files ?? []) if (url) bytesOf(url); // fetched while Python loads
    work = work.then(() => run(data));
  } else if (data.type === "cancel") {
    if (data.id === current) {
      engine?.cancel();
      postMessage({ type: "cancelling", id: data.id }); // Python gave this worker a turn
    } else cancelled.add(data.id);
  }
});

/** The text of a file beside this one; its fetch starts at once. */
function textOf(name) {
  return fetch(new URL(name, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.text();
  });
}

async function init({ indexURL }) {
  const start = performance.now();
  // The runner's own files are fetched beside Pyodide's, not after them.
  const shim = textOf("./shim.py");
  const timeline = textOf("./asynctimeline.py");
  for (const file of [shim, timeline]) file.catch(() => {}); // createEngine reports it
  try {
    // engine.mjs is imported beside pyodide.mjs, not before it as a static import would.
    const [{ loadPyodide }, { createEngine }] = await Promise.all([
      import(new URL("pyodide.mjs", indexURL).href),
      import("./engine.mjs"),
    ]);
    engine = await createEngine({
      loadPyodide,
      indexURL,
      shim: () => shim,
      timeline: () => timeline,
      log: (text) => console.debug(text),
    });
    // A first run is slower (about 0.1 s: code paths seen for the first time); have
    // it now if no reader is waiting (a prefetch), so their first Run is quick.
    if (waiting === 0) await engine.run(WARM_UP, { filename: "warm_up.py", cwd: HOME });
    postMessage({ type: "ready", jspi: engine.jspi, loadMs: performance.now() - start });
  } catch (error) {
    engine = null;
    postMessage({ type: "failed", message: String(error?.message ?? error) });
  }
}

class Output {
  constructor(id) {
    this.id = id;
    this.chunks = [];
    this.pending = 0; // characters in chunks
    this.shown = 0;
    this.dropped = 0;
    this.sentDropped = 0;
    this.windowStart = -Infinity;
    this.posts = 0; // messages sent in the current window
    this.timer = 0;
  }

  write(stream, text) {
    const room = LIMIT + (stream === "err" ? ERROR_ROOM : 0) - this.shown;
    if (text.length > room) {
      this.dropped += text.length - Math.max(room, 0);
      text = room > 0 ? text.slice(0, room) : "";
    }
    if (text) {
      this.shown += text.length;
      this.pending += text.length;
      const last = this.chunks.at(-1);
      if (last && last[0] === stream) last[1] += text;
      else this.chunks.push([stream, text]);
    }
    // Every write goes out at once (Python may never yield again: `print(); while
    // True: pass`), unless it floods: beyond BURST messages in FLUSH_MS, writes wait
    // for the next window, or for a timer if Python yields first.
    const now = performance.now();
    if (now - this.windowStart >= FLUSH_MS) {
      this.windowStart = now;
      this.posts = 0;
    }
    if (this.posts < BURST || this.pending >= FLUSH_CHARS) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.chunks.length === 0 && this.dropped === this.sentDropped) return;
    postMessage({ type: "output", id: this.id, chunks: this.chunks, dropped: this.dropped });
    this.posts += 1;
    this.chunks = [];
    this.pending = 0;
    this.sentDropped = this.dropped;
  }
}

function removeTree(FS, path) {
  if (!FS.analyzePath(path).exists) return;
  if (!FS.isDir(FS.stat(path).mode)) return FS.unlink(path);
  for (const name of FS.readdir(path)) {
    if (name !== "." && name !== "..") removeTree(FS, `${path}/${name}`);
  }
  FS.rmdir(path);
}

function bytesOf(url) {
  if (!fetched.has(url)) {
    const bytes = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    bytes.catch(() => fetched.delete(url)); // try again next run
    fetched.set(url, bytes);
  }
  return fetched.get(url);
}

async function run({ id, code, filename, argv = [], dir = "main", files = [], lang = "en", width = null, collect = null }) {
  waiting -= 1;
  if (cancelled.delete(id)) return; // the page has moved on already
  await loading;
  if (!engine) return; // "failed" told the page
  const output = new Output(id);
  let result;
  let alive = 0;
  current = id;
  try {
    const companions = await Promise.all(
      files.map(async ({ name, url, text }) => [name, text ?? new Uint8Array(await bytesOf(url))]),
    );
    const { FS } = engine.pyodide;
    const cwd = `${HOME}/${dir}`;
    FS.chdir(HOME); // the last run's folder is the current one: it could not be removed
    removeTree(FS, cwd);
    FS.mkdirTree(cwd);
    for (const [name, bytes] of companions) FS.writeFile(`${cwd}/${name}`, bytes);
    FS.writeFile(`${cwd}/${filename}`, code);
    postMessage({ type: "start", id });
    alive = setInterval(() => postMessage({ type: "alive", id }), ALIVE_MS);
    result = await engine.run(code, {
      filename,
      argv,
      cwd,
      lang,
      onStdout: (text) => output.write("out", text),
      onStderr: (text) => output.write("err", text),
    });
  } catch (error) {
    const why = error?.message || (error?.errno ? `file system error ${error.errno}` : String(error));
    output.write("err", `The runner failed: ${why}\n`);
    result = { status: "error", exception: "RunnerError", exitCode: 1, elapsedMs: 0, fatal: Boolean(engine?.fatal) };
  }
  clearInterval(alive);
  current = null;
  output.flush();
  let collected = null;
  if (collect) {
    try {
      collected = engine.pyodide.FS.readFile(`${HOME}/${dir}/${collect}`, { encoding: "utf8" });
    } catch {
      // the run did not write it (it failed before): the page says so
    }
  }
  let timeline = null;
  try {
    timeline = engine.timelineSvg(result.timeline, lang, width);
  } catch (error) {
    console.debug(`no timeline: ${error?.message ?? error}`);
  }
  postMessage({ type: "done", id, ...result, dropped: output.dropped, timeline, collected });
}
