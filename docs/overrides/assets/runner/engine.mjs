// Engine core of the in-page Python runner: loads Pyodide, installs shim.py and
// runs snippets with CPython-like semantics, streaming their output.
//
// Platform neutral: no Node-only imports, so a module Web Worker (which
// Pyodide >= 314 requires) and the Node test harness
// (tests/pyodide/run_snippets.mjs) both use it.
//
//   const engine = await createEngine({ loadPyodide, indexURL, shim });
//   const { status, exception, elapsedMs, timeline } = await engine.run(code, {
//     filename: "demo.py",  // __file__, sys.argv[0] and the traceback frames
//     argv: [],             // sys.argv[1:]
//     cwd: undefined,       // a directory of Pyodide's file system to run in
//     lang: "en",           // or "zh": the language of RunLocallyError's message
//     onStdout: (text) => ..., onStderr: (text) => ...,  // chunks as written
//   });
//   engine.timelineSvg(timeline, "en", 360);  // the run's task timeline as SVG markup,
//                                             // drawn for a box 360 px wide (optional)
//   engine.cancel();  // resolves with the cancelled run's result
//   engine.jspi;      // true where the JS engine has WebAssembly stack switching
//
// status is "ok" or "error" (an exception escaped, as when CPython exits 1);
// exception is its type name ("RunLocallyError" for what only a local Python
// can do), or null; exitCode is what CPython's exit status would be (0, 1, a
// SystemExit code, 130 for KeyboardInterrupt).  run() never rejects for what a
// snippet does: when the runner itself fails, the result says status "error",
// exception "RunnerError", and `fatal: true` if Pyodide can no longer be used
// (engine.fatal; start a new engine).  One run at a time: run() rejects while
// another is going.  timeline is the run's task timeline as recorded by
// asynctimeline.py (a JSON string; null if none was recorded).

const SHIM_MODULE = "_runner_shim";
const SHIM_DIR = "/runner";

/**
 * @param {object} options
 * @param {Function} options.loadPyodide  loadPyodide from pyodide.mjs
 * @param {string} [options.indexURL]  where Pyodide's files are (default: next to pyodide.mjs)
 * @param {string} [options.stdLibURL]  where python_stdlib.zip is (default: in indexURL)
 * @param {string | (() => Promise<string>)} [options.shim]  source of shim.py, or a loader
 *   of it (default: fetch shim.py next to this file)
 * @param {string | (() => Promise<string>)} [options.timeline]  source of asynctimeline.py,
 *   or a loader of it (default: fetch asynctimeline.py next to this file)
 * @param {(text: string) => void} [options.log]  gets Pyodide's own messages and
 *   output written while no run is going (default: console.warn)
 */
export async function createEngine({
  loadPyodide,
  indexURL,
  stdLibURL,
  shim = () => fetch(new URL("./shim.py", import.meta.url)).then((r) => r.text()),
  timeline = () => fetch(new URL("./asynctimeline.py", import.meta.url)).then((r) => r.text()),
  log = (text) => console.warn(text),
}) {
  // The runner's own files load while Pyodide does (they are needed only after it).
  const sources = Promise.all([shim, timeline].map((file) => (typeof file === "function" ? file() : file)));
  sources.catch(() => {}); // a failure is reported below, once Pyodide is loaded
  // A fixed hash seed, as the site's records are made with: set order and the
  // like do not change from one page load to the next.
  const pyodide = await loadPyodide({ indexURL, stdLibURL, stdout: log, stderr: log, env: { PYTHONHASHSEED: "0" } });
  const [source, recorder] = await sources;

  let current = null; // the callbacks of the run in progress
  let running = null; // its promise
  const stream = (callback) => {
    const decoder = new TextDecoder();
    return {
      write(bytes) {
        const text = decoder.decode(bytes, { stream: true });
        if (text) (current ? current[callback] : log)?.(text);
        return bytes.length;
      },
    };
  };
  pyodide.setStdout(stream("onStdout"));
  pyodide.setStderr(stream("onStderr"));
  pyodide.setStdin({ error: true }); // input() is refused by the shim; sys.stdin reads fail

  // JSPI (WebAssembly stack switching) lets Python block on a JS promise.
  // Asked before the shim is in: it makes loop callbacks unable to block.
  const jspi = await pyodide.runPythonAsync("from pyodide.ffi import can_run_sync; can_run_sync()");
  pyodide.FS.mkdirTree(SHIM_DIR);
  pyodide.FS.writeFile(`${SHIM_DIR}/asynctimeline.py`, recorder);
  pyodide.FS.writeFile(`${SHIM_DIR}/${SHIM_MODULE}.py`, source);
  pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(SHIM_DIR)})`);
  const runner = pyodide.pyimport(SHIM_MODULE);
  const interrupt = runner.interrupt;
  // With JSPI the module body runs in a stack that can be suspended.
  const entry = jspi ? runner.run_blocking : runner.run;
  const runPy = jspi ? (...args) => entry.callPromising(...args) : entry;

  // After a fatal error (say, the WebAssembly stack overflowed) every API of
  // this Pyodide throws: only a new one (a new worker) can run again.
  let fatal = false;
  const dead = () => {
    try {
      void pyodide.globals;
      return false;
    } catch {
      return true;
    }
  };

  async function execute(code, { filename = "main.py", argv = [], cwd, lang = "en", onStdout, onStderr }) {
    current = { onStdout, onStderr };
    const start = performance.now();
    let result;
    try {
      if (fatal) throw new Error("Pyodide failed in an earlier run and can no longer be used.");
      result = await runPy(code, filename, argv, cwd, lang);
      const [status, exception, exitCode] = result.toJs();
      const elapsedMs = performance.now() - start;
      return {
        status,
        exception: exception ?? null,
        exitCode: exitCode ?? (status === "ok" ? 0 : 1),
        elapsedMs,
        fatal: false,
        timeline: runner.last_timeline() ?? null,
      };
    } catch (error) {
      // The shim turns whatever the snippet does into a result; an error here is
      // the runner's own (or Pyodide's fatal one).  Report it as the run's end,
      // never throw: the caller gets a result for every run.
      fatal ||= Boolean(error?.pyodide_fatal_error) || dead();
      const message = String(error?.message ?? error).trimEnd();
      try {
        onStderr?.(`The runner failed: ${message}\n`);
      } catch {
        // the caller's callback must not turn a result into a crash either
      }
      return {
        status: "error",
        exception: "RunnerError",
        exitCode: 1,
        elapsedMs: performance.now() - start,
        fatal,
        timeline: null,
      };
    } finally {
      try {
        result?.destroy();
      } catch {
        // a fatally failed Pyodide cannot destroy proxies any more
      }
      current = null;
      running = null;
    }
  }

  return {
    pyodide,
    jspi,
    /** True once Pyodide failed fatally: every later run() ends at once with an error. */
    get fatal() {
      return fatal;
    },
    /** Run `code` as the `__main__` module of `filename`. */
    run(code, options = {}) {
      if (running) return Promise.reject(new Error("a run is in progress: cancel() it first"));
      running = execute(code, options);
      return running;
    },
    /** Draw a run's timeline (its `timeline` string) as SVG, labelled in `lang`, to fit
     *  a box `width` px wide (by default the site's usual size). */
    timelineSvg(timeline, lang = "en", width = null) {
      // undefined, not null, for no width: Python gets None (null would be jsnull).
      return timeline && !fatal ? runner.timeline_svg(timeline, lang, width ? Math.round(width) : undefined) : null;
    },
    /** Cancel the run in progress (pending tasks, time.sleep); resolves with its result. */
    cancel() {
      if (!running) return Promise.resolve(null);
      interrupt();
      return running;
    },
  };
}
