"""A crane unloads a ship container by container; the dock wants the first reefer."""

import asyncio

MANIFEST = ["D-101", "D-102", "R-201", "D-103", "R-202"]  # R-: refrigerated ("reefer")
LIFT = 0.1  # seconds the crane takes per container
PARK = 0.05  # seconds it takes to lower the boom and park


async def unload(manifest: list[str], log: list[str]):
    """Each container of `manifest`, as the crane sets it down on the quay."""
    log.append("crane on")
    try:
        for container in manifest:
            await asyncio.sleep(LIFT)
            log.append(f"lifted {container}")
            yield container
    finally:
        await asyncio.sleep(PARK)  # parking the crane takes time too
        log.append("crane off")


async def first_reefer(manifest: list[str], log: list[str]) -> str | None:
    """The first refrigerated container, lifting no more than needed; the crane is
    parked before this returns."""
    async for container in unload(manifest, log):
        if container.startswith("R-"):
            return container
    return None


async def main() -> None:
    log: list[str] = []
    found = await first_reefer(MANIFEST, log)
    log.append(f"first reefer: {found}")
    print("\n".join(log))


if __name__ == "__main__":
    asyncio.run(main())
