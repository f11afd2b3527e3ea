package io.github.rnnkit.notebook;

import io.github.rnnkit.notebook.fake.FakeIJava;
import io.github.rnnkit.plot.MovableFigure;
import io.github.rnnkit.plot.Plots;
import io.github.rnnkit.util.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Show.movable: one output with Vega-Lite, a PNG of the default view and text; the PNG alone where bundles are not taken. */
class ShowMovableTest {

    private static final double[] X = Grid.linspace(0, 10, 11);

    /** A flat line at y = c + 3d over a fixed range 0…10, opening at c = c0, d = d0. */
    private static MovableFigure flat(double c0, double d0) {
        return Plots.movable("flat").yRange(0, 10)
                .slider("c", "c", new double[] {1, 2, 3}, c0)
                .radio("d", "d", new double[] {0, 1}, d0)
                .series("c + 3d", X, s -> Grid.map(X, x -> s.value("c") + 3 * s.value("d")))
                .build();
    }

    private static BufferedImage png(Map<String, Object> bundle) throws IOException {
        byte[] bytes = Base64.getDecoder().decode((String) bundle.get("image/png"));
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** The mean row of the pixels drawn in the first palette colour (the line: a lone series has no legend). */
    private static double lineRow(BufferedImage img) {
        Color blue = Plots.PALETTE[0];
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() - blue.getRed()) + Math.abs(c.getGreen() - blue.getGreen())
                        + Math.abs(c.getBlue() - blue.getBlue()) < 60) {
                    sum += y;
                    n++;
                }
            }
        }
        assertTrue(n > 100, "no line in the picture: " + n + " blue pixels");
        return sum / n;
    }

    @BeforeEach
    void clearFake() {
        FakeIJava.clear();
    }

    @Test
    void theBundleHoldsTheSpecAPngAndTextInThatOrder() throws IOException {
        MovableFigure f = flat(2, 0);
        Map<String, Object> bundle = Show.bundle(f);
        assertEquals(List.of(MovableFigure.MIME, "image/png", "text/plain"), List.copyOf(bundle.keySet()));
        assertSame(f.spec(), bundle.get(MovableFigure.MIME));
        BufferedImage img = png(bundle);
        assertEquals(List.of(720, 420), List.of(img.getWidth(), img.getHeight()));
        assertEquals(f.toString(), bundle.get("text/plain"));
    }

    @Test
    void thePngDrawsTheInitialSettingOnTheSharedAxis() throws IOException {
        // initial y = 2, 4 (c = 1, d = 1) and 6 (c = 3, d = 1): higher values are drawn higher, equally spaced
        double two = lineRow(png(Show.bundle(flat(2, 0))));
        double four = lineRow(png(Show.bundle(flat(1, 1))));
        double six = lineRow(png(Show.bundle(flat(3, 1))));
        assertTrue(two > four + 20 && four > six + 20, two + " " + four + " " + six);
        assertEquals(two - four, four - six, 2.0, "a linear axis spaces y = 2, 4, 6 equally");
    }

    @Test
    void aKernelOfTheIJavaFamilyGetsOneOutputWithEveryType() throws IOException {
        Display display = KernelDisplay.find(List.of(new KernelDisplay.Candidate(FakeIJava.class.getName(), false,
                FakeIJava.DisplayDataRenderable.class.getName())), getClass().getClassLoader()).orElseThrow();
        MovableFigure f = flat(2, 0);
        Show.movable(f, display);
        assertEquals(1, FakeIJava.published().size());
        Map<String, Object> out = FakeIJava.published().get(0);
        assertEquals(List.of(MovableFigure.MIME, "image/png", "text/plain"), List.copyOf(out.keySet()));
        assertEquals(f.spec(), out.get(MovableFigure.MIME));
        assertEquals(lineRow(png(Show.bundle(f))), lineRow(png(out)), 0.0);
    }

    @Test
    void aKernelThatTakesNoBundleShowsThePngAloneAndSaysSoOnce() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Display display = KernelDisplay.choose(List.of(new KernelDisplay.Candidate(FakeIJava.class.getName(), false)),
                Optional.of("started with kernel-1.json"), new PrintStream(said, true, StandardCharsets.UTF_8),
                getClass().getClassLoader());
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("Movable figures appear as a PNG of their default view"), text);
        Show.movable(flat(2, 0), display);
        assertEquals(1, FakeIJava.published().size());
        Map<String, Object> out = FakeIJava.published().get(0);
        assertEquals(List.of("image/png"), List.copyOf(out.keySet()));
        RenderedImage img = assertInstanceOf(RenderedImage.class, out.get("image/png"));
        assertEquals(720, img.getWidth());
    }

    @Test
    void outsideAKernelTheFigureIsALineOfText() {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MovableFigure f = flat(2, 0);
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Show.movable(f, new StdoutDisplay());
        } finally {
            System.setOut(before);
        }
        assertEquals(f + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }
}
