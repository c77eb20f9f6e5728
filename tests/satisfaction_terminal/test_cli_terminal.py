"""`motcua terminal`: documented options, and a clear message when the token is missing."""
from queue_server.cli import build_parser, main


def test_cli_terminal_is_a_motcua_subcommand_with_help():
    parser = build_parser()
    args = parser.parse_args(["terminal", "--counter", "2", "--token", "abc", "--headless", "--size", "800x480"])
    assert (args.counter, args.token, args.headless, args.size) == (2, "abc", True, "800x480")
    sub = next(a for a in parser._subparsers._group_actions[0].choices.items() if a[0] == "terminal")[1]
    assert all(action.help for action in sub._actions)


def test_cli_terminal_without_token_says_how_to_get_one(monkeypatch, capsys):
    monkeypatch.delenv("MOTCUA_TERMINAL_TOKEN", raising=False)
    assert main(["terminal", "--counter", "1", "--token", "", "--headless"]) == 2
    assert "motcua device add" in capsys.readouterr().err


def test_cli_terminal_bad_counter_is_a_configuration_error(capsys):
    assert main(["terminal", "--counter", "0", "--token", "x", "--headless"]) == 2
    assert "counter" in capsys.readouterr().err
