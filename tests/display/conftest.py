import pytest

from .helpers import Scene


@pytest.fixture
def scene(tmp_path):
    s = Scene(tmp_path)
    yield s
    s.close()
