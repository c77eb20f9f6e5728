"""`motcua install|uninstall|pair|db`: thin shells over the deploy and backup libraries."""
from __future__ import annotations

import sys

from ..storage.backup import (BackupError, backup_database, integrity_problems, list_backups,
                              restore_database)
from .install import ROLES, Installer
from .pair import PairError, pair


def cmd_install(args) -> int:
    plan = Installer(args.role, prefix=args.prefix, server=args.server, dry_run=args.dry_run).install()
    print(f"motcua install {args.role}{' (dry run)' if args.dry_run else ''}:\n{plan.summary()}")
    return 0


def cmd_uninstall(args) -> int:
    plan = Installer(args.role, prefix=args.prefix, dry_run=args.dry_run).uninstall(purge=args.purge)
    print(f"motcua uninstall {args.role}{' (dry run)' if args.dry_run else ''}:\n{plan.summary()}")
    return 0


def cmd_pair(args) -> int:
    try:
        done = pair(args.code, args.server, args.role_config, ca_pin=args.ca_pin, ca_file=args.ca)
    except PairError as exc:
        print(f"motcua pair: {exc.message_vi}\n  ({exc.message_en})", file=sys.stderr)
        return 1
    device = done.device
    print(f"motcua: đã ghép nối / paired {device.get('name')} ({device.get('role')}) với {done.centre}; "
          f"token → {done.config}\nKhởi động lại / restart: sudo systemctl restart motcua-{_unit_role(device)}")
    return 0


def _unit_role(device: dict) -> str:
    return device.get("role") if device.get("role") in ROLES else "display"


def cmd_db_backup(args) -> int:
    try:
        made = backup_database(args.db, args.dest, keep_days=args.keep_days)
    except BackupError as exc:
        print(f"motcua db backup: {exc.message_vi} ({exc.message_en})", file=sys.stderr)
        return 1
    print(f"motcua: sao lưu / backup {made.path} ({made.path.stat().st_size:,} bytes, kiểm tra / checked OK); "
          f"xoá / pruned {len(made.pruned)} older than {args.keep_days} days")
    return 0


def cmd_db_check(args) -> int:
    problems = integrity_problems(args.db)
    if problems:
        print(f"motcua db check: {args.db}: LỖI / DAMAGED", file=sys.stderr)
        for line in problems[:20]:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"motcua db check: {args.db}: tốt / ok")
    return 0


def cmd_db_restore(args) -> int:
    try:
        moved = restore_database(args.file, args.db)
    except BackupError as exc:
        print(f"motcua db restore: {exc.message_vi}\n  ({exc.message_en})", file=sys.stderr)
        return 1
    kept = f"; bản cũ giữ ở / the previous one is kept as {moved}" if moved else ""
    print(f"motcua: đã khôi phục / restored {args.db} from {args.file}{kept}")
    return 0


def cmd_db_list(args) -> int:
    for path in list_backups(args.dest):
        print(f"{path}  {path.stat().st_size:>12,} bytes")
    return 0


def add_deploy_commands(sub, default_db: str) -> None:
    """Register install, uninstall, pair and db on the `motcua` parser."""
    for name, func, text in (("install", cmd_install, "cài đặt một vai trò máy: người dùng, thư mục, cấu hình, udev, "
                                                       "systemd / install a role: user, dirs, configs, udev, systemd units"),
                             ("uninstall", cmd_uninstall, "gỡ dịch vụ của một vai trò (giữ cấu hình và dữ liệu) / "
                                                          "remove a role's units (configs and data stay)")):
        p = sub.add_parser(name, help=text)
        p.add_argument("role", choices=list(ROLES), help="vai trò của máy này / what this machine is")
        p.add_argument("--prefix", default=None, help="ghi dưới thư mục gốc này, không chạy lệnh nào / "
                                                      "write under this root and run no command (CI, images)")
        p.add_argument("--dry-run", action="store_true", help="chỉ hiện việc sẽ làm / only show what would be done")
        if name == "install":
            p.add_argument("--server", default=None, help="địa chỉ máy chủ ghi vào cấu hình thiết bị / "
                                                          "the queue server URL written into device configs")
        else:
            p.add_argument("--purge", action="store_true", help="xóa cả cấu hình, dữ liệu và người dùng / "
                                                                "also delete configs, data and the user")
        p.set_defaults(func=func)

    p = sub.add_parser("pair", help="ghép nối thiết bị này bằng mã dùng một lần từ trang quản trị / "
                                    "pair this device with a one-time code from the admin page")
    p.add_argument("code", help="mã ghép nối (ví dụ ABCD2345) / the pairing code (e.g. ABCD2345)")
    p.add_argument("--server", required=True, help="địa chỉ máy chủ, ví dụ http://192.168.1.10:5000 / "
                                                   "queue server URL, e.g. http://192.168.1.10:5000")
    p.add_argument("--role-config", default=None,
                   help="tệp cấu hình lưu mã thiết bị (mặc định theo vai trò: /etc/motcua/<role>.toml) / "
                        "config file to store the token in (default by role: /etc/motcua/<role>.toml)")
    p.add_argument("--ca-pin", default=None, help="máy chủ https://: mã ghim CA hiện bên cạnh mã ghép nối / "
                                                  "https:// servers: the CA pin shown beside the pairing code")
    p.add_argument("--ca", default=None,
                   help="máy chủ https://: tệp ca.pem của trung tâm, chép tay (thay cho --ca-pin) / "
                        "https:// servers: the centre's ca.pem, copied by hand (instead of --ca-pin)")
    p.set_defaults(func=cmd_pair)

    p = sub.add_parser("db", help="sao lưu, kiểm tra, khôi phục cơ sở dữ liệu / "
                                  "database backups, integrity check, restore")
    dsub = p.add_subparsers(dest="db_command", required=True)
    d = dsub.add_parser("backup", help="sao lưu khi đang chạy, có kiểm tra; xóa bản cũ / "
                                       "an online, verified backup; old ones pruned")
    d.add_argument("--db", default=default_db, help=f"cơ sở dữ liệu (mặc định {default_db}) / "
                                                     f"the database (default {default_db})")
    d.add_argument("--dest", default="var/backups", help="thư mục sao lưu (mặc định var/backups) / "
                                                         "backup folder (default var/backups)")
    d.add_argument("--keep-days", type=int, default=30, help="xóa bản sao lưu cũ hơn số ngày này (mặc định 30) / "
                                                             "delete backups older than this (default 30)")
    d.set_defaults(func=cmd_db_backup)
    d = dsub.add_parser("check", help="kiểm tra toàn vẹn; mã thoát 1 khi hỏng / "
                                      "PRAGMA integrity_check; exit 1 when damaged")
    d.add_argument("--db", default=default_db, help=f"cơ sở dữ liệu (mặc định {default_db}) / "
                                                     f"the database (default {default_db})")
    d.set_defaults(func=cmd_db_check)
    d = dsub.add_parser("restore", help="thay cơ sở dữ liệu bằng một bản sao lưu (dừng máy chủ trước) / "
                                        "replace the database by a backup (stop the server first)")
    d.add_argument("file", help="tệp sao lưu / the backup file")
    d.add_argument("--db", default=default_db, help=f"cơ sở dữ liệu (mặc định {default_db}) / "
                                                     f"the database (default {default_db})")
    d.set_defaults(func=cmd_db_restore)
    d = dsub.add_parser("list", help="liệt kê bản sao lưu / list backups")
    d.add_argument("--dest", default="var/backups", help="thư mục sao lưu (mặc định var/backups) / "
                                                         "backup folder (default var/backups)")
    d.set_defaults(func=cmd_db_list)
