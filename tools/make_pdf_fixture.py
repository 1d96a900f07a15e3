"""Typeset a plan's text copy as a PDF the way a government office prints it.

The PDF reader's tests need a PDF whose text copy is known exactly: this writes
the paragraphs of a .txt (one paragraph a line) into a flat ODF document with a
running head, page numbers that alternate "— N —" and "- N -", first-line
indents, a spaced-out title ("实 施 方 案") and a footnote, and has LibreOffice
print it. The PDF is committed as a fixture; the tool says how it was made.

    python tools/make_pdf_fixture.py SOURCE.txt OUT.pdf --head "……" [--chars 14000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.soffice import find_soffice

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
FOOTNOTE = "本文所称碳排放，指二氧化碳排放。"

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Serif" svg:font-family="'Noto Serif CJK SC'"
   xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:line-height="28pt"/>
   <style:text-properties style:font-name="Serif" style:font-name-asian="Serif"
    fo:font-size="14pt" style:font-size-asian="14pt"/>
  </style:default-style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="28pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="14pt"/>
   <style:text-properties fo:font-size="20pt" style:font-size-asian="20pt"/>
  </style:style>
  <style:style style:name="Edge" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph">
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
    fo:margin-top="25mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
   <style:header-style><style:header-footer-properties fo:margin-bottom="6mm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:margin-top="6mm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:header><text:p text:style-name="Edge">{head}</text:p></style:header>
   <style:footer><text:p text:style-name="Edge">— <text:page-number text:select-page="current"/> —</text:p></style:footer>
   <style:footer-left><text:p text:style-name="Edge">- <text:page-number text:select-page="current"/> -</text:p></style:footer-left>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document>
"""


def paragraphs(source: Path, chars: int) -> list[str]:
    """The source's non-empty lines up to about `chars` characters, ending before a chapter."""
    out: list[str] = []
    total = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if total >= chars and re.match(r"^[一二三四五六七八九十]+、", line):
            break
        out.append(line)
        total += len(line)
    return out


def body_xml(lines: list[str], title: str) -> str:
    parts = []
    noted = False
    for line in lines:
        if line == title:
            spaced = " ".join(line[-4:])  # "实 施 方 案": the title's last words spaced out
            parts.append(f'<text:p text:style-name="Title">{escape(line[:-4])}</text:p>')
            parts.append(f'<text:p text:style-name="Title">{escape(spaced)}</text:p>')
            continue
        text = escape(line)
        if not noted and "碳排放" in line and not HEADING.match(line):
            at = text.index("碳排放") + 3
            note = (
                '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                f'<text:note-body><text:p text:style-name="Footnote">{escape(FOOTNOTE)}</text:p>'
                "</text:note-body></text:note>"
            )
            text = text[:at] + note + text[at:]
            noted = True
        parts.append(f'<text:p text:style-name="Body">{text}</text:p>')
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--head", required=True, help="the running head printed on every page")
    parser.add_argument("--title", required=True, help="the plan's title line in the source")
    parser.add_argument("--chars", type=int, default=14000)
    parser.add_argument("--text-copy", type=Path, help="also write the excerpt as .txt here")
    args = parser.parse_args()
    lines = paragraphs(args.source, args.chars)
    if args.text_copy:  # the footnote as a text copy has it: a marker, and the note set apart
        copy = list(lines)
        for i, line in enumerate(copy):
            if "碳排放" in line and not HEADING.match(line):
                copy[i] = line.replace("碳排放", "碳排放¹", 1)
                break
        copy.append("¹" + FOOTNOTE)
        args.text_copy.write_text("\n".join(copy) + "\n", encoding="utf-8")
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is needed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        fodt = Path(folder) / (args.output.stem + ".fodt")
        fodt.write_text(
            TEMPLATE.format(head=escape(args.head), body=body_xml(lines, args.title)),
            encoding="utf-8",
        )
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(fodt),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copy(Path(folder) / (args.output.stem + ".pdf"), args.output)
    print(f"{args.output}: {len(lines)} paragraphs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
