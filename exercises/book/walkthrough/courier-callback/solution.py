"""A courier company's client library answers through a callback: make it awaitable."""

import asyncio

COURIERS = ["Mei", "Omar", "Ilse", "Tomás"]


class NoCourier(Exception):
    """The company has no courier for this parcel."""


def book_courier(parcel: str, weight_kg: float, on_answer) -> None:
    """The company's client library (do not change it). It returns at once and later
    calls `on_answer(courier, error)`: a courier's name and None, or None and an error."""
    loop = asyncio.get_running_loop()
    if weight_kg > 30:
        error = NoCourier(f"no courier carries {weight_kg:g} kg")
        loop.call_later(0.1, on_answer, None, error)
    else:
        courier = COURIERS[len(parcel) % len(COURIERS)]
        loop.call_later(0.1 + weight_kg / 50, on_answer, courier, None)


async def collect(parcel: str, weight_kg: float) -> str:
    """The courier who will pick up `parcel`, as soon as the company answers; raises
    the company's error when there is none."""
    answer = asyncio.get_running_loop().create_future()

    def on_answer(courier, error):
        if answer.done():  # nobody is waiting any more (collect was cancelled)
            return
        if error is None:
            answer.set_result(courier)
        else:
            answer.set_exception(error)

    book_courier(parcel, weight_kg, on_answer)
    return await answer


async def main() -> None:
    parcels = {"books": 6.0, "lamp": 2.5, "piano": 250.0}
    start = asyncio.get_running_loop().time()
    answers = await asyncio.gather(
        *(collect(parcel, kg) for parcel, kg in parcels.items()), return_exceptions=True
    )
    for parcel, answer in zip(parcels, answers, strict=True):
        print(f"{parcel}: {answer}")
    print(f"all answers after {asyncio.get_running_loop().time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
