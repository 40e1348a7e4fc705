"""The import graph runs one way: shell → apps → taxonomy → core, with no cycle anywhere.

Every project module is parsed (migrations included, imports inside functions included: an import hidden in a
function to dodge a loop is still a loop). Test code sits on top of everything and is left out. An import may
only go to a module of its own package or of a package declared lower in LAYERS; within a package, modules
may not import each other in a circle.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# From the bottom up. A package may import only the packages before it. The shell (portal: settings, URLs,
# home page, site structure) knows the apps; the apps know the vocabulary and the toolkit, never the shell.
# search indexes the content apps through its registry, so it sits above them; demo fills the whole
# site, shell included (it builds the site structure first).
LAYERS = [
    "core",
    "taxonomy",
    "content",
    "directory",
    "agenda",
    "helpdesk",
    "practices",
    "search",
    "newsletter",
    "exchanges",
    "tools",
    "letters",
    "reports",
    "portal",
    "demo",
    "benchmarks",
]

SKIPPED_DIRS = {"tests", "node_modules", "var", "docs", "static", "templates", "__pycache__"}


def project_modules(root):
    """{module name: path} for every Python module of the project's top-level packages, tests left out."""
    modules = {}
    for init in sorted(root.glob("*/__init__.py")):
        package = init.parent
        if package.name.startswith("."):
            continue
        for path in sorted(package.rglob("*.py")):
            relative = path.relative_to(root)
            if SKIPPED_DIRS.intersection(relative.parts[:-1]):
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _resolve(name, modules):
    """The project module that `name` (a module, or a name inside one) designates, or None."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imports_of(module, path, modules):
    """{imported project module: first line number} for one module, at any depth of its code."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found = {}
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import submodule` imports the submodule; `from module import name` the module.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            resolved = _resolve(target, modules)
            if resolved and resolved != module:
                found.setdefault(resolved, node.lineno)
    return found


def import_graph(root):
    modules = project_modules(root)
    return modules, {module: imports_of(module, path, modules) for module, path in modules.items()}


def _top(module):
    return module.partition(".")[0]


def upward_imports(graph, layers):
    """Imports from a package to one that is not below it, and packages of no declared layer."""
    rank = {package: position for position, package in enumerate(layers)}
    problems = []
    for package in sorted({_top(module) for module in graph} - set(rank)):
        problems.append(
            f"package {package}/ has no layer: add it to LAYERS in {Path(__file__).name}"
        )
    for module, imported in sorted(graph.items()):
        for target, line in sorted(imported.items()):
            source_package, target_package = _top(module), _top(target)
            if source_package == target_package:
                continue
            if rank.get(target_package, -1) >= rank.get(source_package, len(layers)):
                problems.append(
                    f"{module} (line {line}) imports {target}: {target_package} is not below "
                    f"{source_package}"
                )
    return problems


def cycles(graph):
    """The import circles (strongly connected components of more than one module), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, {}):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def describe(component, graph):
    members = set(component)
    links = [
        f"    {module} -> {target} (line {line})"
        for module in component
        for target, line in sorted(graph[module].items())
        if target in members
    ]
    return "circle of " + ", ".join(component) + ":\n" + "\n".join(links)


def test_no_import_runs_upwards():
    _, graph = import_graph(ROOT)
    problems = upward_imports(graph, LAYERS)
    assert not problems, "Imports against the layers:\n" + "\n".join(problems)


def test_no_module_imports_one_that_imports_it_back():
    _, graph = import_graph(ROOT)
    found = cycles(graph)
    assert not found, "Import circles:\n" + "\n".join(describe(c, graph) for c in found)


def test_the_walk_sees_every_app_and_its_imports():
    modules, graph = import_graph(ROOT)
    assert {"core", "taxonomy", "content", "directory", "helpdesk", "portal"} <= {
        _top(module) for module in modules
    }
    # A relative import, a function-level one and a migration's are all read.
    assert "taxonomy.models" in graph["content.pages"]
    assert "content.services" in graph["content.models"]
    assert "core.roles" in graph["agenda.migrations.0002_roles_and_workflow"]


def _write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_cycle_hidden_in_a_function_and_an_upward_import_are_caught(tmp_path):
    _write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/tool.py": "def use():\n    from shop.models import Item\n",
            "shop/__init__.py": "",
            "shop/models.py": "from .services import price\n",
            "shop/services.py": "def price():\n    from . import models\n",
            "shop/tests/test_x.py": "import core.tool\n",
        },
    )
    _, graph = import_graph(tmp_path)
    assert cycles(graph) == [["shop.models", "shop.services"]]
    assert upward_imports(graph, ["core", "shop"]) == [
        "core.tool (line 2) imports shop.models: shop is not below core"
    ]
    assert upward_imports(graph, ["core"]) == [
        "package shop/ has no layer: add it to LAYERS in test_architecture.py"
    ]
