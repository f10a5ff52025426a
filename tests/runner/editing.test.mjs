// editing.js: the editor's edits on plain text (Tab, Shift+Tab, Enter, Backspace, Reset).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  changedRange,
  enterIndent,
  shiftedLines,
  spacesToDelete,
  tabSpaces,
} from "../../docs/overrides/assets/runner/editing.js";

test("Enter indents after a colon or an open bracket, dedents after return", () => {
  assert.equal(enterIndent("async def main():"), "    ");
  assert.equal(enterIndent("    for x in y:  # a comment"), "        ");
  assert.equal(enterIndent("    print("), "        ");
  assert.equal(enterIndent("        return 42"), "    ");
  assert.equal(enterIndent("    x = 1"), "    ");
  assert.equal(enterIndent(""), "");
  assert.equal(enterIndent("    s = 'a # not a comment:'"), "    ", "a colon in a string, then a #");
});

test("Tab goes to the next multiple of four; Backspace back to the previous one", () => {
  assert.equal(tabSpaces(0), "    ");
  assert.equal(tabSpaces(5), "   ");
  assert.equal(spacesToDelete("      "), 2);
  assert.equal(spacesToDelete("    "), 4);
  assert.equal(spacesToDelete("  x "), 0);
  assert.equal(spacesToDelete(""), 0);
});

test("Tab and Shift+Tab shift the selected lines, keeping blank ones", () => {
  const value = "a\n\nb\nc";
  const all = shiftedLines(value, 0, value.length, 1);
  assert.deepEqual(all, { start: 0, end: 6, text: "    a\n\n    b\n    c", selStart: 0, selEnd: 18 });
  const back = shiftedLines(all.text, 0, all.text.length, -1);
  assert.equal(back.text, value);
  // A caret (no selection) moves with its line's text.
  const caret = shiftedLines("x\n    yz", 8, 8, -1);
  assert.deepEqual(caret, { start: 2, end: 8, text: "yz", selStart: 4, selEnd: 4 });
  assert.equal(shiftedLines("x", 0, 0, -1), null, "nothing to dedent");
});

test("Reset's edit is the smallest one, and applying it gives the new text", () => {
  const cases = [
    ["print(1)\n", "print(2)\n"],
    ["abc", "abc"],
    ["", "x = 1\n"],
    ["aaaa", "aa"],
    ["你好 world", "你 world"],
  ];
  for (const [old, code] of cases) {
    const change = changedRange(old, code);
    if (old === code) {
      assert.equal(change, null);
      continue;
    }
    const [start, end, text] = change;
    assert.equal(old.slice(0, start) + text + old.slice(end), code);
    assert.ok(end - start <= Math.max(old.length, 1) && text.length <= code.length);
  }
  assert.deepEqual(changedRange("print(1)\n", "print(2)\n"), [6, 7, "2"]);
});
