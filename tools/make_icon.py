"""Draw the app icon (resources/icons/app.png and app.ico): a green leaf-coloured tile with 碳.

    uv run --with pillow python tools/make_icon.py

Run once; the files are committed. Needs a CJK font (Noto Sans CJK).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def main() -> int:
    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, size - 8, size - 8), radius=48, fill=(34, 128, 74, 255))
    font = ImageFont.truetype(FONT, 170)
    draw.text((size / 2, size / 2 + 6), "碳", font=font, fill=(255, 255, 255, 255), anchor="mm")
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    image.save(out / "app.png")
    image.save(
        out / "app.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    print(out / "app.png", out / "app.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
