"""sd_notify and the watchdog feeders, against a real unix datagram socket."""
import threading

from queue_server.deploy import sdnotify
from queue_server.deploy.watchdog import ServerWatchdog, Watchdog
from queue_server.storage import Store


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_notify_is_a_no_op_without_systemd():
    assert sdnotify.notify("READY=1", environ={}) is False
    assert Watchdog(interval=1, environ={}).tick() is False


def test_notify_reaches_a_path_socket(notify_socket):
    assert sdnotify.notify("STATUS=xin chào", {"NOTIFY_SOCKET": notify_socket.name})
    assert notify_socket.messages() == ["STATUS=xin chào"]


def test_notify_reaches_an_abstract_socket(abstract_notify_socket):
    assert abstract_notify_socket.name.startswith("@")
    assert sdnotify.notify("READY=1", {"NOTIFY_SOCKET": abstract_notify_socket.name})
    assert abstract_notify_socket.messages() == ["READY=1"]


def test_notify_survives_a_vanished_socket(tmp_path):
    assert sdnotify.notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False


def test_watchdog_interval_is_half_of_watchdog_sec():
    assert sdnotify.watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert sdnotify.watchdog_interval({}) is None
    assert sdnotify.watchdog_interval({"WATCHDOG_USEC": "x"}) is None


def test_watchdog_tick_is_ready_then_rate_limited(notify_socket):
    clock = FakeClock()
    dog = Watchdog(environ={"NOTIFY_SOCKET": notify_socket.name, "WATCHDOG_USEC": "10000000"}, clock=clock)
    assert dog.tick() is True
    assert notify_socket.messages() == ["READY=1\nWATCHDOG=1"]
    for _ in range(1000):                      # a main loop at full speed: no pings before 5 s
        assert dog.tick() is False
    clock.now += 5.0
    assert dog.tick() is True
    assert notify_socket.messages() == ["WATCHDOG=1"]


def test_server_watchdog_pings_only_when_healthy(tmp_path, notify_socket):
    import socket
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0)); listener.listen()
    port = listener.getsockname()[1]

    class Service:
        lock = threading.RLock()
        store = Store(tmp_path / "h.db")

    env = {"NOTIFY_SOCKET": notify_socket.name, "WATCHDOG_USEC": "4000000"}
    checker = ServerWatchdog(Service, "0.0.0.0", port, Watchdog(environ=env), lock_timeout=0.1)
    assert checker.check_once() is True
    assert notify_socket.messages()[0].startswith("READY=1\nWATCHDOG=1")

    held = threading.Event(); release = threading.Event()

    def hold():                                 # an action stuck while holding the queue lock
        with Service.lock:
            held.set(); release.wait(5)
    threading.Thread(target=hold).start()
    held.wait(2)
    assert checker.check_once() is False
    (message,) = notify_socket.messages()
    assert message.startswith("STATUS=") and "lock" in message and "WATCHDOG" not in message
    release.set()

    listener.close()                            # the HTTP port is gone
    assert checker.check_once() is False
    assert "WATCHDOG=1" not in "".join(notify_socket.messages())
    Service.store.close()
