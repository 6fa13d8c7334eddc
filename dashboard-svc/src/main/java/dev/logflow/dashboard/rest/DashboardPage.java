package dev.logflow.dashboard.rest;

import com.mongodb.MongoException;
import dev.logflow.dashboard.config.DashboardConfig;
import dev.logflow.dashboard.model.Level;
import dev.logflow.dashboard.service.DashboardService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * {@code GET /}: the dashboard page. The page is a shell; {@code /js/dashboard.js} fills it from the API and keeps
 * it fresh. Settings reach the script as {@code data-*} attributes because the Content-Security-Policy allows no
 * inline script.
 */
@Path("/")
public class DashboardPage {

    private static final Logger LOG = Logger.getLogger(DashboardPage.class);

    /** Window lengths offered in the page's window menu. */
    static final List<WindowOption> WINDOWS = List.of(
            new WindowOption("15m", "Last 15 minutes"),
            new WindowOption("60m", "Last 60 minutes"),
            new WindowOption("6h", "Last 6 hours"),
            new WindowOption("24h", "Last 24 hours"),
            new WindowOption("7d", "Last 7 days"));

    private final DashboardService dashboard;
    private final DashboardConfig config;

    DashboardPage(DashboardService dashboard, DashboardConfig config) {
        this.dashboard = dashboard;
        this.config = config;
    }

    /** Type-safe templates under {@code templates/DashboardPage/}. */
    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(PageSettings settings);

        private Templates() {}
    }

    /**
     * One entry of the window menu.
     *
     * @param value the {@code window} parameter, as {@code 6h}
     * @param label what the menu shows
     */
    public record WindowOption(String value, String label) {}

    /**
     * What the template shows before the script runs.
     *
     * @param refreshMillis refresh interval of the page
     * @param timeZone zone of the times shown
     * @param defaultWindow window chosen when the address names none, as {@code 60m}
     * @param windows the window menu
     * @param services known services for the filter
     * @param levels the levels for the filter
     */
    public record PageSettings(
            long refreshMillis,
            String timeZone,
            String defaultWindow,
            List<WindowOption> windows,
            List<String> services,
            List<String> levels) {}

    /** @return the page */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page() {
        return Templates.index(settings());
    }

    private PageSettings settings() {
        String defaultWindow = Math.max(1, config.defaultWindow().toMinutes()) + "m";
        return new PageSettings(
                config.refreshInterval().toMillis(),
                config.timeZone().getId(),
                defaultWindow,
                windows(defaultWindow),
                knownServices(),
                Arrays.stream(Level.values()).map(Enum::name).toList());
    }

    /** Without the database the page still loads; its script then shows what is wrong and keeps trying. */
    private List<String> knownServices() {
        try {
            return dashboard.services();
        } catch (MongoException e) {
            LOG.warnf("Service names unavailable, the filter lists none: %s", e.getMessage());
            return List.of();
        }
    }

    /** The configured default window is always on the menu, even when it is not one of the usual lengths. */
    private static List<WindowOption> windows(String defaultWindow) {
        boolean listed = WINDOWS.stream().anyMatch(option -> option.value().equals(defaultWindow));
        if (listed) {
            return WINDOWS;
        }
        List<WindowOption> windows = new ArrayList<>(WINDOWS);
        windows.add(0, new WindowOption(defaultWindow, "Last " + defaultWindow.replace("m", " minutes")));
        return windows;
    }
}
