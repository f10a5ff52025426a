// highlight.js: the editor's highlighted copy must hold exactly the editor's text.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { highlight } from "../../docs/overrides/assets/runner/highlight.js";

const text = (html) =>
  html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

test("tokens get Pygments' classes", () => {
  const html = highlight('async def main():\n    """Doc."""\n    await f(1, "s")  # c\n');
  for (const [cls, token] of [
    ["k", "async"],
    ["nf", "main"],
    ["sd", '"""Doc."""'],
    ["k", "await"],
    ["mi", "1"],
    ["s2", '"s"'],
    ["c1", "# c"],
  ]) {
    assert.ok(html.includes(`<span class="${cls}">${token.replace(/&/g, "&amp;")}</span>`), `${cls}: ${token}`);
  }
});

test("markup in the code is escaped, not interpreted", () => {
  assert.ok(!highlight("# <script>").includes("<script>"));
  assert.ok(highlight("x = '<b>&'").includes("&lt;b&gt;&amp;"));
});

test("every snippet of the site comes back unchanged from its highlighted copy", () => {
  const root = new URL("../../snippets/", import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true }).filter((name) => name.endsWith(".py"));
  assert.ok(files.length > 100);
  for (const name of files) {
    const code = readFileSync(join(root, name), "utf8");
    assert.equal(text(highlight(code)), code, name);
  }
  // Unfinished code too: an unclosed string or triple quote while typing.
  for (const code of ['print("abc', "'''doc\nmore", "x = (1,\n", "f'{a'"]) assert.equal(text(highlight(code)), code);
});
