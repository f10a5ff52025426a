// Material for MkDocs renders ```mermaid fences with the global `mermaid`, and fetches
// it from a CDN when none exists. This stand-in keeps everything on our own host: it
// loads the self-hosted copy on the first diagram (also after instant navigation),
// then hands over to the real library.
(() => {
  const src = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  let options = {};
  let ready;
  const load = () =>
    (ready ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => {
        window.mermaid.initialize(options);
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }));
  window.mermaid = {
    initialize(opts) {
      options = opts;
    },
    async render(id, text) {
      return (await load()).render(id, text);
    },
  };
})();
