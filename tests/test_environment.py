"""The three descriptions of the environment agree: pyproject.toml, requirements.lock, environment.yml."""
from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from guanxian_analysis import paths


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject():
    return tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirements():
    project = _pyproject()
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]]


def _lock() -> dict[str, str]:
    pins = {}
    for line in (paths.PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[_canonical(name)] = version.strip()
    return pins


def test_every_dependency_is_pinned_within_its_range():
    lock = _lock()
    for requirement in _requirements():
        name = _canonical(requirement.name)
        assert name in lock, f"{name} is not pinned in requirements.lock"
        assert requirement.specifier.contains(lock[name]), f"{name}=={lock[name]} violates {requirement}"


def test_environment_yml_agrees_with_pyproject_and_lock():
    env = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    python = next(d for d in conda if d.startswith("python="))
    assert SpecifierSet(_pyproject()["requires-python"]).contains(python.split("=")[1] + ".0")
    pinned = {_canonical(name): version for name, version in (p.split("==") for p in pip if "==" in p)}
    lock = _lock()
    assert {_canonical(r.name) for r in _requirements()} == set(pinned)
    assert {name: lock[name] for name in pinned} == pinned
    assert "-e ." in pip
