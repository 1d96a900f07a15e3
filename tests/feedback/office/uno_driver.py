"""Drive LibreOffice through its UNO API as an office user would: open a file, turn record
changes on, type over words, comment, split and merge paragraphs, accept all, save as .docx
or .doc; or fill a 反馈意见表 in Writer or Calc (title rows, merged cells).

Runs under the system Python that has `uno` (Debian's python3-uno), not the project's venv:
tests/feedback/office/__init__.py starts it in a subprocess with a JSON list of jobs.

    /usr/bin/python3 uno_driver.py jobs.json
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK
FILTERS = {
    ".docx": "MS Word 2007 XML",
    ".doc": "MS Word 97",
    ".xlsx": "Calc MS Excel 2007 XML",
}


def _props(**values) -> tuple:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


class Office:
    """One headless soffice on a private pipe with a throwaway profile."""

    def __init__(self, soffice: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="peakplan-uno-"))
        self.pipe = "peakplan_" + uuid.uuid4().hex[:12]
        self.process = subprocess.Popen(
            [
                soffice,
                f"-env:UserInstallation={self.profile.as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                f"--accept=pipe,name={self.pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("UNO_DEBUG") else subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        for _ in range(240):
            try:
                self.context = resolver.resolve(url)
                break
            except NoConnectException:
                if self.process.poll() is not None:
                    raise RuntimeError("soffice exited before accepting a connection") from None
                time.sleep(0.25)
        else:
            raise RuntimeError("soffice did not accept a connection in 60 s")
        self.author = ""
        self.smgr = self.context.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.context
        )
        self.dispatcher = self.smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.context
        )

    def set_author(self, name: str) -> None:
        """The user name LibreOffice writes as the author of changes and comments."""
        provider = self.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.context
        )
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            _props(nodepath="/org.openoffice.UserProfile/Data"),
        )
        self.author = name
        access.setPropertyValue("givenname", name)
        access.setPropertyValue("sn", "")
        access.commitChanges()

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge goes down with the office
            self.desktop.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------- Writer edits


def _paragraphs(doc):
    """The body's paragraphs (tables left out), in order."""
    items = doc.getText().createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            yield item


def _find(doc, words: str, nth: int = 0):
    """A cursor selecting the nth occurrence of the words in one body paragraph (the search
    service needs a layout, which a document loaded without a window has not)."""
    seen = 0
    for paragraph in _paragraphs(doc):
        text = paragraph.getString()
        at = text.find(words)
        while at >= 0:
            if seen == nth:
                cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
                cursor.goRight(at, False)
                cursor.goRight(len(words), True)
                return cursor
            seen += 1
            at = text.find(words, at + 1)
    raise LookupError(f"not in the document: {words!r}")


def _dispatch(office: Office, doc, command: str) -> None:
    frame = doc.getCurrentController().getFrame()
    office.dispatcher.executeDispatch(frame, command, "", 0, ())


def _writer_step(office: Office, doc, step: dict) -> None:
    op = step["op"]
    if op == "track":
        doc.RecordChanges = bool(step.get("on", True))
    elif op == "replace":  # select the words and type over them
        found = _find(doc, step["find"], step.get("nth", 0))
        found.setString(step["with"])
    elif op == "delete":
        _find(doc, step["find"], step.get("nth", 0)).setString("")
    elif op == "insert_after":
        found = _find(doc, step["find"], step.get("nth", 0))
        cursor = found.getText().createTextCursorByRange(found.getEnd())
        cursor.getText().insertString(cursor, step["text"], False)
    elif op == "comment":
        found = _find(doc, step["find"], step.get("nth", 0))
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = step.get("author", office.author)
        note.Content = step["text"]
        note.Initials = note.Author[:2]
        stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
        stamp.Year, stamp.Month, stamp.Day, stamp.Hours = 2023, 8, 20, 10
        note.DateTimeValue = stamp  # the .docx export needs a date on each comment
        # LibreOffice 7.4 refuses a comment over a range through the API ("no SwTextAttr
        # inserted?"): the comment goes where the cursor stands after the words
        cursor = found.getText().createTextCursorByRange(found.getEnd())
        found.getText().insertTextContent(cursor, note, False)
    elif op == "split":  # Enter typed right after the words
        found = _find(doc, step["find"], step.get("nth", 0))
        cursor = found.getText().createTextCursorByRange(found.getEnd())
        cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    elif op == "merge":  # Delete typed at the end of the paragraph holding the words
        found = _find(doc, step["find"], step.get("nth", 0))
        cursor = found.getText().createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        cursor.goRight(1, True)
        cursor.setString("")
    elif op == "delete_paragraph":  # the paragraph holding the words, its break with it
        found = _find(doc, step["find"], step.get("nth", 0))
        cursor = found.getText().createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        cursor.setString("")
    elif op == "new_paragraph":  # a paragraph typed in after the one holding the words
        found = _find(doc, step["find"], step.get("nth", 0))
        cursor = found.getText().createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.getText().insertString(cursor, step["text"], False)
    elif op == "accept_all":
        _dispatch(office, doc, ".uno:AcceptAllTrackedChanges")
    elif op == "text":
        _writer_text(doc, step["lines"])
    elif op == "table":
        _writer_table(doc, step)
    else:
        raise ValueError(f"unknown step {op}")


def _writer_text(doc, lines: list[str]) -> None:
    """A new document's paragraphs (a letter)."""
    text = doc.getText()
    cursor = text.createTextCursorByRange(text.getEnd())
    for k, line in enumerate(lines):
        if k:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, line, False)


def _writer_table(doc, step: dict) -> None:
    """A table with the rows given; `merge`: ranges like "A1:E1" merged (a title row)."""
    rows = step["rows"]
    columns = max(len(r) for r in rows)
    text = doc.getText()
    for line in step.get("before", []):
        cursor = text.createTextCursorByRange(text.getEnd())
        text.insertString(cursor, line, False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(len(rows), columns)
    text.insertTextContent(text.getEnd(), table, False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.getCellByPosition(c, r).setString(value)
    for cells in step.get("merge", []):
        first, last = cells.split(":")
        cursor = table.createCursorByCellName(first)
        cursor.gotoCellByName(last, True)
        cursor.mergeRange()


# ---------------------------------------------------------------- Calc


def _calc_step(doc, step: dict) -> None:
    sheet = doc.getSheets().getByIndex(0)
    if step["op"] == "cells":
        top = step.get("top", 0)
        for r, row in enumerate(step["rows"]):
            for c, value in enumerate(row):
                if value != "":
                    sheet.getCellByPosition(c, top + r).setString(str(value))
        for cells in step.get("merge", []):
            sheet.getCellRangeByName(cells).merge(True)
    else:
        raise ValueError(f"unknown step {step['op']}")


def run_job(office: Office, job: dict) -> None:
    source = job.get("source")
    if source:  # a private copy: a lock file beside a shared source would stop the loading
        copy = office.profile / f"source-{uuid.uuid4().hex[:8]}{Path(source).suffix}"
        shutil.copyfile(source, copy)
        source = str(copy)
    if source and job.get("window"):  # accept-all is a command of the window
        doc = office.desktop.loadComponentFromURL(copy.as_uri(), "_blank", 0, _props(Hidden=True))
        if doc is None:
            raise RuntimeError(f"LibreOffice did not open {source}")
    elif source:
        # the model alone: the -nogui LibreOffice aborts laying out a comment in a window
        doc = office.smgr.createInstanceWithContext(
            "com.sun.star.text.TextDocument", office.context
        )
        suffix = Path(source).suffix.lower()
        doc.load(_props(URL=Path(source).resolve().as_uri(), FilterName=FILTERS[suffix]))
    else:
        kind = "scalc" if job.get("calc") else "swriter"
        doc = office.desktop.loadComponentFromURL(
            f"private:factory/{kind}", "_blank", 0, _props(Hidden=True)
        )
    try:
        for step in job.get("steps", []):
            if job.get("calc"):
                _calc_step(doc, step)
            else:
                _writer_step(office, doc, step)
        out = Path(job["out"]).resolve()
        doc.storeToURL(out.as_uri(), _props(FilterName=FILTERS[out.suffix.lower()]))
    finally:
        doc.close(True)


def main(argv: list[str]) -> int:
    jobs = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    office = Office(os.environ.get("PEAKPLAN_SOFFICE") or shutil.which("soffice") or "soffice")
    try:
        for job in jobs:  # each job saved by its own author (none: no name)
            office.set_author(job.get("author", ""))
            run_job(office, job)
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
