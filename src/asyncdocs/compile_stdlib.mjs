// Pyodide's standard library with its start-up modules compiled: a copy of
// python_stdlib.zip that also holds a .pyc beside each .py that Pyodide, the runner's
// engine and a first asyncio run import.  Pyodide ships the library as source only, so
// every start compiled those ~150 modules again (seconds of CPU); zipimport takes a
// .pyc in the zip instead.  The .pyc files are unchecked hash-based ones made by this
// same Pyodide: a Python of another version would find a wrong magic number and fall
// back to the .py, which stays for tracebacks and inspect.
//
//   node src/asyncdocs/compile_stdlib.mjs OUT.zip
//
// asyncdocs.stdlib.compiled_stdlib() runs it once per Pyodide version and caches the
// result; the site serves it as python_stdlib.zip, and the Node harness loads it too.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const runnerDir = join(root, "docs/overrides/assets/runner");
const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: compile_stdlib.mjs OUT.zip\n");
  process.exit(2);
}

const { loadPyodide } = await import(join(root, "node_modules/pyodide/pyodide.mjs"));
const { createEngine } = await import(join(runnerDir, "engine.mjs"));
const engine = await createEngine({
  loadPyodide,
  shim: readFileSync(join(runnerDir, "shim.py"), "utf8"),
  timeline: readFileSync(join(root, "src/asynctimeline.py"), "utf8"),
  log: () => {},
});
const sample = "import asyncio\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0.001))\n    print('ok')\n\nasyncio.run(main())\n";
const result = await engine.run(sample, { filename: "sample.py", onStdout: () => {}, onStderr: () => {} });
if (result.status !== "ok") throw new Error("the sample run failed");
engine.timelineSvg(result.timeline, "en");

const { pyodide } = engine;
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(join(root, "node_modules/pyodide/python_stdlib.zip")));
const count = pyodide.runPython(`
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

prefix = "/lib/python314.zip/"
wanted = sorted(
    m.__file__[len(prefix):]
    for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(prefix) and m.__file__.endswith(".py")
)
with zipfile.ZipFile("/tmp/stdlib.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w") as dst:
    for info in src.infolist():
        dst.writestr(info, src.read(info))
    for name in wanted:
        source = src.read(name)
        code = compile(source, prefix + name, "exec", dont_inherit=True)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
        info = zipfile.ZipInfo(name + "c", src.getinfo(name).date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(info, bytes(pyc))
len(wanted)
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
process.stderr.write(`compile_stdlib: ${count} modules compiled into ${out}\n`);
process.exit();
