"""Draws the app icons (public/icons/*.png, icon.svg): a seawall under a rising tide.

Run once when the design changes: `python3 scripts/make-icons.py` (needs Pillow). The PNGs are
committed, so building the app never needs Python.
"""
from PIL import Image, ImageDraw

TEAL, SAND, STONE, WHITE = (11, 95, 99), (246, 244, 239), (168, 100, 28), (255, 255, 255)

def draw(size, maskable):
    img = Image.new("RGB", (size, size), TEAL)
    d = ImageDraw.Draw(img)
    s = size / 512
    # Maskable icons keep their art inside the central 80 % safe zone.
    k = 0.72 if maskable else 1.0
    def p(x, y):
        return (256 + (x - 256) * k) * s, (256 + (y - 256) * k) * s
    # Three tide waves.
    for i, y in enumerate((150, 215, 280)):
        pts = []
        for x in range(96, 417, 4):
            import math
            pts.append(p(x, y + 18 * math.sin((x - 96) / 320 * 2 * math.pi * 1.5 + i)))
        d.line(pts, fill=WHITE, width=max(2, int(22 * s * k)), joint="curve")
    # The stone seawall: courses of blocks.
    x0, x1, top = 96, 416, 330
    for row in range(3):
        y = top + row * 40
        off = 0 if row % 2 == 0 else 40
        for x in range(x0 - off, x1, 80):
            a, b = max(x, x0), min(x + 76, x1)
            if b - a > 10:
                d.rectangle([p(a, y), p(b, y + 36)], fill=SAND if row else STONE)
    return img

for name, size, mask in (("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)):
    # Four colours and no anti-aliasing: a 2-bit palette PNG is a third of the RGB one's size,
    # and the icons are in every phone's precache (docs/size.md).
    draw(size, mask).quantize(colors=4, method=Image.Quantize.MEDIANCUT).save(
        f"public/icons/{name}", optimize=True, bits=2)

svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b5f63"/>
<path d="M12 20q5-5 10 0t10 0 10 0 10 0M12 29q5-5 10 0t10 0 10 0 10 0" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/>
<path d="M12 40h40v5H12z" fill="#a8641c"/><path d="M12 46h40v5H12zM12 52h40v4H12z" fill="#f6f4ef"/></svg>
"""
open("public/icons/icon.svg", "w").write(svg)
