"""`motcua tls init|pin`: the centre's certificate authority and the server's HTTPS certificate."""
from __future__ import annotations

from pathlib import Path


def cmd_tls_init(args) -> int:
    from .tls import TLS_DIR, init_tls, pin_of
    directory = init_tls(args.dir or TLS_DIR, args.name, args.ip, renew=args.renew)
    print(f"motcua: TLS in {directory}: ca.pem, server.pem, server.key")
    print(f"  serve:  motcua server --tls-cert {directory / 'server.pem'} --tls-key {directory / 'server.key'}")
    print(f"  CA pin (for `motcua pair … --ca-pin`): {pin_of((directory / 'ca.pem').read_bytes())}")
    return 0


def cmd_tls_pin(args) -> int:
    from .tls import TLS_DIR, fingerprint, pin_of
    pem = (Path(args.dir or TLS_DIR) / "ca.pem").read_bytes()
    print(f"{pin_of(pem)}\n(SHA-256 {fingerprint(pem)})")
    return 0


def add_tls_commands(sub) -> None:
    p = sub.add_parser("tls", help="HTTPS: tạo CA của trung tâm và chứng chỉ máy chủ / "
                                   "HTTPS: make the centre's CA and the server certificate")
    tsub = p.add_subparsers(dest="tls_command", required=True)
    t = tsub.add_parser("init", help="tạo CA (một lần) và chứng chỉ máy chủ trong /etc/motcua/tls / "
                                     "make the CA (once) and the server's certificate in /etc/motcua/tls")
    t.add_argument("--dir", default=None, help="thư mục (mặc định /etc/motcua/tls) / where (default /etc/motcua/tls)")
    t.add_argument("--name", action="append", default=[], help="tên DNS của máy chủ (có thể lặp lại) / "
                                                               "a DNS name of the server (repeatable)")
    t.add_argument("--ip", action="append", default=[], help="địa chỉ IP của máy chủ (có thể lặp lại; "
                   "tự thêm địa chỉ của máy này) / an IP address of the server (repeatable; "
                   "this machine's are added)")
    t.add_argument("--renew", action="store_true", help="tạo chứng chỉ máy chủ mới (giữ CA: thiết bị vẫn chạy) / "
                                                        "make a new server certificate (same CA: devices keep working)")
    t.set_defaults(func=cmd_tls_init)
    t = tsub.add_parser("pin", help="in mã ghim CA mà thiết bị kiểm tra khi ghép nối / "
                                    "print the CA pin devices check while pairing")
    t.add_argument("--dir", default=None, help="thư mục (mặc định /etc/motcua/tls) / where (default /etc/motcua/tls)")
    t.set_defaults(func=cmd_tls_pin)
