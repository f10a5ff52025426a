// The editor's text edits, worked out on plain strings (no DOM: the tests run them in
// Node).  editor.js applies each one as a single step of the browser's undo history.

export const INDENT = "    ";

/** The indent of the line Enter starts, given the text before the caret on its line:
 *  one level more after a colon or an open bracket, one less after a line that ends a
 *  block (return, pass, break, continue, raise). */
export function enterIndent(before) {
  let indent = before.match(/^[ \t]*/)[0];
  const code = before.replace(/#.*$/, "").trimEnd();
  if (code.endsWith(":") || /[([{]$/.test(code)) indent += INDENT;
  else if (/^\s*(return|pass|break|continue|raise)\b/.test(code)) indent = indent.slice(INDENT.length);
  return indent;
}

/** The spaces Tab inserts at `column`: up to the next multiple of four. */
export function tabSpaces(column) {
  return " ".repeat(INDENT.length - (column % INDENT.length));
}

/** How many spaces Backspace removes at the end of `before` (the text before the caret
 *  on its line): back to the previous multiple of four if it is all spaces, else 0
 *  (the browser deletes one character). */
export function spacesToDelete(before) {
  return before.length > 0 && /^ +$/.test(before) ? ((before.length - 1) % INDENT.length) + 1 : 0;
}

/** The whole lines a selection [s, e) of `value` touches: [start, end). */
export function selectedLines(value, s, e) {
  const start = value.lastIndexOf("\n", s - 1) + 1;
  const stop = e > s && value[e - 1] === "\n" ? e - 1 : e;
  const newline = value.indexOf("\n", stop);
  return [start, newline < 0 ? value.length : newline];
}

/** Tab (direction 1) or Shift+Tab (-1) on the lines of selection [s, e): the edit as
 *  {start, end, text, selStart, selEnd}, or null if nothing changes.  Blank lines of a
 *  several-line selection are not indented. */
export function shiftedLines(value, s, e, direction) {
  const [start, end] = selectedLines(value, s, e);
  const lines = value.slice(start, end).split("\n");
  let firstDelta = 0;
  const shifted = lines.map((line, i) => {
    if (direction > 0) {
      if (!line.trim() && lines.length > 1) return line;
      if (i === 0) firstDelta = INDENT.length;
      return INDENT + line;
    }
    const n = Math.min(INDENT.length, line.length - line.trimStart().length);
    if (i === 0) firstDelta = -n;
    return line.slice(n);
  });
  const text = shifted.join("\n");
  if (text === value.slice(start, end)) return null;
  if (s === e) {
    const caret = Math.max(start, s + firstDelta);
    return { start, end, text, selStart: caret, selEnd: caret };
  }
  return { start, end, text, selStart: start, selEnd: start + text.length };
}

/** The smallest edit turning `old` into `code`: [start, end of the old part, new part],
 *  or null if they are equal.  (Reset replaces only that: Chromium's redo of a
 *  whole-text replacement loses lines.) */
export function changedRange(old, code) {
  if (old === code) return null;
  let start = 0;
  while (start < old.length && start < code.length && old[start] === code[start]) start += 1;
  let end = 0;
  while (end < old.length - start && end < code.length - start && old.at(-1 - end) === code.at(-1 - end)) end += 1;
  return [start, old.length - end, code.slice(start, code.length - end)];
}
