"""The layers of the project, checked on its source: each package imports only the layers below.

    iom_cms        settings, URLs, home page, site-wide sitemaps and metadata, the demo command
       │
    pages          simple pages, menu, featured items
       │
    alerts         email alerts on the finder's filters
       │
    pressroom      press releases
       │
    events         event series and sessions
       │
    organisation   offices, posts, people
       │
    core           translated content, rich text, images, the public-pages notice, admin mixins

A package may import its own modules and any package below it, never one above (an event page
that lists its releases follows the reverse relation instead). Imports are read with `ast`, at
module level and inside functions alike, so a late import does not slip through.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "organisation", "events", "pressroom", "alerts", "pages", "iom_cms"]


def allowed(package):
    return set(LAYERS[: LAYERS.index(package) + 1])


def imported_packages(source):
    """The project's top-level packages that `source` imports (relative imports stay inside)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names if name.split(".")[0] in LAYERS)
    return found


def module_names(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        yield path, ".".join(path.relative_to(ROOT).with_suffix("").parts)


def wrong_arrows():
    arrows = []
    for package in LAYERS:
        for path, name in module_names(package):
            for target in imported_packages(path.read_text()) - allowed(package):
                arrows.append(f"{name} imports {target}")
    return arrows


def test_no_package_imports_a_layer_above_it():
    assert wrong_arrows() == []


def test_the_check_sees_an_arrow_that_runs_the_wrong_way():
    source = "from django.db import models\nfrom pressroom.models import PressRelease\n"
    assert imported_packages(source) - allowed("events") == {"pressroom"}
    late = "def f():\n    import iom_cms.settings\n"
    assert imported_packages(late) - allowed("pressroom") == {"iom_cms"}


def module_level_imports(path, name):
    """The project modules that `name` imports when it is itself imported (not in functions)."""
    package_parts = name.split(".")
    if path.name != "__init__.py":
        package_parts = package_parts[:-1]
    imports = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            imports.add(module)
            # `from package import module` imports the module too.
            imports.update(f"{module}.{alias.name}" for alias in node.names)
    return imports


def import_cycles():
    graph = {}
    for package in LAYERS:
        for path, name in module_names(package):
            graph[name.removesuffix(".__init__")] = (path, name)
    edges = {
        module: {target for target in module_level_imports(*where) if target in graph} - {module}
        for module, where in graph.items()
    }
    return find_cycles(edges)


def find_cycles(edges):
    cycles, done = [], set()

    def visit(module, stack):
        if module in stack:
            cycles.append(stack[stack.index(module) :] + [module])
            return
        if module in done:
            return
        for target in sorted(edges.get(module, ())):
            # A package's __init__ importing its own submodules is how packages work.
            if not target.startswith(module + "."):
                visit(target, [*stack, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return cycles


def test_no_module_imports_itself_through_another():
    assert import_cycles() == []


def test_the_check_sees_two_modules_that_import_each_other():
    # As iom_cms/models.py and features.py did before the pages app.
    edges = {"pages.models": {"pages.features"}, "pages.features": {"pages.models"}}
    assert find_cycles(edges) == [["pages.features", "pages.models", "pages.features"]]
    assert find_cycles({"pages.models": {"pages.models.page"}, "pages.models.page": set()}) == []


@pytest.mark.parametrize("package", LAYERS[:-1])
def test_no_app_imports_the_project_package(package):
    assert all("iom_cms" not in imported_packages(p.read_text()) for p, _ in module_names(package))
