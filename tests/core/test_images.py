"""Uploaded photos are checked by content before anything is stored, and stored without metadata
(iom_cms/images.py)."""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.images import MAX_BYTES, clean_upload

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def encoded(image, image_format, **options):
    out = io.BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def png_header_only(width, height):
    """A PNG that announces width × height pixels in a few dozen bytes: how bombs look."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def half_red_half_blue(width=60, height=40):
    image = Image.new("RGB", (width, height), "blue")
    image.paste("red", (0, 0, width // 2, height))
    return image


def jpeg_with_gps():
    """A landscape photo whose EXIF says 'turn me a quarter clockwise', with GPS, XMP, comment."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"  # camera make
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (46.0, 12.0, 30.0)
    gps[3], gps[4] = "E", (6.0, 8.0, 15.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>Jane Doe home</rdf:RDF></x:xmpmeta>'
    return encoded(
        half_red_half_blue(),
        "JPEG",
        exif=exif.tobytes(),
        xmp=xmp,
        comment=b"taken at Jane's house",
        quality=95,
    )


def refusal(name, data):
    with pytest.raises(ValidationError) as caught:
        clean_upload(upload(name, data))
    return caught.value


class TestBadImagesAreRefused:
    def test_a_decompression_bomb_is_refused_before_decoding(self):
        assert refusal("bomb.png", png_header_only(30_000, 30_000)).code == "decompression_bomb"

    def test_an_image_in_pillows_warning_zone_is_refused_too(self):
        # 100 megapixels: Pillow only warns; the warning is made an error.
        assert refusal("big.png", png_header_only(10_000, 10_000)).code == "decompression_bomb"

    def test_an_image_over_forty_megapixels_is_refused_with_its_size(self):
        error = refusal("wide.png", png_header_only(8_000, 6_000))
        assert error.code == "too_many_pixels"
        assert "8000 × 6000" in str(error.messages[0])

    def test_a_file_over_ten_megabytes_is_refused_before_it_is_read(self):
        error = refusal("heavy.jpg", b"\xff\xd8" + b"\0" * MAX_BYTES)
        assert error.code == "file_too_big"
        assert "10,0" in error.messages[0]  # in the editor's language: French here

    def test_a_png_named_jpg_is_refused(self):
        error = refusal("photo.jpg", encoded(half_red_half_blue(), "PNG"))
        assert error.code == "wrong_extension"
        assert "PNG" in error.messages[0] and ".jpg" in error.messages[0]

    def test_an_svg_with_a_script_renamed_png_is_refused(self):
        svg = (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
        )
        assert refusal("logo.png", svg).code == "not_an_image"

    def test_a_text_file_named_jpg_is_refused(self):
        assert refusal("notes.jpg", b"Minutes of the meeting\n").code == "not_an_image"

    def test_an_image_in_another_format_is_refused(self):
        assert refusal("scan.tiff", encoded(half_red_half_blue(), "TIFF")).code == "not_an_image"
        assert refusal("scan.bmp", encoded(half_red_half_blue(), "BMP")).code == "not_an_image"

    def test_a_truncated_file_is_refused(self):
        noise = Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3))
        data = encoded(noise, "JPEG")
        assert refusal("cut.jpg", data[: len(data) // 2]).code == "damaged"

    def test_a_good_image_of_each_format_is_accepted(self):
        for image_format, name in (
            ("JPEG", "a.JPEG"),
            ("PNG", "b.png"),
            ("WEBP", "c.webp"),
            ("GIF", "d.gif"),
        ):
            cleaned = clean_upload(upload(name, encoded(half_red_half_blue(), image_format)))
            assert Image.open(cleaned).format == image_format


class TestMetadataIsStripped:
    def test_gps_exif_xmp_and_comments_are_gone_and_the_photo_stays_upright(self):
        original = jpeg_with_gps()
        assert b"PhoneMaker" in original and b"Jane" in original  # the test data has them
        stored = clean_upload(upload("photo.jpg", original)).read()
        assert b"PhoneMaker" not in stored
        assert b"Jane" not in stored
        assert b"xmpmeta" not in stored
        image = Image.open(io.BytesIO(stored))
        assert not image.getexif()
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert "comment" not in image.info and "xmp" not in image.info
        # Turned a quarter clockwise: now portrait, the red left half on top.
        assert image.size == (40, 60)
        top, bottom = image.getpixel((20, 5)), image.getpixel((20, 55))
        assert top[0] > 200 and top[2] < 60
        assert bottom[2] > 200 and bottom[0] < 60

    def test_png_text_chunks_are_gone_and_transparency_kept(self):
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Jane Doe")
        image = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
        stored = clean_upload(upload("logo.png", encoded(image, "PNG", pnginfo=info))).read()
        assert b"Jane Doe" not in stored
        assert Image.open(io.BytesIO(stored)).getpixel((0, 0))[3] == 0

    def test_a_gif_comment_is_gone(self):
        data = encoded(half_red_half_blue().convert("P"), "GIF", comment=b"Jane's phone")
        assert b"Jane" in data
        assert b"Jane" not in clean_upload(upload("a.gif", data)).read()

    def test_a_valid_colour_profile_is_kept(self):
        from PIL import ImageCms

        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        data = encoded(half_red_half_blue(), "JPEG", icc_profile=profile)
        stored = Image.open(clean_upload(upload("p.jpg", data)))
        assert stored.info.get("icc_profile") == profile

    def test_a_broken_colour_profile_is_dropped(self):
        data = encoded(half_red_half_blue(), "JPEG", icc_profile=b"not a profile, my address")
        stored = Image.open(clean_upload(upload("p.jpg", data)))
        assert not stored.info.get("icc_profile")
