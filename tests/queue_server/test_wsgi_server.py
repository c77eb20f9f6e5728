"""The production server's parts: TCP_NODELAY per connection, TLS settings, a bounded daemon pool."""
import socket
import threading

from queue_server.wsgi_server import DaemonPool, NoDelay, server_config


def test_wsgi_server_nodelay_is_set_on_the_connection_socket():
    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
    seen = []
    app = NoDelay(lambda environ, start_response: seen.append(environ) or [b""])
    app({"gunicorn.socket": conn}, None)
    assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1 and seen
    for s in (client, conn, listener):
        s.close()


def test_wsgi_server_config_serves_tls_when_given_a_certificate(tmp_path):
    assert not server_config("127.0.0.1", 5000).is_ssl
    cfg = server_config("127.0.0.1", 5000, certfile=tmp_path / "c.pem", keyfile=tmp_path / "k.pem")
    assert cfg.is_ssl and cfg.certfile.endswith("c.pem") and cfg.keyfile.endswith("k.pem")
    assert cfg.worker_class_str == "gthread" and cfg.workers == 1


def test_wsgi_server_daemon_pool_is_bounded_and_finishes_everything():
    pool, gate, done = DaemonPool(3), threading.Event(), []
    futures = [pool.submit(lambda i=i: (gate.wait(5), done.append(i))) for i in range(10)]
    assert len(pool.threads) == 3 and all(t.daemon for t in pool.threads)
    gate.set()
    for f in futures:
        f.result(5)
    assert sorted(done) == list(range(10)) and len(pool.threads) == 3
    pool.shutdown()
