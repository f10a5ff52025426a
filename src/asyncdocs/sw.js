// The site's service worker: pages, search and the runner's Python, offline.
// Written into the built site as /sw.js by asyncdocs.offline.finish, which fills in
// BUILD below (this build's version, its languages, the offline page's words).
//
// One cache per build, "asyncdocs-<version>", holds everything this version serves:
//   * pages (HTML): network first, the cache when the network fails, else an offline
//     page in the reader's language. A page from the network whose
//     <meta name="asyncdocs-build"> names another build is not mixed with this build's
//     files: this build's copy is served if the reader saved its language, else the
//     newer page with the network's files; the browser is told to look for the new
//     worker;
//   * every other file of the site: cache first (a build's files never change);
//   * a language saved for offline: all of its files, stored on the reader's request
//     ("save" message), with progress, and removed again on request ("remove").
// A new build's worker installs in the background: it copies from the old cache every
// file whose revision did not change and downloads the changed files of the saved
// languages, then waits. The page tells the reader once that a new version is ready;
// the reader's click sends "skip-waiting", the new worker takes over, the pages
// reload, and the old cache is deleted. Nothing mixes two builds in one page load.

const BUILD = {};

importScripts(...BUILD.workbox);
const { registerRoute } = workbox.routing;
const { CacheFirst, NetworkFirst } = workbox.strategies;

const ROOT = new URL("./", self.location).href;
const PREFIX = "asyncdocs-";
const CACHE = PREFIX + BUILD.version;
const MANIFEST = `${ROOT}offline.json`;
const MARK = `${ROOT}__offline__/`; // cache keys of this cache's own notes
const PARALLEL = 4;
const PYTHON = `${ROOT}shared/pyodide/`; // 15 MB that the runner's worker fetches at once
const COPY_AFTER_MS = [3000, 5000, 10000, 20000]; // waits before each try to copy Python's files

const newer = new Map(); // page URL -> a response from a newer build, not to be cached
const foreign = new Set(); // clients whose page came from a newer build: network only

const isPage = (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html");
const ours = (url) =>
  url.href.startsWith(ROOT) && url.href !== MANIFEST && !url.href.startsWith(`${ROOT}sw.js`);
const okOnly = { cacheWillUpdate: async ({ response }) => (response?.status === 200 ? response : null) };

const buildOf = async (response) => {
  const head = (await response.clone().text()).slice(0, 4096);
  return /<meta name="asyncdocs-build" content="([0-9a-f]+)">/.exec(head)?.[1] ?? null;
};

const pages = new NetworkFirst({
  cacheName: CACHE,
  plugins: [
    okOnly,
    {
      // A page of another build must not be shown with this build's files.
      fetchDidSucceed: async ({ request, response }) => {
        const build = response.ok ? await buildOf(response) : null;
        if (build && build !== BUILD.version) {
          newer.set(request.url, response);
          self.registration.update().catch(() => {});
          throw new Error("the page comes from another build");
        }
        return response;
      },
      // Then this build's copy is shown only where the reader saved the language: all
      // of its files are here. Elsewhere a file it needs may be missing and would come
      // from the newer build, so the newer page is shown, with the network's files
      // (see `foreign` below).
      cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
        if (!cachedResponse || !newer.has(request.url)) return cachedResponse;
        const saved = await note(await caches.open(CACHE), `pack/${languageOf(new URL(request.url))}`);
        return saved ? cachedResponse : null;
      },
    },
  ],
});
const files = new CacheFirst({ cacheName: CACHE, plugins: [okOnly] });

registerRoute(
  ({ url, request }) => ours(url) && isPage(url) && request.method === "GET",
  async (options) => {
    const { request, event } = options;
    // Instant navigation in a newer build's page: no page of this build goes into it.
    if (foreign.has(event.clientId)) return fetch(request).catch(() => Response.error());
    try {
      const response = await pages.handle(options);
      newer.delete(request.url); // this build's copy was served instead
      return response;
    } catch {
      const response = newer.get(request.url);
      newer.delete(request.url);
      if (response) {
        // Material's instant navigation fetches pages into the open one; on an error it
        // loads the page in full instead, and a full load is all of the newer build.
        if (request.mode !== "navigate") return Response.error();
        if (event.resultingClientId) foreign.add(event.resultingClientId);
        return response;
      }
      return offlinePage(new URL(request.url));
    }
  },
);

/** Whether a request comes from a newer build's page, or starts a worker for one. */
async function fromNewer(event) {
  if (foreign.has(event.clientId)) return true;
  // A worker's script names no client (clientId is "" for every non-subresource
  // request), only the page that starts it, as its referrer.
  const { destination, referrer } = event.request;
  if (!foreign.size || event.clientId || !referrer || !destination.endsWith("worker")) return false;
  const page = referrer.split("#")[0];
  const windows = await self.clients.matchAll({ type: "window" });
  return windows.some((c) => foreign.has(c.id) && c.url.split("#")[0] === page);
}

registerRoute(
  ({ url, request }) =>
    ours(url) && !url.href.startsWith(PYTHON) && request.method === "GET" && !request.headers.has("range"),
  async (options) => {
    const { event, request } = options;
    if (!(await fromNewer(event))) return files.handle(options);
    // A worker that a newer build's page starts (the runner's) is of that build too.
    if (event.resultingClientId) foreign.add(event.resultingClientId);
    return fetch(request);
  },
);

// Python's files are the exception to cache first: a reader's first Run must not wait
// for this worker to pass 15 MB through itself and store it (measured: a cold start
// 1 s slower on two cores). While they are not stored, the browser fetches them itself,
// and the worker copies them from the browser's HTTP cache a few seconds later.
let pythonStored = null; // URLs of Python's files in this build's cache, once known
let generation = 0; // counts "remove"s: a copy begun before one is not stored after it
const readPython = () =>
  caches
    .open(CACHE)
    .then((cache) => cache.keys())
    .then((keys) => {
      pythonStored = new Set(keys.map((r) => r.url).filter((u) => u.startsWith(PYTHON)));
    });
let knowPython = readPython();

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(PYTHON)) return;
  if (foreign.has(event.clientId)) return; // a newer build's page: the network's files
  const url = request.url.split("#")[0];
  const online = self.navigator.onLine !== false;
  if (pythonStored && !pythonStored.has(url) && online) {
    event.waitUntil(copyLater(url));
    return; // not answered: the browser fetches it as if there were no worker
  }
  // Stored, offline, or not known yet (this worker has only just started): the cache's
  // copy if it has one, else the network through this worker, copied later as above.
  const stored = knowPython.then(() => caches.open(CACHE)).then((cache) => cache.match(url));
  event.respondWith(stored.then((found) => found ?? fetch(request)));
  event.waitUntil(stored.then((found) => (found || !online ? undefined : copyLater(url)), () => {}));
});

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

/** Python's file as the browser's HTTP cache holds it (only-if-cached: never the
 *  network, so nothing is downloaded twice), if that copy is whole and of this build:
 *  its SHA-256 starts with the build's revision. A copy cut short, or an older build's
 *  still fresh there, is not taken. Else null (not there: a 504 or a TypeError). */
async function fromHttpCache(url) {
  const revision = BUILD.python[url.slice(ROOT.length)];
  if (!revision) return null;
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    if (response.status !== 200) return null;
    const copy = response.clone();
    const digest = hex(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
    return digest.startsWith(revision) ? copy : null;
  } catch {
    return null;
  }
}

async function copyLater(url) {
  // While the browser is still receiving the file (15 MB on a slow line) the HTTP cache
  // has no complete copy yet; try again a little later. A private window's cache lives
  // in memory and never holds the 9.6 MB WebAssembly file (Chromium): there, only
  // "Save for offline" stores Python.
  const since = generation;
  for (const wait of COPY_AFTER_MS) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    // The reader removed the offline copy meanwhile, or a newer build took over and
    // deleted this build's cache (caches.open would make it again, for nobody): stop.
    if (generation !== since || !(await caches.has(CACHE))) return;
    const cache = await caches.open(CACHE);
    if (await cache.match(url)) {
      pythonStored?.add(url);
      return;
    }
    const response = await fromHttpCache(url);
    if (response && generation === since) {
      try {
        await cache.put(url, response);
        pythonStored?.add(url);
      } catch {
        // no room left: the page still runs from the network
      }
      return;
    }
  }
  // still not there: copied after the browser's next fetch of it
}

function languageOf(url) {
  const first = url.href.slice(ROOT.length).split("/")[0];
  if (BUILD.languages.includes(first)) return first;
  const zh = (self.navigator.languages || []).some((l) => /^zh\b/i.test(l));
  return zh && BUILD.languages.includes("zh") ? "zh" : BUILD.languages[0];
}

function offlinePage(url) {
  const lang = languageOf(url);
  const t = BUILD.text[lang];
  const home = `${ROOT}${lang}/`;
  const e = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="${lang}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<style>
  body { font: 1rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f1f1f; background: #fff; }
  h1 { font-size: 1.6rem; }
  a { color: #2e3f9e; }
  button { font: inherit; padding: .4rem 1rem; border: 1px solid #2e3f9e; border-radius: .2rem; color: #2e3f9e; background: #fff; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 2px solid #2e3f9e; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { color: #e2e4e9; background: #1e2129; }
    a { color: #9fa8ff; }
    button { color: #9fa8ff; border-color: #9fa8ff; background: #1e2129; }
  }
</style>
<main>
<h1>${e(t.title)}</h1>
<p>${e(t.body)}</p>
<p>${e(t.saved)}</p>
<p><button type="button" onclick="location.reload()">${e(t.retry)}</button></p>
<ul>
<li><a href="${home}">${e(t.home)}</a></li>
<li><a href="${home}${BUILD.savePage}">${e(t.how)}</a></li>
</ul>
</main>
</html>`;
  return new Response(html, {
    status: 503,
    statusText: "Offline",
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// ---- what a language's offline copy holds -------------------------------------

const urlOf = (path) => ROOT + (path.endsWith("index.html") ? path.slice(0, -"index.html".length) : path);
const pathOf = (href) => {
  if (!href.startsWith(ROOT)) return null;
  const path = href.slice(ROOT.length).split(/[?#]/)[0];
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
};
const packOf = (manifest, lang) =>
  Object.keys(manifest.files).filter((p) => p.startsWith(`${lang}/`) || p.startsWith("shared/"));

async function fetchManifest() {
  const response = await fetch(`${MANIFEST}?v=${BUILD.version}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
  return response.json();
}

async function note(cache, name) {
  const response = await cache.match(MARK + name);
  return response ? response.json() : null;
}

const putNote = (cache, name, value) =>
  cache.put(MARK + name, new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } }));

/** Store every file of a language's pack that the cache lacks; report bytes as they come. */
async function fill(cache, manifest, lang, progress = () => {}) {
  const paths = packOf(manifest, lang);
  const total = paths.reduce((sum, p) => sum + manifest.files[p][1], 0);
  let done = 0;
  const todo = [...paths];
  let failed = null; // the first error stops every download, so the save ends whole
  const worker = async () => {
    while (todo.length && !failed) {
      const path = todo.shift();
      const url = urlOf(path);
      if (!(await cache.match(url))) {
        // Python the browser already has (a Run) is copied, not downloaded again. The
        // rest past the HTTP cache: stored once, and "remove" frees it all.
        let response = url.startsWith(PYTHON) ? await fromHttpCache(url) : null;
        if (!response) {
          response = await fetch(url, { cache: "no-store" });
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          // A build deployed during the save: its pages are not stored as this build's.
          const build = isPage(new URL(url)) ? await buildOf(response) : null;
          if (build && build !== BUILD.version) {
            self.registration.update().catch(() => {});
            throw new Error("newer-build");
          }
        }
        await cache.put(url, response);
      }
      if (url.startsWith(PYTHON)) pythonStored?.add(url);
      done += manifest.files[path][1];
      progress(done, total);
    }
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, () =>
      worker().catch((error) => {
        failed ??= error;
      }),
    ),
  );
  if (failed) throw failed;
  await putNote(cache, `pack/${lang}`, { bytes: total, files: paths.length, version: BUILD.version });
  return total;
}

const saving = new Map(); // lang -> promise of the save in progress

async function save(lang, port) {
  const manifest = await fetchManifest();
  if (manifest.version !== BUILD.version) {
    self.registration.update().catch(() => {});
    throw new Error("newer-build");
  }
  const cache = await caches.open(CACHE);
  await putNote(cache, "manifest", manifest);
  let last = 0;
  const total = await fill(cache, manifest, lang, (done, all) => {
    const now = Date.now();
    if (now - last > 100 || done === all) {
      last = now;
      port?.postMessage({ type: "progress", done, total: all });
    }
  });
  return total;
}

async function status(lang) {
  const cache = await caches.open(CACHE);
  const pack = await note(cache, `pack/${lang}`);
  return { type: "status", saved: Boolean(pack), bytes: pack?.bytes ?? 0, saving: saving.has(lang), version: BUILD.version };
}

async function remove(lang) {
  generation += 1;
  const cache = await caches.open(CACHE);
  await cache.delete(MARK + `pack/${lang}`);
  const others = [];
  for (const other of BUILD.languages) if (other !== lang && (await note(cache, `pack/${other}`))) others.push(other);
  let freed = 0;
  for (const request of await cache.keys()) {
    const path = pathOf(request.url);
    const shared = path?.startsWith("shared/");
    if (path?.startsWith(`${lang}/`) || (shared && others.length === 0)) {
      await cache.delete(request);
      pythonStored?.delete(request.url);
      freed += 1;
    }
  }
  if (others.length === 0) await cache.delete(MARK + "manifest");
  return freed;
}

/** The files the page loaded before this worker controlled it: take them from the
 *  browser's HTTP cache (no download), so that the first page opens offline too. A page
 *  of another build (deployed between its load and this worker's) gives none. */
async function remember(urls, build) {
  if (build && build !== BUILD.version) return;
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls
      .filter((href) => ours(new URL(href)))
      .map(async (href) => {
        const url = href.split("#")[0];
        if (await cache.match(url)) return;
        try {
          const response = url.startsWith(PYTHON)
            ? await fromHttpCache(url)
            : await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
          if (response?.status !== 200) return;
          if (isPage(new URL(url))) {
            const build = await buildOf(response);
            if (build && build !== BUILD.version) return;
          }
          await cache.put(url, response);
          if (url.startsWith(PYTHON)) pythonStored?.add(url);
        } catch {
          // gone or offline: it will be cached when it is next fetched
        }
      }),
  );
}

self.addEventListener("message", (event) => {
  const { data } = event;
  const port = event.ports[0];
  const reply = (promise) =>
    event.waitUntil(
      promise.then(
        (value) => port?.postMessage(value),
        (error) =>
          port?.postMessage({
            type: "error",
            // The page words the usual causes itself: TypeError (the network went away
            // mid-save), QuotaExceededError (no room left), "newer-build".
            name: String(error?.name ?? "Error"),
            message: String(error?.message ?? error),
          }),
      ),
    );
  switch (data?.type) {
    case "status":
      reply(status(data.lang));
      break;
    case "save": {
      const job =
        saving.get(data.lang) ??
        save(data.lang, port).finally(() => saving.delete(data.lang));
      saving.set(data.lang, job);
      reply(job.then((bytes) => ({ type: "saved", bytes })));
      break;
    }
    case "remove":
      reply(remove(data.lang).then((entries) => ({ type: "removed", entries })));
      break;
    case "seen":
      reply(remember(data.urls ?? [], data.build).then(() => ({ type: "remembered" })));
      break;
    case "version":
      port?.postMessage({ type: "version", version: BUILD.version });
      break;
    case "skip-waiting":
      self.skipWaiting();
      break;
  }
});

// ---- versions --------------------------------------------------------------------

/** A new build: keep what did not change, download what changed in saved languages. */
async function migrate() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  for (const name of names) {
    const old = await caches.open(name);
    const before = await note(old, "manifest");
    if (!before) continue; // nothing saved there: visited files are fetched again when needed
    const manifest = await fetchManifest();
    if (manifest.version !== BUILD.version) throw new Error("the server has yet another build");
    const cache = await caches.open(CACHE);
    for (const request of await old.keys()) {
      const path = pathOf(request.url);
      const a = before.files[path];
      const b = manifest.files[path];
      if (a && b && a[0] === b[0]) await cache.put(request, await old.match(request));
    }
    await putNote(cache, "manifest", manifest);
    for (const lang of BUILD.languages) {
      if (await note(old, `pack/${lang}`)) await fill(cache, manifest, lang);
    }
    return;
  }
}

self.addEventListener("install", (event) =>
  event.waitUntil(migrate().then(() => (knowPython = readPython()))),
);

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});
