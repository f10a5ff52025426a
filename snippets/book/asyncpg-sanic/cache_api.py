"""The cache API: a Sanic app that serves weather stations from PostgreSQL through an LRU cache.

Endpoints, on http://127.0.0.1:25300:

- `GET /stations/<id>`: one station, with `"cached": true` when the cache answered;
- `PUT /stations/<id>` with a JSON body such as `{"status": "offline"}`: change a station;
- `GET /stats`: the cache's counters, the notifications received, the endpoints' timings.

At start-up it sets up the database in `DATABASE_URL` (see `cache_db`) and opens one extra
connection that listens on the trigger's channel: each notification evicts the changed
station from the cache, whoever changed it. Run it with `python cache_api.py`; stop it with
Ctrl-C (SIGINT) or SIGTERM.
"""

import json

import asyncpg
import cache_db
from cache_lru import LRUCache
from cache_timing import Profiler
from sanic import Request, Sanic
from sanic import json as json_response
from sanic.response import JSONResponse

HOST, PORT = "127.0.0.1", 25300
STATUSES = {"online", "maintenance", "offline"}


# --8<-- [start:load]
async def load_station(cache: LRUCache, pool, station_id: int) -> tuple[dict | None, bool]:
    """One station and whether the cache answered; (None, False) if there is no such row.

    A miss notes the key's generation *before* the SELECT. If a notification evicts the
    key while the query is in flight, `put()` sees a newer generation and refuses the row
    it read, which may predate the change.
    """
    station = cache.get(station_id)
    if station is not None:
        return station, True
    seen = cache.generation(station_id)
    row = await pool.fetchrow("SELECT * FROM station WHERE id = $1", station_id)
    if row is None:
        return None, False
    cache.put(station_id, dict(row), generation=seen)
    return dict(row), False


# --8<-- [end:load]


def create_app() -> Sanic:
    """Build the app: its routes, and the listeners that connect and disconnect."""
    app = Sanic("station_cache", configure_logging=False)  # (1)!
    app.ctx.cache = LRUCache(maxsize=100)
    app.ctx.profiler = Profiler()
    app.ctx.notifications = 0
    profile = app.ctx.profiler.profile

    def on_change(connection, pid, channel, payload):  # (2)!
        change = json.loads(payload)
        app.ctx.notifications += 1
        evicted = app.ctx.cache.evict(change["id"])
        outcome = "evicted" if evicted else "was not cached"
        print(f"notified: {change['op']} of station {change['id']}, {outcome}")

    @app.before_server_start  # (3)!
    async def connect(app: Sanic) -> None:
        app.ctx.pool = await asyncpg.create_pool(cache_db.DATABASE_URL, min_size=2, max_size=4)
        async with app.ctx.pool.acquire() as conn:
            await cache_db.setup(conn)
        app.ctx.listener = await asyncpg.connect(cache_db.DATABASE_URL)
        await app.ctx.listener.add_listener(cache_db.CHANNEL, on_change)

    @app.after_server_start
    async def ready(app: Sanic) -> None:
        print(f"station cache API on http://{HOST}:{PORT}, Ctrl-C to stop", flush=True)

    @app.before_server_stop
    async def disconnect(app: Sanic) -> None:
        await app.ctx.listener.remove_listener(cache_db.CHANNEL, on_change)
        await app.ctx.listener.close()
        await app.ctx.pool.close()
        print(f"shutting down: {app.ctx.notifications} notifications, {app.ctx.cache.stats()}")

    @app.get("/stations/<station_id:int>")
    @profile  # (4)!
    async def get_station(request: Request, station_id: int) -> JSONResponse:
        station, cached = await load_station(app.ctx.cache, app.ctx.pool, station_id)  # (5)!
        if station is None:
            return json_response({"error": f"no station {station_id}"}, status=404)
        return json_response({**station, "cached": cached})

    @app.put("/stations/<station_id:int>")
    @profile
    async def put_station(request: Request, station_id: int) -> JSONResponse:
        status = (request.json or {}).get("status")
        if status not in STATUSES:
            return json_response({"error": f"status must be one of {sorted(STATUSES)}"}, 400)
        sql = "UPDATE station SET status = $1 WHERE id = $2 RETURNING *"
        row = await app.ctx.pool.fetchrow(sql, status, station_id)  # (6)!
        if row is None:
            return json_response({"error": f"no station {station_id}"}, status=404)
        return json_response(dict(row))

    @app.get("/stats")
    async def stats(request: Request) -> JSONResponse:
        return json_response(
            {
                "cache": app.ctx.cache.stats(),
                "notifications": app.ctx.notifications,
                "endpoints": app.ctx.profiler.summary(),
            }
        )

    return app


if __name__ == "__main__":
    app = create_app()
    app.run(host=HOST, port=PORT, single_process=True, motd=False, access_log=False)  # (7)!
