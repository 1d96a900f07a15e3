"""Convert a .doc/.wps to .docx through Word or WPS themselves (COM automation), where no
LibreOffice is installed: most county PCs have Word or WPS and nothing else.

With pywin32 (win32com) present it is used; otherwise, on Windows, PowerShell drives the
same COM objects (PowerShell is part of every Windows since 7, so the bundle needs no
pywin32). The program runs hidden, opens the copy read-only and saves it as .docx; each
of Word, WPS (KWPS is its current ProgID) is tried in turn.
"""

from __future__ import annotations

import base64
import contextlib
import os
import subprocess
from pathlib import Path

PROGIDS = ("Word.Application", "KWPS.Application", "WPS.Application")
"""Word, then WPS (new and old ProgIDs)."""
DOCX_FORMAT = 16
"""wdFormatXMLDocument: Word's (and WPS's) number for .docx in SaveAs."""
WINDOWS = os.name == "nt"
"""PowerShell is there (the tests set it to simulate Windows)."""
SECONDS = 120


def office_convert(source: Path, target: Path) -> str:
    """Save `source` as the .docx `target` with Word or WPS; the program's name that did it,
    or '' when none could (not Windows, neither installed, or the file refused)."""
    try:
        import win32com.client  # pywin32, where installed; not a dependency
    except ImportError:
        return _by_powershell(source, target) if WINDOWS else ""
    for progid in PROGIDS:
        if _by_win32com(win32com.client, progid, source, target) and target.is_file():
            return _name(progid)
    return ""


def _by_win32com(client, progid: str, source: Path, target: Path) -> bool:
    try:
        app = client.DispatchEx(progid)
    except Exception:  # pywintypes.com_error: that program is not installed
        return False
    try:
        app.Visible = False
        app.DisplayAlerts = 0
        document = app.Documents.Open(str(source), False, True)  # no conversion prompt, read-only
        try:
            document.SaveAs(str(target), DOCX_FORMAT)
        finally:
            document.Close(False)
        return True
    except Exception:  # com_error: the program could not open or save this file
        return False
    finally:
        with contextlib.suppress(Exception):
            app.Quit()


def powershell_script(source: Path, target: Path) -> str:
    """The PowerShell that opens `source` in Word or WPS and saves it as .docx at `target`;
    prints the ProgID that did."""
    quoted = [str(p).replace("'", "''") for p in (source, target)]
    ids = ", ".join(f"'{p}'" for p in PROGIDS)
    return f"""$ErrorActionPreference = 'Stop'
$source = '{quoted[0]}'
$target = '{quoted[1]}'
foreach ($id in @({ids})) {{
  try {{ $app = New-Object -ComObject $id }} catch {{ continue }}
  try {{
    $app.Visible = $false
    $app.DisplayAlerts = 0
    $doc = $app.Documents.Open($source, $false, $true)
    $doc.SaveAs($target, {DOCX_FORMAT})
    $doc.Close($false)
    $app.Quit()
    if (Test-Path -LiteralPath $target) {{ Write-Output $id; exit 0 }}
  }} catch {{ try {{ $app.Quit() }} catch {{ }} }}
}}
exit 1
"""


def run_powershell(script: str) -> subprocess.CompletedProcess:
    """Run the script hidden; -EncodedCommand (UTF-16) keeps Chinese paths whole and is not
    subject to the script execution policy."""
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    command = ["powershell", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=SECONDS,
        check=False,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )


def _by_powershell(source: Path, target: Path) -> str:
    try:
        done = run_powershell(powershell_script(source, target))
    except (OSError, subprocess.SubprocessError):
        return ""
    said = done.stdout.strip().splitlines()
    if done.returncode != 0 or not target.is_file() or not said:
        return ""
    return _name(said[-1].strip())


def _name(progid: str) -> str:
    return "Word" if progid.startswith("Word") else "WPS"
