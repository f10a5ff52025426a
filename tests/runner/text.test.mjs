// text.js: both languages say everything the runner shows.
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.navigator ??= { platform: "Linux", userAgent: "node" };
globalThis.document ??= { documentElement: { lang: "zh-Hans" } };
const { TEXT, language } = await import("../../docs/overrides/assets/runner/text.js");

test("English and Chinese have the same messages, all non-empty", () => {
  assert.deepEqual(Object.keys(TEXT.zh).sort(), Object.keys(TEXT.en).sort());
  for (const lang of ["en", "zh"]) {
    for (const [key, value] of Object.entries(TEXT[lang])) {
      const said = typeof value === "function" ? value("demo.py", "x", "1.0 s") : value;
      assert.ok(typeof said === "string" && said.length > 0, `${lang}.${key}`);
    }
  }
});

test("the page's language picks the words", () => {
  document.documentElement.lang = "zh-Hans";
  assert.equal(language(), "zh");
  document.documentElement.lang = "en";
  assert.equal(language(), "en");
});
