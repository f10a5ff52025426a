// prefetch.js: the site's choice, overridden by the reader's (localStorage).
import assert from "node:assert/strict";
import { test } from "node:test";

const stored = new Map();
globalThis.localStorage = { getItem: (k) => stored.get(k) ?? null };
globalThis.navigator ??= {};
const { prefetchMode, saveData } = await import("../../docs/overrides/assets/runner/prefetch.js");

test("idle by default, the site's setting, then the reader's; nonsense is ignored", () => {
  assert.equal(prefetchMode({ dataset: {} }), "idle");
  assert.equal(prefetchMode({ dataset: { runnerPrefetch: "intent" } }), "intent");
  stored.set("asyncdocs.runner.prefetch", "none");
  assert.equal(prefetchMode({ dataset: { runnerPrefetch: "intent" } }), "none");
  stored.set("asyncdocs.runner.prefetch", "always");
  assert.equal(prefetchMode({ dataset: {} }), "idle");
});

test("a reader who asks to save data is respected", () => {
  navigator.connection = { saveData: true };
  assert.equal(saveData(), true);
  navigator.connection = undefined;
  assert.equal(saveData(), false);
});
