"""The docs stay true to the code: generated sections are current, every command is documented."""
import argparse
from pathlib import Path

import pytest

from queue_server.cli import build_parser
from queue_server.docs_gen import fill

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_docs_generated_sections_are_current(path):
    text = path.read_text(encoding="utf-8")
    assert fill(text) == text, f"{path.name} is stale: run scripts/update_docs.py"


def commands(parser, prefix="motcua"):
    """Every leaf subcommand with its help text."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield from commands(sub, f"{prefix} {name}") if _has_sub(sub) else [(f"{prefix} {name}", helps.get(name))]


def _has_sub(parser) -> bool:
    return any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)


def test_docs_every_command_has_help_and_is_documented():
    documented = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(p.read_text(encoding="utf-8") for p in DOCS)
    found = list(commands(build_parser()))
    assert len(found) >= 6
    for command, help_text in found:
        assert help_text, f"{command} has no help text"
        assert command in documented, f"{command} is not mentioned in README.md or docs/"


VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def helps(parser, prefix="motcua"):
    """(command, what, help text) of every command and option that has a help text."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", "", texts.get(name)
                yield from helps(sub, f"{prefix} {name}")
        elif action.help and action.help != argparse.SUPPRESS and not isinstance(action, argparse._HelpAction):
            yield prefix, action.option_strings[-1] if action.option_strings else action.dest, action.help


def test_cli_help_is_vietnamese_first_then_english():
    """Staff read `motcua --help` first: every command and option says it in Vietnamese, then English."""
    wrong = [(command, what, text) for command, what, text in helps(build_parser())
             if (" / " not in (text or "") or not VIETNAMESE & set(text.split(" / ")[0].lower()))]
    assert not wrong, wrong
