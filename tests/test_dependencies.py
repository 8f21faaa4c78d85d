"""Every library the site imports is installed by `pip install .` (or by an
extra named for its feature, such as `.[s3]`), never only by the test extras:
`make run` on a fresh clone installs Taller without them, and the test suite,
which has them, would never notice one missing."""

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {"cms", "courses"}


def name_of(requirement):
    return re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def installed_with_taller():
    """The distributions `pip install .` and the feature extras bring: the
    declared dependencies and, through them, everything they require."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"])
    for extra, requirements in project["optional-dependencies"].items():
        if extra != "test":
            declared += requirements
    pending = [name_of(r) for r in declared]
    found = set()
    while pending:
        name = pending.pop()
        if name in found:
            continue
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # required only on other Pythons or platforms (a marker)
        found.add(name)
        for requirement in requirements:
            if "extra ==" not in requirement:
                pending.append(name_of(requirement))
    return found


def imported_top_level_modules():
    files = [ROOT / "manage.py", ROOT / "gunicorn.conf.py"]
    for package in LOCAL:
        files += (ROOT / package).rglob("*.py")
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name.split(".")[0], path
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield node.module.split(".")[0], path


def test_every_imported_library_is_a_dependency_of_taller_itself():
    installed = installed_with_taller()
    providers = metadata.packages_distributions()
    missing = set()
    for module, path in imported_top_level_modules():
        if module in LOCAL or module in sys.stdlib_module_names:
            continue
        distributions = {d.lower().replace("_", "-") for d in providers.get(module, [module])}
        if not distributions & installed:
            where = path.relative_to(ROOT)
            missing.add(f"{module} ({', '.join(sorted(distributions))}) in {where}")
    assert not missing, "imported but installed only with the test extras: " + "; ".join(
        sorted(missing)
    )
