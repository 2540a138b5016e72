"""Any upload is either refused with a form error or gives every rendition: never a 500 from the
rendition code (core/images.py, core/renditions.py). Shapes, formats and pixel modes are drawn
at random (hypothesis), and the extreme shapes are named."""

import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from imagekit.specs import ImageSpec
from PIL import Image
from pilkit.processors import ResizeToFill, ResizeToFit

from core.images import MAX_ASPECT_RATIO, SafeImageFormField, clean_upload
from pressroom.images import RENDITION_WIDTHS

# The processing of every rendition of the site: the release's widths and the portrait square.
PROCESSORS = [[ResizeToFit(width=w, upscale=False)] for w in RENDITION_WIDTHS] + [
    [ResizeToFill(320, 320)]
]
# Pillow's format, its extension, and the pixel modes it can write.
FORMATS = {
    "JPEG": (".jpg", ["RGB", "L", "CMYK"]),
    "PNG": (".png", ["RGB", "RGBA", "L", "LA", "P", "1", "I;16"]),
    "WEBP": (".webp", ["RGB", "RGBA"]),
    "GIF": (".gif", ["P", "L"]),
}


def made(image_format, mode, width, height):
    extension, _modes = FORMATS[image_format]
    image = Image.new(mode, (width, height))
    if mode == "P":
        image.putpalette(list(range(256)) * 3)
    out = io.BytesIO()
    image.save(out, image_format)
    return SimpleUploadedFile("upload" + extension, out.getvalue())


def renditions_of(cleaned):
    for processors in PROCESSORS:
        cleaned.seek(0)
        spec = ImageSpec(source=cleaned)
        spec.processors = processors
        spec.format = "WEBP"
        spec.options = {"quality": 80}
        result = spec.generate()
        assert Image.open(result).size[0] > 0


formats_and_modes = st.sampled_from(
    [(image_format, mode) for image_format, (_e, modes) in FORMATS.items() for mode in modes]
)
sides = st.integers(min_value=1, max_value=3000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formats_and_modes, sides, sides)
def test_an_upload_is_refused_with_a_message_or_gives_every_rendition(kind, width, height):
    image_format, mode = kind
    upload = made(image_format, mode, width, height)
    try:
        cleaned = clean_upload(upload)
    except ValidationError as error:
        assert error.messages and error.code
        return
    renditions_of(cleaned)


@pytest.mark.parametrize(
    ("width", "height"), [(2000, 2), (2, 2000), (5000, 1), (1, 5000), (3000, 299)]
)
def test_extreme_shapes_are_a_form_error(width, height):
    field = SafeImageFormField()
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(made("PNG", "RGB", width, height))
    assert refused.value.code == "extreme_shape"
    assert f"{width} × {height}" in refused.value.messages[0]


@pytest.mark.parametrize(("width", "height"), [(3000, 300), (300, 3000), (1, 1), (7, 3)])
def test_ordinary_and_tiny_shapes_pass(width, height):
    assert max(width, height) / min(width, height) <= MAX_ASPECT_RATIO
    renditions_of(clean_upload(made("JPEG", "RGB", width, height)))
