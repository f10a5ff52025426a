// A small Python highlighter: source in, HTML with Pygments' class names out (the
// classes Material colours), for the editor's highlighted copy of its text.

const KEYWORDS = new Set(
  "assert async await break class continue def del elif else except finally for global if lambda nonlocal pass raise return try while with yield".split(" "),
);
const IMPORTS = new Set(["import", "from", "as"]);
const WORDS = new Set(["and", "or", "not", "in", "is"]);
const CONSTANTS = new Set(["True", "False", "None"]);
const BUILTINS = new Set(
  "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__".split(" "),
);
const TOKEN = new RegExp(
  [
    /(#[^\n]*)/, // 1 comment
    // 2 string: an unclosed one ends at the end of its line (or of the code, if triple-quoted)
    /((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|(?![\s\S]))|'''[\s\S]*?(?:'''|(?![\s\S]))|"(?:[^"\\\n]|\\.)*(?:"|(?=\n)|(?![\s\S]))|'(?:[^'\\\n]|\\.)*(?:'|(?=\n)|(?![\s\S]))))/,
    /(\b(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)\b)/, // 3 number
    /(@[A-Za-z_][\w.]*)/, // 4 decorator
    /([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)/, // 5 name
    /(->|[-+*/%=<>!&|^~:.]+)/, // 6 operator
    /([()[\]{},;])/, // 7 punctuation
  ]
    .map((r) => r.source)
    .join("|"),
  "g",
);
const escapeHTML = (text) => text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);

/** Python source as HTML with Pygments' class names (Material colours them). */
export function highlight(code) {
  let html = "";
  let last = 0;
  let previous = "";
  const span = (cls, text) => `<span class="${cls}">${escapeHTML(text)}</span>`;
  for (const m of code.matchAll(TOKEN)) {
    html += escapeHTML(code.slice(last, m.index));
    last = m.index + m[0].length;
    const [text, comment, string, number, decorator, name, operator] = m;
    if (comment) html += span("c1", text);
    else if (string) {
      const lineStart = code.lastIndexOf("\n", m.index - 1) + 1;
      const docstring = /^[\s]*$/.test(code.slice(lineStart, m.index)) && /^[rRuU]?("""|''')/.test(text);
      html += span(docstring ? "sd" : "s2", text);
    } else if (number) html += span("mi", text);
    else if (decorator) html += span("nd", text);
    else if (name) {
      let cls = "";
      if (previous === "def") cls = "nf";
      else if (previous === "class") cls = "nc";
      else if (CONSTANTS.has(text)) cls = "kc";
      else if (IMPORTS.has(text)) cls = "kn";
      else if (WORDS.has(text)) cls = "ow";
      else if (KEYWORDS.has(text)) cls = "k";
      else if (text === "self" || text === "cls") cls = "bp";
      else if (BUILTINS.has(text)) cls = "nb";
      else if (/^[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration)$/.test(text)) cls = "ne";
      html += cls ? span(cls, text) : escapeHTML(text);
    } else if (operator) html += span("o", text);
    else html += span("p", text);
    if (!/^\s*$/.test(text)) previous = text;
  }
  return html + escapeHTML(code.slice(last));
}
