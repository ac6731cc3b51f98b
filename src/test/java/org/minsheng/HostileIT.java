package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.minsheng.support.Chromium;
import org.minsheng.support.Hostile;
import org.minsheng.support.Hostile.Case;
import org.minsheng.support.HostileCases;
import org.minsheng.support.HostileService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hostile suite against the packaged embedded service ({@code -Xmx256m}): every case of
 * {@link HostileCases}, markup where a reader sees it in Chromium, then kills and restarts, and at the
 * end the service's log of the whole run, which must show no stack trace. Its table is
 * target/hostile/h2.md.
 */
@Tag("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileIT {

    /** What the markup cases plant; executed, it would set this global. */
    private static final String MARKUP = "<img src=x onerror=\"window.__pwned=1\">";

    private HostileService service;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        service = HostileService.embedded("minsheng-hostile");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileSuite() {
        List<Case> cases = new ArrayList<>(HostileCases.all(service));
        cases.addAll(dashboard());
        cases.addAll(HostileCases.restarts(service));
        cases.add(new Case("log", "the service's log of the whole run", "no stack trace, no exception type, no "
                + "OutOfMemoryError", () -> assertEquals(List.of(), Hostile.stackTraces(service.logs()))));
        return Hostile.tests("h2", cases);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void open(String path) {
        if (browser == null) {
            browser = Chromium.start("minsheng-hostile-chromium");
        }
        script("window.__pwned = undefined");
        browser.get(service.uri(path).toString());
    }

    private WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Nothing the markup carries ran, and no element it names was made. */
    private void notExecuted() throws InterruptedException {
        Thread.sleep(300);
        assertEquals(null, script("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertTrue(browser.findElements(By.cssSelector("main img[src='x'], main script")).isEmpty(), "no element made");
    }

    private JsonNode mutate(String name, String selection, Map<String, Object> input) {
        String type = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
        JsonNode answer = HostileService.parse(service.graphql(service.token("editor@example.org", "editor"),
                "mutation($input: " + type + "!) { " + name + "(input: $input) { " + selection + " } }",
                Map.of("input", input)).body());
        assertFalse(answer.has("errors"), answer::toString);
        return answer;
    }

    private List<Case> dashboard() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("dashboard", "a programme named " + MARKUP + ", its page opened in Chromium",
                "the name shown as text; nothing executed", () -> {
                    mutate("createProgram", "program { code }", Map.of("code", "hostile-markup", "name", MARKUP,
                            "nameEn", MARKUP, "theme", "EMPLOYMENT", "kind", "CAMPAIGN", "regionCodes", List.of("150302")));
                    open("/program/hostile-markup");
                    assertEquals(MARKUP, await(By.tagName("h1")).getText());
                    notExecuted();
                }));
        cases.add(new Case("dashboard", "a figure of 150302 whose quote and note are markup, the region's page opened",
                "the page shows them as text; nothing executed", () -> {
                    mutate("createSource", "source { code }", Map.of("code", "hostile-markup", "title", MARKUP));
                    mutate("createObservation", "observation { id }", Map.of("indicatorCode", "employment.gig_markets",
                            "regionCode", "150302", "periodStart", "2010-01-01", "periodEnd", "2010-12-31", "value", 3,
                            "qualifier", "EXACT", "sourceCode", "hostile-markup", "quote", MARKUP + " 3", "note",
                            "<script>window.__pwned=2</script>"));
                    open("/region/150302");
                    await(By.tagName("h1"));
                    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("main"))
                            .getText().contains("onerror"));
                    notExecuted();
                }));
        cases.add(new Case("dashboard", "a search for " + MARKUP, "the query shown as text in the search; nothing executed",
                () -> {
                    open("/search?q=" + URLEncoder.encode(MARKUP, StandardCharsets.UTF_8));
                    await(By.tagName("main"));
                    notExecuted();
                    assertTrue(browser.getPageSource().contains("onerror") || browser.findElement(By.tagName("main"))
                            .getText().contains("onerror")
                            || !browser.findElements(By.cssSelector("input[type=search]"))
                                    .isEmpty());
                }));
        cases.add(new Case("dashboard", "a deep link /region/<script>…</script>", "an alert naming the code as text; "
                + "nothing executed", () -> {
                    open("/region/" + URLEncoder.encode("<script>window.__pwned=3</script>", StandardCharsets.UTF_8)
                            .replace("+", "%20"));
                    WebElement alert = await(By.cssSelector("[role=alert]"));
                    assertTrue(alert.getText().contains("script"), alert.getText());
                    notExecuted();
                }));
        cases.add(new Case("dashboard", "GET / and read its Content-Security-Policy", "script-src 'self' without "
                + "'unsafe-inline': an injected inline script would not run", () -> {
                    String csp = service.get("/", null).headers().firstValue("Content-Security-Policy").orElse("");
                    assertTrue(csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
                }));
        return cases;
    }
}
