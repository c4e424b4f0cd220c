package org.fengqiao.citizens;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.fengqiao.platform.ProblemException;

/**
 * The citizens' photos: JPEG, PNG or WebP, recognised by their content (the image readers' own signature checks,
 * WebP through TwelveMonkeys), decoded and encoded again from the pixels alone, so no metadata block (EXIF with
 * its GPS position, XMP, ICC comments) survives. JPEG and WebP come out as JPEG, PNG as PNG.
 */
final class Photos {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_PIXELS = 40_000_000;

    record Clean(String filename, byte[] bytes) {
    }

    private Photos() {
    }

    /** The photo re-encoded without metadata; refused on {@code field} when it is not one of the three types. */
    static Clean clean(String field, byte[] content, int index) {
        if (content.length > MAX_BYTES) {
            throw new ProblemException.InvalidInput(field, "public.photo.tooLarge", 10);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ProblemException.InvalidInput(field, "public.photo.notImage");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            if (!format.equals("jpeg") && !format.equals("png") && !format.equals("webp")) {
                throw new ProblemException.InvalidInput(field, "public.photo.notImage");
            }
            try {
                reader.setInput(in, true, true); // ignore metadata: it is never read
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new ProblemException.InvalidInput(field, "public.photo.tooLarge", 10);
                }
                BufferedImage image = reader.read(0);
                boolean png = format.equals("png");
                BufferedImage pixels = png ? image : opaque(image);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (!ImageIO.write(pixels, png ? "png" : "jpeg", out)) {
                    throw new ProblemException.InvalidInput(field, "public.photo.notImage");
                }
                return new Clean("photo-" + index + (png ? ".png" : ".jpg"), out.toByteArray());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException.InvalidInput(field, "public.photo.notImage");
        }
    }

    /** JPEG has no alpha: draw on white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
