package io.safetyhub.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTest {

    /** Every status a framework can raise on its own gets its RFC 9110 / RFC 6585 title and its own stable code. */
    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "400 | Bad Request                     | BAD_REQUEST",
            "401 | Unauthorized                    | UNAUTHENTICATED",
            "405 | Method Not Allowed              | METHOD_NOT_ALLOWED",
            "406 | Not Acceptable                  | NOT_ACCEPTABLE",
            "413 | Content Too Large               | BODY_TOO_LARGE",
            "414 | URI Too Long                    | URI_TOO_LONG",
            "415 | Unsupported Media Type          | UNSUPPORTED_MEDIA_TYPE",
            "429 | Too Many Requests               | TOO_MANY_REQUESTS",
            "431 | Request Header Fields Too Large | HEADERS_TOO_LARGE",
            "502 | Bad Gateway                     | BAD_GATEWAY",
            "599 | HTTP 599                        | INTERNAL",
    })
    void shouldNameStatusWhenFrameworkRaisesIt(int status, String title, String code) {
        Problem problem = Problem.of(status, Problem.codeOf(status), "detail", null, "/api/x");
        assertEquals(title, problem.title());
        assertEquals(code, problem.code());
        assertEquals(Problem.TYPE_BASE + code.toLowerCase().replace('_', '-'), problem.type());
    }
}
