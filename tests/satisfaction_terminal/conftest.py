"""A `motcua server` process for the tablet's fault tests (the class lives with the server's tests)."""
import pytest

from queue_server.config import DEMO_CONFIG
from tests.queue_server.process.conftest import ServerProcess


@pytest.fixture
def server_process(tmp_path):
    config = tmp_path / "centre.toml"
    config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false"),
                      encoding="utf-8")
    server = ServerProcess(config, tmp_path / "data" / "centre.db")
    yield server
    server.stop()
