package dev.logflow.dashboard.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Headless Debian Chromium driven by Playwright for Java. Playwright never downloads a browser here; a missing
 * Chromium fails the test with the command that installs it.
 */
final class Browser implements AutoCloseable {

    /** Phone and desktop viewports the page is checked and photographed at. */
    static final int[] PHONE = {390, 844};

    static final int[] DESKTOP = {1440, 900};

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Lets a test collect garbage and read exact heap sizes to see that refreshes do not leak.
            "--js-flags=--expose-gc",
            "--enable-precise-memory-info");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Starts Chromium from {@code -Dlogflow.chromium}, env {@code CHROMIUM_PATH}, or {@code /usr/bin/chromium}. */
    static Browser start() {
        Path executable = Path.of(System.getProperty(
                "logflow.chromium", System.getenv().getOrDefault("CHROMIUM_PATH", DEFAULT_CHROMIUM)));
        if (!Files.isExecutable(executable)) {
            fail("Chromium not found at " + executable + ": the browser tests need Debian's package"
                    + " (apt-get install -y chromium, as .ci/run does) or -Dlogflow.chromium=<path>");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setExecutablePath(executable).setArgs(FLAGS);
        return new Browser(playwright, playwright.chromium().launch(options));
    }

    /** A fresh page of the given size that records every request it makes. */
    RecordedPage open(int[] viewport) {
        Page page = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(viewport[0], viewport[1]))
                .newPage();
        return new RecordedPage(page);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /** A page and everything it asked for, said and suffered. */
    static final class RecordedPage implements AutoCloseable {

        final Page page;
        final List<String> requests = new ArrayList<>();
        final List<String> dialogs = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        RecordedPage(Page page) {
            this.page = page;
            page.onRequest(request -> requests.add(request.url()));
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.onPageError(errors::add);
        }

        /** @return the requests that went anywhere but this machine's loopback */
        List<String> requestsLeavingLocalhost() {
            return requests.stream().filter(url -> !isLocal(url)).toList();
        }

        /** Waits until the page has finished {@code count} refreshes in all. */
        void awaitRefreshes(int count) {
            page.waitForFunction("n => window.logflowDashboard && window.logflowDashboard.refreshCount >= n", count);
        }

        int refreshCount() {
            return ((Number) page.evaluate("() => window.logflowDashboard.refreshCount")).intValue();
        }

        void screenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", name + ".png"))
                    .setFullPage(true));
        }

        private static boolean isLocal(String url) {
            URI uri = URI.create(url);
            boolean local = uri.getHost() != null && LOCAL_HOSTS.contains(uri.getHost());
            return local || url.startsWith("data:") || url.startsWith("blob:");
        }

        @Override
        public void close() {
            page.context().close();
        }
    }
}
