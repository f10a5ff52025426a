"""Hello world with `aiohttp.web`: a tiny web server on http://127.0.0.1:25100/.

Run it with `python hello_server.py` and stop it with Ctrl+C (SIGINT) or SIGTERM.
`hello_client.py` is a client for it.
"""

from aiohttp import web

HOST, PORT = "127.0.0.1", 25100
VISITORS = web.AppKey("visitors", list[str])  # (1)!

routes = web.RouteTableDef()


@routes.get("/")  # (2)!
async def index(request: web.Request) -> web.Response:
    """Answer `GET /` with a line of plain text."""
    return web.Response(text="Hello from aiohttp! Try /greet/<your name>.")


@routes.get("/greet/{name}")
async def greet(request: web.Request) -> web.Response:
    """Greet the visitor named in the URL, as JSON, and remember the name."""
    name = request.match_info["name"]  # (3)!
    visitors = request.app[VISITORS]
    visitors.append(name)
    return web.json_response({"greeting": f"Hello, {name}!", "visitor": len(visitors)})


async def say_goodbye(app: web.Application) -> None:
    """Clean-up hook: runs once, when the server shuts down."""
    print(f"shutting down after {len(app[VISITORS])} greetings: {', '.join(app[VISITORS])}")


def make_app() -> web.Application:
    """Build the application: routes, shared state and the clean-up hook."""
    app = web.Application()
    app.add_routes(routes)
    app[VISITORS] = []
    app.on_cleanup.append(say_goodbye)  # (4)!
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host=HOST, port=PORT, access_log=None)  # (5)!
