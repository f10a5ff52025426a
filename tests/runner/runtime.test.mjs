// runtime.js: the tab's one worker and its queue, with a stand-in Worker.
import assert from "node:assert/strict";
import { test } from "node:test";

const workers = [];
class FakeWorker extends EventTarget {
  constructor(url, options) {
    super();
    this.url = String(url);
    this.options = options;
    this.sent = [];
    this.terminated = false;
    workers.push(this);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(data) {
    this.dispatchEvent(Object.assign(new Event("message"), { data }));
  }
}
globalThis.Worker = FakeWorker;
const classes = new Set();
globalThis.document = { documentElement: { classList: { toggle: (c, on) => (on ? classes.add(c) : classes.delete(c)) } } };
const { runtime } = await import("../../docs/overrides/assets/runner/runtime.js");

function job(name) {
  const seen = { name, printed: [], results: [] };
  return Object.assign(seen, {
    indexURL: "https://example.test/shared/pyodide/",
    code: `print(${JSON.stringify(name)})`,
    filename: `${name}.py`,
    begin: () => (seen.begun = true),
    output: (chunks) => seen.printed.push(...chunks),
    finish: (result) => seen.results.push(result),
  });
}

test("one worker, loaded once; runs go one at a time, in order", () => {
  const [a, b] = [job("a"), job("b")];
  runtime.submit(a);
  runtime.submit(b);
  assert.equal(workers.length, 1);
  const worker = workers[0];
  assert.match(worker.url, /\/worker\.mjs$/);
  assert.deepEqual(worker.options, { type: "module", name: "python" });
  assert.equal(worker.sent[0].type, "init");
  assert.ok(classes.has("runner-loading"), "the page knows Python is loading");
  assert.deepEqual(worker.sent.slice(1).map((m) => [m.type, m.code]), [["run", a.code]], "b waits");
  worker.say({ type: "ready", jspi: true });
  assert.equal(runtime.state, "ready");
  assert.ok(!classes.has("runner-loading"));
  worker.say({ type: "start", id: a.id });
  worker.say({ type: "output", id: a.id, chunks: [["out", "a\n"]], dropped: 0 });
  worker.say({ type: "done", id: a.id, status: "ok", exitCode: 0 });
  assert.ok(a.begun);
  assert.deepEqual(a.printed, [["out", "a\n"]]);
  assert.equal(a.results[0].kind, "done");
  assert.equal(worker.sent.at(-1).code, b.code, "then b is sent");
  worker.say({ type: "done", id: b.id, status: "ok", exitCode: 0 });
  assert.equal(b.results[0].kind, "done");
});

test("a run stopped before it starts is dropped; a crashed Python is replaced", () => {
  const worker = workers[0];
  const c = job("c");
  runtime.submit(c);
  runtime.stop(c);
  assert.equal(c.results[0].kind, "stopped");
  assert.deepEqual(worker.sent.at(-1), { type: "cancel", id: c.id });
  const d = job("d");
  runtime.submit(d);
  worker.say({ type: "start", id: d.id });
  worker.say({ type: "done", id: d.id, status: "error", exception: "RunnerError", fatal: true });
  assert.equal(d.results[0].kind, "crashed");
  assert.ok(worker.terminated, "the broken worker is ended");
  assert.equal(workers.length, 2, "and a new one started");
  assert.equal(workers[1].sent[0].type, "init");
});

test("messages from an ended worker are ignored", () => {
  const e = job("e");
  runtime.submit(e);
  workers[0].say({ type: "done", id: e.id, status: "ok" });
  assert.deepEqual(e.results, []);
});

test("a Check's run: its collect file is asked for, alive messages reach it, and the file comes back", () => {
  const worker = workers[1];
  worker.say({ type: "ready", jspi: false });
  if (runtime.job) worker.say({ type: "done", id: runtime.job.id, status: "ok" }); // e, from above
  const f = Object.assign(job("f"), { collect: "results.json", alives: 0 });
  f.alive = () => (f.alives += 1);
  runtime.submit(f);
  const sent = worker.sent.at(-1);
  assert.equal(sent.type, "run");
  assert.equal(sent.collect, "results.json");
  worker.say({ type: "start", id: f.id });
  worker.say({ type: "alive", id: f.id });
  worker.say({ type: "alive", id: f.id + 100 }); // another run's: not f's
  assert.equal(f.alives, 1);
  worker.say({ type: "done", id: f.id, status: "ok", exitCode: 0, collected: "[]" });
  assert.equal(f.results[0].collected, "[]");
  const g = job("g"); // a plain Run has no collect file
  runtime.submit(g);
  assert.equal(worker.sent.at(-1).collect, null);
});

test("a stop the worker answers (its code yields) waits longer before ending it", async () => {
  const worker = workers.at(-1);
  worker.say({ type: "ready", jspi: true });
  if (runtime.job) worker.say({ type: "done", id: runtime.job.id, status: "ok" });
  const started = (j) => Object.assign(j, { begin: () => (j.startedAt = performance.now()) });
  const h = started(job("h")); // as a Runner's job: it counts as running once it began
  runtime.submit(h);
  worker.say({ type: "start", id: h.id });
  runtime.stop(h);
  assert.deepEqual(worker.sent.at(-1), { type: "cancel", id: h.id });
  worker.say({ type: "cancelling", id: h.id });
  await new Promise((resolve) => setTimeout(resolve, 400)); // past the 250 ms grace
  assert.equal(worker.terminated, false, "a worker whose code yields is not ended");
  assert.deepEqual(h.results, [], "still winding down");
  worker.say({ type: "done", id: h.id, status: "error", exception: "KeyboardInterrupt", exitCode: 130 });
  assert.equal(h.results[0].kind, "stopped");
  const i = started(job("i")); // without the answer: ended after the grace
  runtime.submit(i);
  worker.say({ type: "start", id: i.id });
  runtime.stop(i);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(worker.terminated, true);
  assert.equal(i.results[0].kind, "stopped");
});
