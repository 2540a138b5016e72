"""The demo content's data files: TOML in a `demo_data/` folder beside each app's `demo.py`.

An item's texts are grouped under the code of their language (`fr.title = "…"`); `texts()` turns
them into the columns of the translated fields (`title_fr`), for the languages the site has.
"""

import tomllib
from pathlib import Path
from typing import Any

from core.translated import LANGUAGE_CODES


def read(module_file: str, name: str) -> dict[str, Any]:
    """The data file `name`.toml in the `demo_data/` folder beside `module_file`."""
    with (Path(module_file).parent / "demo_data" / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def texts(item: dict[str, Any]) -> dict[str, Any]:
    """The item's texts as translated columns: {"fr": {"title": "…"}} gives {"title_fr": "…"}."""
    return {
        f"{field}_{code}": text
        for code in LANGUAGE_CODES
        for field, text in item.get(code, {}).items()
    }
