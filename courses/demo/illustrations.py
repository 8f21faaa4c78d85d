"""Illustrations for the starter curriculum, drawn here with Pillow.

Flat shapes in the site's palette, no faces, no photographs: they print
well in black and white and weigh little once Wagtail makes renditions.
Each drawing is deterministic, so loading the demo twice gives the same file.
"""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
SCALE = 2  # draw large, then shrink: smooth edges without extra libraries

PLUM = (122, 31, 92)
TEAL = (15, 107, 92)
SUN = (232, 163, 23)
CORAL = (214, 92, 74)
SKY = (214, 234, 240)
CREAM = (253, 246, 236)
INK = (45, 33, 52)
LEAF = (126, 176, 96)


def _canvas(background=CREAM):
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
    return image, ImageDraw.Draw(image)


def _circle(draw, cx, cy, r, fill, outline=None, width=0):
    s = SCALE
    draw.ellipse(
        [(cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s],
        fill=fill,
        outline=outline,
        width=width * s,
    )


def _line(draw, points, fill, width):
    draw.line(
        [(x * SCALE, y * SCALE) for x, y in points], fill=fill, width=width * SCALE, joint="curve"
    )


def _poly(draw, points, fill):
    draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)


def _rect(draw, box, fill, radius=0, outline=None, width=0):
    draw.rounded_rectangle(
        [v * SCALE for v in box],
        radius=radius * SCALE,
        fill=fill,
        outline=outline,
        width=width * SCALE,
    )


def _figure(draw, cx, cy, colour, size=1.0):
    """A person as two simple shapes: a head and a rounded body."""
    _circle(draw, cx, cy - 70 * size, 28 * size, colour)
    _rect(
        draw,
        (cx - 42 * size, cy - 34 * size, cx + 42 * size, cy + 70 * size),
        colour,
        radius=40 * size,
    )


def _heart(draw, cx, cy, size, fill):
    _circle(draw, cx - size / 2, cy - size / 4, size / 2, fill)
    _circle(draw, cx + size / 2, cy - size / 4, size / 2, fill)
    _poly(draw, [(cx - size, cy - size / 8), (cx + size, cy - size / 8), (cx, cy + size)], fill)


def cover_autoestima():
    image, draw = _canvas()
    _circle(draw, 600, 400, 330, SKY)
    colours = [PLUM, TEAL, CORAL, SUN, PLUM, TEAL, CORAL, SUN]
    points = []
    for i, colour in enumerate(colours):
        angle = 2 * math.pi * i / len(colours) - math.pi / 2
        x, y = 600 + 230 * math.cos(angle), 420 + 200 * math.sin(angle)
        points.append((x, y))
        _figure(draw, x, y, colour, 0.8)
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        _line(draw, [(x1, y1 - 5), (x2, y2 - 5)], INK, 6)
    _heart(draw, 600, 400, 70, CORAL)
    return image


def cover_derechos():
    image, draw = _canvas()
    _rect(draw, (180, 150, 1020, 690), SKY, radius=30)
    _poly(draw, [(250, 200), (590, 240), (590, 660), (250, 620)], (255, 255, 255))
    _poly(draw, [(610, 240), (950, 200), (950, 620), (610, 660)], (255, 255, 255))
    _line(draw, [(600, 235), (600, 665)], INK, 8)
    for i in range(6):
        y = 290 + i * 55
        _line(draw, [(290, y + i * 2), (540, y + 20 + i * 2)], (190, 190, 200), 10)
    shield = [(780, 270), (900, 310), (890, 470), (780, 580), (670, 470), (660, 310)]
    _poly(draw, shield, PLUM)
    _line(draw, [(725, 420), (770, 470), (850, 360)], (255, 255, 255), 22)
    return image


def cover_incidencia():
    image, draw = _canvas()
    _circle(draw, 930, 200, 120, SUN)
    _poly(draw, [(220, 430), (520, 290), (520, 650), (220, 520)], PLUM)
    _rect(draw, (160, 420, 240, 530), INK, radius=14)
    _rect(draw, (510, 280, 560, 660), TEAL, radius=20)
    _poly(draw, [(300, 520), (370, 520), (400, 650), (330, 650)], INK)
    for i, (x, y, w) in enumerate([(640, 330, 200), (700, 470, 260), (640, 600, 180)]):
        colour = [CORAL, TEAL, SUN][i]
        _rect(draw, (x, y - 50, x + w, y + 40), colour, radius=40)
        _poly(draw, [(x + 10, y + 20), (x - 30, y + 50), (x + 40, y + 30)], colour)
    return image


def red_de_cuidado():
    image, draw = _canvas((246, 250, 248))
    centre = (600, 400)
    around = [
        (600 + 280 * math.cos(a), 400 + 260 * math.sin(a))
        for a in [2 * math.pi * i / 5 - math.pi / 2 for i in range(5)]
    ]
    for point in around:
        _line(draw, [centre, point], INK, 8)
    for a, b in zip(around, around[1:] + around[:1], strict=True):
        _line(draw, [a, b], (170, 170, 180), 4)
    for point, colour in zip(around, [TEAL, CORAL, SUN, TEAL, CORAL], strict=True):
        _circle(draw, *point, 70, colour)
    _circle(draw, *centre, 95, PLUM)
    _heart(draw, 600, 395, 36, (255, 255, 255))
    return image


def arbol_de_problemas():
    image, draw = _canvas(SKY)
    _rect(draw, (0, 520, 1200, 800), (214, 190, 160))
    for dx in (-200, -110, 0, 110, 200):
        _line(draw, [(600, 540), (600 + dx * 0.6, 640), (600 + dx * 1.4, 760)], (120, 80, 50), 18)
    _poly(draw, [(550, 560), (650, 560), (630, 300), (570, 300)], (120, 80, 50))
    for dx, dy in ((-150, -140), (150, -140), (-90, -230), (90, -230)):
        _line(draw, [(600, 340), (600 + dx, 300 + dy)], (120, 80, 50), 20)
    for cx, cy, r in (
        (600, 190, 170),
        (400, 260, 130),
        (800, 260, 130),
        (490, 120, 110),
        (710, 120, 110),
    ):
        _circle(draw, cx, cy, r, LEAF)
    for cx, cy in ((450, 220), (760, 200), (600, 120), (560, 290)):
        _circle(draw, cx, cy, 22, CORAL)
    return image


def ruta_de_denuncia():
    image, draw = _canvas((244, 248, 244))
    path = [(120, 650), (380, 600), (520, 470), (700, 430), (860, 300), (1080, 170)]
    _line(draw, path, (214, 190, 160), 70)
    _line(draw, path, (255, 255, 255), 8)
    for (x, y), colour in zip(path[1:5], [TEAL, PLUM, CORAL, SUN], strict=True):
        _circle(draw, x, y, 58, colour)
        _circle(draw, x, y, 30, (255, 255, 255))
    for i, (x, y) in enumerate(path[1:5], start=1):
        for n in range(i):
            _circle(draw, x - (i - 1) * 9 + n * 18, y, 7, INK)
    _poly(draw, [(1080, 100), (1080, 210), (1160, 130)], CORAL)
    _line(draw, [(1080, 100), (1080, 260)], INK, 8)
    return image


def mapa_de_poder():
    image, draw = _canvas((255, 255, 255))
    _rect(draw, (150, 80, 1050, 720), CREAM, radius=20, outline=INK, width=4)
    _line(draw, [(600, 80), (600, 720)], INK, 6)
    _line(draw, [(150, 400), (1050, 400)], INK, 6)
    _poly(draw, [(1050, 385), (1090, 400), (1050, 415)], INK)
    _poly(draw, [(585, 80), (600, 40), (615, 80)], INK)
    dots = [
        (300, 200, 60, CORAL),
        (450, 300, 35, CORAL),
        (760, 180, 70, TEAL),
        (930, 290, 40, TEAL),
        (320, 560, 30, SUN),
        (480, 620, 45, SUN),
        (800, 560, 55, PLUM),
        (950, 640, 25, PLUM),
    ]
    for x, y, r, colour in dots:
        _circle(draw, x, y, r, colour)
    return image


DRAWINGS = {
    "cover-autoestima": cover_autoestima,
    "cover-derechos": cover_derechos,
    "cover-incidencia": cover_incidencia,
    "red-de-cuidado": red_de_cuidado,
    "arbol-de-problemas": arbol_de_problemas,
    "ruta-de-denuncia": ruta_de_denuncia,
    "mapa-de-poder": mapa_de_poder,
}


def render_png(name):
    """The named illustration as PNG bytes (KeyError for an unknown name)."""
    image = DRAWINGS[name]().resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
