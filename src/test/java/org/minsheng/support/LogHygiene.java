package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sends the whole bad-input suite to a packaged service and reads its log: every request is answered
 * cleanly, and no line the requests caused names a Java type or exception, shows a stack frame, or
 * shows SQL.
 */
public final class LogHygiene {

    /** What a log line about a caller's request must never show. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |\\bjava\\.|org\\.minsheng\\.|org\\.hibernate\\.|SQLState|\\bselect\\b.*\\bfrom\\b|"
                    + "\\binsert into\\b",
            Pattern.CASE_INSENSITIVE);

    private LogHygiene() {
    }

    public static void sendEveryBadRequestAndReadTheLog(ServiceProcess service) throws IOException, InterruptedException {
        // The start's last line (the count of the figures) comes after readiness: not one of the requests'.
        service.awaitStartWork(Duration.ofSeconds(60));
        String before = service.log();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (BadRequests.Case request : BadRequests.all()) {
            HttpResponse<String> response = http.send(request.to(service.uri("/graphql")),
                    HttpResponse.BodyHandlers.ofString());
            BadRequests.assertAnsweredCleanly(request, response);
        }
        assertEquals("内蒙古自治区", service.graphql("{ region(code: \"150000\") { name } }").at("/data/region/name")
                .asText(), "a normal query after the suite");
        String caused = service.log().substring(before.length());
        List<String> leaks = caused.lines().filter(line -> INTERNALS.matcher(line).find()).limit(10).toList();
        assertEquals(List.of(), leaks, "log lines with internals, caused by " + BadRequests.all().size() + " bad requests");
    }
}
