"""Draw the web app's icons (the same two figures as cms/static/img/icon.svg).

Run ``python -m courses.learning.icons`` after changing the drawing; the
PNG files it writes to courses/static/learning/ are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

PLUM = (122, 31, 92)
CREAM = (253, 246, 236)
SUN = (232, 163, 23)
OUT = Path(__file__).resolve().parent.parent / "static" / "learning"


def draw(size, *, maskable=False):
    """The icon at ``size`` pixels. A maskable icon fills the square and keeps
    the figures inside the central 80 % that every launcher shape shows."""
    scale = 4  # draw large, then shrink: smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=PLUM)
        unit, offset = big * 0.7 / 64, big * 0.15
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 14 / 64, fill=PLUM)
        unit, offset = big / 64, 0

    def at(x, y):
        return offset + x * unit, offset + y * unit

    for cx, colour in ((22, CREAM), (42, SUN)):
        x0, y0 = at(cx - 7, 17)
        x1, y1 = at(cx + 7, 31)
        pen.ellipse((x0, y0, x1, y1), fill=colour)
        # A body: half an ellipse 24 wide, 34 tall, cut at y=52.
        bx0, by0 = at(cx - 12, 35)
        bx1, by1 = at(cx + 12, 69)
        body = Image.new("L", (big, big), 0)
        ImageDraw.Draw(body).ellipse((bx0, by0, bx1, by1), fill=255)
        cut = Image.new("L", (big, big), 0)
        ImageDraw.Draw(cut).rectangle((*at(0, 0), *at(64, 52)), fill=255)
        mask = Image.composite(body, Image.new("L", (big, big), 0), cut)
        image.paste(Image.new("RGBA", (big, big), CREAM), (0, 0), mask)
    # A 64-colour palette keeps the edges smooth at a third of the weight.
    return image.resize((size, size), Image.LANCZOS).quantize(64, Image.Quantize.FASTOCTREE)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
