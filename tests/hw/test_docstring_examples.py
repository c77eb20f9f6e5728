"""The usage examples in hw docstrings run and say what they claim."""

import doctest
import importlib
import pkgutil

import pytest

import hw

MODULES = [m.name for m in pkgutil.walk_packages(hw.__path__, "hw.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
