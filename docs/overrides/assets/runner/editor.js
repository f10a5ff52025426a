// The editor: a textarea over its highlighted copy (highlight.js).  Its keys' edits
// (worked out in editing.js) go through the browser's own undo history; an input
// method's composition is left alone.

import { make } from "./dom.js";
import { changedRange, enterIndent, shiftedLines, spacesToDelete, tabSpaces } from "./editing.js";
import { highlight } from "./highlight.js";

export class Editor {
  constructor(code, { label, hintId, onRun }) {
    this.onRun = onRun;
    this.element = make("div", "runner-editor");
    this.gutter = make("div", "runner-editor__gutter");
    this.gutter.setAttribute("aria-hidden", "true");
    const scroller = make("div", "runner-editor__scroller");
    const inner = make("div", "runner-editor__inner");
    this.view = make("pre", "runner-editor__view");
    this.view.setAttribute("aria-hidden", "true");
    this.textarea = make("textarea", "runner-editor__input");
    Object.assign(this.textarea, { value: code, spellcheck: false, wrap: "off" });
    for (const [name, value] of Object.entries({
      "aria-label": label,
      "aria-describedby": hintId,
      autocapitalize: "off",
      autocomplete: "off",
      autocorrect: "off",
      "data-gramm": "false",
    })) {
      this.textarea.setAttribute(name, value);
    }
    inner.append(this.view, this.textarea);
    scroller.append(inner);
    this.element.append(this.gutter, scroller);
    this.textarea.addEventListener("input", () => this.render());
    this.textarea.addEventListener("scroll", () => {
      this.textarea.scrollTop = 0; // the box is as large as the text: never scroll inside it
      this.textarea.scrollLeft = 0;
    });
    this.textarea.addEventListener("keydown", (event) => this.key(event));
    // An input method (Chinese, Japanese...) composes text in the textarea: while it
    // does, keys are its own (Enter picks a candidate, Ctrl+Enter must not run half-typed
    // text), whatever the browser says of each key event.
    this.composing = false;
    this.textarea.addEventListener("compositionstart", () => (this.composing = true));
    this.textarea.addEventListener("compositionend", () => (this.composing = false));
    this.textarea.addEventListener("blur", () => (this.composing = false));
    this.render();
  }

  get value() {
    return this.textarea.value;
  }

  render() {
    const code = this.textarea.value;
    this.view.innerHTML = highlight(code) + "\n "; // the last line keeps its height
    const lines = code.split("\n").length;
    if (lines !== this.lines) {
      this.lines = lines;
      this.gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join("\n");
    }
  }

  /** Replace [start, end) by text, keeping the browser's undo history where it can. */
  replace(start, end, text, selStart = start + text.length, selEnd = selStart) {
    const ta = this.textarea;
    ta.focus();
    ta.setSelectionRange(start, end);
    if (!document.execCommand?.("insertText", false, text)) {
      ta.setRangeText(text, start, end, "end");
      this.render();
    }
    ta.setSelectionRange(selStart, selEnd);
  }

  /** Put `code` in the editor as one step of its undo history (Reset). */
  setValue(code) {
    const change = changedRange(this.textarea.value, code);
    if (change) this.replace(...change, 0, 0);
    this.textarea.scrollIntoView?.({ block: "nearest" });
  }

  shiftLines(direction) {
    const { value, selectionStart, selectionEnd } = this.textarea;
    const edit = shiftedLines(value, selectionStart, selectionEnd, direction);
    if (edit) this.replace(edit.start, edit.end, edit.text, edit.selStart, edit.selEnd);
  }

  key(event) {
    const ta = this.textarea;
    if (this.composing || event.isComposing || event.keyCode === 229) return; // an input method is at work
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.onRun();
      return;
    }
    if (event.key === "Escape") {
      this.released = true; // the next Tab leaves the editor
      return;
    }
    if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (this.released) {
        this.released = false;
        return;
      }
      event.preventDefault();
      const { value, selectionStart: s, selectionEnd: e } = ta;
      if (event.shiftKey || value.slice(s, e).includes("\n")) this.shiftLines(event.shiftKey ? -1 : 1);
      else {
        this.replace(s, e, tabSpaces(s - (value.lastIndexOf("\n", s - 1) + 1)));
      }
      return;
    }
    this.released = false;
    const { value, selectionStart: s, selectionEnd: e } = ta;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      const lineStart = value.lastIndexOf("\n", s - 1) + 1;
      this.replace(s, e, "\n" + enterIndent(value.slice(lineStart, s)));
    } else if (event.key === "Backspace" && s === e && s > 0) {
      const n = spacesToDelete(value.slice(value.lastIndexOf("\n", s - 1) + 1, s));
      if (n > 0) {
        event.preventDefault();
        this.replace(s - n, s, "");
      }
    }
  }
}
