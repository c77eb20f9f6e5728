"""`motcua` admin subcommands: thin shells over CentreAdmin, working on the database directly.

They use the configuration the server runs (the last one saved from the admin pages, else the
TOML) and write the same audit rows as the pages, with the actor `cli:<system user>`. A revoke
from the command line stops the token at once for every request and action; a running server sees
the store's credential generation move and closes the device's open sockets within a fraction of a
second (credential_watch.py).
"""
from __future__ import annotations

from ..config import load_config
from ..storage import Store
from .manage import CentreAdmin, OfflineCentre, cli_actor, stored_config


def offline_admin(args) -> CentreAdmin:
    store = Store(args.db)
    return CentreAdmin(OfflineCentre(stored_config(store, load_config(args.config)), store))


def cmd_device_revoke(args) -> int:
    admin = offline_admin(args)
    device = admin.device_by_name(args.name)
    count = admin.revoke_device(cli_actor(admin.centre_id), device["id"])
    print(f"motcua: thiết bị {args.name}: đã thu hồi {count} mã / device {args.name}: {count} token(s) revoked")
    return 0


def cmd_device_pair_code(args) -> int:
    admin = offline_admin(args)
    device = admin.device_by_name(args.name)
    code, expires = admin.pairing_code(cli_actor(admin.centre_id), device["id"])
    print(f"motcua: mã ghép nối cho / pairing code for {args.name} (dùng một lần, đến / single use, until "
          f"{expires:%H:%M}):\n{code}\n"
          f"On the device: motcua pair {code} --server http://SERVER:5000")
    return 0


def cmd_device_list(args) -> int:
    for d in offline_admin(args).devices():
        state = "revoked" if d["live_tokens"] == 0 else "active"
        where = f"counter {d['counter']}" if d["counter"] else (d["display_group"] or "-")
        print(f"{d['name']:<24} {d['role']:<9} {where:<12} {state:<8} last seen {d['last_seen'] or 'never'}")
    return 0


def cmd_user_list(args) -> int:
    for u in offline_admin(args).users():
        print(f"{u['username']:<16} {u['role']:<10} {'active' if u['active'] else 'inactive':<8} "
              f"{u['department_id'] or '-':<10} {u['name']}")
    return 0


def cmd_audit(args) -> int:
    for r in reversed(offline_admin(args).audit_log(limit=args.limit)):
        print(f"{r['at'][:19]}  {r['actor']:<22} {r['action']:<22} {r['target']}")
        if args.verbose and (r["before"] is not None or r["after"] is not None):
            print(f"    before: {r['before']}\n    after:  {r['after']}")
    return 0


def cmd_config_reset(args) -> int:
    admin = offline_admin(args)
    count = admin.reset_config(cli_actor(admin.centre_id))
    print(f"motcua: đã bỏ {count} phiên bản cấu hình đã lưu; {args.config} áp dụng từ lần khởi động sau / "
          f"forgot {count} saved configuration version(s); {args.config} applies from the next start")
    return 0


def add_config_commands(csub, common) -> None:
    c = csub.add_parser("reset", help="bỏ cấu hình đã lưu từ trang quản trị (dùng lại tệp TOML) / "
                                      "forget the configuration saved from the admin pages (the TOML applies again)")
    common(c)
    c.set_defaults(func=cmd_config_reset)


def add_device_commands(dsub, common) -> None:
    for name, func, text in (("revoke", cmd_device_revoke,
                              "thu hồi mọi mã của một thiết bị / revoke every token of a device"),
                             ("pair-code", cmd_device_pair_code, "tạo mã ghép nối dùng một lần (15 phút) / "
                                                                 "make a one-time pairing code (15 minutes)")):
        d = dsub.add_parser(name, help=text)
        common(d)
        d.add_argument("name", help="tên thiết bị / the device's name")
        d.set_defaults(func=func)
    d = dsub.add_parser("list", help="liệt kê thiết bị, trạng thái mã và lần liên lạc cuối / "
                                     "list devices, their tokens' state and last contact")
    common(d)
    d.set_defaults(func=cmd_device_list)


def add_user_commands(usub, common) -> None:
    u = usub.add_parser("list", help="liệt kê tài khoản / list people's accounts")
    common(u)
    u.set_defaults(func=cmd_user_list)


def add_audit_parser(sub, common) -> None:
    p = sub.add_parser("audit", help="xem nhật ký thay đổi của quản trị (mới nhất ở cuối) / "
                                     "show the audit log of admin changes (newest last)")
    common(p)
    p.add_argument("--limit", type=int, default=50, help="số dòng (mặc định 50) / how many entries (default 50)")
    p.add_argument("-v", "--verbose", action="store_true", help="hiện cả nội dung thay đổi / also show what changed")
    p.set_defaults(func=cmd_audit)


