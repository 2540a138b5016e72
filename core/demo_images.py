"""The demo's pictures, drawn here with Pillow when the demo is loaded: nothing is copied from
anywhere, and nothing looks like a photograph of a real place or person.

Each scene is a flat illustration in the site's colours, 1600 × 900 (the size the release page's
largest rendition expects); a placeholder portrait is a drawn outline on a tinted disc. The data
files of the demo say which release or person uses which, with the alt texts and credits.
"""

import functools
import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
BLUE, BLUE_DARK, BLUE_LIGHT = "#0033a0", "#002270", "#e8eef9"
SKY, SAND, ORANGE, TEAL, WHITE = "#cfe0f5", "#f1e3c6", "#f29f3d", "#2a9d8f", "#ffffff"


def _canvas(background: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    return image, ImageDraw.Draw(image)


def _dialogue(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Seats in a semicircle facing a lectern, under a large globe."""
    draw.rectangle([0, 620, WIDTH, HEIGHT], fill=BLUE_DARK)
    cx, cy = WIDTH // 2, 330
    draw.ellipse([cx - 190, cy - 190, cx + 190, cy + 190], outline=BLUE, width=14)
    draw.ellipse([cx - 80, cy - 190, cx + 80, cy + 190], outline=BLUE, width=10)
    for dy in (-95, 0, 95):
        half = math.sqrt(190**2 - dy**2)
        draw.line([cx - half, cy + dy, cx + half, cy + dy], fill=BLUE, width=8)
    draw.rectangle([cx - 60, 560, cx + 60, 700], fill=ORANGE)
    for row, radius in enumerate((360, 500, 640)):
        count = 11 + 4 * row
        for i in range(count):
            angle = math.pi * (0.08 + 0.84 * i / (count - 1))
            x, y = cx - radius * math.cos(angle), 720 + row * 55 - 50 * math.sin(angle)
            colour = WHITE if rng.random() > 0.2 else ORANGE
            draw.ellipse([x - 16, y - 16, x + 16, y + 16], fill=colour)


def _coast(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Houses on a low coast, waves rising toward them, under an orange sun."""
    draw.ellipse([1180, 90, 1380, 290], fill=ORANGE)
    draw.polygon([(0, 560), (700, 520), (1000, 600), (1000, HEIGHT), (0, HEIGHT)], fill=SAND)
    for i, x in enumerate(range(90, 820, 170)):
        top = 400 + (i % 2) * 30
        draw.rectangle([x, top, x + 120, 540], fill=WHITE, outline=BLUE_DARK, width=6)
        draw.polygon([(x - 20, top), (x + 60, top - 70), (x + 140, top)], fill=BLUE_DARK)
        draw.rectangle([x + 45, top + 60, x + 75, 540], fill=BLUE)
    for band in range(6):
        y = 600 + band * 55
        points = [(x, y + 18 * math.sin(x / 60 + band)) for x in range(700, WIDTH + 40, 40)]
        draw.line(points, fill=BLUE if band % 2 else TEAL, width=14, joint="curve")


def _routes(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Dotted routes linking cities across a blue map."""
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=BLUE_DARK)
    cities = [(rng.randint(120, WIDTH - 120), rng.randint(120, HEIGHT - 120)) for _ in range(9)]
    for (x1, y1), (x2, y2) in zip(cities, cities[1:] + cities[:2], strict=False):
        steps = int(math.dist((x1, y1), (x2, y2)) // 28)
        for step in range(steps):
            t = step / max(steps, 1)
            bend = math.sin(t * math.pi) * 90
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t - bend
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=SKY)
    for x, y in cities:
        draw.ellipse([x - 26, y - 26, x + 26, y + 26], fill=ORANGE, outline=WHITE, width=6)


def _data(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A bar chart and a rising line across a grid."""
    for x in range(100, WIDTH, 100):
        draw.line([x, 80, x, 780], fill=SKY, width=2)
    for y in range(80, 800, 100):
        draw.line([100, y, WIDTH - 100, y], fill=SKY, width=2)
    heights = [rng.randint(120, 560) for _ in range(12)]
    for i, height in enumerate(heights):
        x = 150 + i * 112
        draw.rectangle([x, 780 - height, x + 70, 780], fill=BLUE if i % 3 else TEAL)
    line = [(185 + i * 112, 700 - i * 50 - rng.randint(0, 60)) for i in range(12)]
    draw.line(line, fill=ORANGE, width=12, joint="curve")
    for x, y in line:
        draw.ellipse([x - 14, y - 14, x + 14, y + 14], fill=ORANGE)


def _border(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A road crossing a border post with a raised barrier, hills behind."""
    draw.polygon(
        [(0, 520), (400, 380), (800, 500), (1200, 360), (WIDTH, 480), (WIDTH, HEIGHT), (0, HEIGHT)],
        fill="#b9d3a8",
    )
    draw.polygon([(620, HEIGHT), (760, 520), (840, 520), (980, HEIGHT)], fill="#6b6f7a")
    for y in range(560, HEIGHT, 70):
        draw.rectangle([796, y, 804, y + 35], fill=WHITE)
    draw.rectangle([980, 380, 1240, 620], fill=WHITE, outline=BLUE_DARK, width=8)
    draw.rectangle([980, 340, 1240, 390], fill=BLUE)
    draw.rectangle([1030, 450, 1110, 530], fill=SKY, outline=BLUE_DARK, width=6)
    draw.line([900, 600, 660, 330], fill=ORANGE, width=22)
    draw.rectangle([880, 590, 920, 700], fill=BLUE_DARK)


def _network(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """People as simple figures linked in a network."""
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=BLUE_LIGHT)
    spots = [(220 + (i % 5) * 290, 250 + (i // 5) * 380) for i in range(10)]
    for a in range(len(spots)):
        for b in range(a + 1, len(spots)):
            if rng.random() < 0.3:
                draw.line([spots[a], spots[b]], fill=SKY, width=6)
    for i, (x, y) in enumerate(spots):
        colour = (BLUE, TEAL, ORANGE)[i % 3]
        draw.ellipse([x - 40, y - 120, x + 40, y - 40], fill=colour)
        draw.pieslice([x - 90, y - 30, x + 90, y + 150], 180, 360, fill=colour)


Drawing = Callable[[ImageDraw.ImageDraw, random.Random], None]
SCENES: dict[str, tuple[Drawing, str]] = {
    "dialogue": (_dialogue, BLUE_LIGHT),
    "coast": (_coast, SKY),
    "routes": (_routes, BLUE_DARK),
    "data": (_data, WHITE),
    "border": (_border, SKY),
    "network": (_network, BLUE_LIGHT),
}


@functools.cache
def scene(name: str) -> bytes:
    """The scene `name` of SCENES as a PNG, the same on every run."""
    drawing, background = SCENES[name]
    image, draw = _canvas(background)
    drawing(draw, random.Random(name))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@functools.cache
def placeholder_portrait(seed: str) -> bytes:
    """A drawn outline of a head and shoulders on a tinted disc: plainly not a photograph."""
    size = 640
    tint = random.Random(seed).choice([SKY, SAND, "#d8ecd2", "#f6d9c4"])
    image = Image.new("RGB", (size, size), tint)
    draw = ImageDraw.Draw(image)
    draw.ellipse([220, 120, 420, 320], outline=BLUE_DARK, width=18)
    draw.arc([110, 360, 530, 780], 180, 360, fill=BLUE_DARK, width=18)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
