"""argparse speaking Chinese in one line: a bad command line is bad input like any other.

argparse's own error prints two lines of English usage; a county user typing
`peakplan import-plan -x.txt` (a file name starting with a dash) learns nothing from it.
Here the error is one line on stderr, in Chinese, exit 2; a file name starting with a
dash is named as such, with the two ways to give it (`./-x.txt` or `-- -x.txt`).
"""

from __future__ import annotations

import argparse
import re
import sys

from app.cli.common import EXIT_BAD_INPUT

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "不认识的参数：{0}"),
    (
        re.compile(r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.+)\)"),
        "参数 {0} 不能是“{1}”（可选：{2}）",
    ),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面缺少取值"),
    (
        re.compile(r"argument (\S+): not allowed with argument (\S+)"),
        "参数 {0} 与 {1} 不能同时使用",
    ),
    (re.compile(r"argument (\S+): (.+)"), "参数 {0} 有误：{1}"),
)


def chinese(message: str) -> str:
    """argparse's English message in Chinese (the original kept when it is not known)."""
    for pattern, words in _MESSAGES:
        found = pattern.fullmatch(message.strip())
        if found:
            return words.format(*found.groups())
    return message


GIVEN: list[str] = []
"""The arguments being parsed (main sets them): a file name starting with a dash is named."""


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one Chinese line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        text = chinese(message)
        dashed = [a for a in GIVEN if a.startswith("-") and "." in a]
        if ("不认识的参数" in text or "缺少参数" in text) and dashed:
            text += f"；以 - 开头的文件名请写作 ./{dashed[0]} 或在文件名前加 --"
        print(f"{self.prog}: {text}（用法见 {self.prog} --help）", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)
