package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.Chromium;
import org.minsheng.support.ServiceProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard in a real browser: Debian's Chromium, driven by Selenium through Debian's
 * chromedriver, against the packaged service. Each view is checked for what a reader must see, for
 * one GraphQL request per page load, for no console errors and for no serious accessibility
 * violations (axe-core). Screenshots go to target/screenshots/. Without Chromium the tests are
 * skipped, unless MINSHENG_BROWSER_TESTS=required (as .ci/run sets it, after installing Chromium).
 */
@Tag("h2")
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceProcess service;
    private static ChromeDriver browser;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start("minsheng-chromium");
        Path dir = ServiceProcess.workDir("minsheng-browser");
        service = ServiceProcess.start(dir, Map.of("minsheng.data-dir", dir.resolve("data").toString()), Map.of())
                .awaitReady(Duration.ofSeconds(120));
        try (InputStream in = DashboardBrowserIT.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void chinese() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/");
        script("localStorage.setItem('minsheng.lang', 'zh')");
    }

    /** Every page the test opened logged no error to the console. */
    @AfterEach
    void noConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console errors");
    }

    private static void open(String path) {
        browser.get(service.uri(path).toString());
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void awaitText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by,
                text));
    }

    private static void screenshot(String name) throws IOException {
        script("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** GraphQL requests the page made since it loaded. */
    private static long graphqlRequests() {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === '/graphql').length");
    }

    /** axe-core's serious and critical violations on the page as it is now. */
    private static List<String> accessibilityViolations() throws IOException {
        script(axe);
        String result = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e) }])));""");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(result)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText() + " "
                        + violation.path("nodes").path(0).path("target"));
            }
        }
        return serious;
    }

    @Test
    void theOverviewShowsTheHeadlineFiguresAndExpandsACardToItsQuote() throws IOException {
        open("/");
        WebElement card = await(By.cssSelector("article[data-indicator='employment.urban_new_jobs']"));
        assertTrue(card.getText().contains("20.1万"), card.getText());
        assertTrue(card.getText().contains("2024"), "its period");
        WebElement quote = card.findElement(By.tagName("blockquote"));
        assertTrue(!quote.isDisplayed(), "the quote is folded away");
        card.findElement(By.tagName("summary")).click();
        assertTrue(quote.isDisplayed());
        assertEquals("2024年城镇新增就业20.1万人", quote.getText());
        // A bound says so: 1870余家 carries its qualifier.
        WebElement institutions = browser.findElement(By.cssSelector("article[data-indicator='childcare.institutions']"));
        assertTrue(institutions.findElement(By.className("badge")).isDisplayed(), institutions.getText());
        assertEquals(1, graphqlRequests(), "the overview loads with one GraphQL request");
        assertEquals(List.of(), script("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => new URL(n).origin !== location.origin)"),
                "nothing is loaded from outside the service");
        screenshot("overview");
        assertEquals(List.of(), accessibilityViolations());

        @SuppressWarnings("unchecked")
        List<Long> sizes = (List<Long>) script("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.decodedBodySize)");
        long bytes = sizes.stream().mapToLong(Long::longValue).sum();
        Files.writeString(SCREENSHOTS.resolve("overview-weight.txt"), bytes + " bytes in " + sizes.size()
                + " responses (uncompressed), the GraphQL answer included\n");
        System.out.println("Overview page weight: " + bytes + " bytes in " + sizes.size() + " responses");
        assertTrue(bytes < 1_500_000, bytes + " bytes");
    }

    @Test
    void theExplorerExpandsTheTreeDownToHaibowanAndShowsItsFigures() throws IOException {
        open("/region/150000");
        await(By.cssSelector("li[data-code='150300'] > button")).click();
        WebElement haibowan = await(By.cssSelector("li[data-code='150302'] > a"));
        haibowan.click();
        awaitText(By.tagName("h1"), "海勃湾区");
        assertTrue(browser.getCurrentUrl().endsWith("/region/150302"), browser.getCurrentUrl());
        WebElement crumbs = browser.findElement(By.className("crumbs"));
        assertTrue(crumbs.getText().contains("乌海市"), crumbs.getText());
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("步入占地2800平方米的零工市场"), "Haibowan's figures with their quotes");
        assertTrue(page.contains("20余人") || page.contains("20多"), "a bound as written");
        // Its programmes include those of the regions above it.
        assertTrue(!browser.findElements(By.cssSelector("a[href^='/program/']")).isEmpty());
        screenshot("region");
        assertEquals(List.of(), accessibilityViolations());
    }

    @Test
    void englishIsOneClickAwayAndRemembered() {
        open("/");
        await(By.cssSelector("article[data-indicator='employment.urban_new_jobs']"));
        browser.findElement(By.id("lang")).click();
        awaitText(By.cssSelector("article[data-indicator='employment.urban_new_jobs']"), "New urban jobs");
        open("/indicator/employment.urban_new_jobs");
        awaitText(By.tagName("h1"), "New urban jobs");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void anIndicatorPageDrawsItsChartWithBoundsAsBounds() throws IOException {
        open("/indicator/employment.rural_labour_transfer");
        await(By.cssSelector("#chart svg path"));
        Long points = (Long) script("const c = echarts.getInstanceByDom(document.getElementById('chart'));"
                + " return c.getOption().series.reduce((n, s) => n + s.data.length, 0)");
        assertTrue(points >= 4, "the chart holds the figures: " + points);
        Object boundSymbol = script("const c = echarts.getInstanceByDom(document.getElementById('chart'));"
                + " const s = c.getOption().series.find(s => s.type === 'scatter'); return s && s.data[0].symbol");
        assertEquals("emptyTriangle", boundSymbol, "an 'at least' figure is drawn as a bound");
        assertEquals(1, graphqlRequests());
        screenshot("indicator");
        assertEquals(List.of(), accessibilityViolations());
    }

    @Test
    void deepLinksOpenTheirViewsAndErrorsAreShown() throws IOException {
        open("/region/150300");
        awaitText(By.tagName("h1"), "乌海市");
        assertEquals(1, graphqlRequests(), "a region page, its tree open down to it, loads with one request");
        assertTrue(browser.findElement(By.cssSelector("li[data-code='150300'] > a")).getAttribute("aria-current") != null);
        open("/program/employment-first-strategy");
        WebElement title = await(By.tagName("h1"));
        assertTrue(!title.getText().isBlank());
        assertTrue(!browser.findElements(By.cssSelector("main a[href^='/region/']")).isEmpty(), "where it runs");
        assertEquals(1, graphqlRequests());
        assertEquals(List.of(), accessibilityViolations());
        open("/search?q=" + java.net.URLEncoder.encode("海勃湾", StandardCharsets.UTF_8));
        await(By.cssSelector(".results a[href='/region/150302']"));
        open("/region/999999");
        WebElement alert = await(By.cssSelector("[role=alert]"));
        assertTrue(alert.getText().contains("999999"), alert.getText());
    }

    @Test
    void thePagesFitAPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(375, 812));
        for (String path : List.of("/", "/region/150302", "/region/150300", "/region/150000",
                "/indicator/childcare.institutions", "/indicator/population.resident")) {
            open(path);
            await(By.tagName("h1"));
            Long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow <= 0, path + " is wider than the phone by " + overflow + " px");
        }
        screenshot("phone-indicator");
    }

    /**
     * The census as the line logged after the start counts it: 108 counties × 14 indicators, beside the
     * article's 51 figures.
     */
    @Test
    void theStartupLineCountsTheCensus() {
        // Counted once the service is ready, after readiness turned UP.
        String line = service.awaitLogLine("Figures by source: ", Duration.ofSeconds(30));
        assertTrue(line.contains("census-2020: 1512 figures (108 regions × 14 indicators)"), line);
        assertTrue(line.contains("nmg-minsheng-2025: 51 figures"), line);
    }

    @Test
    void aCountyPageShowsItsCensusProfile() throws IOException {
        open("/region/150302");
        WebElement profile = await(By.cssSelector("section.census"));
        String text = profile.getText();
        assertTrue(text.contains("第七次人口普查概况"), text);
        assertTrue(profile.findElement(By.cssSelector("[data-indicator='population.resident']")).getText()
                .contains("339155"), text);
        assertTrue(profile.findElement(By.cssSelector("[data-indicator='employment.employment_ratio']")).getText()
                .contains("抽样"), "a sample estimate is marked as one: " + text);
        assertTrue(profile.findElement(By.cssSelector("[data-indicator='population.aged_65_plus']")).getText()
                .contains("推算"), "a derived figure is marked as one: " + text);
        assertEquals(14, profile.findElements(By.cssSelector("dl.profile > div")).size(), text);
        assertEquals(1, graphqlRequests(), "a region page, its census profile included, loads with one request");
        screenshot("county-census");
        assertEquals(List.of(), accessibilityViolations());
        open("/region/150300");
        WebElement sum = await(By.cssSelector("[data-rollup='population.resident']"));
        assertTrue(sum.getText().contains("556,621") && sum.getText().contains("3/3"), sum.getText());
    }

    /** The ranked chart of one indicator: every county of a prefecture, in order, and the other way round. */
    @Test
    void theRankingListsEveryCountyOfAPrefectureInOrder() throws IOException {
        open("/indicator/population.resident?within=150200");
        await(By.cssSelector("#ranking-chart svg"));
        String table = browser.findElement(By.cssSelector("main table")).getText();
        assertTrue(table.contains("全面登记") && table.contains("整数"), "each figure's status and precision: " + table);
        List<String> children = new ArrayList<>();
        for (JsonNode child : service.graphql("{ region(code: \"150200\") { children { code level } } }", Map.of(), Map.of())
                .at("/data/region/children")) {
            if (child.get("level").asText().equals("COUNTY")) {
                children.add(child.get("code").asText());
            }
        }
        List<WebElement> items = browser.findElements(By.cssSelector("ol.ranking li"));
        assertEquals(children.size(), items.size(), "every county of Baotou");
        List<Long> values = new ArrayList<>();
        for (WebElement item : items) {
            values.add(Long.parseLong(((String) script("return arguments[0].querySelector('.num').textContent",
                    item)).replaceAll("[^0-9]", "")));
        }
        List<Long> descending = new ArrayList<>(values);
        descending.sort(java.util.Comparator.reverseOrder());
        assertEquals(descending, values, "highest first");
        Long bars = (Long) script("const c = echarts.getInstanceByDom(document.getElementById('ranking-chart'));"
                + " return c.getOption().series[0].data.length");
        assertEquals(children.size(), bars.intValue(), "one bar a county");
        assertEquals(1, graphqlRequests());
        screenshot("ranking");
        assertEquals(List.of(), accessibilityViolations());

        String highest = items.get(0).getAttribute("data-code");
        String lowest = items.get(items.size() - 1).getAttribute("data-code");
        browser.findElement(By.id("order")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("order=asc"));
        awaitText(By.id("order"), "从低到高");
        assertEquals(lowest, browser.findElement(By.cssSelector("ol.ranking li")).getAttribute("data-code"),
                "lowest first");
        assertEquals(highest, script("return [...document.querySelectorAll('ol.ranking li')].at(-1).dataset.code"));
        assertEquals(children.size(), browser.findElements(By.cssSelector("ol.ranking li")).size());

        browser.findElement(By.id("lang")).click();
        awaitText(By.id("ranking-title"), "Counties ranked");
    }

    @Test
    void theKeyboardReachesTheSearchAndFocusIsVisible() {
        open("/");
        await(By.cssSelector("article"));
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("托育", org.openqa.selenium.Keys.ENTER);
        await(By.cssSelector(".results a[href^='/indicator/childcare']"));
        String outline = (String) script("const a = document.querySelector('.results a'); a.focus();"
                + " return getComputedStyle(a).outlineStyle");
        assertTrue(!outline.equals("none"), "a focused link shows its focus: " + outline);
    }
}
