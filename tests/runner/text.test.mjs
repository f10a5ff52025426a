// text.js: both languages say everything the runner shows.
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.navigator ??= { platform: "Linux", userAgent: "node" };
globalThis.document ??= { documentElement: { lang: "zh-Hans" } };
const { EXERCISE_TEXT, TEXT, language } = await import("../../docs/overrides/assets/runner/text.js");

test("English and Chinese have the same messages, all non-empty", () => {
  assert.deepEqual(Object.keys(TEXT.zh).sort(), Object.keys(TEXT.en).sort());
  for (const lang of ["en", "zh"]) {
    for (const [key, value] of Object.entries(TEXT[lang])) {
      const said = typeof value === "function" ? value("demo.py", "x", "1.0 s") : value;
      assert.ok(typeof said === "string" && said.length > 0, `${lang}.${key}`);
    }
  }
});

test("exercises say everything in both languages too", () => {
  assert.deepEqual(Object.keys(EXERCISE_TEXT.zh).sort(), Object.keys(EXERCISE_TEXT.en).sort());
  for (const lang of ["en", "zh"]) {
    for (const [key, value] of Object.entries(EXERCISE_TEXT[lang])) {
      const said = typeof value === "function" ? value(2, 3) : value;
      if (key === "kinds") {
        assert.deepEqual(Object.keys(said).sort(), ["behaviour", "output", "structure", "timing"]);
        continue;
      }
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
